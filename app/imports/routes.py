"""The import page for coordinators and admins: upload, see the dry run, confirm, download
the rejected rows; the history of imports."""

from __future__ import annotations

import json
from datetime import date

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from app.admin.repository import emails_by_id
from app.audit import repository as audit
from app.csv_export import csv_download
from app.directory.forms import agency_select
from app.extensions import get_db
from app.imports import bp, service, uploads
from app.imports.forms import ConfirmForm, UploadForm
from app.imports.tables import ImportRefused
from app.permissions import roles_required

IMPORT_ROLES = ("coordinator", "admin")
HISTORY_LENGTH = 50


def _upload_form() -> UploadForm:
    form = UploadForm()
    if not form.la_code.data:
        form.la_code.data = current_app.config["IMPORT_LA_CODE"]
    form.agency_id.choices = agency_select("Not an agency's list")
    return form


def _with_users(imports: list[dict]) -> list[dict]:
    """Each import with who ran it: an account's email, or the command line (no account)."""
    emails = emails_by_id({i["user_id"] for i in imports if i.get("user_id")})
    return [{**i, "user": emails.get(i.get("user_id") or "", "command line")} for i in imports]


def _history() -> list[dict]:
    return _with_users([row["import"]
                        for row in get_db().read("imports/history", limit=HISTORY_LENGTH)])


def _run(pending: uploads.Pending, dry_run: bool) -> service.ImportResult:
    return service.run(get_db(), pending.kind, uploads.source_path(pending),
                       la_code=pending.la_code, as_of=date.fromisoformat(pending.as_of),
                       dry_run=dry_run, max_bytes=current_app.config["IMPORT_MAX_BYTES"],
                       user_id=current_user.user_id, file_name=pending.file_name,
                       agency_id=pending.agency_id)


@bp.route("", methods=["GET", "POST"])
@roles_required(*IMPORT_ROLES)
def index():
    """Upload a file: its dry run is shown, and nothing is written until it is confirmed."""
    form = _upload_form()
    if form.validate_on_submit():
        try:
            pending = uploads.save(form.file.data, form.kind.data, form.la_code.data,
                                   form.as_of.data.isoformat(), form.agency_id.data or None,
                                   current_user.user_id)
            result = _run(pending, dry_run=True)
        except ImportRefused as refused:
            form.file.errors.append(str(refused))
        else:
            uploads.save_rejected(pending.id, result.rejected_csv())
            audit.record("import", pending.id, "allowed", reason=f"dry run {pending.kind}")
            return render_template("imports/check.html", result=result, pending=pending,
                                   form=ConfirmForm(pending_id=pending.id),
                                   kind_names=service.KIND_NAMES)
    status = 400 if form.errors else 200
    return render_template("imports/index.html", form=form, imports=_history()), status


@bp.post("/confirm")
@roles_required(*IMPORT_ROLES)
def confirm():
    """Apply an upload its uploader has seen the dry run of (the file is read again)."""
    form = ConfirmForm()
    pending = uploads.load(form.pending_id.data or "", current_user.user_id) \
        if form.validate_on_submit() else None
    if pending is None:
        abort(404)
    try:
        result = _run(pending, dry_run=False)
    except ImportRefused as refused:
        flash(str(refused), "error")
        return redirect(url_for("imports.index"))
    assert result.import_id is not None
    uploads.save_rejected(result.import_id, result.rejected_csv())
    uploads.discard(pending)
    flash(f"{pending.file_name} was imported.", "success")
    return redirect(url_for("imports.one", import_id=result.import_id))


@bp.get("/<import_id>")
@roles_required(*IMPORT_ROLES)
def one(import_id: str):
    rows = get_db().read("imports/one", id=import_id)
    if not rows:
        abort(404)
    [record] = _with_users([rows[0]["import"]])
    sheets = json.loads(record.get("sheets") or "{}")
    pairs = [tuple(pair) for pair in json.loads(record.get("duplicate_pairs") or "[]")]
    return render_template("imports/one.html", record=record, sheets=sheets, pairs=pairs)


@bp.get("/<key>/rejected.csv")
@roles_required(*IMPORT_ROLES)
def rejected_rows(key: str):
    """The rejected rows of an import, or of a dry run (by the id on its page)."""
    text = uploads.rejected(key)
    if text is None:
        abort(404)
    audit.record("export", key, "allowed", reason="rejected rows")
    return csv_download(text, "rejected-rows.csv")
