"""People matched across sources: the same person arriving from two sources is one node
when their NHS number (checked by its check digit when read) matches one person already
known; a record merged into another is written to the one kept. Nothing is merged on a
name alone: people who agree only on name and date of birth stay apart, for a person to
decide (the coordinators' possible duplicates)."""

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
    rows = [{"number": number, "id": own_id} for number, (_, own_id) in sorted(by_number.items())]
    matched = 0
    for start in range(0, len(rows), CHUNK):
        [found] = db.read("imports/people_by_nhs_number", rows=rows[start:start + CHUNK])
        for number, known_id, known_kind in found["matches"]:
            kind, own_id = by_number[number]
            if known_kind == kind and (kind, known_id) not in snapshot.fill_only:
                snapshot.rename_person(kind, own_id, known_id)
                matched += 1
    return matched


def follow_merges(db: Database, snapshot: Snapshot) -> int:
    """People of the source whose records were merged into another: the import writes to
    the record kept (filling in only), never again to the merged one. Returns how many."""
    ids = [{"id": element["id"], "kind": kind} for kind in ("Child", "Adult")
           for element in snapshot.batch.nodes.get(kind, [])]
    followed = 0
    for start in range(0, len(ids), CHUNK):
        for row in db.read("imports/merged_people", rows=ids[start:start + CHUNK]):
            snapshot.rename_person(row["kind"], row["id"], row["kept_id"])
            followed += 1
    return followed


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
