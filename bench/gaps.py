"""The gap rules at area scale: each rule over the whole area, and one family's panel."""

from __future__ import annotations

import random
import time

from app.db import Database
from app.gaps.engine import find_gaps
from app.gaps.rules import load_rules
from bench.report import Figure
from bench.web import percentile, timed

ALL_RULES_TARGET = 10.0  # seconds
PANEL_TARGET = 50.0  # ms p95


def measure(db: Database, seed: int, samples: int) -> list[Figure]:
    rules = load_rules()
    find_gaps(db, rules)  # warm-up: plans cached, pages in memory
    timings: dict = {}
    started = time.perf_counter()
    found = find_gaps(db, rules, timings=timings)
    total = time.perf_counter() - started
    figures = [Figure(f"gaps: {rule}", seconds, "s", note=f"{count:,} rows")
               for rule, (seconds, count) in timings.items()]
    figures.append(Figure("gaps: all rules, whole area", total, "s", f"< {ALL_RULES_TARGET:.0f}",
                          total < ALL_RULES_TARGET, f"{len(found):,} gaps"))
    rng = random.Random(seed)
    families = sorted({g.family_id for g in found if g.family_id})
    panel = timed(lambda: find_gaps(db, rules, family_id=rng.choice(families)), samples)
    figures.append(Figure("gaps: one family's panel p95", percentile(panel, 95), "ms",
                          f"< {PANEL_TARGET:.0f}", percentile(panel, 95) < PANEL_TARGET,
                          f"{len(rules)} rules, {len(families):,} families with gaps"))
    return figures
