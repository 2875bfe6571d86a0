"""Analysts' figures at area scale: shortest paths between random people, and the
caseload and multi-household tables."""

from __future__ import annotations

import random
import time

from app import access
from app.db import Database
from bench.report import Figure
from bench.web import percentile

PATH_TARGET = 200.0  # ms p95
TABLE_TARGET = 3.0  # seconds


def measure(db: Database, seed: int, samples: int) -> list[Figure]:
    rng = random.Random(seed)
    people = [r["id"] for r in db.read("bench/sample_people", prefix=f"s{seed}-", limit=20_000)]
    if len(people) < 2:
        return [Figure("paths: too few people in the area", None, "")]

    def one_path():
        a, b = rng.sample(people, 2)
        started = time.perf_counter()
        rows = db.read("analysis/paths", **{"from": a, "to": b, "max": 6, "exclude_ended": False})
        return (time.perf_counter() - started) * 1000, bool(rows)

    for _ in range(10):
        one_path()
    results = [one_path() for _ in range(samples)]
    times = [ms for ms, _ in results]
    found = sum(1 for _, ok in results if ok)
    figures = [
        Figure("paths: shortest path, random pair, p50", percentile(times, 50), "ms"),
        Figure("paths: shortest path, random pair, p95", percentile(times, 95), "ms",
               f"< {PATH_TARGET:.0f}", percentile(times, 95) < PATH_TARGET,
               f"{found} of {samples} pairs connected within 6 steps"),
    ]
    for name, query in (("caseload table", "analysis/caseloads"),
                        ("adults in several families table", "analysis/adults_in_several_families")):
        # As an analyst sees them: sensitive services left out.
        params = {"hide_sensitive": True, **access.sensitivity_params()}
        db.read(query, **params)  # warm-up
        started = time.perf_counter()
        rows = db.read(query, **params)
        seconds = time.perf_counter() - started
        figures.append(Figure(f"measures: {name}", seconds, "s", f"< {TABLE_TARGET:.0f}",
                              seconds < TABLE_TARGET, f"{len(rows):,} rows"))
    return figures
