"""Possible duplicates through the API, for coordinators: the list, merge, undo and "not the
same person", with the pages' forms, rules and audit. Writes take a personal API token."""

from __future__ import annotations

from flask import abort, jsonify
from flask_login import current_user
from wtforms import SelectChoice

from app.api import bp
from app.api.json_forms import request_body, validated
from app.api.records import as_json, run_change
from app.input_guard import bounded_int_arg
from app.permissions import roles_required, token_required
from app.records import merges
from app.records import repository as records
from app.records.forms import MergeForm, NotSameForm, UndoMergeForm
from app.records.pages import audited

PAGE_SIZE = 50


@bp.get("/duplicates")
@roles_required("coordinator")
def duplicates():
    """?page=N -> {pairs: [{key, reasons, found_at, a: {...}, b: {...}}]}."""
    page = bounded_int_arg("page", 1, 1, 10_000)
    return jsonify(pairs=as_json(records.duplicate_pairs(skip=(page - 1) * PAGE_SIZE,
                                                         limit=PAGE_SIZE)))


def _pair(key: str) -> dict:
    pair = records.duplicate_pair(key)
    if pair is None:
        abort(404)
    return pair


@bp.post("/duplicates/<key>/merge")
@token_required
@roles_required("coordinator")
@audited
def merge(key: str):
    """{kept_id (one of the pair), reason} -> {kept_id, merged_id, merge_id}."""
    pair = _pair(key)

    def action():
        form = validated(MergeForm, request_body(), {"kept_id": [
            SelectChoice(pair["a"], pair["a"]), SelectChoice(pair["b"], pair["b"])]})
        removed = pair["b"] if form.kept_id.data == pair["a"] else pair["a"]
        change = merges.merge(form.kept_id.data, removed, form.reason.data,
                              current_user.user_id)
        return change, {"kept_id": change.target_id, "merged_id": removed,
                        "merge_id": change.reference}
    return run_change("merged", action)


@bp.post("/duplicates/<key>/not-same")
@token_required
@roles_required("coordinator")
@audited
def not_same(key: str):
    """{reason}: the pair are two people, never flagged again."""
    pair = _pair(key)

    def action():
        form = validated(NotSameForm, request_body())
        change = merges.not_the_same(pair["a"], pair["b"], form.reason.data,
                                     current_user.user_id)
        return change, {"not_same": [pair["a"], pair["b"]]}
    return run_change("not_same_person", action)


@bp.post("/merges/<merge_id>/undo")
@token_required
@roles_required("coordinator")
@audited
def undo_merge(merge_id: str):
    """The graph as it was before the merge -> {restored: [kept id, merged id]}."""
    def action():
        validated(UndoMergeForm, request_body())
        change = merges.undo(merge_id, current_user.user_id)
        return change, {"restored": [change.target_id, change.subject_id]}
    return run_change("merge_undone", action)
