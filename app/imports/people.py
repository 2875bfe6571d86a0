"""People matched across sources: the same person arriving from two sources is one node
when their NHS number (checked by its check digit when read) matches one person already
known. Nothing is merged on a name alone: people who agree only on name and date of birth
stay apart, for a person to decide."""

from __future__ import annotations

from collections import defaultdict

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


def _name(value: str | None) -> str:
    return " ".join((value or "").lower().split())


def possible_duplicates(db: Database, snapshot: Snapshot, new_ids: set[str]) -> list[tuple[str, str]]:
    """New people who share their date of birth and name with a known person, or with another
    new one: not merged, listed (as pairs of ids) for a person to decide."""
    rows = [{"id": e["id"], "dob": e["props"]["dob"], "given": _name(e["props"].get("given_name")),
             "family": _name(e["props"].get("family_name"))}
            for kind in ("Child", "Adult") for e in snapshot.batch.nodes.get(kind, [])
            if e["id"] in new_ids and e["props"].get("dob") and e["props"].get("family_name")]
    pairs = set()
    for start in range(0, len(rows), CHUNK):
        for found in db.read("imports/same_name_and_birth", rows=rows[start:start + CHUNK]):
            pairs.add((found["id"], found["other"]))
    alike: dict[tuple, list[str]] = defaultdict(list)
    for row in rows:
        alike[(row["dob"], row["given"], row["family"])].append(row["id"])
    for ids in alike.values():
        pairs.update((first, other) for first in ids for other in ids if first < other)
    return sorted(pairs)
