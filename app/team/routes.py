from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from app import access
from app.domain import INVOLVEMENT_ROLES, TEAM_EDITORS
from app.involvements import Involvement
from app.permissions import child_access, roles_required
from app.team import bp, changes
from app.team import repository as teams
from app.team.forms import NO_SUCCESSOR, AddColleagueForm, ConcernForm, EndForm, InvolvementForm, JoinForm


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
                                     SelectChoice(NO_SUCCESSOR, "No successor"), *options]
    return form


def _current_team(child_id: str) -> list[Involvement]:
    return [i for i in access.visible_involvements(current_user, g.access, teams.team(child_id))
            if i.ended is None]


def _mine(team: list[Involvement]) -> list[Involvement]:
    return [i for i in team if i.professional_id == current_user.professional_id]


def _endable(team: list[Involvement]) -> list[Involvement]:
    """Coordinators may end anyone's involvement; others only their own."""
    return team if "coordinator" in current_user.roles else _mine(team)


def _may_change_here() -> None:
    """The pages that lead to a change follow the change's own rule (no break-glass)."""
    if not access.may_change(g.access):
        abort(403)


def _show_error(form, error: changes.TeamChangeError) -> None:
    """A broken rule, shown at its field on the form's own page (or above the form when the
    field is not one the person can see)."""
    field = getattr(form, error.field, None)
    if field is not None and field.type != "HiddenField":
        field.errors = [*field.errors, error.message]
    else:
        form.form_errors.append(error.message)


@bp.get("/<child_id>")
@child_access("view_person")
def child(child_id: str):
    child = teams.child(child_id)
    team = access.visible_involvements(current_user, g.access, teams.team(child_id))
    current = [i for i in team if i.ended is None]
    concerns = teams.concerns(child_id)
    mine = _mine(current)
    return render_template(
        "team/child.html", child=child, current=current, mine=mine,
        ended=[i for i in team if i.ended is not None], endable=_endable(current),
        concerns=concerns, meeting_needed=changes.meeting_needed(concerns),
        my_concern=any(c.professional_id == current_user.professional_id for c in concerns),
        activity=teams.activity(child_id), roles=INVOLVEMENT_ROLES,
        may_change=access.may_change(g.access) and bool(current_user.roles & TEAM_EDITORS),
        may_join=bool(current_user.professional_id) and "practitioner" in current_user.roles
        and not mine,
        involvement_form=InvolvementForm(), concern_form=ConcernForm(),
        leads=[i.professional_name for i in current if i.lead])


def _lead_confirmation(child_id: str, form, professional_id: str) -> str | None:
    if not form.lead.data or form.confirm_lead.data:
        return None
    others = [i.professional_name for i in teams.team(child_id)
              if i.ended is None and i.lead and i.professional_id != professional_id]
    if others:
        return f"Confirm that the lead practitioner changes from {', '.join(others)}"
    return None


def _add_to_team(child_id: str, form, professional_id: str, page: dict, done: str):
    """Join or add a colleague: the same checks, the same transaction, each on its page."""
    if request.method == "POST" and form.validate_on_submit():
        confirm = _lead_confirmation(child_id, form, professional_id)
        if confirm:
            form.confirm_lead.errors = [confirm]
        else:
            try:
                changes.join(child_id, professional_id, form.role.data, form.since.data,
                             form.lead.data, _actor())
            except changes.TeamChangeError as error:
                _show_error(form, error)
            else:
                flash(done, "success")
                return redirect(url_for("team.child", child_id=child_id))
    leads = [i.professional_name for i in _current_team(child_id) if i.lead]
    status = 400 if form.errors or form.form_errors else 200
    return render_template("team/add.html", child=teams.child(child_id), form=form, leads=leads,
                           **page), status


@bp.route("/<child_id>/join", methods=["GET", "POST"])
@roles_required("practitioner")
@child_access("change", reason="join")
def join(child_id: str):
    if not current_user.professional_id:
        abort(403)
    return _add_to_team(child_id, JoinForm(), current_user.professional_id,
                        {"heading": "Join this child's team", "button": "Join the team",
                         "action": url_for("team.join", child_id=child_id)},
                        "You have joined the child's team.")


@bp.route("/<child_id>/colleagues", methods=["GET", "POST"])
@roles_required(*TEAM_EDITORS)
@child_access("change", reason="add_colleague")
def add_colleague(child_id: str):
    form = _with_professionals(AddColleagueForm())
    return _add_to_team(child_id, form, form.professional_id.data or "",
                        {"heading": "Add a colleague to this child's team",
                         "button": "Add to the team",
                         "action": url_for("team.add_colleague", child_id=child_id)},
                        "Your colleague has been added to the team and will see it in their "
                        "activity.")


@bp.route("/<child_id>/end", methods=["GET", "POST"])
@roles_required(*TEAM_EDITORS)
@child_access("change", reason="end")
def end(child_id: str):
    """End an involvement: the form, then a check of what will happen, then the change."""
    form = _with_professionals(EndForm())
    if request.method == "GET":
        form.involvement_id.data = request.args.get("involvement", "")
    involvement = next((i for i in _endable(_current_team(child_id))
                        if i.involvement_id == form.involvement_id.data), None)
    if involvement is None:
        abort(404)
    page = {"child": teams.child(child_id), "form": form, "involvement": involvement,
            "roles": INVOLVEMENT_ROLES}
    if request.method == "GET" or not form.validate_on_submit():
        return render_template("team/end.html", **page), 400 if form.errors else 200
    successor = form.successor
    confirmed = form.confirmed.data == "yes"
    try:
        changes.end(child_id, form.involvement_id.data, form.ended.data, form.reason.data,
                    successor, _actor(), may_end_others="coordinator" in current_user.roles,
                    check_only=not confirmed)
    except changes.TeamChangeError as error:
        _show_error(form, error)
        return render_template("team/end.html", **page), 400
    if not confirmed:
        names = {choice.value: choice.label for choice in form.successor_id.iter_choices()}
        return render_template("team/end_confirm.html", successor_name=names.get(successor),
                               **page)
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
        flash(error.message, "error")
        return redirect(url_for("team.child", child_id=child_id))
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
        flash(error.message, "error")
        return redirect(url_for("team.child", child_id=child_id))
    flash("Your concern is recorded; the team can see it." if change == "raise"
          else "Your concern is withdrawn.", "success")
    return redirect(url_for("team.child", child_id=child_id))
