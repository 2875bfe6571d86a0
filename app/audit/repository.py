"""Audit events (:AuditEvent): appended, never updated or deleted through the product."""

from __future__ import annotations

import uuid
from datetime import date

from flask_login import current_user

from app.extensions import get_db

PAGE_SIZE = 50


def record(action: str, target_id: str | None, outcome: str, reason: str | None = None,
           user_id: str | None = None) -> None:
    """Append one event for the signed-in user (or `user_id`, for sign-in attempts)."""
    if user_id is None and current_user and current_user.is_authenticated:
        user_id = current_user.user_id
    get_db().write("audit/record", id=str(uuid.uuid4()), action=action, user_id=user_id,
                   target_id=target_id, outcome=outcome, reason=reason)


def search(user_id: str | None = None, action: str | None = None, outcome: str | None = None,
           target_id: str | None = None, since: date | None = None, until: date | None = None,
           page: int = 1) -> list[dict]:
    return get_db().read("audit/search", user_id=user_id, action=action, outcome=outcome,
                         target_id=target_id, since=since, until=until,
                         skip=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE)


def break_glass_accesses(limit: int = 200) -> list[dict]:
    return get_db().read("audit/break_glass_review", limit=limit)


def viewers_of_my_families(user_id: str, limit: int = 200) -> list[dict]:
    return get_db().read("audit/viewers_of_my_families", user_id=user_id, limit=limit)
