"""Children on plans and when their reviews fall due; the families with the most severe
gaps (as last checked)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from flask import current_app

from app.extensions import get_db

# The windows a chair plans conferences in: due already, or due from today within N weeks.
DUE_WINDOWS = {"overdue": "Overdue", "2w": "Due within 2 weeks", "4w": "Due within 4 weeks",
               "8w": "Due within 8 weeks"}
# A child protection plan's first review, when no date is recorded (the gap rule's default).
FIRST_REVIEW_MONTHS = 3


@dataclass
class Page:
    total: int
    children: list[dict]


def due_range(window: str | None, today: date) -> tuple[date | None, date | None]:
    """The first and last due dates of a window (None: open-ended). Within N weeks runs
    from today to the same weekday N weeks on, both days included."""
    if window is None:
        return None, None
    if window == "overdue":
        return None, today - timedelta(days=1)
    return today, today + timedelta(weeks=int(window.removesuffix("w")))


def first_review_months() -> int:
    """As the overdue-review gap counts it, so that the list and the gap agree."""
    for rule in current_app.config["GAP_RULES"]:
        if rule.id == "cp-review-overdue":
            return rule.params["first_review_months"]
    return FIRST_REVIEW_MONTHS


def children_on_plans(today: date, plan_type: str | None = None, agency_id: str | None = None,
                      due: str | None = None, skip: int = 0, limit: int = 50) -> Page:
    """Children on plans open today, soonest review first: those whose review has a date,
    then (in no due window) those whose review has none, by name."""
    due_from, due_by = due_range(due, today)
    # With no agency and no window, how many is read from the counts kept.
    [dated] = get_db().read("plans/dated", today=today, first_review_months=first_review_months(),
                            type=plan_type, agency_id=agency_id, due_from=due_from or date.min,
                            due_by=due_by or date.max, tallied=agency_id is None and due is None,
                            skip=skip, limit=limit)
    if due is not None:
        return Page(dated["total"], dated["children"])
    # The undated follow the dated: a page past the dated reads them, the others count them.
    wanted = limit - len(dated["children"])
    [undated] = get_db().read("plans/undated", today=today, type=plan_type,
                              agency_id=agency_id, skip=max(0, skip - dated["total"]),
                              limit=wanted)
    return Page(dated["total"] + undated["total"], dated["children"] + undated["children"])


def families_by_gaps(sees_sensitive: bool, limit: int = 10) -> list[dict]:
    return get_db().read("plans/families_by_gaps", sees_sensitive=sees_sensitive, limit=limit)
