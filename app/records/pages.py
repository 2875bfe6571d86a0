"""How a record's form page behaves, for every page that records or corrects something:
validate, save in one transaction, audit what changed, and otherwise show the page again
with the errors at their fields or, when the record changed since it was opened, with the
record as it is now."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import abort, flash, g, redirect, render_template, request

from app.audit import repository as audit
from app.records.changes import Change, ChangedSinceOpened, RecordError


def show_error(form, error: RecordError) -> None:
    """A broken rule at its field, or above the form when the field is not on it."""
    field = getattr(form, error.field, None)
    if field is not None and field.type not in ("HiddenField", "CSRFTokenField"):
        field.errors = [*field.errors, error.message]
    else:
        form.form_errors.append(error.message)


def saved(form, kind: str, save: Callable[[], Change], done: Callable[[Change], str],
          message: str, conflict: dict | None = None):
    """Validate and save; on success, audit what changed and go to `done`. Returns a
    redirect, or None with the errors (or the conflict) left for the page to show."""
    g.audit_reason = f"{kind}: refused"
    if not form.validate_on_submit():
        return None
    try:
        change = save()
    except RecordError as error:
        show_error(form, error)
        return None
    except ChangedSinceOpened as stale:
        # The record as it is now, and the form at its new version: the person sees what
        # changed, keeps what they typed, and saves again only if they still mean it.
        if conflict is not None:
            conflict.update(stale.current)
        form.version.data = stale.current["version"]
        form.version.raw_data = [str(stale.current["version"])]
        return None
    g.audit_reason, g.audit_target = change.audit_reason, change.target_id
    flash(message if change.fields else "Nothing was changed.", "success")
    if change.possible_duplicates:
        flash("This may be someone recorded already: the coordinators will see the possible "
              "duplicate and decide.", "info")
    return redirect(done(change))


def form_page(form, heading: str, caption: str, back: str, button: str = "Save",
              conflict: dict | None = None, **context):
    failed = request.method == "POST"
    status = 409 if conflict else 400 if failed else 200
    return render_template("records/form.html", form=form, heading=heading, caption=caption,
                           back=back, button=button, conflict=conflict, **context), status


def audited(view):
    """A change outside the need-to-know decorators (the directory, the area's records):
    recorded once it has run, with the record and what `saved` says it changed."""
    @wraps(view)
    def wrapper(*args, **kwargs):
        if request.method == "GET":
            return view(*args, **kwargs)
        try:
            return view(*args, **kwargs)
        finally:
            audit.record("change", g.pop("audit_target", None), "allowed",
                         reason=g.pop("audit_reason", "refused"))
    return wrapper


def found(record: dict | None) -> dict:
    """The record a page is about, or 404 when it is not there (any more)."""
    if record is None:
        abort(404)
    return record
