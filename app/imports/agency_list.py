"""A partner agency's list of the people it works with, one row per person and named
professional, into the graph model. The agency must already be in the directory (its id is
given on the command line); its professionals are matched by name within it.

A person is the same node as one already known when the NHS number matches (see
app/imports/people.py); otherwise they are the agency's own record, keyed by the agency's
id for them. Every involvement the list gave before and no longer gives is ended."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from app.domain import INVOLVEMENT_ROLES, age_in_years
from app.imports import cells
from app.imports.cells import RowError
from app.imports.mapping import cell, present, slug, stable_id
from app.imports.snapshot import RowRef, Snapshot
from app.imports.tables import ImportRefused, Table, csv_table, workbook_tables

KEY = "personid"
def _table(path: Path, max_bytes: int) -> Table:
    if not path.exists():
        raise ImportRefused(f"There is no file {path}")
    if path.suffix.lower() == ".xlsx":
        found = [t for t in workbook_tables(path, (KEY,), max_bytes).values() if t is not None]
        table = found[0] if found else None
    else:
        table = csv_table(path, (KEY,), max_bytes)
    if table is None:
        raise ImportRefused(f"{path.name} has no header naming a person_id column (the columns "
                            f"are person_id, given_name, family_name, dob, nhs_number, address, "
                            f"postcode, professional_name, role, phone, email, from, to)")
    return table


class AgencyList:
    def __init__(self, la_code: str, agency: dict[str, Any], as_of: date) -> None:
        self.la, self.agency = la_code, agency
        self.snapshot = Snapshot(f"agency-list:{la_code}:{agency['id']}", as_of)
        # The list speaks for everything its agency does with the people on it.
        self.snapshot.ends_roles = set(INVOLVEMENT_ROLES)


    def read_row(self, table: Table, row: list[Any], where: RowRef) -> None:
        source_id = cell(table, row, KEY)
        if source_id is None:
            raise RowError(table.headers[KEY], None, "the person's id is missing")
        dob = cell(table, row, "dob", cells.day)
        if dob is None:
            raise RowError(table.headers.get("dob", "dob"), None,
                           "the date of birth is missing (it tells a child from an adult)")
        if dob > self.snapshot.as_of:
            raise RowError(table.headers["dob"], dob, "the date of birth is after the as-of date")
        person_id = f"{self.la}-{self.agency['id']}-{source_id}"
        kind = "Child" if age_in_years(dob, self.snapshot.as_of) < 18 else "Adult"
        self.snapshot.add(kind, {"id": person_id, "props": present({
            "given_name": cell(table, row, "givenname"),
            "family_name": cell(table, row, "familyname"), "dob": dob,
            "nhs_number": cell(table, row, "nhsnumber", cells.nhs_number),
            **self.snapshot.provenance(source_id)})}, where)
        address, postcode = cell(table, row, "address"), cell(table, row, "postcode")
        if address and postcode:
            household_id = f"{self.la}-hh-{slug(postcode)}-{slug(address)}"
            self.snapshot.add("Household", {"id": household_id, "props": {
                "address": address, "postcode": postcode.upper(),
                **self.snapshot.provenance(household_id)}}, where)
            self.snapshot.add("LIVES_AT", {"from": person_id, "to": household_id,
                                           "props": self.snapshot.provenance(person_id)}, where)
        self._involvement(table, row, person_id, where)

    def _involvement(self, table: Table, row: list[Any], person_id: str, where: RowRef) -> None:
        name = cell(table, row, "professionalname")
        role = cell(table, row, "role", cells.involvement_role)
        if name is None or role is None:
            missing = "professional_name" if name is None else "role"
            raise RowError(table.headers.get(missing.replace("_", ""), missing), None,
                           f"the {missing.replace('_', ' ')} is missing")
        since = cell(table, row, "from", cells.day) or self.snapshot.as_of
        until = cell(table, row, "to", cells.day)
        if until and until < since:
            raise RowError(table.headers.get("to", "to"), until, "the involvement ends before it starts")
        professional_id = f"{self.agency['id']}-{slug(name)}"
        self.snapshot.add("Professional", {"id": professional_id, "props": present({
            "name": name, "phone": cell(table, row, "phone"), "email": cell(table, row, "email"),
            "identity": "name_only", **self.snapshot.provenance(name)})}, where)
        self.snapshot.add("WORKS_FOR", {"from": professional_id, "to": self.agency["id"],
                                        "props": self.snapshot.provenance(professional_id)}, where)
        involvement_id = stable_id(self.snapshot.source, person_id, role, professional_id)
        self.snapshot.add("INVOLVED_WITH", {"from": professional_id, "to": person_id,
                                            "props": present({
                                                "id": involvement_id, "role": role,
                                                "lead": False, "from": since, "to": until,
                                                **self.snapshot.provenance(person_id)})}, where)


def read(path: Path, la_code: str, as_of: date, max_bytes: int, agency: dict[str, Any]) -> Snapshot:
    table = _table(path, max_bytes)
    reader = AgencyList(la_code, agency, as_of)
    for number, row in table.rows:
        where = RowRef(table.file, table.sheet, number)
        with reader.snapshot.row(where):
            reader.read_row(table, row, where)
    return reader.snapshot
