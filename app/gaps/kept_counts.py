"""The counts kept beside what they count, so that a page reads a few numbers instead of
counting a whole area: open gaps by tally (the dashboard's counts and totals) and by
family (the coordinator's families with the most severe gaps), plans with no review date
by type (the list of children on plans). Every change through the app moves them in its
own transaction (gap_state/count_moves, plans/count_plans); the tallies and the plans are
counted afresh after each check of the whole area (nightly, and after every import), so
that none stays wrong past a night, whatever was written behind the app's back; the
families' counts (moved only with the gaps, which only the app writes) when the schema is
applied."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.db import Database

# Families counted afresh a transaction at a time.
BATCH = 10_000


def recount(db: Database) -> None:
    """Count every tally and the plans with no review date afresh (after each check of the
    whole area)."""
    db.write("plans/count_plans", ids=None)
    db.write("plans/recount")
    db.write("gap_state/recount")


def recount_families(db: Database) -> int:
    """Count afresh the families whose counts are not what their open gaps count (when the
    schema is applied). Returns how many were put right."""
    wrong = [row["family_id"] for row in db.read("gap_state/families_miscounted")]
    for start in range(0, len(wrong), BATCH):
        db.write("gap_state/recount_families", family_ids=wrong[start:start + BATCH])
    return len(wrong)
