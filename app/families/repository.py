"""Reading one family: members, family ties, the team around it and its plans."""

from __future__ import annotations

import uuid

from flask import current_app

from app.extensions import get_db


def family(family_id: str) -> dict | None:
    rows = get_db().read("families/family", family_id=family_id)
    return rows[0] if rows else None


def relationships(family_id: str) -> list[dict]:
    return get_db().read("families/relationships", family_id=family_id)


def team(family_id: str) -> list[dict]:
    return get_db().read("families/team", family_id=family_id)


def plans(family_id: str) -> list[dict]:
    return get_db().read("families/plans", family_id=family_id)


def grant_break_glass(user_id: str, family_id: str, reason: str):
    """Returns when the grant expires, or None when the family does not exist."""
    rows = get_db().write("access/grant_break_glass", grant_id=str(uuid.uuid4()), user_id=user_id,
                          family_id=family_id, reason=reason,
                          hours=current_app.config["BREAK_GLASS_HOURS"])
    return rows[0]["expires_at"] if rows else None
