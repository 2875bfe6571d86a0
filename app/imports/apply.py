"""An import applied as a difference: each element it holds is compared with the graph
(to create, to update, unchanged), what its source gave before and no longer gives is
ended, and only what differs is written, in batches that can be run again.

The comparison is the dry run. Applying writes the differences chunk by chunk, each chunk
one transaction of MERGEs by id: if the database goes away halfway, running the import
again compares afresh, finds what was written unchanged and finishes the rest, to the same
end state as one clean run."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any

from app.db import Database
from app.imports.people import possible_duplicates
from app.imports.snapshot import PROVENANCE, RowRef, Snapshot, element_key
from seed.graph import NODE_KINDS, RELATIONSHIP_KINDS

CHUNK = 10_000
COMPARE_THREADS = 2
# Where an element came from is set when it is created and kept: a person named by two
# sources keeps the first, so that importing each in turn does not flip it back and forth.
CREATED_ONLY = ("source", "source_id")
# Set on every write: the import that last wrote the element, and its as-of date.
EVERY_WRITE = ("import_id", "as_of")
# Chosen in the graph when an involvement is created, never imposed on an existing one.
INVOLVEMENT_CREATED_ONLY = ("lead",)

COMPARE = {
    "Child": "imports/compare_people", "Adult": "imports/compare_people",
    "Family": "imports/compare_families", "Household": "imports/compare_households",
    "Agency": "imports/compare_agencies", "Professional": "imports/compare_professionals",
    "Plan": "imports/compare_plans", "INVOLVED_WITH": "imports/compare_involved_with",
    "MEMBER_OF": "imports/compare_member_of", "LIVES_AT": "imports/compare_lives_at",
    "PARENT_OF": "imports/compare_parent_of", "PARTNER_OF": "imports/compare_partner_of",
    "WORKS_FOR": "imports/compare_works_for", "SUBJECT_OF": "imports/compare_subject_of",
}
WRITE = {
    "Child": "imports/write_children", "Adult": "imports/write_adults",
    "Family": "imports/write_families", "Household": "imports/write_households",
    "Agency": "imports/write_agencies", "Professional": "imports/write_professionals",
    "Plan": "imports/write_plans", "INVOLVED_WITH": "imports/write_involved_with",
    "MEMBER_OF": "imports/write_member_of", "LIVES_AT": "imports/write_lives_at",
    "PARENT_OF": "imports/write_parent_of", "PARTNER_OF": "imports/write_partner_of",
    "WORKS_FOR": "imports/write_works_for", "SUBJECT_OF": "imports/write_subject_of",
}

Progress = Callable[[str, int], None]


@dataclass
class KindCounts:
    create: int = 0
    update: int = 0
    unchanged: int = 0
    end: int = 0


@dataclass
class SheetCounts:
    read: int = 0
    applied: int = 0
    unchanged: int = 0
    rejected: int = 0


@dataclass
class Difference:
    """What applying the snapshot would do (the dry run), kind by kind and sheet by sheet."""
    snapshot: Snapshot
    status: dict[tuple, str] = field(default_factory=dict)
    kinds: dict[str, KindCounts] = field(default_factory=dict)
    # New people who share a name and date of birth with another person: kept apart.
    possible_duplicates: list[tuple[str, str]] = field(default_factory=list)

    @cached_property
    def sheets(self) -> dict[tuple[str, str | None], SheetCounts]:
        """Rows per sheet, worked out once (a large import has a million rows to count)."""
        changed_rows: set[RowRef] = set()
        for key, status in self.status.items():
            if status != "unchanged":
                changed_rows |= self.snapshot.origins[key]
        applied = Counter((r.file, r.sheet) for r in self.snapshot.kept_rows & changed_rows)
        kept = Counter((r.file, r.sheet) for r in self.snapshot.kept_rows)
        rejected = self.snapshot.rejected_rows()
        return {where: SheetCounts(read, applied[where], kept[where] - applied[where],
                                   rejected[where])
                for where, read in sorted(self.snapshot.rows_read.items(),
                                          key=lambda item: (item[0][0], item[0][1] or ""))}

    def totals(self) -> KindCounts:
        total = KindCounts()
        for counts in self.kinds.values():
            total.create += counts.create
            total.update += counts.update
            total.unchanged += counts.unchanged
            total.end += counts.end
        return total


def _chunks(items: list) -> Iterator[list]:
    size = CHUNK  # read at each call: a test makes it small to stop an import halfway
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _content(kind: str, props: dict[str, Any]) -> dict[str, Any]:
    """The values an import owns and compares: not where they came from."""
    skip = set(PROVENANCE) | (set(INVOLVEMENT_CREATED_ONLY) if kind == "INVOLVED_WITH" else set())
    return {key: value for key, value in props.items() if key not in skip}


@dataclass
class _Verdicts:
    """What the graph said of a kind's elements; any element not named is unchanged."""
    missing: set = field(default_factory=set)
    changed: set = field(default_factory=set)
    held: dict = field(default_factory=dict)  # fill-only key -> the properties it has


def _key(kind: str, value) -> tuple:
    return (kind, value) if isinstance(value, str) else (kind, *value)


def _verdicts(db: Database, snapshot: Snapshot, kind: str, elements: list[dict]) -> _Verdicts:
    """Compared on the server, which sends back only what differs: a re-import of an
    unchanged file moves almost nothing back over the wire."""
    verdicts = _Verdicts()
    for chunk in _chunks(elements):
        rows = []
        for element in chunk:
            row: dict[str, Any] = {"props": _content(kind, element["props"]),
                                   "fill": element_key(kind, element) in snapshot.fill_only}
            if kind in NODE_KINDS:
                row["id"] = element["id"]
            else:
                row["from"], row["to"] = element["from"], element["to"]
                if kind == "INVOLVED_WITH":
                    row["id"] = element["props"]["id"]
            rows.append(row)
        [found] = db.read(COMPARE[kind], rows=rows)
        verdicts.missing.update(_key(kind, value) for value in found["missing"])
        verdicts.changed.update(_key(kind, value) for value in found["changed"])
        verdicts.held.update((_key(kind, value), set(keys)) for value, keys in found["filled"])
    return verdicts


def _locked_write(db: Database, name: str, /, **params: Any) -> list[dict]:
    """One write of an import, in a transaction that first takes the imports' lock."""
    def work(run):
        run("imports/take_lock")
        return run(name, **params)
    return db.write_transaction(work)


def _ends(db: Database, snapshot: Snapshot, apply: bool, import_id: str | None) -> dict[str, int]:
    params = {"source": snapshot.source, "as_of": snapshot.as_of, "import_id": import_id,
              "apply": apply}
    # The dry run counts with the same query, its SET skipped, so that both always agree
    # (a write transaction that writes nothing: Neo4j refuses SET in a read one, even unrun).
    run = partial(_locked_write, db) if apply else db.write
    ended = {"Plan": 0, "INVOLVED_WITH": 0}
    if snapshot.ends_plan_types:
        keep = [p["id"] for p in snapshot.batch.nodes.get("Plan", [])]
        ended["Plan"] = run("imports/end_plans", types=sorted(snapshot.ends_plan_types),
                            keep=keep, **params)[0]["ended"]
    if snapshot.ends_roles:
        keep = [r["props"]["id"] for r in snapshot.batch.relationships.get("INVOLVED_WITH", [])]
        ended["INVOLVED_WITH"] = run("imports/end_involvements",
                                     roles=sorted(snapshot.ends_roles), keep=keep,
                                     **params)[0]["ended"]
    return ended


def compare(db: Database, snapshot: Snapshot, progress: Progress | None = None) -> Difference:
    """The dry run: reads only."""
    difference = Difference(snapshot)
    kinds = [(kind, snapshot.of_kind(kind)) for kind in (*NODE_KINDS, *RELATIONSHIP_KINDS)]
    # Comparing only reads, so two kinds at a time keep both cores busy (the server
    # compares one while this process packs the next); reads never wait on each other's locks.
    with ThreadPoolExecutor(max_workers=COMPARE_THREADS) as pool:
        pending = {kind: pool.submit(_verdicts, db, snapshot, kind, elements)
                   for kind, elements in kinds if elements}
        all_verdicts = {kind: future.result() for kind, future in pending.items()}
    for kind, elements in kinds:
        counts = difference.kinds.setdefault(kind, KindCounts())
        verdicts = all_verdicts.get(kind, _Verdicts())
        for element in elements:
            key = element_key(kind, element)
            if key in verdicts.missing:
                status = "create"
            elif key in verdicts.held:
                # A known record: the import only fills in what it lacks.
                held = verdicts.held[key]
                element["props"] = {name: value for name, value in element["props"].items()
                                    if name not in held or name in PROVENANCE}
                status = "update" if _content(kind, element["props"]) else "unchanged"
            else:
                status = "update" if key in verdicts.changed else "unchanged"
            difference.status[key] = status
            setattr(counts, status, getattr(counts, status) + 1)
        if progress and elements:
            progress(kind, len(elements))
    for kind, ended in _ends(db, snapshot, apply=False, import_id=None).items():
        difference.kinds[kind].end = ended
    new_people = {key[1] for key, status in difference.status.items()
                  if status == "create" and key[0] in ("Child", "Adult")}
    difference.possible_duplicates = possible_duplicates(db, snapshot, new_people)
    return difference


def _write_row(kind: str, element: dict, import_id: str, status: str) -> dict[str, Any]:
    """A new element is sent whole (`created`); an existing one only what it is brought up
    to date with (`props`): half the bytes for the common case, a first import."""
    props = element["props"]
    current = {**_content(kind, props), "import_id": import_id, "as_of": props.get("as_of")}
    row: dict[str, Any] = {"props": current if status == "update" else {}, "created": {
        **{name: props[name] for name in CREATED_ONLY if name in props}, **current}}
    if kind in NODE_KINDS:
        row["id"] = element["id"]
    else:
        row["from"], row["to"] = element["from"], element["to"]
    if kind == "INVOLVED_WITH":
        row["lead"] = bool(props.get("lead", False))
        row["props"]["id"] = props["id"]  # the MERGE's key, sent either way
    return row


def apply(db: Database, difference: Difference, import_id: str,
          progress: Progress | None = None) -> dict[str, int]:
    """Write what differs, then end what the source no longer gives. Returns the ends."""
    snapshot = difference.snapshot
    for kind in (*NODE_KINDS, *RELATIONSHIP_KINDS):
        changed = [(e, difference.status[element_key(kind, e)]) for e in snapshot.of_kind(kind)]
        changed = [(e, status) for e, status in changed if status != "unchanged"]
        for chunk in _chunks(changed):
            rows = [_write_row(kind, e, import_id, status) for e, status in chunk]
            _locked_write(db, WRITE[kind], rows=rows)
            if progress:
                progress(kind, len(chunk))
    return _ends(db, snapshot, apply=True, import_id=import_id)
