"""The child's team through the API: the same rules, transactions and audit as the pages.
Writes take a personal API token (see app/auth/tokens.py)."""

from __future__ import annotations

from datetime import date

from flask import jsonify
from flask_login import current_user

from app.api import bp
from app.api.json_forms import BodyError, request_body, validated
from app.errors import invalid_input
from app.permissions import child_access, roles_required, token_required
from app.team import changes
from app.team.forms import NO_SUCCESSOR, AddColleagueForm, EndForm


def _actor() -> changes.Actor:
    return changes.Actor(current_user.user_id, current_user.professional_id)


def _run(action):
    try:
        return action()
    except BodyError as error:
        return error.response()
    except changes.TeamChangeError as error:
        return invalid_input({error.field: [error.message]})


@bp.post("/children/<child_id>/involvements")
@token_required
@roles_required("practitioner", "coordinator")
@child_access("change", reason="join")
def add_involvement(child_id: str):
    """{professional_id (default: your own), role, since (default today), lead} -> 201."""
    def action():
        body = {"professional_id": current_user.professional_id,
                "since": date.today().isoformat(), **request_body()}
        form = validated(AddColleagueForm, body)
        involvement_id = changes.join(child_id, form.professional_id.data, form.role.data,
                                      form.since.data, form.lead.data, _actor())
        return jsonify(id=involvement_id), 201
    return _run(action)


@bp.post("/children/<child_id>/involvements/<involvement_id>/end")
@token_required
@roles_required("practitioner", "coordinator")
@child_access("change", reason="end")
def end_involvement(child_id: str, involvement_id: str):
    """{ended (default today), reason, successor_id (null for none, which must be said)}."""
    def action():
        body = request_body()
        if "successor_id" not in body:
            raise BodyError({"successor_id": ["successor_id is required (null for no successor)"]})
        # The page's "No successor" choice is the API's explicit null.
        form = validated(EndForm, {"ended": date.today().isoformat(), **body,
                                   "involvement_id": involvement_id,
                                   "successor_id": body["successor_id"] or NO_SUCCESSOR})
        changes.end(child_id, involvement_id, form.ended.data, form.reason.data,
                    form.successor, _actor(), may_end_others="coordinator" in current_user.roles)
        return jsonify(ended=involvement_id)
    return _run(action)


@bp.post("/children/<child_id>/involvements/<involvement_id>/contact")
@token_required
@roles_required("practitioner")
@child_access("change", reason="contact")
def record_contact(child_id: str, involvement_id: str):
    def action():
        changes.record_contact(child_id, involvement_id, _actor())
        return jsonify(last_contact=date.today().isoformat())
    return _run(action)


@bp.post("/children/<child_id>/concern")
@token_required
@roles_required("practitioner")
@child_access("change", reason="concern")
def concern(child_id: str):
    """{raised: true} raises your concern; {raised: false} withdraws it."""
    def action():
        raised = request_body().get("raised")
        if not isinstance(raised, bool):
            raise BodyError({"raised": ["raised must be true or false"]})
        changes.set_concern(child_id, raised, _actor())
        return jsonify(raised=raised)
    return _run(action)
