"""The possible-duplicates scan at area scale: every person compared within blocks."""

from __future__ import annotations

import time

from app.db import Database
from app.records import duplicates
from bench.report import Figure

SCAN_TARGET = 60.0  # seconds


def measure(db: Database) -> list[Figure]:
    started = time.perf_counter()
    result = duplicates.scan(db)
    scanned = time.perf_counter() - started
    duplicates.save(db, result)
    total = time.perf_counter() - started
    note = (f"{result.people:,} people, {result.compared:,} pairs compared, "
            f"{len(result.pairs):,} flagged; saving them {total - scanned:.1f} s")
    return [Figure("duplicates: scan of the whole area", total, "s", f"< {SCAN_TARGET:.0f}",
                   total < SCAN_TARGET, note)]
