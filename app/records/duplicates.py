"""Possible duplicates: pairs of records that may be one person, for a coordinator to decide
(merge, or "not the same person"). Nothing here merges anything.

A pair is flagged when the two records have
- the same NHS number (a reliable identifier: almost certainly one person);
- the same date of birth and similar names: each name alike by Jaro-Winkler similarity,
  which forgives a typo or a transposed letter, after folding accents, case, hyphens and
  apostrophes; given and family names swapped count too (twins with different given names
  are not alike);
- the same (similar) full name, living in the same household now (a date of birth typed
  wrongly, or missing).
Pairs that are linked as parent and child or as partners, or that a person has said are two
people, are not flagged.

Comparing every pair of an area's 300,000 people would be 45 billion comparisons: records
are compared only within blocks (one NHS number, one date of birth, one household), which
is a few million."""

from __future__ import annotations

import time
import unicodedata
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

from rapidfuzz.distance import JaroWinkler

from app.db import Database

NAME_ALIKE = 0.88  # each of given and family name ("Jon"/"John" 0.93; "Jack"/"Jake" 0.87)
FULL_NAME_ALIKE = 0.92  # the whole name, for people in one household

REASONS = {
    "nhs_number": "Same NHS number",
    "name_and_dob": "Same date of birth, similar names",
    "household": "Similar names, living in the same household",
    "import": "An import found the same name and date of birth",
}


def fold(name: str | None) -> str:
    """"Zoë O'Brien-Smith" -> "zoe obrien smith": what a typist might vary, removed."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("'", "").replace("’", "").replace("-", " ")
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text).split())


def _alike(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    return JaroWinkler.normalized_similarity(a, b)


def names_alike(a: dict, b: dict) -> bool:
    """Given names alike and family names alike, either way round. A double-barrelled family
    name is alike to either of its parts ("Smith-Jones" and "Smith")."""
    def family(x: str, y: str) -> float:
        parts_x, parts_y = set(x.split()), set(y.split())
        if parts_x and parts_y and (parts_x <= parts_y or parts_y <= parts_x):
            return 1.0
        return _alike(x, y)
    straight = min(_alike(a["given"], b["given"]), family(a["family"], b["family"]))
    swapped = min(_alike(a["given"], b["family"]), _alike(a["family"], b["given"]))
    return max(straight, swapped) >= NAME_ALIKE


@dataclass
class Scan:
    pairs: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    people: int = 0
    compared: int = 0
    seconds: float = 0.0

    def flag(self, a: str, b: str, reason: str) -> None:
        self.pairs.setdefault((a, b) if a < b else (b, a), set()).add(reason)


def _pairs_within(blocks: Iterable[list[dict]]) -> Iterable[tuple[dict, dict]]:
    for block in blocks:
        if len(block) > 1:
            yield from combinations(block, 2)


def _folded(rows: list[dict]) -> list[dict]:
    for row in rows:
        row["given"], row["family"] = fold(row["given_name"]), fold(row["family_name"])
    return rows


def _compare(result: Scan, people: list[dict], apart: set[tuple[str, str]]) -> None:
    """Flag the alike pairs within each block: one NHS number, one date of birth, one home."""
    by_number: dict[str, list[dict]] = defaultdict(list)
    by_dob: dict[object, list[dict]] = defaultdict(list)
    by_home: dict[str, list[dict]] = defaultdict(list)
    for person in people:
        if person["nhs_number"]:
            by_number[person["nhs_number"]].append(person)
        if person["dob"]:
            by_dob[person["dob"]].append(person)
        for home in person["homes"]:
            by_home[home].append(person)

    def consider(a: dict, b: dict, reason: str, alike) -> None:
        result.compared += 1
        if (a["id"], b["id"]) not in apart and (b["id"], a["id"]) not in apart \
                and alike(a, b):
            result.flag(a["id"], b["id"], reason)

    for a, b in _pairs_within(by_number.values()):
        consider(a, b, "nhs_number", lambda a, b: True)
    for a, b in _pairs_within(by_dob.values()):
        consider(a, b, "name_and_dob", names_alike)
    for a, b in _pairs_within(by_home.values()):
        consider(a, b, "household", lambda a, b: b["id"] not in a["ties"] and _alike(
            f"{a['given']} {a['family']}", f"{b['given']} {b['family']}") >= FULL_NAME_ALIKE)


def scan(db: Database) -> Scan:
    """Every possible duplicate in the area (people already merged are left out)."""
    started = time.perf_counter()
    result = Scan()
    people = _folded(db.read("records/people_for_duplicates"))
    result.people = len(people)
    _compare(result, people, {(r["a"], r["b"]) for r in db.read("records/pairs_kept_apart")})
    result.seconds = time.perf_counter() - started
    return result


def flag_person(db: Database, person_id: str) -> int:
    """A person just recorded or corrected by hand, compared at once with the records that
    share their NHS number, date of birth or home: the pairs go to the coordinators' list
    (the nightly scan would find them too). Returns how many were flagged."""
    rows = db.read("records/duplicate_candidates", person_id=person_id)
    if not rows:
        return 0
    result = Scan()
    _compare(result, _folded([rows[0]["person"], *rows[0]["candidates"]]),
             {tuple(pair) for pair in rows[0]["apart"]})
    pairs = [{"a": a, "b": b, "reasons": sorted(reasons)}
             for (a, b), reasons in result.pairs.items() if person_id in (a, b)]
    if pairs:
        db.write("records/flag_duplicates", pairs=pairs, from_import=False)
    return len(pairs)


def save(db: Database, result: Scan) -> None:
    """Keep the scan's pairs for the page, in one transaction; pairs no longer found
    (merged, corrected) go, unless an import flagged them, which stay until a person decides."""
    scan_id = str(uuid.uuid4())
    pairs = [{"a": a, "b": b, "reasons": sorted(reasons)}
             for (a, b), reasons in result.pairs.items()]

    def work(run) -> None:
        for start in range(0, len(pairs), 10_000):
            run("records/save_duplicates", pairs=pairs[start:start + 10_000], scan_id=scan_id)
        run("records/drop_stale_duplicates", scan_id=scan_id)
    db.write_transaction(work)


def flag_from_import(db: Database, pairs: list[tuple[str, str]]) -> None:
    """An import's borderline matches (same name and date of birth, no NHS number to tell)."""
    if pairs:
        db.write("records/flag_duplicates", from_import=True, pairs=[
            {"a": min(a, b), "b": max(a, b), "reasons": ["import"]} for a, b in pairs])
