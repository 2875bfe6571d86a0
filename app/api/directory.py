"""The directory through the API, for admins and coordinators: the pages' forms validate the
body and the pages' changes write it. Writes take a personal API token."""

from __future__ import annotations

from datetime import date

from flask import jsonify
from flask_login import current_user
from wtforms import SelectChoice

from app.admin import repository as accounts
from app.api import bp
from app.api.json_forms import BodyError, request_body, validated
from app.api.records import as_json, over_current, run_change
from app.directory import changes
from app.directory import repository as directory
from app.directory.forms import (
    AccountForm,
    AgencyForm,
    ChangeAgencyForm,
    ChangeProfessionalForm,
    ProfessionalForm,
    agency_select,
    leaving_form,
)
from app.permissions import directory_record, roles_required, token_required
from app.records.changes import RecordError
from app.records.pages import audited
from app.team.changes import Actor
from app.team.forms import NO_SUCCESSOR

KEEPERS = ("admin", "coordinator")


def _agencies() -> dict[str, list]:
    return {"agency_id": agency_select()}


@bp.post("/agencies")
@token_required
@roles_required(*KEEPERS)
@audited
def add_agency():
    """{name, type} -> 201 {id}."""
    def action():
        form = validated(AgencyForm, request_body())
        change = changes.add_agency(form.values(), current_user.user_id)
        return change, {"id": change.target_id}
    return run_change("agency_added", action, 201)


@bp.post("/agencies/<agency_id>")
@token_required
@roles_required(*KEEPERS)
@audited
def change_agency(agency_id: str):
    """{version, and any of name, type}."""
    def action():
        agency = directory.agency(agency_id)
        if agency is None:
            raise RecordError("agency_id", "There is no such agency")
        form = validated(ChangeAgencyForm, over_current(agency, request_body()))
        change = changes.change_agency(agency_id, form.values(), form.version.data)
        return change, {"changed": change.fields}
    return run_change("agency_changed", action)


@bp.post("/professionals")
@token_required
@roles_required(*KEEPERS)
@audited
def add_professional():
    """{name, job_title, agency_id, email, phone, sensitive_role} -> 201 {id}."""
    def action():
        form = validated(ProfessionalForm, request_body(), _agencies())
        change = changes.add_professional(form.agency_id.data, form.values(), current_user.user_id)
        return change, {"id": change.target_id}
    return run_change("professional_added", action, 201)


@bp.get("/professionals/<professional_id>")
@roles_required(*KEEPERS)
@directory_record
def professional(professional_id: str):
    """Details with their version, and the ongoing involvements a leaving hands over."""
    current = directory.professional(professional_id)
    if current is None:
        return jsonify(error="no such professional"), 404
    return jsonify(as_json({**current, "involvements": directory.ongoing_involvements(
        professional_id)}))


@bp.post("/professionals/<professional_id>")
@token_required
@roles_required(*KEEPERS)
@directory_record
@audited
def change_professional(professional_id: str):
    """{version, and any of name, job_title, agency_id, email, phone, sensitive_role}."""
    def action():
        current = directory.professional(professional_id)
        if current is None:
            raise RecordError("professional_id", "There is no such professional")
        form = validated(ChangeProfessionalForm, over_current(current, request_body()),
                         _agencies())
        change = changes.change_professional(professional_id, form.values(),
                                             form.agency_id.data, form.version.data)
        return change, {"changed": change.fields}
    return run_change("professional_changed", action)


@bp.post("/professionals/<professional_id>/account")
@token_required
@roles_required(*KEEPERS)
@directory_record
@audited
def link_account(professional_id: str):
    """{user_id}: an account with no professional becomes this professional's."""
    def action():
        form = validated(AccountForm, request_body(), {"user_id": [
            SelectChoice(a["id"], a["email"]) for a in accounts.accounts_without_professional()]})
        return changes.link_account(professional_id, form.user_id.data), {"linked": True}
    return run_change("account_linked", action)


@bp.post("/professionals/<professional_id>/leaving")
@token_required
@roles_required(*KEEPERS)
@directory_record
@audited
def leaving(professional_id: str):
    """{left, successors: {involvement id: successor's professional id, or null for
    nobody}}: one choice for each ongoing involvement, all ended in one transaction."""
    def action():
        body = request_body()
        successors = body.get("successors")
        if not isinstance(successors, dict):
            raise BodyError({"successors": ["successors must map each ongoing involvement's "
                                            "id to a professional's id, or null"]})
        involvements = [i["id"] for i in directory.ongoing_involvements(professional_id)]
        choices = [SelectChoice(NO_SUCCESSOR, "No successor")] + [
            SelectChoice(p["id"], p["name"]) for p in directory.colleagues()
            if p["id"] != professional_id]
        fields = {f"successor_{i}": (successors[i] or NO_SUCCESSOR) if i in successors else None
                  for i in involvements}
        form = validated(leaving_form(involvements, choices),
                         {"left": body.get("left") or date.today().isoformat(), **fields})
        chosen = {i: None if form[f"successor_{i}"].data == NO_SUCCESSOR
                  else form[f"successor_{i}"].data for i in involvements}
        change = changes.leave(professional_id, form.left.data, chosen,
                               Actor(current_user.user_id, current_user.professional_id))
        return change, {"ended": len(involvements)}
    return run_change("left", action)
