from datetime import date

from flask import render_template

from app.audit import repository as audit
from app.directory import repository as directory
from app.domain import PLAN_TYPES
from app.input_guard import bounded_int_arg, chosen_filters
from app.permissions import roles_required
from app.plans import bp
from app.plans import repository as plans

PAGE_SIZE = 50


@bp.get("")
@roles_required("coordinator")
def children_on_plans():
    """Children on plans, the soonest review first, filtered by plan type, an agency working
    with the child, and when the review is due; a page at a time."""
    agencies = directory.agency_filter()
    filters = chosen_filters({"type": PLAN_TYPES, "agency": agencies,
                              "due": plans.DUE_WINDOWS})
    page = bounded_int_arg("page", 1, 1, 100_000)
    today = date.today()
    found = plans.children_on_plans(today, filters.get("type"), filters.get("agency"),
                                    filters.get("due"), skip=(page - 1) * PAGE_SIZE,
                                    limit=PAGE_SIZE)
    audit.record("open_page", None, "allowed", reason="children on plans")
    return render_template("plans/list.html", found=found, filters=filters, page=page,
                           pages=max(1, -(-found.total // PAGE_SIZE)),
                           agency_options=agencies.filter_options(filters.get("agency")),
                           plan_types=PLAN_TYPES, due_windows=plans.DUE_WINDOWS, today=today)
