"""Maps in a real browser: from the request to an interactive map.

Serves the app on 127.0.0.1 in a thread, signs in with Debian's chromium (Playwright), and
times, up to the moment the map says it is drawn and ready (`data-ready`): a family of 60
people and professionals (`/families/<id>/map`, its layout worked out afresh each time), and
`/analysis/neighbourhood` for a node with a large neighbourhood."""

from __future__ import annotations

import shutil
import threading
import time

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from app import access
from app.db import Database
from bench.report import Figure
from bench.web import BENCH_EMAIL, BENCH_PASSWORD, app_against, percentile, signed_in_client
from graph_views import family_map
from seed.synthetic_family import write_family

TARGET_SECONDS = 2.0
FAMILY_TARGET_SECONDS = 0.5
FAMILY_ID = "bench-map-60"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"]


def measure(db: Database, seed: int, nodes: int, samples: int,
            family_samples: int = 20) -> list[Figure]:
    chromium = shutil.which("chromium")
    if chromium is None:
        return [Figure("browser: maps", None, "s", note="no chromium on this machine")]
    with app_against(db) as app:
        signed_in_client(app)  # makes sure the bench account exists
        # The agency with most staff reaches the most nodes in two steps.
        start = max(db.read("analysis/caseloads", hide_sensitive=False, **access.sensitivity_params()),
                    key=lambda r: r["children"])["professional_id"]
        # A family as large as the map is made for, removed again afterwards: the area's own
        # figures must not see it.
        db.run_script("bench/delete_by_id_prefix", prefix=FAMILY_ID)
        write_family(db, FAMILY_ID, 60)
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1366, "height": 768})
                page.goto(f"{base}/login")
                page.fill("#email", BENCH_EMAIL)
                page.fill("#password", BENCH_PASSWORD)
                page.get_by_role("button", name="Sign in").click()
                page.wait_for_url(f"{base}/")
                family_times = _loads(page, f"{base}/families/{FAMILY_ID}/map", family_samples,
                                      before=family_map.forget_layouts,
                                      settle="#gaps-panel[data-loaded=true]")
                family_drawn = page.evaluate(
                    "window.networkMap.nodes.get().filter(n => !n.hidden && "
                    "['child', 'adult', 'professional'].includes(n.kind)).length")
                page.set_viewport_size({"width": 1400, "height": 1000})
                times = _loads(page, f"{base}/analysis/neighbourhood?id={start}&hops=2&cap={nodes}",
                               samples)
                drawn = page.evaluate("window.networkMap.network.body.nodeIndices.length")
                browser.close()
        finally:
            server.shutdown()
            db.run_script("bench/delete_by_id_prefix", prefix=FAMILY_ID)
    family_p95, p95 = percentile(family_times, 95), percentile(times, 95)
    return [
        Figure(f"browser: family map of {family_drawn} people and professionals, "
               "request to interactive, p95",
               family_p95, "s", f"< {FAMILY_TARGET_SECONDS}", family_p95 < FAMILY_TARGET_SECONDS,
               f"{family_samples} loads in chromium at 1366x768, layout worked out each time"),
        Figure(f"browser: {drawn:,}-node neighbourhood, request to interactive, p95", p95,
               "s", f"< {TARGET_SECONDS:.0f}", p95 < TARGET_SECONDS,
               f"{samples} loads in chromium (server layout included)"),
    ]


def _loads(page, url: str, samples: int, before=lambda: None,
           settle: str | None = None) -> list[float]:
    """Seconds from asking for the page to the map being ready, per load (after one).
    `settle`: what the page still fetches once ready (not timed), waited for so that it
    does not weigh on the next load."""
    times = []
    for _ in range(samples + 1):  # the first is a warm-up
        before()
        started = time.perf_counter()
        page.goto(url, wait_until="commit")
        page.wait_for_selector("#network-map[data-ready=true]", timeout=60_000)
        times.append(time.perf_counter() - started)
        if settle:
            page.wait_for_selector(settle, timeout=60_000)
    return times[1:]
