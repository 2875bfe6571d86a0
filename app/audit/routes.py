from typing import Any

from flask import render_template, request, url_for
from flask_login import current_user

from app import break_glass
from app.audit import bp
from app.audit import repository as audit
from app.audit.forms import AuditFilterForm
from app.input_guard import bounded_int_arg
from app.permissions import roles_required

MAX_PAGE = 1_000_000


@bp.get("")
@roles_required("admin")
def audit_log():
    """The whole trail for admins, filtered by ids, action, outcome and dates (no names in
    the query string: the filters take ids only)."""
    form = AuditFilterForm(request.args)
    page = bounded_int_arg("page", 1, 1, MAX_PAGE)
    valid = form.validate()
    events = audit.search(page=page, **form.filters()) if valid else []
    next_args: dict[str, Any] = {**request.args.to_dict(), "page": page + 1}
    next_url = url_for("audit.audit_log", **next_args) if len(events) == audit.PAGE_SIZE else None
    return render_template("audit/log.html", events=events, form=form, next_url=next_url), \
        200 if valid else 400


@bp.get("/break-glass")
@roles_required("coordinator")
def break_glass_review():
    """Break-glass accesses for coordinators to review."""
    return render_template("audit/break_glass.html", accesses=break_glass.for_review())


@bp.get("/console-queries")
@roles_required("coordinator")
def console_queries():
    """Every console query in full, with who ran it and whether it was refused."""
    return render_template("audit/console_queries.html", queries=audit.console_queries())


@bp.get("/my-families")
@roles_required("practitioner")
def my_family_viewers():
    """Who has looked at the families this practitioner works with."""
    return render_template("audit/my_families.html",
                           views=audit.viewers_of_my_families(current_user.professional_id))
