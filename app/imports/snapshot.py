"""What one import says about the area on its as-of date: the graph elements it holds, the
rows each came from, the rows it rejected, and what it speaks for (so that an element the
previous import had and this one lacks is ended only where this import could have said it).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any

from app.imports.cells import RowError
from seed.graph import NODE_KINDS, GraphBatch

# Properties an import adds to everything it writes (docs/domain.md, "Where data comes from").
PROVENANCE = ("source", "source_id", "import_id", "as_of")


@dataclass(frozen=True)
class RowRef:
    file: str
    sheet: str | None
    row: int


@dataclass(frozen=True)
class Rejection:
    file: str
    sheet: str | None
    row: int
    column: str
    value: str
    reason: str


def element_key(kind: str, element: dict[str, Any]) -> tuple:
    """Nodes by id; involvements by their id; other relationships by their two ends."""
    if kind in NODE_KINDS:
        return (kind, element["id"])
    if kind == "INVOLVED_WITH":
        return (kind, element["props"]["id"])
    return (kind, element["from"], element["to"])


@dataclass
class Snapshot:
    source: str           # e.g. "annex-a:E09000002": the ends below apply within it only
    as_of: date
    batch: GraphBatch = field(default_factory=GraphBatch)
    origins: dict[tuple, set[RowRef]] = field(default_factory=lambda: defaultdict(set))
    rows_read: Counter = field(default_factory=Counter)      # (file, sheet) -> rows
    rejected: list[Rejection] = field(default_factory=list)
    # What this import speaks for: plans of these types and involvements in these roles
    # from this source, when absent, are ended on the as-of date.
    ends_plan_types: set[str] = field(default_factory=set)
    ends_roles: set[str] = field(default_factory=set)
    kept_rows: set[RowRef] = field(default_factory=set)
    # Elements of known records this import may only fill in (see rename_person).
    fill_only: set[tuple] = field(default_factory=set)
    _index: dict[tuple, dict[str, Any]] = field(default_factory=dict)
    _pending: list[Callable[[], None]] | None = None

    def reject(self, where: RowRef, column: str, value: Any, reason: str) -> None:
        self.rejected.append(Rejection(where.file, where.sheet, where.row, column,
                                       "" if value is None else str(value), reason))

    def provenance(self, source_id: str) -> dict[str, Any]:
        """Where an element comes from (docs/domain.md): set on everything an import writes."""
        return {"source": self.source, "source_id": source_id, "as_of": self.as_of}

    def area_social_care(self, la_code: str, where: RowRef) -> str:
        """The area's children's social care, the agency of the workers its returns name."""
        agency_id = f"{la_code}-csc"
        self.add("Agency", {"id": agency_id, "props": {
            "name": f"Children's social care ({la_code})", "type": "childrens_social_care",
            **self.provenance("childrens_social_care")}}, where)
        return agency_id

    @contextmanager
    def row(self, where: RowRef):
        """A row is taken whole or not at all: what it adds is kept only if no part of it
        was rejected (RowError), and a rejected row is recorded with its reason."""
        self.rows_read[(where.file, where.sheet)] += 1
        self._pending = []
        try:
            yield
        except RowError as error:
            self.reject(where, error.column, error.value, error.reason)
        else:
            self.kept_rows.add(where)
            for keep in self._pending:
                keep()
        finally:
            self._pending = None

    def add(self, kind: str, element: dict[str, Any], where: RowRef) -> None:
        """One element from one row (kept when the row is, see `row`)."""
        if self._pending is not None:
            self._pending.append(partial(self._keep, kind, element, where))
        else:
            self._keep(kind, element, where)

    def when_kept(self, action: Callable[[], None]) -> None:
        """Run `action` once the row in progress is kept (at once outside a row)."""
        if self._pending is not None:
            self._pending.append(action)
        else:
            action()

    def _keep(self, kind: str, element: dict[str, Any], where: RowRef) -> None:
        """The same element from several rows (a child in several lists) is one element:
        values already given are kept, missing ones are filled."""
        key = element_key(kind, element)
        self.origins[key].add(where)
        known = self._index.get(key)
        if known is None:
            self._index[key] = element
            self.of_kind(kind).append(element)
            return
        for name, value in element["props"].items():
            known["props"].setdefault(name, value)

    def of_kind(self, kind: str) -> list[dict[str, Any]]:
        """The elements of one kind (the batch's own list)."""
        group = self.batch.nodes if kind in NODE_KINDS else self.batch.relationships
        return group[kind]

    def rejected_rows(self) -> Counter:
        return Counter((r.file, r.sheet) for r in {(r.file, r.sheet, r.row): r
                                                   for r in self.rejected}.values())

    def rename_person(self, kind: str, old_id: str, new_id: str) -> None:
        """The person is one already known (matched by NHS number): the snapshot's element
        and every relationship that names it take the known id, and the import only fills in
        what the known record lacks (it never overwrites another source's identity)."""
        if (kind, new_id) in self._index:
            return  # two rows of this source for one known person: left for a person to decide
        element = self._index.pop((kind, old_id))
        element["id"] = new_id
        self._index[(kind, new_id)] = element
        self.origins[(kind, new_id)] = self.origins.pop((kind, old_id), set())
        self.fill_only.add((kind, new_id))
        for rel_kind, rows in self.batch.relationships.items():
            for row in rows:
                old_key = element_key(rel_kind, row)
                if old_id not in (row["from"], row["to"]):
                    continue
                row["from"] = new_id if row["from"] == old_id else row["from"]
                row["to"] = new_id if row["to"] == old_id else row["to"]
                new_key = element_key(rel_kind, row)
                if new_key != old_key:
                    self.origins[new_key] = self.origins.pop(old_key, set())
                    self._index[new_key] = self._index.pop(old_key)
