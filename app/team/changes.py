"""Changes to a child's team, each in one write transaction: the child's lock is taken
first, every rule is checked inside the transaction, and any failure rolls everything
back, so the graph is never left half-changed. Each change adds an Activity entry."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from flask import current_app

from app.domain import INVOLVEMENT_ROLES
from app.extensions import get_db
from app.gaps import state as gap_state
from app.view_models import Concern

END_REASONS = {
    "moved_team": "Moved to another team", "left_authority": "Left the organisation",
    "reallocated": "Case reallocated", "case_closed": "Case closed by my agency",
    "other": "Another reason",
}


class TeamChangeError(Exception):
    """A rule was broken: `field` names the form field, `message` says why."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass
class Actor:
    user_id: str
    professional_id: str | None


def _activity(run, child_id, kind, actor: Actor, professional: dict | None, role=None,
              detail=None, successor_id=None):
    # With email alerts on, the entry waits for the alert worker (marked in this transaction).
    run("team/record_activity", id=str(uuid.uuid4()), child_id=child_id, kind=kind,
        actor_user_id=actor.user_id,
        professional_id=professional["id"] if professional else None,
        professional_name=professional["name"] if professional else None,
        role=role, detail=detail, successor_id=successor_id,
        alert=bool(current_app.config["SMTP_HOST"]))


def _written(child_id: str, work, check_only: bool = False):
    """Run a team change in one write transaction; once written, re-check the gaps of the
    child's families (the dashboard reads them as last checked)."""
    result = get_db().write_transaction(work, check_only=check_only)
    if not check_only:
        gap_state.check_after_change([child_id])
    return result


def _lock(run, child_id: str) -> None:
    if not run("team/lock_child", child_id=child_id):
        raise TeamChangeError("child", "There is no such child")


def _professional(run, professional_id: str, field: str) -> dict:
    rows = run("team/professional", professional_id=professional_id)
    if not rows:
        raise TeamChangeError(field, "Choose a professional from the list")
    return rows[0]


def _check_not_duplicate(run, child_id: str, professional_id: str, role: str, field: str) -> None:
    if run("team/ongoing_in_role", child_id=child_id, professional_id=professional_id,
           role=role)[0]["count"]:
        raise TeamChangeError(field, "This professional is already in the team in this role")


def join(child_id: str, professional_id: str, role: str, since: date, lead: bool,
         actor: Actor) -> str:
    """Add a professional (the actor's own, or a colleague) to the child's team. Naming a
    lead takes the lead flag from whoever held it: one current lead per child."""
    if role not in INVOLVEMENT_ROLES:
        raise TeamChangeError("role", "Choose a role from the list")
    if since > date.today():
        raise TeamChangeError("since", "The start date must be today or in the past")
    involvement_id = str(uuid.uuid4())

    def work(run):
        _lock(run, child_id)
        professional = _professional(run, professional_id, "professional_id")
        _check_not_duplicate(run, child_id, professional_id, role, "role")
        previous_leads = run("team/clear_leads", child_id=child_id) if lead else []
        run("team/create_involvement", id=involvement_id, professional_id=professional_id,
            child_id=child_id, role=role, since=since, lead=lead)
        kind = "joined" if professional_id == actor.professional_id else "added"
        _activity(run, child_id, kind, actor, professional, role)
        if lead:
            before = ", ".join(p["professional_name"] for p in previous_leads) or "nobody"
            _activity(run, child_id, "lead_changed", actor, professional, role,
                      detail=f"lead was {before}")
        return involvement_id

    return _written(child_id, work)


def end_in(run, person_id: str, involvement_id: str, ended: date, reason: str,
           successor_id: str | None, actor: Actor, may_end_others: bool) -> None:
    """The ending itself, inside a transaction that holds the person's lock: one ending
    from a child's page, or each of a leaver's endings in one transaction."""
    rows = run("team/involvement", involvement_id=involvement_id)
    if not rows or rows[0]["child_id"] != person_id or rows[0]["ended"] is not None:
        raise TeamChangeError("involvement_id", "This involvement is not ongoing")
    involvement = rows[0]
    if involvement["professional_id"] != actor.professional_id and not may_end_others:
        raise TeamChangeError("involvement_id", "You can end only your own involvement")
    started = involvement["since"]
    if started and ended < started:
        raise TeamChangeError("ended", f"The end date must be on or after the start date "
                                       f"({started:%-d %B %Y})")
    leaver = {"id": involvement["professional_id"], "name": involvement["professional_name"]}
    run("team/end_involvement", involvement_id=involvement_id, ended=ended, reason=reason)
    if successor_id is None:
        _activity(run, person_id, "left", actor, leaver, involvement["role"],
                  detail="no successor")
        return
    if successor_id == leaver["id"]:
        raise TeamChangeError("successor_id", "The successor must be someone else")
    successor = _professional(run, successor_id, "successor_id")
    _check_not_duplicate(run, person_id, successor_id, involvement["role"], "successor_id")
    if involvement["lead"]:
        run("team/clear_leads", child_id=person_id)
    run("team/create_involvement", id=str(uuid.uuid4()), professional_id=successor_id,
        child_id=person_id, role=involvement["role"], since=ended + timedelta(days=1),
        lead=involvement["lead"])
    run("team/hand_over", from_id=leaver["id"], to_id=successor_id, child_id=person_id, on=ended)
    _activity(run, person_id, "handed_over", actor, leaver, involvement["role"],
              detail=f"to {successor['name']}", successor_id=successor_id)


def end(child_id: str, involvement_id: str, ended: date, reason: str,
        successor_id: str | None, actor: Actor, may_end_others: bool,
        check_only: bool = False) -> None:
    """End an involvement; with a successor, their involvement in the same role starts the
    next day (keeping the lead), and the handover is recorded (HANDED_OVER_TO).
    With `check_only`, every rule is checked in the transaction, which is then rolled back:
    the confirmation page is shown only for an ending that will go through."""
    if reason not in END_REASONS:
        raise TeamChangeError("reason", "Choose why the involvement ends")
    # An end date in the future would keep the leaver's access to the family until then.
    if ended > date.today():
        raise TeamChangeError("ended", "The end date must be today or in the past")

    def work(run):
        _lock(run, child_id)
        end_in(run, child_id, involvement_id, ended, reason, successor_id, actor, may_end_others)

    _written(child_id, work, check_only)


def record_contact(child_id: str, involvement_id: str, actor: Actor) -> None:
    """'Seen today' on one of the actor's own ongoing involvements."""
    def work(run):
        rows = run("team/involvement", involvement_id=involvement_id)
        if not rows or rows[0]["child_id"] != child_id or rows[0]["ended"] is not None:
            raise TeamChangeError("involvement_id", "This involvement is not ongoing")
        if rows[0]["professional_id"] != actor.professional_id:
            raise TeamChangeError("involvement_id", "You can record contact only for yourself")
        run("team/record_contact", involvement_id=involvement_id, day=date.today())

    _written(child_id, work)


def set_concern(child_id: str, raised: bool, actor: Actor) -> None:
    """Raise or withdraw the actor's concern about the child (no text, by design)."""
    professional_id = actor.professional_id
    if not professional_id:
        raise TeamChangeError("concern", "Only a professional can raise a concern")

    def work(run):
        _lock(run, child_id)
        professional = _professional(run, professional_id, "concern")
        if raised:
            before = meeting_needed(_concerns(run, child_id))
            if not run("team/raise_concern", professional_id=professional["id"],
                       child_id=child_id)[0]["created"]:
                raise TeamChangeError("concern", "You have already raised a concern")
            _activity(run, child_id, "concern_raised", actor, professional)
            if not before and meeting_needed(_concerns(run, child_id)):
                _activity(run, child_id, "meeting_needed", actor, professional)
        else:
            if not run("team/withdraw_concern", professional_id=professional["id"],
                       child_id=child_id)[0]["withdrawn"]:
                raise TeamChangeError("concern", "You have no concern to withdraw")
            _activity(run, child_id, "concern_withdrawn", actor, professional)

    _written(child_id, work)


def _concerns(run, child_id: str) -> list[Concern]:
    return [Concern.from_record(row) for row in run("team/concerns", child_id=child_id)]


def meeting_needed(concerns: list[Concern]) -> bool:
    """Concerns from CONCERN_MEETING_THRESHOLD different agencies prompt a team meeting."""
    agencies = {c.agency_id or c.professional_id for c in concerns}
    return len(agencies) >= current_app.config["CONCERN_MEETING_THRESHOLD"]
