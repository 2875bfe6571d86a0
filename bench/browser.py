"""A large neighbourhood in a real browser: from the request to an interactive map.

Serves the app on 127.0.0.1 in a thread, signs in with Debian's chromium (Playwright), and
times `/analysis/neighbourhood` for a node with a large neighbourhood, up to the moment the
map says it is drawn and ready (`data-ready`)."""

from __future__ import annotations

import shutil
import threading
import time

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from app import access
from app.db import Database
from bench.report import Figure
from bench.web import BENCH_EMAIL, BENCH_PASSWORD, bench_app, percentile, signed_in_client

TARGET_SECONDS = 2.0
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"]


def measure(db: Database, seed: int, nodes: int, samples: int) -> list[Figure]:
    chromium = shutil.which("chromium")
    if chromium is None:
        return [Figure("browser: neighbourhood map", None, "s", note="no chromium on this machine")]
    app = bench_app(db)
    signed_in_client(app)  # makes sure the bench account exists
    # The agency with most staff reaches the most nodes in two steps.
    start = max(db.read("analysis/caseloads", hide_sensitive=False, **access.sensitivity_params()),
                key=lambda r: r["children"])["professional_id"]
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    times, drawn = [], 0
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{base}/login")
            page.fill("#email", BENCH_EMAIL)
            page.fill("#password", BENCH_PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url(f"{base}/")
            url = f"{base}/analysis/neighbourhood?id={start}&hops=2&cap={nodes}"
            for _ in range(samples + 1):  # the first is a warm-up
                started = time.perf_counter()
                page.goto(url)
                page.wait_for_selector("#network-map[data-ready=true]", timeout=60_000)
                times.append(time.perf_counter() - started)
            drawn = page.evaluate("window.networkMap.network.body.nodeIndices.length")
            browser.close()
    finally:
        server.shutdown()
        app.extensions["neo4j"].close()
    times = times[1:]
    p95 = percentile(times, 95)
    return [Figure(f"browser: {drawn:,}-node neighbourhood, request to interactive, p95", p95,
                   "s", f"< {TARGET_SECONDS:.0f}", p95 < TARGET_SECONDS,
                   f"{samples} loads in chromium (server layout included)")]
