"""Signed-in users at once, on loopback, against the app served as `make run` serves it
(gunicorn with config/gunicorn.py), driven by `locust` headless (bench/locustfile.py):
requests per second, p50 / p95 / p99, errors, and how the CPU was shared between the app,
Neo4j and the load tool itself (all on the same cores)."""

from __future__ import annotations

import csv
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import psutil

from app.db import Database
from bench.report import Figure
from bench.web import app_against, bench_store_url, csrf_token_of, signed_in_client

ROOT = Path(__file__).resolve().parents[1]
RATE_TARGET = 150.0  # requests per second
P95_TARGET = 250.0  # ms
# As `make run` serves the app.
GUNICORN = ["--config", "config/gunicorn.py", "app:create_app()"]


def measure(db: Database, seed: int, users: int, seconds: int) -> list[Figure]:
    with app_against(db) as app:
        data = _load_data(app, db, seed, users)
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        data_file = Path(tmp) / "data.json"
        data_file.write_text(json.dumps(data))
        with _served(db) as (url, app_process):
            neo4j = _listening_on(int(db.uri.rsplit(":", 1)[1]))
            before = {"app": _cpu(app_process), "neo4j": _cpu(neo4j)}
            locust_cpu, wall = _run_locust(url, data_file, Path(tmp) / "run", users, seconds)
            cpu = {"app": _cpu(app_process) - before["app"],
                   "neo4j": _cpu(neo4j) - before["neo4j"], "load tool": locust_cpu}
        totals = _aggregated(Path(tmp) / "run_stats.csv")
        _print_by_page(Path(tmp) / "run_stats.csv")
        failed = _failures(Path(tmp) / "run_failures.csv")
    rate, p95 = totals["Requests/s"], totals["95%"]
    failures = int(totals["Failure Count"])
    name = f"load: {users} users at once"
    note = f"{int(totals['Request Count']):,} requests in {seconds} s, no pause between them"
    return [
        Figure(f"{name}, requests/s", rate, "req/s", f">= {RATE_TARGET:.0f}", rate >= RATE_TARGET,
               note),
        Figure(f"{name} p50", totals["50%"], "ms"),
        Figure(f"{name} p95", p95, "ms", f"< {P95_TARGET:.0f}", p95 < P95_TARGET),
        Figure(f"{name} p99", totals["99%"], "ms"),
        Figure(f"{name}, errors", failures, "requests", "0", failures == 0, failed),
        *[Figure(f"{name}, CPU of {part}", used / wall, "cores",
                 note="2 cores in all" if part == "app" else "")
          for part, used in cpu.items()],
    ]


def _load_data(app, db: Database, seed: int, users: int) -> dict:
    """Sessions for `users` coordinators (signed in here, so that no password is hashed
    during the run), and the families and names they work with."""
    prefix = f"s{seed}-"
    cookie_name = app.config["SESSION_COOKIE_NAME"]
    sessions = []
    for n in range(users):
        client = signed_in_client(app, "coordinator", name=f"load-{n:02d}")
        token = csrf_token_of(client.get("/search").get_data(as_text=True))
        sessions.append({"cookie": client.get_cookie(cookie_name).value, "csrf_token": token})
    families = [r["family_id"] for r in db.read("bench/families_by_network_size", prefix=prefix,
                                                min=10, max=50, limit=500)]
    names = [f"{r['given_name']} {r['family_name']}"
             for r in db.read("bench/sample_names", prefix=prefix, limit=500)]
    return {"cookie_name": cookie_name, "sessions": sessions, "families": families,
            "names": names}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def _served(db: Database):
    """gunicorn serving the app against the bench database and store, until the block ends."""
    port = _free_port()
    env = {**os.environ, "NEO4J_URI": db.uri, "NEO4J_USER": db.user,
           "NEO4J_PASSWORD": db.password, "DATABASE_URL": bench_store_url()}
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", *GUNICORN],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process)
        yield url, psutil.Process(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_until_up(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn stopped before serving")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the app did not answer at {url} within {seconds} s")


def _listening_on(port: int) -> psutil.Process | None:
    """The local process serving this port (Neo4j), if it runs on this machine."""
    for connection in psutil.net_connections(kind="tcp"):
        if connection.status == psutil.CONN_LISTEN and connection.laddr.port == port \
                and connection.pid:
            return psutil.Process(connection.pid)
    return None


def _cpu(process: psutil.Process | None) -> float:
    """CPU seconds used so far by a process and its children (gunicorn's workers)."""
    if process is None:
        return float("nan")
    total = 0.0
    for each in [process, *process.children(recursive=True)]:
        times = each.cpu_times()
        total += times.user + times.system
    return total


def _run_locust(url: str, data_file: Path, csv_prefix: Path, users: int,
                seconds: int) -> tuple[float, float]:
    """Run the load; returns the load tool's own CPU seconds and the run's wall time."""
    log = csv_prefix.with_suffix(".log")
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "locust", "-f", str(ROOT / "bench" / "locustfile.py"),
         "--headless", "--users", str(users), "--spawn-rate", str(users),
         "--run-time", f"{seconds}s", "--host", url, "--csv", str(csv_prefix),
         "--only-summary", "--loglevel", "WARNING"],
        cwd=ROOT, env={**os.environ, "BENCH_LOAD_DATA": str(data_file)},
        stdout=subprocess.DEVNULL, stderr=log.open("wb"))
    # wait4, not wait: it gives the CPU the load tool used.
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - started
    # locust exits 1 when a request failed: the figures say so; anything else is a crash.
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise RuntimeError(f"locust failed: {log.read_text()[-2000:]}")
    return usage.ru_utime + usage.ru_stime, wall


def _failures(failures_csv: Path) -> str:
    """The errors met, most frequent first: "count x method name: error"."""
    with failures_csv.open(newline="") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: -int(r["Occurrences"]))
    return "; ".join(f"{r['Occurrences']} x {r['Method']} {r['Name']}: {r['Error'][:80]}"
                     for r in rows[:3])


def _print_by_page(stats_csv: Path) -> None:
    with stats_csv.open(newline="") as f:
        for row in csv.DictReader(f):
            print(f"load, {row['Type']} {row['Name']}: {row['Request Count']} requests, "
                  f"p50 {row['50%']} ms, p95 {row['95%']} ms")


def _aggregated(stats_csv: Path) -> dict[str, float]:
    with stats_csv.open(newline="") as f:
        for row in csv.DictReader(f):
            if row["Name"] == "Aggregated":
                return {k: float(v) for k, v in row.items()
                        if k not in ("Type", "Name") and v not in ("", "N/A")}
    raise RuntimeError(f"no aggregated row in {stats_csv}")
