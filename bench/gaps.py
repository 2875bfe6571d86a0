"""The gaps at area scale, through the app as a coordinator uses it: the check of the whole
area (the nightly job and an import), the dashboard's first page and a filtered page, the
CSV of the whole area, and one family's gaps through the API; each rule's own time too."""

from __future__ import annotations

import random
import statistics
import time

from app.db import Database
from app.gaps import state as gap_state
from app.gaps.engine import find_gaps
from app.gaps.rules import load_rules
from bench.report import Figure
from bench.web import app_against, latency_figures, signed_in_client, timed

AREA_TARGET = 10.0  # seconds, every rule over the area
PAGE_TARGET = 150.0  # ms p95, the dashboard
CSV_TARGET = 2.0  # seconds
FAMILY_TARGET = 50.0  # ms p95
AREA_SAMPLES = 5
FILTERS = ["rule=under5-no-health-visitor", "severity=high", "agency_type=gp",
           "age_band=0-4", "rule=stale-contact&age_band=11-15", "severity=medium&page=2"]


def measure(db: Database, seed: int, samples: int) -> list[Figure]:
    rules = load_rules()
    find_gaps(db, rules)  # warm-up: plans cached, pages in memory
    timings: dict = {}
    find_gaps(db, rules, timings=timings)
    figures = [Figure(f"gaps: {rule}", seconds, "s", note=f"{count:,} rows")
               for rule, (seconds, count) in timings.items()]
    with app_against(db) as app:
        with app.app_context():
            figures += _area_check()
        figures += _pages(app, seed, samples)
    return figures


def _area_check() -> list[Figure]:
    """All the rules over the area and their result kept (GapState), as the nightly job."""
    seconds, found = [], 0
    for _ in range(AREA_SAMPLES):
        started = time.perf_counter()
        gaps, _ = gap_state.check_area()
        seconds.append(time.perf_counter() - started)
        found = len(gaps)
    median = statistics.median(seconds)
    return [Figure("gaps: check of the whole area, kept for the dashboard, median", median,
                   "s", f"< {AREA_TARGET:.0f}", median < AREA_TARGET,
                   f"{found:,} gaps; max {max(seconds):.1f} s of {AREA_SAMPLES}")]


def _pages(app, seed: int, samples: int) -> list[Figure]:
    client = signed_in_client(app)
    rng = random.Random(seed)

    def get(url: str) -> None:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    first = timed(lambda: get("/gaps"), samples)
    filtered = timed(lambda: get(f"/gaps?{rng.choice(FILTERS)}"), samples)
    csv_seconds = []
    for _ in range(AREA_SAMPLES):
        started = time.perf_counter()
        get("/gaps/export.csv")
        csv_seconds.append(time.perf_counter() - started)
    with app.app_context():
        families = sorted({g.family_id for g in gap_state.listing({}, True).gaps
                           if g.family_id})
    family = timed(lambda: get(f"/api/v1/gaps?family={rng.choice(families)}"), samples)
    csv_median = statistics.median(csv_seconds)
    return [
        *latency_figures("gaps: dashboard, first page", first, PAGE_TARGET),
        *latency_figures("gaps: dashboard, a filtered page", filtered, PAGE_TARGET,
                      f"{len(FILTERS)} filters in turn"),
        Figure("gaps: CSV of the whole area, median", csv_median, "s", f"< {CSV_TARGET:.0f}",
               csv_median < CSV_TARGET, f"max {max(csv_seconds):.1f} s of {AREA_SAMPLES}"),
        *latency_figures("gaps: one family's gaps (API)", family, FAMILY_TARGET,
                      f"{len(families):,} families with gaps"),
    ]
