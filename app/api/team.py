"""The child's team through the API: the same rules, transactions and audit as the pages.
Writes take a personal API token (see app/auth/tokens.py)."""

from __future__ import annotations

from datetime import date

from flask import jsonify, request
from flask_login import current_user

from app.api import bp
from app.errors import invalid_input
from app.permissions import child_access, roles_required, token_required
from app.team import changes


class InputError(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


def _body() -> dict:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise InputError("body", "Send a JSON object")
    return body


def _date(body: dict, field: str, default: date | None = None) -> date:
    value = body.get(field)
    if value is None and default is not None:
        return default
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise InputError(field, f"{field} must be a date as YYYY-MM-DD")


def _required_text(body: dict, field: str) -> str:
    value = _text(body, field)
    if value is None:
        raise InputError(field, f"{field} is required")
    return value


def _text(body: dict, field: str, required: bool = True) -> str | None:
    value = body.get(field)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise InputError(field, f"{field} is required")
    return value.strip()


def _invalid(field: str, message: str):
    return invalid_input({field: [message]})


def _actor() -> changes.Actor:
    return changes.Actor(current_user.user_id, current_user.professional_id)


def _run(action):
    try:
        return action()
    except (InputError, changes.TeamChangeError) as error:
        return _invalid(error.field, error.message)


@bp.post("/children/<child_id>/involvements")
@token_required
@roles_required("practitioner", "coordinator")
@child_access("change", reason="join")
def add_involvement(child_id: str):
    """{professional_id (default: your own), role, since (default today), lead} -> 201."""
    def action():
        body = _body()
        professional_id = _text(body, "professional_id", required=False) or current_user.professional_id
        if professional_id is None:
            raise InputError("professional_id", "professional_id is required")
        lead = body.get("lead", False)
        if not isinstance(lead, bool):
            raise InputError("lead", "lead must be true or false")
        involvement_id = changes.join(child_id, professional_id, _required_text(body, "role"),
                                      _date(body, "since", date.today()), lead, _actor())
        return jsonify(id=involvement_id), 201
    return _run(action)


@bp.post("/children/<child_id>/involvements/<involvement_id>/end")
@token_required
@roles_required("practitioner", "coordinator")
@child_access("change", reason="end")
def end_involvement(child_id: str, involvement_id: str):
    """{ended (default today), reason, successor_id (null for none, which must be said)}."""
    def action():
        body = _body()
        if "successor_id" not in body:
            raise InputError("successor_id", "successor_id is required (null for no successor)")
        successor = body["successor_id"]
        if successor is not None and not isinstance(successor, str):
            raise InputError("successor_id", "successor_id must be a professional's id or null")
        changes.end(child_id, involvement_id, _date(body, "ended", date.today()),
                    _required_text(body, "reason"), successor, _actor(),
                    may_end_others="coordinator" in current_user.roles)
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
        raised = _body().get("raised")
        if not isinstance(raised, bool):
            raise InputError("raised", "raised must be true or false")
        changes.set_concern(child_id, raised, _actor())
        return jsonify(raised=raised)
    return _run(action)
