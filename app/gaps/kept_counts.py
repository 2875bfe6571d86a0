"""The counts of open gaps kept beside them: by tally (the dashboard's counts and totals)
and by family (the coordinator's families with the most severe gaps). Every change moves
them in its own transaction (gap_state/count_moves); they are counted afresh after each
check of the whole area and when the schema is applied, so that none stays wrong past a
night, whatever was written behind the app's back."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.db import Database

# Families counted afresh a transaction at a time.
BATCH = 10_000


def recount(db: Database) -> int:
    """Count every tally afresh, and the families whose counts are not what their open
    gaps count. Returns how many families were put right."""
    db.write("gap_state/recount")
    wrong = [row["family_id"] for row in db.read("gap_state/families_miscounted")]
    for start in range(0, len(wrong), BATCH):
        db.write("gap_state/recount_families", family_ids=wrong[start:start + BATCH])
    return len(wrong)
