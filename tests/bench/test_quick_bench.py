"""`python -m bench --quick` runs once in `make test`, so the benchmark keeps working."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_quick_benchmark_runs_and_reports_every_figure(neo4j_server, schema, tmp_path):
    env = {**os.environ, "NEO4J_BENCH_URI": neo4j_server.uri,
           "NEO4J_BENCH_USER": neo4j_server.user, "NEO4J_BENCH_PASSWORD": neo4j_server.password,
           "BENCH_RESULTS_DIR": str(tmp_path),
           # Its own store: the bench's (instance/bench.sqlite3) keeps the area-scale trail.
           "BENCH_DATABASE_URL": f"sqlite:///{tmp_path / 'bench.sqlite3'}"}
    result = subprocess.run([sys.executable, "-m", "bench", "--quick"], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Benchmark at 1,000 children" in result.stdout
    [written] = list(tmp_path.glob("*-1000.json"))
    figures = {f["name"]: f for f in json.loads(written.read_text())["figures"]}
    for name in ("load: batched, whole area", "load: batched / row-by-row", "search p95",
                 "map: HTML page, first view p95", "map: HTML page, seen before p95",
                 "map: page p95 / bare Cypher p95",
                 "gaps: check of the whole area, kept for the dashboard, median",
                 "gaps: dashboard, first page p95", "gaps: dashboard, a filtered page p95",
                 "gaps: CSV of the whole area, median", "gaps: one family's gaps (API) p95",
                 "family page p95", "search as a practitioner, names mistyped p95",
                 "connection finder (page) p95", "team change: 'Seen today' p95",
                 "coordinator's home (reviews due, families by gaps) p95",
                 "children on plans, first page p95", "reviews due within 4 weeks p95",
                 "families, first page p95",
                 "paths: shortest path, random pair, p95", "measures: caseload table",
                 "duplicates: scan of the whole area", "audit search p95",
                 "load: 20 users at once, requests/s", "load: 20 users at once p95",
                 "process peak memory (app + generator)"):
        assert name in figures, name
        assert figures[name]["value"] is not None and figures[name]["value"] > 0, name
    # The area's load says how many transactions ran at once and that Neo4j's statistics
    # were settled before anything was measured on it.
    assert "at a time" in figures["load: batched, whole area"]["note"]
    assert "statistics settled in" in figures["load: batched, whole area"]["note"]
    # Twenty people at once against the app as `make run` serves it: none gets an error.
    assert figures["load: 20 users at once, errors"]["value"] == 0, \
        figures["load: 20 users at once, errors"]["note"]
    browser = {name: f for name, f in figures.items() if name.startswith("browser:")}
    family = browser.pop("browser: family map of 60 people and professionals, request to "
                         "interactive, p95")
    assert family["value"] > 0
    assert browser and all(f["value"] > 0 for f in browser.values())
