"""Recording and correcting families, people, relationships, households and plans through
the API: the pages' forms validate the body, the pages' changes write it (one transaction
each), under the same access rule and audit. Writes take a personal API token.

A change to a record's own fields (a person's identity, a plan) sends the `version` it read
(GET returns it); if the record changed since, the answer is 409 with the record as it is
now, and nothing is written."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import g, jsonify
from flask_login import current_user

from app.api import bp
from app.api.json_forms import BodyError, request_body, validated
from app.errors import invalid_input
from app.permissions import family_access, person_access, roles_required, token_required
from app.records import changes
from app.records import repository as records
from app.records.forms import (
    BirthForm,
    ChangePlanForm,
    DeceasedForm,
    ExistingMemberForm,
    FamilyForm,
    IdentityForm,
    MoveForm,
    NewMemberForm,
    PlanForm,
    RelationshipForm,
    RemoveMemberForm,
)
from app.records.pages import audited
from app.records.routes import EDITORS


def as_json(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value


def run_change(kind: str, action, status: int = 200):
    """Run a change: 200/201 with what it answers, 422 naming the field, 409 when the record
    changed since it was read. The audit keeps the kind of change and the fields."""
    g.audit_reason = f"{kind}: refused"
    try:
        change, answer = action()
    except BodyError as error:
        return error.response()
    except changes.RecordError as error:
        return invalid_input({error.field: [error.message]})
    except changes.ChangedSinceOpened as stale:
        return jsonify(error="changed by someone else since you read it",
                       current=as_json(stale.current)), 409
    g.audit_reason, g.audit_target = change.audit_reason, change.target_id
    return jsonify(as_json(answer)), status


@bp.post("/families")
@token_required
@roles_required("coordinator")
@audited
def create_family():
    """{name} -> 201 {id}."""
    def action():
        form = validated(FamilyForm, request_body())
        change = changes.create_family(form.name.data, current_user.user_id)
        return change, {"id": change.target_id}
    return run_change("family_created", action, 201)


@bp.post("/families/<family_id>/members")
@token_required
@roles_required(*EDITORS)
@family_access("change", reason="member_added")
def add_member(family_id: str):
    """{person_id, role} adds someone already recorded; {kind, role, given_name, family_name,
    dob | unborn + expected_date, gender, nhs_number, lives_with} a new person. -> 201 {id}."""
    def action():
        body = request_body()
        if body.get("person_id") is not None:
            form = validated(ExistingMemberForm, body)
            change = changes.add_existing_member(family_id, form.person_id.data,
                                                 form.role.data, current_user.user_id)
            return change, {"id": form.person_id.data}
        new = validated(NewMemberForm, body)
        change = changes.add_new_member(family_id, new.person(), current_user.user_id)
        return change, {"id": change.subject_id,
                        "possible_duplicates": change.possible_duplicates}
    return run_change("member_added", action, 201)


@bp.post("/families/<family_id>/members/remove")
@token_required
@roles_required(*EDITORS)
@family_access("change", reason="member_removed")
def remove_member(family_id: str):
    """{person_id, left (default today)}: the membership ends on that date."""
    def action():
        body = {"left": date.today().isoformat(), **request_body()}
        person_id = body.get("person_id")
        if not isinstance(person_id, str) or not person_id:
            raise BodyError({"person_id": ["person_id is required"]})
        form = validated(RemoveMemberForm, body)
        return changes.remove_member(family_id, person_id, form.left.data,
                                     current_user.user_id), {"removed": person_id}
    return run_change("member_removed", action)


@bp.post("/families/<family_id>/moves")
@token_required
@roles_required(*EDITORS)
@family_access("change", reason="moved")
def move(family_id: str):
    """{person_ids, household_id | address + postcode, moved (default today)}."""
    def action():
        form = validated(MoveForm, {"moved": date.today().isoformat(), **request_body()})
        change = changes.move(family_id, form.person_ids.data, form.destination(), form.moved.data,
                              current_user.user_id)
        return change, {"household_id": change.subject_id, "moved": form.person_ids.data}
    return run_change("moved", action)


@bp.get("/people/<person_id>")
@roles_required("practitioner", "coordinator", "analyst")
@person_access("view_person")
def person(person_id: str):
    """A person's identity with its version, families, ties, homes and plans. A merged
    record answers with the person it was merged into (`merged_into`)."""
    record = records.person(person_id) or {}
    return jsonify(as_json({**record, **records.person_details(person_id)}))


def over_current(current: dict, body: dict) -> dict:
    """A partial body stating the version it read: the fields not sent keep their values."""
    if "version" not in body:
        raise BodyError({"version": ["Send the version you read (GET the record)"]})
    return {**as_json(current), **body}


@bp.post("/people/<person_id>")
@token_required
@roles_required(*EDITORS)
@person_access("change", reason="identity")
def correct_identity(person_id: str):
    """{version, and any of given_name, family_name, dob, gender, nhs_number}."""
    def action():
        current = changes.identity(records.person(person_id) or {})
        form = validated(IdentityForm, over_current(current, request_body()))
        change = changes.correct_identity(person_id, form.values(), form.version.data)
        return change, {"changed": change.fields}
    return run_change("identity", action)


@bp.post("/people/<person_id>/birth")
@token_required
@roles_required(*EDITORS)
@person_access("change", reason="birth")
def birth(person_id: str):
    """{dob, gender}: an unborn child is born (same id, now with a date of birth)."""
    def action():
        form = validated(BirthForm, request_body())
        return changes.record_birth(person_id, form.dob.data, form.gender.data), {"id": person_id}
    return run_change("birth", action)


@bp.post("/people/<person_id>/deceased")
@token_required
@roles_required(*EDITORS)
@person_access("change", reason="deceased")
def deceased(person_id: str):
    """{died}."""
    def action():
        form = validated(DeceasedForm, request_body())
        return changes.mark_deceased(person_id, form.died.data), {"id": person_id}
    return run_change("deceased", action)


@bp.post("/people/<person_id>/relationships")
@token_required
@roles_required(*EDITORS)
@person_access("change", reason="relationship")
def relationship(person_id: str):
    """{type: parent_of | child_of | partner_of, other_id, kind (parents) or status
    (partners), since, until} -> 201."""
    def action():
        form = validated(RelationshipForm, request_body())
        change = changes.relate(person_id, form.type.data, form.other_id.data,
                                current_user.user_id, kind=form.kind.data or None,
                                status=form.status.data or None, since=form.since.data,
                                until=form.until.data)
        return change, {"kind": change.kind}
    return run_change("relationship", action, 201)


@bp.post("/people/<person_id>/plans")
@token_required
@roles_required(*EDITORS)
@person_access("change", reason="plan_added")
def add_plan(person_id: str):
    """{type, category (CP), start, icpc_date, next_review, end} -> 201 {id}."""
    def action():
        form = validated(PlanForm, request_body())
        change = changes.add_plan(person_id, changes.plan_values(form.data), current_user.user_id)
        return change, {"id": change.subject_id}
    return run_change("plan_added", action, 201)


@bp.post("/people/<person_id>/plans/<plan_id>")
@token_required
@roles_required(*EDITORS)
@person_access("change", reason="plan_changed")
def change_plan(person_id: str, plan_id: str):
    """{version, and any of the plan's fields}: fields not sent keep their values."""
    def action():
        plan = records.plan(person_id, plan_id)
        if plan is None:
            raise changes.RecordError("plan_id", "This child has no such plan")
        form = validated(ChangePlanForm, over_current(plan, request_body()))
        change = changes.change_plan(person_id, plan_id, changes.plan_values(form.data),
                                     form.version.data)
        return change, {"changed": change.fields}
    return run_change("plan_changed", action)
