"""The pages that record and correct families, people, relationships, households and plans.
Coordinators change any family; practitioners the families they may see (need to know, not
break-glass); analysts and admins change nothing. Each page has one form; a refused change
shows its reason at its field and changes nothing."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from app import access
from app.audit import repository as audit
from app.domain import TEAM_EDITORS
from app.permissions import family_access, person_access, roles_required
from app.records import bp, changes
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
    RenameFamilyForm,
    UndoMergeForm,
)
from app.records.pages import form_page, found, saved, show_error
from app.search import repository as search
from app.search.forms import SearchForm

EDITORS = tuple(sorted(TEAM_EDITORS))


def _family_url(family_id: str) -> str:
    return url_for("families.family", family_id=family_id)


def _person_url(person_id: str) -> str:
    return url_for("records.person", person_id=person_id)


# Families ---------------------------------------------------------------------------------

@bp.route("/families/new", methods=["GET", "POST"])
@roles_required("coordinator")
def new_family():
    """Families are created by coordinators (a practitioner could not see a family they
    created: need to know follows involvement)."""
    form = FamilyForm()
    if form.validate_on_submit():
        change = changes.create_family(form.name.data, current_user.user_id)
        audit.record("change", change.target_id, "allowed", reason=change.audit_reason)
        flash("Family recorded. Add its members.", "success")
        return redirect(_family_url(change.target_id))
    return form_page(form, "Record a new family", "Families", url_for("main.index"),
                     "Record the family")


@bp.route("/families/<family_id>/name", methods=["GET", "POST"])
@roles_required(*EDITORS)
@family_access("change")
def rename_family(family_id: str):
    family = found(records.family(family_id))
    form = RenameFamilyForm(data=family)
    conflict: dict = {}
    done = saved(form, "family_renamed", lambda: changes.rename_family(
        family_id, form.name.data, form.version.data), lambda c: _family_url(family_id),
        "Family name changed.", conflict)
    return done or form_page(form, "Change the family's name", family["name"], _family_url(family_id),
                             conflict=conflict or None)


def _household_choices(family: dict, blank: str) -> list[SelectChoice]:
    return [SelectChoice("", blank)] + [
        SelectChoice(h["id"], f"{h['address']}, {h['postcode']}") for h in family["households"]]


@bp.route("/families/<family_id>/members/new", methods=["GET", "POST"])
@roles_required(*EDITORS)
@family_access("change")
def new_member(family_id: str):
    family = found(records.family(family_id))
    form = NewMemberForm()
    form.lives_with.choices = _household_choices(family, "Not known, or none of these")

    done = saved(form, "member_added", lambda: changes.add_new_member(
        family_id, form.person(), current_user.user_id), lambda c: _family_url(family_id),
                 "Person added to the family.")
    return done or form_page(form, "Add a new person to the family", family["name"],
                             _family_url(family_id), "Add to the family",
                             find_url=url_for("records.find_member", family_id=family_id))


@bp.route("/families/<family_id>/members/find", methods=["GET", "POST"])
@roles_required(*EDITORS)
@family_access("change")
def find_member(family_id: str):
    """Someone already recorded (found by name, POSTed so that names stay out of URLs),
    added to this family with their role."""
    family = found(records.family(family_id))
    form = SearchForm()
    results = search.people_for(form)
    if results is not None:
        members = {m["id"] for m in family["members"]}
        results = [p for p in results if p.id not in members]
    return render_template("records/find_member.html", form=form, results=results,
                           family=family, add_form=ExistingMemberForm())


@bp.post("/families/<family_id>/members/existing")
@roles_required(*EDITORS)
@family_access("change")
def add_existing_member(family_id: str):
    family = found(records.family(family_id))
    form = ExistingMemberForm()
    done = saved(form, "member_added", lambda: changes.add_existing_member(
        family_id, form.person_id.data, form.role.data, current_user.user_id),
        lambda c: _family_url(family_id), "Person added to the family.")
    if done:
        return done
    return render_template("records/find_member.html", form=SearchForm(formdata=None),
                           results=None, family=family, add_form=form), 400


@bp.route("/families/<family_id>/members/remove", methods=["GET", "POST"])
@roles_required(*EDITORS)
@family_access("change")
def remove_member(family_id: str):
    family = found(records.family(family_id))
    person_id = request.values.get("person_id", "")
    member = next((m for m in family["members"] if m["id"] == person_id), None)
    if member is None:
        abort(404)
    form = RemoveMemberForm()
    done = saved(form, "member_removed", lambda: changes.remove_member(
        family_id, person_id, form.left.data, current_user.user_id),
        lambda c: _family_url(family_id), "Person taken out of the family (their history is kept).")
    return done or form_page(form, f"Take {member['name']} out of the family", family["name"],
                             _family_url(family_id), "Take out of the family",
                             hidden={"person_id": person_id},
                             lead="They stay in the records; the family's history keeps the "
                             "dates they were a member.")


@bp.route("/families/<family_id>/moves", methods=["GET", "POST"])
@roles_required(*EDITORS)
@family_access("change")
def move(family_id: str):
    """Who moves where, then "check your answers", then the move (one transaction)."""
    family = found(records.family(family_id))
    form = MoveForm()
    form.person_ids.choices = [SelectChoice(m["id"], m["name"]) for m in family["members"]]
    form.household_id.choices = _household_choices(family, "A new address (below)")

    def save(check_only: bool):
        return changes.move(family_id, form.person_ids.data, form.destination(), form.moved.data,
                            current_user.user_id, check_only=check_only)

    if form.confirmed.data != "yes" and form.validate_on_submit():
        try:
            save(check_only=True)
        except changes.RecordError as error:
            show_error(form, error)
        else:
            names = {m["id"]: m["name"] for m in family["members"]}
            homes = {h["id"]: f"{h['address']}, {h['postcode']}" for h in family["households"]}
            return render_template(
                "records/move_check.html", form=form, family=family,
                movers=[names[i] for i in form.person_ids.data],
                destination=homes.get(form.household_id.data)
                or f"{form.address.data}, {form.postcode.data} (a new household)")
    elif form.confirmed.data == "yes":
        done = saved(form, "moved", lambda: save(check_only=False),
                     lambda c: _family_url(family_id), "Move recorded.")
        if done:
            return done
    return form_page(form, "Record a move", family["name"], _family_url(family_id), "Continue")


# People -------------------------------------------------------------------------------------

@bp.get("/people/<person_id>")
@roles_required("practitioner", "coordinator", "analyst")
@person_access("view_person")
def person(person_id: str):
    """A person's record: identity, families, relationships, home and plans, with the
    changes the user may make. A merged record sends to the person it was merged into."""
    record = found(records.person(person_id))
    if record["merged_into"]:
        return redirect(_person_url(record["merged_into"]))
    editable = bool(current_user.roles & set(EDITORS)) and access.may_change(g.access)
    details = records.person_details(person_id)
    team = access.visible_involvements(current_user, g.access, records.person_team(person_id))
    return render_template("records/person.html", person=record, editable=editable,
                           details=details, team=team,
                           merges=records.merges_into(person_id),
                           may_undo="coordinator" in current_user.roles,
                           undo_form=UndoMergeForm())


@bp.route("/people/<person_id>/identity", methods=["GET", "POST"])
@roles_required(*EDITORS)
@person_access("change")
def identity(person_id: str):
    record = found(records.person(person_id))
    form = IdentityForm(data=changes.identity(record))
    conflict: dict = {}
    done = saved(form, "identity", lambda: changes.correct_identity(
        person_id, form.values(), form.version.data), lambda c: _person_url(person_id),
        "Details saved.", conflict)
    return done or form_page(form, "Correct their details", _name(record), _person_url(person_id),
                             conflict=conflict or None)


def _name(record: dict) -> str:
    return f"{record['given_name']} {record['family_name']}"


@bp.route("/people/<person_id>/birth", methods=["GET", "POST"])
@roles_required(*EDITORS)
@person_access("change")
def birth(person_id: str):
    record = found(records.person(person_id))
    form = BirthForm()
    done = saved(form, "birth", lambda: changes.record_birth(
        person_id, form.dob.data, form.gender.data), lambda c: _person_url(person_id),
        "Birth recorded.")
    return done or form_page(form, "Record the birth", _name(record), _person_url(person_id))


@bp.route("/people/<person_id>/deceased", methods=["GET", "POST"])
@roles_required(*EDITORS)
@person_access("change")
def deceased(person_id: str):
    record = found(records.person(person_id))
    form = DeceasedForm()
    done = saved(form, "deceased", lambda: changes.mark_deceased(person_id, form.died.data),
                 lambda c: _person_url(person_id), "Recorded as deceased.")
    return done or form_page(form, "Record that they have died", _name(record),
                             _person_url(person_id))


@bp.route("/people/<person_id>/relationships/new", methods=["GET", "POST"])
@roles_required(*EDITORS)
@person_access("change")
def new_relationship(person_id: str):
    record = found(records.person(person_id))
    form = RelationshipForm()
    form.other_id.choices = [SelectChoice("", "Choose the other person")] + [
        SelectChoice(m["id"], m["name"]) for m in records.relatives(person_id)]
    done = saved(form, "relationship", lambda: changes.relate(
        person_id, form.type.data, form.other_id.data, current_user.user_id,
        kind=form.kind.data or None, status=form.status.data or None,
        since=form.since.data, until=form.until.data),
        lambda c: _person_url(person_id), "Relationship recorded.")
    return done or form_page(form, "Record a relationship", _name(record), _person_url(person_id))


@bp.route("/people/<person_id>/plans/new", methods=["GET", "POST"])
@roles_required(*EDITORS)
@person_access("change")
def new_plan(person_id: str):
    record = found(records.person(person_id))
    form = PlanForm()
    done = saved(form, "plan_added", lambda: changes.add_plan(
        person_id, changes.plan_values(form.data), current_user.user_id),
        lambda c: _person_url(person_id), "Plan recorded.")
    return done or form_page(form, "Record a plan", _name(record), _person_url(person_id))


@bp.route("/people/<person_id>/plans/<plan_id>", methods=["GET", "POST"])
@roles_required(*EDITORS)
@person_access("change")
def change_plan(person_id: str, plan_id: str):
    record = found(records.person(person_id))
    plan = records.plan(person_id, plan_id)
    if plan is None:
        abort(404)
    form = ChangePlanForm(data=plan)
    conflict: dict = {}
    done = saved(form, "plan_changed", lambda: changes.change_plan(
        person_id, plan_id, changes.plan_values(form.data), form.version.data),
        lambda c: _person_url(person_id), "Plan changed.", conflict)
    return done or form_page(form, "Change the plan", _name(record), _person_url(person_id),
                             conflict=conflict or None)
