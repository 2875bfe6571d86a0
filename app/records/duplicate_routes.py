"""Possible duplicates, for coordinators: the list, one pair side by side, merge (after a
check page), "not the same person", and undoing a merge."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from wtforms import SelectChoice

from app.audit import repository as audit
from app.extensions import get_db
from app.input_guard import bounded_int_arg
from app.permissions import roles_required
from app.records import bp, duplicates, merges
from app.records import repository as records
from app.records.changes import RecordError
from app.records.forms import MergeForm, NotSameForm, UndoMergeForm

PAGE_SIZE = 50


def _name(person: dict) -> str:
    return f"{person['given_name']} {person['family_name']}"


@bp.get("/duplicates")
@roles_required("coordinator")
def duplicate_list():
    page = bounded_int_arg("page", 1, 1, 10_000)
    pairs = records.duplicate_pairs(skip=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE + 1)
    return render_template("records/duplicates.html", pairs=pairs[:PAGE_SIZE], page=page,
                           more=len(pairs) > PAGE_SIZE, reasons=duplicates.REASONS,
                           scan_form=UndoMergeForm())


@bp.post("/duplicates/scan")
@roles_required("coordinator")
def scan_duplicates():
    if not UndoMergeForm().validate_on_submit():
        abort(400)
    result = duplicates.scan(get_db())
    duplicates.save(get_db(), result)
    audit.record("change", None, "allowed", reason=f"duplicates_scanned: {len(result.pairs)}")
    flash(f"{result.people:,} people compared in {result.compared:,} pairs: "
          f"{len(result.pairs):,} possible duplicates.", "success")
    return redirect(url_for("records.duplicate_list"))


def _pair_or_404(key: str) -> tuple[dict, dict, dict]:
    pair = records.duplicate_pair(key)
    a = records.person(pair["a"]) if pair else None
    b = records.person(pair["b"]) if pair else None
    if pair is None or a is None or b is None:
        abort(404)
    return pair, a, b


def _merge_form(a: dict, b: dict) -> MergeForm:
    form = MergeForm()
    form.kept_id.choices = [SelectChoice("", "Choose the record to keep")] + [
        SelectChoice(p["id"], f"{_name(p)} (record {p['id']})") for p in (a, b)]
    return form


def _pair_page(key: str, merge_form=None, not_same_form=None, status: int = 200):
    pair, a, b = _pair_or_404(key)
    sides = [{"person": p, "details": records.person_details(p["id"]),
              "team": [i for i in records.person_team(p["id"]) if i.ended is None]}
             for p in (a, b)]
    return render_template("records/duplicate_pair.html", pair=pair, sides=sides,
                           reasons=duplicates.REASONS,
                           merge_form=merge_form or _merge_form(a, b),
                           not_same_form=not_same_form or NotSameForm()), status


@bp.get("/duplicates/<key>")
@roles_required("coordinator")
def duplicate_pair(key: str):
    """Both records side by side: identity, families, homes, who works with them."""
    return _pair_page(key)


@bp.post("/duplicates/<key>/merge")
@roles_required("coordinator")
def merge(key: str):
    """Check page first (the merge moves every relationship of one record), then the merge
    in one transaction."""
    _, a, b = _pair_or_404(key)
    form = _merge_form(a, b)
    if not form.validate_on_submit():
        return _pair_page(key, merge_form=form, status=400)
    if not form.kept_id.data:
        form.kept_id.errors = ["Choose the record to keep"]
        return _pair_page(key, merge_form=form, status=400)
    kept, removed = (a, b) if form.kept_id.data == a["id"] else (b, a)
    if form.confirmed.data != "yes":
        return render_template("records/merge_check.html", form=form, key=key, kept=kept,
                               removed=removed, moving=records.person_details(removed["id"]))
    try:
        change = merges.merge(kept["id"], removed["id"], form.reason.data, current_user.user_id)
    except RecordError as error:
        form.kept_id.errors = [error.message]
        return _pair_page(key, merge_form=form, status=400)
    audit.record("change", kept["id"], "allowed", reason=change.audit_reason)
    flash("The records are merged. The other record now leads here; the merge can be undone "
          "from this page.", "success")
    return redirect(url_for("records.person", person_id=kept["id"]))


@bp.post("/duplicates/<key>/not-same")
@roles_required("coordinator")
def not_same(key: str):
    _, a, b = _pair_or_404(key)
    form = NotSameForm()
    if not form.validate_on_submit():
        return _pair_page(key, not_same_form=form, status=400)
    change = merges.not_the_same(a["id"], b["id"], form.reason.data, current_user.user_id)
    audit.record("change", a["id"], "allowed", reason=change.audit_reason)
    flash("Recorded as two people: the pair will not be flagged again.", "success")
    return redirect(url_for("records.duplicate_list"))


@bp.post("/merges/<merge_id>/undo")
@roles_required("coordinator")
def undo_merge(merge_id: str):
    if not UndoMergeForm().validate_on_submit():
        abort(400)
    try:
        change = merges.undo(merge_id, current_user.user_id)
    except RecordError as error:
        flash(error.message, "error")
        return redirect(url_for("records.duplicate_list"))
    audit.record("change", change.target_id, "allowed", reason=change.audit_reason)
    flash("The merge is undone: both records are as they were before it.", "success")
    return redirect(url_for("records.person", person_id=change.subject_id))
