"""Data to Insight's Standard Safeguarding Dataset (one CSV per `ssd_*` table) into the
graph model: people (a child under 18 on the as-of date, or unborn; an adult otherwise),
families, birth mothers, addresses (households by UPRN, else by the normalised address),
the area's social care professionals and their involvements, and child in need, child
protection, looked-after and early help plans. Ids are the CMS's own, prefixed by the area's
code, so that Annex A and SSD name the same child with the same id.

A row that names a person missing from ssd_person (or whose ssd_person row was rejected) is
rejected in its turn: nothing is linked to a person the import does not hold."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from app.domain import AGENCY_TYPES, INVOLVEMENT_ROLES, age_in_years
from app.imports import cells
from app.imports.cells import RowError
from app.imports.mapping import cell, present, slug
from app.imports.snapshot import RowRef, Snapshot
from app.imports.tables import ImportRefused, Table, csv_folder

SOURCE = "ssd"
# Each table, the key column its header must name, and whether the import needs it.
TABLES = {
    "ssd_person": "perspersonid", "ssd_family": "famifamilyid", "ssd_mother": "mothpersonid",
    "ssd_address": "addrpersonid", "ssd_department": "deptteamid",
    "ssd_professionals": "profprofessionalid", "ssd_involvements": "invoinvolvementsid",
    "ssd_cin_plans": "cinpcinplanid", "ssd_cp_plans": "cpplcpplanid",
    "ssd_initial_cp_conference": "icpcicpcid", "ssd_cla_episodes": "claeclaepisodeid",
    "ssd_early_help_episodes": "earlepisodeid",
}
SEX = {"m": "male", "male": "male", "f": "female", "female": "female", "u": "unknown",
       "unknown": "unknown", "i": "unknown", "x": "unknown"}
# SSD's worker roles as areas write them, beyond the map's own role names and labels.
SSD_ROLES = {"allocatedcaseworker": "allocated_social_worker", "socialworker":
             "allocated_social_worker", "allocatedsocialworker": "allocated_social_worker",
             "caseworker": "allocated_social_worker", "iro": "independent_reviewing_officer",
             "pa": "personal_adviser", "leavingcareworker": "personal_adviser",
             "familysupportworker": "key_worker", "earlyhelpworker": "key_worker"}
# (table, id column, person column, plan type, start column, end column)
PLAN_TABLES = (
    ("ssd_cin_plans", "cinpcinplanid", "cinppersonid", "CIN", "cinpcinplanstartdate",
     "cinpcinplanenddate"),
    ("ssd_cp_plans", "cpplcpplanid", "cpplpersonid", "CP", "cpplcpplanstartdate",
     "cpplcpplanenddate"),
    ("ssd_cla_episodes", "claeclaepisodeid", "claepersonid", "LAC", "claeclaepisodestartdate",
     "claeclaepisodeceaseddate"),
    ("ssd_early_help_episodes", "earlepisodeid", "earlpersonid", "EARLY_HELP",
     "earlepisodestartdate", "earlepisodeenddate"),
)
ADDRESS_PARTS = ("ROOM", "FLOOR", "FLAT", "BUILDING", "HOUSE", "STREET", "TOWN")


def _sex(value: object) -> str | None:
    raw = cells.code(value)
    if raw is None:
        return None
    if raw in SEX:
        return SEX[raw]
    raise cells.CellError(f"“{cells.text(value)}” is not a sex code (F, M or U)")


def _ssd_role(value: object) -> str | None:
    raw = cells.text(value)
    if raw is None:
        return None
    key = cells.header_key(raw)
    return SSD_ROLES.get(key) or cells.ROLE_BY_NAME.get(key) or "other"


def _address(value: object) -> tuple[str | None, str | None]:
    """(text, UPRN) of an SSD address: its JSON structure, or plain text."""
    raw = cells.text(value)
    if raw is None:
        return None, None
    try:
        parts = json.loads(raw)
    except ValueError:
        return raw, None
    if not isinstance(parts, dict):
        return raw, None
    upper = {str(k).upper(): cells.text(v) for k, v in parts.items()}
    text = ", ".join(p for p in (upper.get(k) for k in ADDRESS_PARTS) if p)
    return text or None, upper.get("UPRN")


def _tables(folder: Path, max_bytes: int) -> dict[str, Table]:
    if not folder.is_dir():
        raise ImportRefused(f"{folder} is not a folder: SSD comes as one CSV per ssd_* table")
    by_length = sorted(TABLES, key=len, reverse=True)  # ssd_cp_plans before ssd_cp...

    def table_of(stem: str) -> str | None:
        return next((t for t in by_length if stem.lower().startswith(t)), None)

    found: dict[str, Table] = {}
    for name, table in csv_folder(folder, table_of, lambda t: (TABLES[t],), max_bytes).items():
        if table is None:
            raise ImportRefused(f"The {name} file has no header naming its key column")
        found[name] = table
    if "ssd_person" not in found:
        raise ImportRefused(f"{folder.name} holds no ssd_person CSV: the import starts from "
                            f"the people")
    return found


class Ssd:
    def __init__(self, la_code: str, as_of: date) -> None:
        self.la = la_code
        self.snapshot = Snapshot(f"{SOURCE}:{la_code}", as_of)
        self.kinds: dict[str, str] = {}        # person id -> Child / Adult
        self.teams: dict[str, str] = {}        # department id -> name
        self.agencies: dict[str, str] = {}     # department id -> agency id (typed departments)
        self.professionals: set[str] = set()
        self.plans_by_icpc: dict[str, date] = {}


    def _id(self, kind: str, source_id: str) -> str:
        return f"{self.la}-{source_id}" if kind == "person" else f"{self.la}-{kind}-{source_id}"

    def _person(self, table: Table, row: list[Any], key: str) -> str:
        source_id = cell(table, row, key)
        person_id = self._id("person", source_id or "")
        if source_id is None or person_id not in self.kinds:
            raise RowError(table.headers.get(key, key), source_id,
                           "no person with this id in ssd_person (or their row was rejected)")
        return person_id

    def _rows(self, table: Table, read_row) -> None:
        for number, row in table.rows:
            where = RowRef(table.file, table.sheet, number)
            with self.snapshot.row(where):
                read_row(table, row, where)

    # People and families -------------------------------------------------------------------

    def person(self, table: Table, row: list[Any], where: RowRef, mothers: set[str]) -> None:
        source_id = cell(table, row, "perspersonid")
        if source_id is None:
            raise RowError(table.headers["perspersonid"], None, "the person's id is missing")
        dob = cell(table, row, "persdob", cells.day)
        expected = cell(table, row, "persexpecteddob", cells.day)
        died = cell(table, row, "persdeathdate", cells.day)
        if dob and dob > self.snapshot.as_of:
            raise RowError(table.headers["persdob"], dob, "the date of birth is after the as-of date")
        if dob:
            kind = "Child" if age_in_years(dob, self.snapshot.as_of) < 18 else "Adult"
        else:
            kind = "Adult" if source_id in mothers and not expected else "Child"
        person_id = self._id("person", source_id)
        props = {"given_name": cell(table, row, "persforename") or cell(table, row, "persfirstname"),
                 "family_name": cell(table, row, "perssurname") or cell(table, row, "perslastname"),
                 "dob": dob, "gender": cell(table, row, "perssex", _sex),
                 "nhs_number": cell(table, row, "perscommonchildid", cells.nhs_number),
                 "unborn": True if kind == "Child" and dob is None else None,
                 "expected_date": expected if dob is None else None,
                 "deceased": True if died and kind == "Adult" else None,
                 **self.snapshot.provenance(source_id)}
        self.snapshot.add(kind, {"id": person_id, "props": present(props)}, where)
        self.snapshot.when_kept(lambda: self.kinds.__setitem__(person_id, kind))

    def family(self, table: Table, row: list[Any], where: RowRef, roles: dict[str, str]) -> None:
        family_source = cell(table, row, "famifamilyid")
        person_id = self._person(table, row, "famipersonid")
        family_id = self._id("fam", family_source)
        self.snapshot.add("Family", {"id": family_id, "props": self.snapshot.provenance(family_source)},
                          where)
        role = cell(table, row, "famirole") or roles.get(person_id) or (
            "child" if self.kinds[person_id] == "Child" else "relative")
        self.snapshot.add("MEMBER_OF", {"from": person_id, "to": family_id,
                                        "props": {"role": role, **self.snapshot.provenance(person_id)}},
                          where)

    def mother(self, table: Table, row: list[Any], where: RowRef) -> None:
        mother_id = self._person(table, row, "mothpersonid")
        child_id = self._person(table, row, "mothchildspersonid")
        self.snapshot.add("PARENT_OF", {"from": mother_id, "to": child_id, "props": {
            "kind": "birth", **self.snapshot.provenance(child_id)}}, where)

    def address(self, table: Table, row: list[Any], where: RowRef) -> None:
        person_id = self._person(table, row, "addrpersonid")
        text, uprn = cell(table, row, "addraddressjson", _address)
        postcode = (cell(table, row, "addraddresspostcode") or "").upper() or None
        if text is None:
            raise RowError(table.headers["addraddressjson"], None, "the address is missing")
        household_id = self._id("hh", f"uprn-{uprn}" if uprn else
                                f"{slug(postcode or '')}-{slug(text)}")
        self.snapshot.add("Household", {"id": household_id, "props": present({
            "address": text, "postcode": postcode, "uprn": uprn,
            **self.snapshot.provenance(uprn or text)})}, where)
        self.snapshot.add("LIVES_AT", {"from": person_id, "to": household_id, "props": present({
            "from": cell(table, row, "addraddressstartdate", cells.day),
            "to": cell(table, row, "addraddressenddate", cells.day),
            **self.snapshot.provenance(person_id)})}, where)

    # Professionals and involvements --------------------------------------------------------

    def department(self, table: Table, row: list[Any], where: RowRef) -> None:
        """A team of the area's children's social care; or, with an agency type (a column
        this product adds to SSD), a partner agency of that type."""
        team_id, name = cell(table, row, "deptteamid"), cell(table, row, "deptteamname")
        if not (team_id and name):
            raise RowError(table.headers["deptteamid"], team_id, "the team's id or name is missing")
        agency_type = cell(table, row, "deptagencytype")
        if agency_type and agency_type not in AGENCY_TYPES:
            raise RowError(table.headers["deptagencytype"], agency_type,
                           "not an agency type the map knows")
        self.snapshot.when_kept(lambda: self.teams.__setitem__(team_id, name))
        if agency_type:
            agency_id = self._id("ag", team_id)
            self.snapshot.add("Agency", {"id": agency_id, "props": {
                "name": name, "type": agency_type, **self.snapshot.provenance(team_id)}}, where)
            self.snapshot.when_kept(lambda: self.agencies.__setitem__(team_id, agency_id))

    def professional(self, table: Table, row: list[Any], where: RowRef) -> None:
        source_id = cell(table, row, "profprofessionalid")
        name = cell(table, row, "profprofessionalname")
        if name is None:
            raise RowError(table.headers.get("profprofessionalname", "prof_professional_name"),
                           None, "the professional's name is missing")
        department = cell(table, row, "profprofessionaldepartment")
        professional_id = self._id("pro", source_id)
        agency_id = self.agencies.get(department or "")
        if agency_id is None:
            agency_id = self.snapshot.area_social_care(self.la, where)
        self.snapshot.add("Professional", {"id": professional_id, "props": present({
            "name": name, "job_title": cell(table, row, "profprofessionaljobtitle"),
            "team": None if department in self.agencies else self.teams.get(department or "",
                                                                            department),
            "email": cell(table, row, "profprofessionalemail"),
            "phone": cell(table, row, "profprofessionalphone"),
            "sensitive_role": cell(table, row, "profsensitiverole", cells.yes_no) or None,
            "staff_id": cell(table, row, "profstaffid"), **self.snapshot.provenance(source_id)})}, where)
        self.snapshot.add("WORKS_FOR", {"from": professional_id, "to": agency_id,
                                        "props": self.snapshot.provenance(professional_id)}, where)
        self.snapshot.when_kept(lambda: self.professionals.add(professional_id))

    def involvement(self, table: Table, row: list[Any], where: RowRef) -> None:
        source_id = cell(table, row, "invoinvolvementsid")
        person_id = self._person(table, row, "invopersonid")
        professional_source = cell(table, row, "invoprofessionalid")
        professional_id = self._id("pro", professional_source or "")
        if professional_id not in self.professionals:
            raise RowError(table.headers.get("invoprofessionalid", "invo_professional_id"),
                           professional_source, "no professional with this id in "
                           "ssd_professionals (or their row was rejected)")
        role = cell(table, row, "invoprofessionalroleid", _ssd_role) or "allocated_social_worker"
        since = cell(table, row, "invoinvolvementstartdate", cells.day)
        until = cell(table, row, "invoinvolvementenddate", cells.day)
        if since is None:
            raise RowError(table.headers.get("invoinvolvementstartdate", "start"), None,
                           "the involvement's start date is missing")
        if until and until < since:
            raise RowError(table.headers["invoinvolvementenddate"], until,
                           "the involvement ends before it starts")
        lead = cell(table, row, "involead", cells.yes_no)
        if lead is None:
            lead = role == "allocated_social_worker" and until is None
        self.snapshot.add("INVOLVED_WITH", {"from": professional_id, "to": person_id,
                                            "props": present({
                                                "id": self._id("inv", source_id),
                                                "role": role, "lead": lead,
                                                "from": since, "to": until,
                                                **self.snapshot.provenance(source_id)})}, where)

    # Plans ---------------------------------------------------------------------------------

    def icpc(self, table: Table, row: list[Any], where: RowRef) -> None:
        plan_source = cell(table, row, "icpccpplanid")
        held = cell(table, row, "icpcicpcdate", cells.day)
        if plan_source and held:
            self.snapshot.when_kept(lambda: self.plans_by_icpc.__setitem__(plan_source, held))

    def plan(self, spec: tuple, table: Table, row: list[Any], where: RowRef) -> None:
        _, id_column, person_column, plan_type, start_column, end_column = spec
        source_id = cell(table, row, id_column)
        person_id = self._person(table, row, person_column)
        start = cell(table, row, start_column, cells.day)
        if start is None:
            raise RowError(table.headers.get(start_column, start_column), None,
                           "the plan's start date is missing")
        end = cell(table, row, end_column, cells.day)
        if end and end < start:
            raise RowError(table.headers[end_column], end, "the plan ends before it starts")
        props: dict[str, Any] = {"type": plan_type, "start": start, "end": end}
        if plan_type == "CP":
            props["category"] = cell(table, row, "cpplcpplanlatestcategory", cells.cp_category) or \
                cell(table, row, "cpplcpplaninitialcategory", cells.cp_category)
            props["icpc_date"] = self.plans_by_icpc.get(source_id or "")
        plan_id = self._id(plan_type.lower().replace("_", ""), source_id)
        self.snapshot.add("Plan", {"id": plan_id, "props": present({
            **props, **self.snapshot.provenance(source_id)})}, where)
        self.snapshot.add("SUBJECT_OF", {"from": person_id, "to": plan_id,
                                         "props": self.snapshot.provenance(plan_id)}, where)

    # The whole dataset -----------------------------------------------------------------------

    def read(self, tables: dict[str, Table]) -> Snapshot:
        mothers: set[str] = set()
        if "ssd_mother" in tables:
            table = tables["ssd_mother"]
            mothers = {m for m in (cells.text(table.value(r, "mothpersonid"))
                                   for _, r in table.rows) if m}
        self._rows(tables["ssd_person"], lambda t, r, w: self.person(t, r, w, mothers))
        roles = {self._id("person", m): "parent" for m in mothers}
        for name, read_row in (("ssd_mother", self.mother), ("ssd_address", self.address),
                               ("ssd_department", self.department),
                               ("ssd_professionals", self.professional),
                               ("ssd_involvements", self.involvement),
                               ("ssd_initial_cp_conference", self.icpc)):
            if name in tables:
                self._rows(tables[name], read_row)
        if "ssd_family" in tables:
            self._rows(tables["ssd_family"], lambda t, r, w: self.family(t, r, w, roles))
        for spec in PLAN_TABLES:
            if spec[0] in tables:
                self._rows(tables[spec[0]], lambda t, r, w, spec=spec: self.plan(spec, t, r, w))
                self.snapshot.ends_plan_types.add(spec[3])
        if "ssd_involvements" in tables:
            self.snapshot.ends_roles = set(INVOLVEMENT_ROLES)
        self._name_families()
        return self.snapshot

    def _name_families(self) -> None:
        """A family is named after the surname most of its members share."""
        surnames: dict[str, Counter] = {}
        people = {e["id"]: e["props"] for kind in ("Child", "Adult")
                  for e in self.snapshot.batch.nodes.get(kind, [])}
        for link in self.snapshot.batch.relationships.get("MEMBER_OF", []):
            name = people.get(link["from"], {}).get("family_name")
            if name:
                surnames.setdefault(link["to"], Counter())[name] += 1
        for family in self.snapshot.batch.nodes.get("Family", []):
            common = surnames.get(family["id"])
            family["props"]["name"] = common.most_common(1)[0][0] if common else \
                f"Family {family['props']['source_id']}"


def read(path: Path, la_code: str, as_of: date, max_bytes: int) -> Snapshot:
    return Ssd(la_code, as_of).read(_tables(path, max_bytes))
