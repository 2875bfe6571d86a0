"""Gaps as the dashboard shows them: found by the rules, with who they are about, their
follow-up, and the record of which gaps have closed."""

from __future__ import annotations

import uuid
from datetime import date

from flask import current_app

from app.admin.repository import emails_by_id
from app.extensions import get_db
from app.gaps.engine import Gap, find_gaps


def current(family_id: str | None = None, timings: dict | None = None) -> list[Gap]:
    return find_gaps(get_db(), current_app.config["GAP_RULES"], family_id=family_id,
                     timings=timings)


def subjects(ids: list[str]) -> dict[str, dict]:
    return {row["id"]: row for row in get_db().read("gap_reviews/subjects", ids=ids)}


def reviews(keys: list[str]) -> dict[str, dict]:
    """The newest review of each gap, with the reviewer's email (accounts are in the store)."""
    rows = get_db().read("gap_reviews/latest", keys=keys)
    emails = emails_by_id({row["user_id"] for row in rows if row["user_id"]})
    return {row["key"]: row | {"user_email": emails.get(row["user_id"])} for row in rows}


def record_review(gap: Gap, status: str, user_id: str, who_acts: str | None = None,
                  by_date: date | None = None, note: str | None = None,
                  assigned_to: str | None = None) -> str:
    review_id = str(uuid.uuid4())
    get_db().write("gap_reviews/record", id=review_id, key=gap.key, rule=gap.rule,
                   family_id=gap.family_id, status=status, who_acts=who_acts, by_date=by_date,
                   note=note, user_id=user_id, assigned_to=assigned_to)
    return review_id


def recently_resolved(days: int = 30, limit: int = 200) -> list[dict]:
    return get_db().read("gap_reviews/recently_resolved", days=days, limit=limit)
