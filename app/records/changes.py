"""Recording and correcting the family side of the graph: families, their members, identity,
relationships, households and plans. Each change is one write transaction that checks its
rules inside it, so a refused change leaves the graph exactly as it was. Nothing is deleted:
a person leaves a family on a date, a move ends the old home the day before.

A change to a record's own fields states the version the form was opened at: when someone
else saved the record since, the change is refused with the record as it is now
(ChangedSinceOpened), instead of silently overwriting their work.

Each change returns a Change, which names the kind of change and the fields it wrote: the
audit keeps those (ids and field names, never the values)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from app.extensions import get_db
from app.gaps import state as gap_state
from app.records import duplicates

Run = Callable[..., list[dict]]

IDENTITY_FIELDS = ("given_name", "family_name", "dob", "gender", "nhs_number")
PLAN_FIELDS = ("type", "category", "start", "icpc_date", "next_review", "end")


class RecordError(Exception):
    """A rule was broken: `field` names the form field, `message` says why."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class ChangedSinceOpened(Exception):
    """Someone saved the record after the form was opened: `current` is how it is now."""

    def __init__(self, current: dict) -> None:
        super().__init__("changed by someone else since you opened it")
        self.current = current


@dataclass
class Change:
    """`target_id`: the record the change was asked of (the audit's target); `subject_id`:
    the record it made or touched besides (a new person, plan or household)."""
    kind: str
    target_id: str
    fields: list[str] = field(default_factory=list)
    subject_id: str | None = None
    possible_duplicates: int = 0  # pairs flagged for coordinators by this change
    reference: str | None = None  # an id the caller needs next (a merge's, to undo it)

    @property
    def audit_reason(self) -> str:
        kind = f"{self.kind} {self.subject_id}" if self.subject_id else self.kind
        return f"{kind}: {','.join(self.fields)}" if self.fields else kind


def in_one_transaction(work: Callable[[Run], Change], check_only: bool = False) -> Change:
    """Run a change in one write transaction; once written, re-check the gaps of the
    families it touches (the dashboard reads them as last checked)."""
    change = get_db().write_transaction(work, check_only=check_only)
    if not check_only:
        gap_state.check_after_change([change.target_id, change.subject_id])
    return change


def _lock_family(run: Run, family_id: str) -> None:
    if not run("records/lock_family", family_id=family_id):
        raise RecordError("family", "There is no such family")


def _person(run: Run, person_id: str, field_name: str = "person_id") -> dict:
    rows = run("records/person", person_id=person_id)
    if not rows:
        raise RecordError(field_name, "There is no such person")
    return rows[0]


def changed_fields(before: dict, values: dict) -> list[str]:
    return sorted(name for name, value in values.items() if before.get(name) != value)


def _check_nhs_number(run: Run, nhs_number: str | None, person_id: str | None) -> None:
    """An NHS number identifies one person: a second person with it is a duplicate."""
    if nhs_number and run("records/nhs_number_holder", nhs_number=nhs_number,
                          person_id=person_id):
        raise RecordError("nhs_number", "Another person already has this NHS number: search "
                                        "for them and add them instead, or check the number")


# Families -----------------------------------------------------------------------------------

def create_family(name: str, user_id: str) -> Change:
    family_id = str(uuid.uuid4())

    def work(run: Run) -> Change:
        run("records/create_family", id=family_id, name=name, user_id=user_id)
        return Change("family_created", family_id, ["name"])
    return in_one_transaction(work)


def rename_family(family_id: str, name: str, version: int) -> Change:
    def work(run: Run) -> Change:
        rows = run("records/family", family_id=family_id)
        if not rows:
            raise RecordError("name", "There is no such family")
        if rows[0]["version"] != version:
            raise ChangedSinceOpened({"name": rows[0]["name"], "version": rows[0]["version"]})
        fields = changed_fields(rows[0], {"name": name})
        if fields:
            run("records/rename_family", family_id=family_id, version=version, name=name)
        return Change("family_renamed", family_id, fields)
    return in_one_transaction(work)


@dataclass
class NewPerson:
    kind: str  # child or adult
    role: str
    given_name: str
    family_name: str
    dob: date | None
    gender: str
    nhs_number: str | None = None
    unborn: bool = False
    expected_date: date | None = None
    lives_with: str | None = None  # a household of the family

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {"given_name": self.given_name, "family_name": self.family_name,
                                  "dob": self.dob, "gender": self.gender,
                                  "nhs_number": self.nhs_number}
        if self.unborn:
            values |= {"unborn": True, "expected_date": self.expected_date}
        return {k: v for k, v in values.items() if v is not None}


def add_new_member(family_id: str, person: NewPerson, user_id: str) -> Change:
    """A person new to the graph, as a member of the family (and, if chosen, living at one of
    the family's households from today)."""
    person_id = str(uuid.uuid4())

    def work(run: Run) -> Change:
        _lock_family(run, family_id)
        _check_nhs_number(run, person.nhs_number, None)
        households = _family_households(run, family_id)
        if person.lives_with and person.lives_with not in households:
            raise RecordError("lives_with", "Choose one of the family's households")
        run("records/create_person", family_id=family_id, id=person_id, kind=person.kind,
            role=person.role, values=person.values(), user_id=user_id)
        if person.lives_with:
            run("records/move", person_ids=[person_id], household_id=person.lives_with,
                moved=date.today(), user_id=user_id)
        return Change("member_added", family_id, sorted(person.values()), person_id)
    change = in_one_transaction(work)
    change.possible_duplicates = duplicates.flag_person(get_db(), person_id)
    return change


def add_existing_member(family_id: str, person_id: str, role: str, user_id: str) -> Change:
    def work(run: Run) -> Change:
        _lock_family(run, family_id)
        person = _person(run, person_id)
        if person["merged_into"]:
            raise RecordError("person_id", "This record was merged into another: add the "
                                           "person it was merged into")
        if (role == "child") != (person["kind"] == "child"):
            raise RecordError("role", "A child's role in the family is child; an adult's is "
                                      "another role")
        if not run("records/add_member", family_id=family_id, person_id=person_id, role=role,
                   user_id=user_id)[0]["added"]:
            raise RecordError("person_id", "This person is already a member of the family")
        return Change("member_added", family_id, ["role"], person_id)
    return in_one_transaction(work)


def remove_member(family_id: str, person_id: str, left: date, user_id: str) -> Change:
    """The person leaves the family on `left`: the membership is ended, not deleted."""
    def work(run: Run) -> Change:
        _lock_family(run, family_id)
        rows = run("records/remove_member", family_id=family_id, person_id=person_id,
                   left=left, user_id=user_id)
        if not rows:
            raise RecordError("person_id", "This person is not a member of the family")
        since = rows[0]["since"]
        if since and left < since:
            raise RecordError("left", f"The date they left must be on or after they joined "
                                      f"({since:%-d %B %Y})")
        return Change("member_removed", family_id, ["to"], person_id)
    return in_one_transaction(work)


def _family_households(run: Run, family_id: str) -> set[str]:
    return {h["id"] for h in run("records/family", family_id=family_id)[0]["households"]}


# Identity -------------------------------------------------------------------------------------

def identity(person: dict) -> dict:
    """The identity fields of a person as the form shows them, with the version."""
    return {name: person[name] for name in (*IDENTITY_FIELDS, "version")}


def correct_identity(person_id: str, values: dict[str, Any], version: int) -> Change:
    """Correct names, date of birth, gender or NHS number."""
    def work(run: Run) -> Change:
        person = _person(run, person_id)
        if person["version"] != version:
            raise ChangedSinceOpened(identity(person))
        if person["unborn"] and values.get("dob"):
            raise RecordError("dob", "This child is not born yet: record the birth instead")
        if person["kind"] == "child" and not person["unborn"] and not values.get("dob"):
            raise RecordError("dob", "Enter the date of birth")
        _check_nhs_number(run, values.get("nhs_number"), person_id)
        fields = changed_fields(person, values)
        if fields:
            run("records/update_person", person_id=person_id, version=version,
                values={name: values[name] for name in fields})
        return Change("identity", person_id, fields)
    change = in_one_transaction(work)
    if change.fields:
        change.possible_duplicates = duplicates.flag_person(get_db(), person_id)
    return change


def record_birth(person_id: str, dob: date, gender: str) -> Change:
    def work(run: Run) -> Change:
        if not run("records/record_birth", person_id=person_id, dob=dob, gender=gender):
            raise RecordError("dob", "Only an unborn child's birth can be recorded")
        return Change("birth", person_id, ["dob", "gender", "unborn", "expected_date"])
    return in_one_transaction(work)


def mark_deceased(person_id: str, died: date) -> Change:
    def work(run: Run) -> Change:
        person = _person(run, person_id)
        if person["dob"] and died < person["dob"]:
            raise RecordError("died", "The date of death must be on or after the date of birth")
        if not run("records/mark_deceased", person_id=person_id, died=died):
            raise RecordError("died", "Only an adult can be marked deceased here")
        return Change("deceased", person_id, ["deceased", "died"])
    return in_one_transaction(work)


# Relationships ------------------------------------------------------------------------------

def relate(person_id: str, relation: str, other_id: str, user_id: str, *, kind: str | None,
           status: str | None, since: date | None, until: date | None) -> Change:
    """Parent (of a kind) or partner (with a status), between two members of one family."""
    def work(run: Run) -> Change:
        run("records/lock_person", person_id=person_id)
        person = _person(run, person_id)
        if other_id == person_id:
            raise RecordError("other_id", "Choose someone else")
        other = _person(run, other_id, "other_id")
        if not set(person["family_ids"]) & set(other["family_ids"]):
            raise RecordError("other_id", "Choose a member of one of this person's families")
        if relation == "partner_of":
            if person["kind"] != "adult" or other["kind"] != "adult":
                raise RecordError("type", "Partners are both adults")
            created = run("records/link_partners", person_id=person_id, other_id=other_id,
                          status=status, since=since, until=until, user_id=user_id)[0]["created"]
            return Change("partner_added" if created else "partner_changed", person_id,
                          ["status", "from", "to"], other_id)
        parent, child = (person, other) if relation == "parent_of" else (other, person)
        if parent["kind"] != "adult" or child["kind"] != "child":
            raise RecordError("type", "A parent is an adult and their child a child")
        if not run("records/link_parent", parent_id=parent["id"], child_id=child["id"],
                   kind=kind, since=since, until=until, user_id=user_id)[0]["created"]:
            raise RecordError("other_id", "This parent link is recorded already")
        return Change("parent_added", person_id, ["kind", "from", "to"], other_id)
    return in_one_transaction(work)


# Households -----------------------------------------------------------------------------------

@dataclass
class NewHousehold:
    address: str
    postcode: str


def move(family_id: str, person_ids: list[str], to: str | NewHousehold, moved: date,
         user_id: str, check_only: bool = False) -> Change:
    """Members of a family move, together, to one of the family's households or to a new
    address, on a date. With `check_only`, every rule is checked and the transaction rolled
    back (the "check your answers" page is shown only for a move that will go through)."""
    def work(run: Run) -> Change:
        _lock_family(run, family_id)
        family = run("records/family", family_id=family_id)[0]
        members = {m["id"] for m in family["members"]}
        if not person_ids or not set(person_ids) <= members:
            raise RecordError("person_ids", "Choose who moves from the family's members")
        for home in run("records/current_homes", person_ids=person_ids):
            if home["since"] and moved <= home["since"]:
                raise RecordError("moved", f"The move must be after they moved to their "
                                           f"current home ({home['since']:%-d %B %Y})")
        if isinstance(to, NewHousehold):
            household_id = str(uuid.uuid4())
            run("records/create_household", id=household_id, address=to.address,
                postcode=to.postcode, user_id=user_id)
        elif to in {h["id"] for h in family["households"]}:
            household_id = to
        else:
            raise RecordError("household_id", "Choose one of the family's households, or "
                                              "enter a new address")
        rows = run("records/move", person_ids=person_ids, household_id=household_id,
                   moved=moved, user_id=user_id)
        if not any(row["moved"] for row in rows):
            raise RecordError("household_id", "They all live there already")
        return Change("moved", family_id, sorted(person_ids), household_id)

    return in_one_transaction(work, check_only=check_only)


# Plans ------------------------------------------------------------------------------------------

def plan_values(values: dict[str, Any]) -> dict[str, Any]:
    return {name: values.get(name) or None for name in PLAN_FIELDS}


def _check_plan(person: dict, values: dict[str, Any]) -> None:
    if person["kind"] != "child":
        raise RecordError("type", "Only a child has a plan")
    if values["type"] == "PRE_BIRTH" and not person["unborn"]:
        raise RecordError("type", "A pre-birth plan is for an unborn child")
    if values["icpc_date"] and values["icpc_date"] < values["start"] - timedelta(days=15):
        raise RecordError("icpc_date", "The initial conference must be no more than 15 "
                                       "days before the start of the plan")


def add_plan(child_id: str, values: dict[str, Any], user_id: str) -> Change:
    plan_id = str(uuid.uuid4())

    def work(run: Run) -> Change:
        run("records/lock_person", person_id=child_id)
        person = _person(run, child_id)
        _check_plan(person, values)
        if values["end"] is None and run("records/current_plan_of_type", child_id=child_id,
                                         type=values["type"]):
            raise RecordError("type", "This child has a current plan of this type already: "
                                      "change that plan instead")
        run("records/create_plan", child_id=child_id, id=plan_id,
            values={k: v for k, v in values.items() if v is not None}, user_id=user_id)
        run("plans/count_plans", ids=[plan_id])
        return Change("plan_added", child_id, sorted(k for k, v in values.items()
                                                     if v is not None), plan_id)
    return in_one_transaction(work)


def change_plan(child_id: str, plan_id: str, values: dict[str, Any], version: int) -> Change:
    def work(run: Run) -> Change:
        person = _person(run, child_id)
        rows = run("records/plan", child_id=child_id, plan_id=plan_id)
        if not rows:
            raise RecordError("type", "This child has no such plan")
        if rows[0]["version"] != version:
            raise ChangedSinceOpened(rows[0])
        _check_plan(person, values)
        fields = changed_fields(rows[0], values)
        if fields:
            run("records/update_plan", child_id=child_id, plan_id=plan_id, version=version,
                values={name: values[name] for name in fields})
            run("plans/count_plans", ids=[plan_id])
        return Change("plan_changed", child_id, fields, plan_id)
    return in_one_transaction(work)
