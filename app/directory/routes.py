"""The directory's pages, for admins and coordinators: agencies, professionals, linking an
account, and a professional's leaving (each ongoing involvement handed over, or explicitly
not, on one page, checked before it is done)."""

from __future__ import annotations

from flask import abort, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from app.admin import repository as accounts
from app.directory import bp, changes
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
from app.permissions import directory_record, roles_required
from app.records.changes import RecordError
from app.records.pages import audited, form_page, found, saved, show_error
from app.team.changes import Actor
from app.team.forms import NO_SUCCESSOR

KEEPERS = ("admin", "coordinator")


def _agency_url(agency_id: str) -> str:
    return url_for("directory.agency", agency_id=agency_id)


@bp.get("")
@roles_required(*KEEPERS)
def index():
    return render_template("directory/index.html", agencies=directory.agencies())


@bp.route("/agencies/new", methods=["GET", "POST"])
@roles_required(*KEEPERS)
@audited
def new_agency():
    form = AgencyForm()
    done = saved(form, "agency_added", lambda: changes.add_agency(
        form.values(), current_user.user_id), lambda c: _agency_url(c.target_id),
        "Agency added to the directory.")
    return done or form_page(form, "Add an agency", "Directory", url_for("directory.index"),
                             "Add the agency")


@bp.get("/agencies/<agency_id>")
@roles_required(*KEEPERS)
def agency(agency_id: str):
    return render_template("directory/agency.html", agency=found(directory.agency(agency_id)))


@bp.route("/agencies/<agency_id>/edit", methods=["GET", "POST"])
@roles_required(*KEEPERS)
@audited
def change_agency(agency_id: str):
    agency = found(directory.agency(agency_id))
    form = ChangeAgencyForm(data=agency)
    conflict: dict = {}
    done = saved(form, "agency_changed", lambda: changes.change_agency(
        agency_id, form.values(), form.version.data),
        lambda c: _agency_url(agency_id), "Agency changed.", conflict)
    return done or form_page(form, "Change the agency", agency["name"], _agency_url(agency_id),
                             conflict=conflict or None)


@bp.route("/professionals/new", methods=["GET", "POST"])
@roles_required(*KEEPERS)
@audited
def new_professional():
    form = ProfessionalForm(agency_id=request.args.get("agency", ""))
    form.agency_id.choices = agency_select("Choose the agency")
    done = saved(form, "professional_added", lambda: changes.add_professional(
        form.agency_id.data, form.values(), current_user.user_id),
        lambda c: url_for("directory.professional", professional_id=c.target_id),
        "Professional added to the directory.")
    return done or form_page(form, "Add a professional", "Directory",
                             url_for("directory.index"), "Add the professional")


@bp.route("/professionals/<professional_id>", methods=["GET", "POST"])
@roles_required(*KEEPERS)
@directory_record
@audited
def professional(professional_id: str):
    """Their details (changed with the version they were opened at), their account, and
    the way to their leaving page."""
    current = found(directory.professional(professional_id))
    form = ChangeProfessionalForm(data=current)
    form.agency_id.choices = agency_select("Choose the agency")
    conflict: dict = {}
    here = url_for("directory.professional", professional_id=professional_id)
    done = saved(form, "professional_changed", lambda: changes.change_professional(
        professional_id, form.values(), form.agency_id.data, form.version.data),
        lambda c: here, "Details saved.", conflict)
    if done:
        return done
    return form_page(form, current["name"], current["agency_name"] or "Directory",
                     _agency_url(current["agency_id"]) if current["agency_id"]
                     else url_for("directory.index"), conflict=conflict or None,
                     side="directory/_professional_side.html", professional=current,
                     account=directory.account_of(professional_id),
                     account_form=_account_form())


def _account_form() -> AccountForm:
    form = AccountForm()
    form.user_id.choices = [SelectChoice("", "Choose the account")] + [
        SelectChoice(a["id"], f"{a['email']} ({a['role']})")
        for a in accounts.accounts_without_professional()]
    return form


@bp.post("/professionals/<professional_id>/account")
@roles_required(*KEEPERS)
@directory_record
@audited
def link_account(professional_id: str):
    current = found(directory.professional(professional_id))
    form = _account_form()
    done = saved(form, "account_linked", lambda: changes.link_account(
        professional_id, form.user_id.data),
        lambda c: url_for("directory.professional", professional_id=professional_id),
        "Account linked: it now sees what this professional works on.")
    if done:
        return done
    return form_page(form, f"Link an account to {current['name']}", "Directory",
                     url_for("directory.professional", professional_id=professional_id),
                     "Link the account")


@bp.route("/professionals/<professional_id>/leaving", methods=["GET", "POST"])
@roles_required(*KEEPERS)
@directory_record
@audited
def leaving(professional_id: str):
    """Every ongoing involvement of the leaver, each with who takes over (or, said
    explicitly, nobody); then a check page; then all of it in one transaction."""
    current = found(directory.professional(professional_id))
    if current["left"]:
        abort(404)
    involvements = directory.ongoing_involvements(professional_id)
    choices = [SelectChoice("", "Choose who takes over"),
               SelectChoice(NO_SUCCESSOR, "No successor")] + [
        SelectChoice(p["id"], f"{p['name']} – {p['agency_name'] or 'no agency'}")
        for p in directory.colleagues() if p["id"] != professional_id]
    form = leaving_form([i["id"] for i in involvements], choices)()
    successors = {i["id"]: _successor(form, i["id"]) for i in involvements}
    actor = Actor(current_user.user_id, current_user.professional_id)
    confirmed = request.form.get("confirmed") == "yes"
    if form.validate_on_submit():
        try:
            if not confirmed:
                changes.leave(professional_id, form.left.data, successors, actor,
                              check_only=True)
                names = {c.value: c.label for c in choices}
                return render_template("directory/leaving_check.html", form=form,
                                       professional=current, involvements=involvements,
                                       successor_names={i: names[form[f"successor_{i}"].data]
                                                        for i in successors})
        except RecordError as error:
            show_error(form, error)
    done = confirmed and saved(form, "left", lambda: changes.leave(
        professional_id, form.left.data, successors, actor),
        lambda c: url_for("directory.professional", professional_id=professional_id),
        f"{current['name']} has left: {len(involvements)} involvements ended.")
    if done:
        return done
    return render_template("directory/leaving.html", form=form, professional=current,
                           involvements=involvements), 400 if form.errors else 200


def _successor(form, involvement_id: str) -> str | None:
    value = form[f"successor_{involvement_id}"].data
    return None if value in (NO_SUCCESSOR, "", None) else value
