"""People matched across sources: the same person arriving from two sources is one node
when their NHS number (checked by its check digit when read) matches one person already
known. Nothing is merged on a name alone: people who agree only on name and date of birth
stay apart, for a person to decide."""

from __future__ import annotations

from app.db import Database
from app.imports.snapshot import Snapshot

CHUNK = 5_000


def match_known_people(db: Database, snapshot: Snapshot) -> int:
    """Give the snapshot's people the ids of the known people with their NHS numbers.
    Returns how many were matched."""
    by_number = {element["props"]["nhs_number"]: (kind, element["id"])
                 for kind in ("Child", "Adult")
                 for element in snapshot.batch.nodes.get(kind, [])
                 if element["props"].get("nhs_number")}
    numbers = sorted(by_number)
    matched = 0
    for start in range(0, len(numbers), CHUNK):
        for known in db.read("imports/people_by_nhs_number", numbers=numbers[start:start + CHUNK]):
            kind, own_id = by_number[known["nhs_number"]]
            if known["id"] != own_id and known["kind"] == kind \
                    and (kind, known["id"]) not in snapshot.fill_only:
                snapshot.rename_person(kind, own_id, known["id"])
                matched += 1
    return matched
