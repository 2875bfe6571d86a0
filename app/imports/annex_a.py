"""Ofsted's Annex A (ILACS child-level lists) into the graph model.

A child is one node however many lists name them (`Child Unique ID`, prefixed by the
area's code). Lists 2, 6, 7 and 8 become plans (early help, child in need, child protection,
looked after); the allocated worker of lists 3 to 8 becomes the child's allocated social
worker in the area's children's social care, and list 9's the care leaver's personal
adviser. Workers are named, not numbered: a worker is matched by name within their team
and marked as known by name only. Annex A carries no names of children or family: an Annex
A child is known by id, gender and date of birth until another source names them.
The README's import section has the mapping as a table."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.imports import cells
from app.imports.cells import RowError, add_months
from app.imports.mapping import cell, present, slug, stable_id
from app.imports.snapshot import RowRef, Snapshot
from app.imports.tables import ImportRefused, Table, csv_folder, workbook_tables

SOURCE = "annex-a"
CHILD_ID = "childuniqueid"
ADOPTER_ID = "individualadopteridentifier"
LIST_NAME = re.compile(r"^\s*list[\s_-]*(\d{1,2})(?!\d)", re.IGNORECASE)
LIST_TITLES = {1: "contacts", 2: "early help", 3: "referrals", 4: "assessments",
               5: "section 47 enquiries and ICPCs", 6: "children in need",
               7: "child protection", 8: "children in care", 9: "care leavers",
               10: "adoption", 11: "adopters"}
# The lists that name a child's allocated worker, most telling first: when lists name
# different workers, the child's allocated social worker is the one of the first list.
WORKER_LISTS = (7, 8, 6, 5, 4, 3)
PLAN_LISTS = {2: "EARLY_HELP", 6: "CIN", 7: "CP", 8: "LAC"}
# (start column, end column) of each plan list, as header keys.
PLAN_DATES = {
    2: ("assessmentstartdate", None),
    6: ("cinstartdate", "cinclosuredate"),
    7: ("childprotectionplanstartdate", "childprotectionplanenddate"),
    8: ("datestartedtobelookedafter", "dateceasedtobelookedafter"),
}
# Statutory timing: the first review conference within three months of the initial one,
# then every six months (Working Together). Annex A gives the latest review, not the next.
FIRST_REVIEW_MONTHS = 3
LATER_REVIEW_MONTHS = 6


@dataclass
class Worker:
    list_number: int
    professional_id: str
    since: date | None
    where: RowRef


def list_number(name: str) -> int | None:
    match = LIST_NAME.match(name.replace("\u00a0", " "))
    number = int(match.group(1)) if match else None
    return number if number in LIST_TITLES else None


def _tables(path: Path, max_bytes: int) -> dict[int, Table]:
    """The lists found, by number, from a workbook or a folder of CSVs named by list."""
    keys = (CHILD_ID, ADOPTER_ID)
    if path.is_dir():
        found = {number: table for number, table in
                 csv_folder(path, list_number, lambda _: keys, max_bytes).items()
                 if table is not None}
        if not found:
            raise ImportRefused(f"No CSV file in {path.name} is named as an Annex A list "
                                f"(List 1.csv ... List 11.csv)")
        return found
    if not path.exists():
        raise ImportRefused(f"There is no file {path}")
    tables = workbook_tables(path, keys, max_bytes)
    by_number: dict[int, Table] = {}
    for name, table in tables.items():
        number = list_number(name)
        if number is not None and table is not None:
            by_number[number] = table
    if not by_number:
        raise ImportRefused(f"{path.name} has no sheet named as an Annex A list "
                            f"(List 1 ... List 11) with a “Child Unique ID” header")
    return by_number


class AnnexA:
    def __init__(self, la_code: str, as_of: date) -> None:
        self.la = la_code
        self.snapshot = Snapshot(f"{SOURCE}:{la_code}", as_of)
        self.workers: dict[str, list[Worker]] = {}
        self.icpc: dict[str, date] = {}

    # The parts of a row --------------------------------------------------------------------

    def _child(self, table: Table, row: list[Any], where: RowRef) -> str:
        source_id = cell(table, row, CHILD_ID)
        if source_id is None:
            raise RowError(table.headers[CHILD_ID], None, "the child's id is missing")
        dob = cell(table, row, "dateofbirth", cells.day)
        expected = cell(table, row, "expecteddateofbirth", cells.day)
        if dob and dob > self.snapshot.as_of:
            raise RowError(table.headers["dateofbirth"], dob,
                           f"the date of birth {dob:%d/%m/%Y} is after the as-of date")
        child_id = f"{self.la}-{source_id}"
        props = {"gender": cell(table, row, "gender", cells.gender), "dob": dob,
                 "unborn": True if dob is None else None, "expected_date": expected,
                 **self.snapshot.provenance(source_id)}
        self.snapshot.add("Child", {"id": child_id, "props": present(props)}, where)
        return child_id

    def _worker(self, number: int, table: Table, row: list[Any], child_id: str,
                since: date | None, where: RowRef) -> None:
        name = cell(table, row, "allocatedworker")
        if name is None:
            return
        team = cell(table, row, "allocatedteam") or ""
        agency_id = self.snapshot.area_social_care(self.la, where)
        professional_id = f"{agency_id}-{slug(team)}-{slug(name)}"
        job_title = "Personal adviser" if number == 9 else "Social worker"
        self.snapshot.add("Professional", {"id": professional_id, "props": present({
            "name": name, "job_title": job_title, "team": team or None,
            "identity": "name_only", **self.snapshot.provenance(f"{team}/{name}")})}, where)
        self.snapshot.add("WORKS_FOR", {"from": professional_id, "to": agency_id,
                                        "props": self.snapshot.provenance(professional_id)}, where)
        worker = Worker(number, professional_id, since, where)
        self.snapshot.when_kept(lambda: self.workers.setdefault(child_id, []).append(worker))

    def _plan(self, number: int, table: Table, row: list[Any], child_id: str,
              where: RowRef) -> date | None:
        start_key, end_key = PLAN_DATES[number]
        start = cell(table, row, start_key, cells.day)
        if start is None:
            raise RowError(table.headers.get(start_key, start_key), None,
                           "the plan's start date is missing, so the plan cannot be placed")
        end = cell(table, row, end_key, cells.day) if end_key else None
        if end and end < start:
            raise RowError(table.headers.get(end_key or "", ""), end,
                           f"the plan ends ({end:%d/%m/%Y}) before it starts ({start:%d/%m/%Y})")
        plan_type = PLAN_LISTS[number]
        props: dict[str, Any] = {"type": plan_type, "start": start, "end": end}
        if plan_type == "CP":
            props["category"] = cell(table, row, "latestcategoryofabuse", cells.cp_category) or \
                cell(table, row, "initialcategoryofabuse", cells.cp_category)
            latest_review = cell(table, row, "dateoflatestreviewconference", cells.day)
            props["next_review"] = (add_months(latest_review, LATER_REVIEW_MONTHS)
                                    if latest_review else add_months(start, FIRST_REVIEW_MONTHS))
        plan_id = f"{child_id}-{plan_type}-{start.isoformat()}"
        self.snapshot.add("Plan", {"id": plan_id, "props": present({
            **props, **self.snapshot.provenance(plan_id.removeprefix(f"{self.la}-"))})}, where)
        self.snapshot.add("SUBJECT_OF", {"from": child_id, "to": plan_id,
                                         "props": self.snapshot.provenance(plan_id)}, where)
        return start

    # Rows and lists ------------------------------------------------------------------------

    def read_row(self, number: int, table: Table, row: list[Any], where: RowRef) -> None:
        child_id = self._child(table, row, where)
        since = self._plan(number, table, row, child_id, where) if number in PLAN_LISTS else None
        if number == 5:
            icpc = cell(table, row, "dateofinitialchildprotectionconference", cells.day)
            if icpc:
                self.icpc[child_id] = icpc
        if number in WORKER_LISTS or number == 9:
            since = since or cell(table, row, "dateofreferral", cells.day) or \
                cell(table, row, "continuousassessmentstartdate", cells.day)
            self._worker(number, table, row, child_id, since, where)

    def read_table(self, number: int, table: Table) -> None:
        for row_number, row in table.rows:
            where = RowRef(table.file, table.sheet, row_number)
            with self.snapshot.row(where):
                if number == 11:
                    raise RowError(table.headers.get(ADOPTER_ID, "adopter"),
                                   table.value(row, ADOPTER_ID),
                                   "List 11 (adopters) is not held by the map: adopters are "
                                   "not linked to children in Annex A")
                self.read_row(number, table, row, where)

    def finish(self, present: set[int]) -> Snapshot:
        """What needs every list read first: each child's one allocated worker, ICPC dates
        on the child protection plans, and what this import speaks for."""
        for child_id, workers in self.workers.items():
            social_workers = [w for w in workers if w.list_number != 9]
            self._involve(child_id, social_workers, "allocated_social_worker", lead=True)
            # A care leaver's personal adviser leads only where no social worker does.
            self._involve(child_id, [w for w in workers if w.list_number == 9],
                          "personal_adviser", lead=not social_workers)
        for plan in self.snapshot.batch.nodes.get("Plan", []):
            child_id = plan["id"].rsplit("-CP-", 1)[0]
            icpc = self.icpc.get(child_id)
            if plan["props"]["type"] == "CP" and icpc and icpc <= plan["props"]["start"]:
                plan["props"].setdefault("icpc_date", icpc)
        self.snapshot.ends_plan_types = {PLAN_LISTS[n] for n in present if n in PLAN_LISTS}
        if all(n in present for n in WORKER_LISTS):
            self.snapshot.ends_roles.add("allocated_social_worker")
        if 9 in present:
            self.snapshot.ends_roles.add("personal_adviser")
        return self.snapshot

    def _involve(self, child_id: str, workers: list[Worker], role: str, lead: bool) -> None:
        if not workers:
            return
        chosen = min(workers, key=lambda w: WORKER_LISTS.index(w.list_number)
                     if w.list_number in WORKER_LISTS else 0)
        involvement_id = stable_id(self.snapshot.source, child_id, role, chosen.professional_id)
        props = present({"id": involvement_id, "role": role, "lead": lead,
                          "from": chosen.since or self.snapshot.as_of,
                          **self.snapshot.provenance(child_id.removeprefix(f"{self.la}-"))})
        for worker in workers:
            if worker.professional_id == chosen.professional_id:
                self.snapshot.add("INVOLVED_WITH", {"from": chosen.professional_id,
                                                    "to": child_id, "props": props},
                                  worker.where)


def read(path: Path, la_code: str, as_of: date, max_bytes: int) -> Snapshot:
    tables = _tables(path, max_bytes)
    reader = AnnexA(la_code, as_of)
    for number in sorted(tables):
        reader.read_table(number, tables[number])
    return reader.finish(set(tables))

