"""Loading rate: the whole area in batches, and batched vs one row per transaction."""

from __future__ import annotations

import time
from datetime import date

from app.db import Database
from bench.report import Figure
from seed.area import generate_area
from seed.generate import graph_counts, load_with_progress
from seed.loader import load, load_row_by_row

LOAD_TARGET = 50_000  # elements per second (issue: the safeguarding graph)
RATIO_TARGET = 20


def build_area(db: Database, children: int, seed: int, as_of: date, rebuild: bool) -> list[Figure]:
    """Load the area into an emptied bench database and measure it, or reuse the one
    already there when the database holds exactly what the generator makes for this seed
    (same counts of every kind, nothing else: other data would skew area-wide figures)."""
    batch = generate_area(children, seed, as_of)
    prefix = f"s{seed}-"
    expected = {kind: count for kind, count in batch.counts().items() if count}
    expected["Person"] = expected["Child"] + expected["Adult"]
    if (not rebuild and graph_counts(db, prefix) == expected
            and db.read("bench/count_other_area_nodes", prefix=prefix)[0]["nodes"] == 0):
        return [Figure("load: batched, whole area", None, "el/s", f">= {LOAD_TARGET:,}",
                       note="area reused (run with --rebuild to measure loading)")]
    db.run_script("bench/delete_everything")
    stats = load_with_progress(db, batch)
    started = time.perf_counter()
    db.run_script("bench/settle_statistics")
    settled = time.perf_counter() - started
    return [Figure("load: batched, whole area", stats.rate, "el/s", f">= {LOAD_TARGET:,}",
                   stats.rate >= LOAD_TARGET,
                   f"{stats.elements:,} elements in {stats.seconds:.1f}s, "
                   f"{stats.how()}; statistics settled in {settled:.1f}s")]


def batched_vs_row_by_row(db: Database, sample_children: int, seed: int, as_of: date) -> list[Figure]:
    """The same sample loaded both ways into an empty part of the graph."""
    sample = generate_area(sample_children, seed, as_of)
    prefix = f"s{seed}-"
    db.run_script("bench/delete_by_id_prefix", prefix=prefix)
    batched = load(db, sample)
    db.run_script("bench/delete_by_id_prefix", prefix=prefix)
    single = load_row_by_row(db, sample)
    db.run_script("bench/delete_by_id_prefix", prefix=prefix)
    ratio = batched.rate / single.rate if single.rate else 0.0
    return [
        Figure("load: batched, sample", batched.rate, "el/s",
               note=f"{batched.elements:,} elements ({sample_children:,} children)"),
        Figure("load: one row per transaction, sample", single.rate, "el/s",
               note=f"same {single.elements:,} elements"),
        Figure("load: batched / row-by-row", ratio, "x", f">= {RATIO_TARGET}", ratio >= RATIO_TARGET),
    ]
