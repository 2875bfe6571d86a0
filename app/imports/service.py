"""One import, from a file to the graph: read the source into a snapshot, compare it with
the graph (the dry run), and, unless it is a dry run, apply it, recorded as an :Import node
(who, when, which file and checksum, the counts) and in the audit trail."""

from __future__ import annotations

import gc
import hashlib
import json
import uuid
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from app.audit import repository as audit
from app.csv_export import csv_text
from app.db import Database
from app.directory import repository as directory
from app.gaps import state as gap_state
from app.imports import agency_list, annex_a, ssd
from app.imports.apply import Difference, Progress, apply, compare
from app.imports.people import follow_merges, match_known_people
from app.imports.snapshot import Snapshot
from app.imports.tables import ImportRefused
from app.records import duplicates
from app.store.engine import utcnow

# What each kind of element is, in words for the import page.
KIND_NAMES = {
    "Child": "Children", "Adult": "Adults", "Family": "Families", "Household": "Households",
    "Agency": "Agencies", "Professional": "Professionals", "Plan": "Plans",
    "MEMBER_OF": "Family members", "LIVES_AT": "Who lives where", "PARENT_OF": "Parents",
    "PARTNER_OF": "Partners", "WORKS_FOR": "Who works where", "INVOLVED_WITH": "Involvements",
    "HANDED_OVER_TO": "Handovers", "SUBJECT_OF": "Plans' children",
}
REJECTED_HEADER = ["file", "sheet", "row", "column", "value", "reason"]


def _readers() -> dict[str, Callable[..., Snapshot]]:
    return {"annex-a": annex_a.read, "ssd": ssd.read, "agency-list": agency_list.read}


@dataclass
class ImportResult:
    kind: str
    file_name: str
    checksum: str
    difference: Difference
    import_id: str | None = None      # None for a dry run
    ended: dict[str, int] | None = None

    @property
    def dry_run(self) -> bool:
        return self.import_id is None

    def rejected_csv(self) -> str:
        """The rejected rows, for the person who fixes the source (formula-safe)."""
        return csv_text(REJECTED_HEADER, ([r.file, r.sheet or "", r.row, r.column, r.value,
                                           r.reason] for r in self.difference.snapshot.rejected))

    def counts(self) -> dict[str, int]:
        sheets = self.difference.sheets.values()
        totals = self.difference.totals()
        return {"possible_duplicates": len(self.difference.possible_duplicates),
                "rows_read": sum(s.read for s in sheets),
                "rows_applied": sum(s.applied for s in sheets),
                "rows_unchanged": sum(s.unchanged for s in sheets),
                "rows_rejected": sum(s.rejected for s in sheets),
                "created": totals.create, "updated": totals.update,
                "unchanged": totals.unchanged, "ended": totals.end}


def checksum(path: Path) -> str:
    """SHA-256 of the file, or of a folder's files in name order."""
    digest = hashlib.sha256()
    for file in sorted(path.iterdir()) if path.is_dir() else [path]:
        if file.is_file():
            digest.update(file.name.encode())
            with file.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
    return digest.hexdigest()


@contextmanager
def _without_gc_pauses():
    """An import builds millions of small objects that live until it ends; the cycle
    collector would walk them again and again (measured: a third of reading 50,000
    children's SSD). They hold no cycles that outlive a row, so it waits until the end."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_source(db: Database, kind: str, path: Path, *, la_code: str, as_of: date,
                max_bytes: int, agency_id: str | None = None) -> Snapshot:
    """The source as a snapshot, its people matched to those already known."""
    options = {}
    if kind == "agency-list":
        found = db.read("imports/agency", id=agency_id or "")
        if not found:
            raise ImportRefused(f"There is no agency with the id “{agency_id}”: add it to the "
                                f"directory first, or check the id")
        options["agency"] = found[0]
    snapshot = _readers()[kind](path, la_code=la_code, as_of=as_of, max_bytes=max_bytes,
                                **options)
    follow_merges(db, snapshot)
    match_known_people(db, snapshot)
    return snapshot


def run(db: Database, kind: str, path: Path, *, la_code: str, as_of: date, dry_run: bool,
        max_bytes: int, user_id: str | None, file_name: str | None = None,
        progress: Progress | None = None, **options) -> ImportResult:
    """Raises tables.ImportRefused when the source cannot be read at all."""
    with _without_gc_pauses():
        snapshot = read_source(db, kind, path, la_code=la_code, as_of=as_of,
                               max_bytes=max_bytes, **options)
        result = ImportResult(kind, file_name or path.name, checksum(path),
                              compare(db, snapshot, progress))
    if dry_run:
        return result
    result.import_id = str(uuid.uuid4())
    record = {"source": snapshot.source, "kind": kind, "file_name": result.file_name,
              "checksum": result.checksum, "user_id": user_id, "started_at": utcnow(),
              "as_of": as_of, "status": "started"}
    db.write("imports/record_import", id=result.import_id, props=record)
    with _without_gc_pauses():
        result.ended = apply(db, result.difference, result.import_id, progress)
    for kind_name, ended in result.ended.items():
        result.difference.kinds[kind_name].end = ended
    sheets = {f"{file} / {sheet}" if sheet else file: asdict(counts)
              for (file, sheet), counts in result.difference.sheets.items()}
    counts = result.counts()
    db.write("imports/record_import", id=result.import_id, props={
        **record, **counts, "status": "complete", "finished_at": utcnow(),
        "sheets": json.dumps(sheets),
        "duplicate_pairs": json.dumps(result.difference.possible_duplicates)})
    duplicates.flag_from_import(db, result.difference.possible_duplicates)
    gap_state.check_area()  # an import may change the gaps of any family
    directory.forget_agency_filter()  # and add agencies
    audit.record("import", result.import_id, "allowed", user_id=user_id,
                 reason=f"{kind} {snapshot.source}: " + ", ".join(
                     f"{name} {value}" for name, value in counts.items()))
    return result
