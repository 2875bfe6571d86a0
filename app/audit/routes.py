from datetime import date
from typing import Any

from flask import render_template, request, url_for
from flask_login import current_user

from app import break_glass
from app.audit import bp
from app.audit import repository as audit
from app.domain import AuditAction, AuditOutcome
from app.input_guard import bounded_int_arg
from app.permissions import roles_required

ACTIONS = tuple(AuditAction)
OUTCOMES = tuple(AuditOutcome)
MAX_PAGE = 1_000_000


def _date_arg(name: str) -> tuple[date | None, str | None]:
    raw = request.args.get(name, "").strip()
    if not raw:
        return None, None
    try:
        return date.fromisoformat(raw), None
    except ValueError:
        return None, f"Enter the {name} date as YYYY-MM-DD"


@bp.get("")
@roles_required("admin")
def audit_log():
    """The whole trail for admins, filtered by ids, action, outcome and dates (no names in
    the query string: the filters take ids only)."""
    since, since_error = _date_arg("since")
    until, until_error = _date_arg("until")
    filters = {key: request.args.get(key) or None
               for key in ("user_id", "action", "outcome", "target_id")}
    page = bounded_int_arg("page", 1, 1, MAX_PAGE)
    errors = [e for e in (since_error, until_error) if e]
    if filters["action"] and filters["action"] not in ACTIONS:
        errors.append("Choose an action from the list")
    events = [] if errors else audit.search(since=since, until=until, page=page, **filters)
    next_args: dict[str, Any] = {**request.args.to_dict(), "page": page + 1}
    next_url = url_for("audit.audit_log", **next_args) if len(events) == audit.PAGE_SIZE else None
    return render_template("audit/log.html", events=events, filters=filters, errors=errors,
                           next_url=next_url, actions=ACTIONS, outcomes=OUTCOMES,
                           since=request.args.get("since", ""), until=request.args.get("until", ""))


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
