from datetime import date

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from app import access
from app.families import present
from app.permissions import child_access, roles_required
from app.team import bp, changes
from app.team import repository as teams
from app.team.forms import AddColleagueForm, ConcernForm, EndForm, InvolvementForm, JoinForm

TEAM_EDITORS = ("practitioner", "coordinator")


def _actor() -> changes.Actor:
    return changes.Actor(current_user.user_id, current_user.professional_id)


def _professional_choices() -> list[SelectChoice]:
    """The area's professionals, read once per request though two forms offer them."""
    if "professional_choices" not in g:
        g.professional_choices = [
            SelectChoice(p["id"], f"{p['name']} – {p['agency_name'] or 'no agency'}")
            for p in teams.professionals()]
    return g.professional_choices


def _with_professionals(form):
    """Fill the colleague / successor choices."""
    options = _professional_choices()
    if isinstance(form, AddColleagueForm):
        form.professional_id.choices = [SelectChoice("", "Choose a colleague"), *options]
    else:
        form.successor_id.choices = [SelectChoice("", "Choose who takes over"),
                                     SelectChoice("none", "No successor"), *options]
    return form


def _render(child_id: str, status: int = 200, errors: dict | None = None, **forms):
    child = teams.child(child_id)
    team = access.visible_involvements(current_user, g.access, teams.team(child_id))
    current = [i for i in team if i["ended"] is None]
    concerns = teams.concerns(child_id)
    mine = [i for i in current if i["professional_id"] == current_user.professional_id]
    context = {
        "child": child, "current": current, "ended": [i for i in team if i["ended"] is not None],
        "mine": mine, "concerns": concerns, "meeting_needed": changes.meeting_needed(concerns),
        "my_concern": any(c["professional_id"] == current_user.professional_id for c in concerns),
        "activity": teams.activity(child_id), "present": present, "today": date.today(),
        "can_edit": bool(current_user.roles & set(TEAM_EDITORS)), "roles": changes.ROLES,
        "errors": errors or {},
        "join_form": forms.get("join_form") or JoinForm(),
        "colleague_form": forms.get("colleague_form") or _with_professionals(AddColleagueForm()),
        "end_form": forms.get("end_form") or _with_professionals(EndForm()),
        "involvement_form": InvolvementForm(), "concern_form": ConcernForm(),
        "leads": [i["professional_name"] for i in current if i["lead"]],
    }
    return render_template("team/child.html", **context), status


def _failed(child_id: str, error: changes.TeamChangeError, **forms):
    return _render(child_id, 400, errors={error.field: error.message}, **forms)


def _form_errors(form) -> dict:
    return {name: messages[0] for name, messages in form.errors.items()}


def _needs_lead_confirmation(child_id: str, form, professional_id: str) -> str | None:
    if not form.lead.data or form.confirm_lead.data:
        return None
    others = [i["professional_name"] for i in teams.team(child_id)
              if i["ended"] is None and i["lead"] and i["professional_id"] != professional_id]
    if others:
        return f"Confirm that the lead practitioner changes from {', '.join(others)}"
    return None


def _add_to_team(child_id: str, form, form_name: str, professional_id: str, done: str):
    """Join or add a colleague: the same checks, the same transaction."""
    if not form.validate_on_submit():
        return _render(child_id, 400, errors=_form_errors(form), **{form_name: form})
    confirm = _needs_lead_confirmation(child_id, form, professional_id)
    if confirm:
        return _render(child_id, 400, errors={"confirm_lead": confirm}, **{form_name: form})
    try:
        changes.join(child_id, professional_id, form.role.data, form.since.data, form.lead.data,
                     _actor())
    except changes.TeamChangeError as error:
        return _failed(child_id, error, **{form_name: form})
    flash(done, "success")
    return redirect(url_for("team.child", child_id=child_id))


@bp.get("/<child_id>")
@child_access("view_person")
def child(child_id: str):
    return _render(child_id)


@bp.post("/<child_id>/join")
@roles_required("practitioner")
@child_access("change", reason="join")
def join(child_id: str):
    form = JoinForm()
    if not current_user.professional_id:
        abort(403)
    return _add_to_team(child_id, form, "join_form", current_user.professional_id,
                        "You have joined the child's team.")


@bp.post("/<child_id>/colleagues")
@roles_required(*TEAM_EDITORS)
@child_access("change", reason="add_colleague")
def add_colleague(child_id: str):
    form = _with_professionals(AddColleagueForm())
    return _add_to_team(child_id, form, "colleague_form", form.professional_id.data,
                        "Your colleague has been added to the team and will see it in their "
                        "activity.")


@bp.post("/<child_id>/end")
@roles_required(*TEAM_EDITORS)
@child_access("change", reason="end")
def end(child_id: str):
    form = _with_professionals(EndForm())
    if not form.validate_on_submit():
        return _render(child_id, 400, errors=_form_errors(form), end_form=form)
    if not form.successor_id.data:
        return _render(child_id, 400, errors={"successor_id": "Choose who takes over, or "
                                              "'No successor'"}, end_form=form)
    successor = None if form.successor_id.data == "none" else form.successor_id.data
    try:
        changes.end(child_id, form.involvement_id.data, form.ended.data, form.reason.data,
                    successor, _actor(), may_end_others="coordinator" in current_user.roles)
    except changes.TeamChangeError as error:
        return _failed(child_id, error, end_form=form)
    flash("The involvement has ended." + (" The handover is recorded." if successor else ""),
          "success")
    return redirect(url_for("team.child", child_id=child_id))


@bp.post("/<child_id>/contact")
@roles_required("practitioner")
@child_access("change", reason="contact")
def seen_today(child_id: str):
    form = InvolvementForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        changes.record_contact(child_id, form.involvement_id.data, _actor())
    except changes.TeamChangeError as error:
        return _failed(child_id, error)
    flash("Contact recorded for today.", "success")
    return redirect(request.referrer if request.referrer and request.referrer.startswith(
        request.host_url) else url_for("team.child", child_id=child_id))


@bp.post("/<child_id>/concern/<any(raise, withdraw):change>")
@roles_required("practitioner")
@child_access("change", reason="concern")
def concern(child_id: str, change: str):
    if not ConcernForm().validate_on_submit():
        abort(400)
    try:
        changes.set_concern(child_id, change == "raise", _actor())
    except changes.TeamChangeError as error:
        return _failed(child_id, error)
    flash("Your concern is recorded; the team can see it." if change == "raise"
          else "Your concern is withdrawn.", "success")
    return redirect(url_for("team.child", child_id=child_id))
