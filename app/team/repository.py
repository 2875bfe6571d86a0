"""Reading a child's team, concerns and activity, and a user's own children and feed."""

from __future__ import annotations

from app.extensions import get_db


def child(child_id: str) -> dict | None:
    rows = get_db().read("team/child", child_id=child_id)
    return rows[0] if rows else None


def team(child_id: str) -> list[dict]:
    return get_db().read("team/child_team", child_id=child_id)


def concerns(child_id: str) -> list[dict]:
    return get_db().read("team/concerns", child_id=child_id)


def activity(child_id: str, limit: int = 50) -> list[dict]:
    return get_db().read("team/child_activity", child_id=child_id, limit=limit)


def professionals() -> list[dict]:
    return get_db().read("team/professionals")


def my_involvements(user_id: str) -> list[dict]:
    return get_db().read("me/involvements", user_id=user_id)


def my_activity(user_id: str, limit: int = 50) -> list[dict]:
    return get_db().read("me/activity", user_id=user_id, limit=limit)


def mark_activity_seen(user_id: str) -> None:
    get_db().write("me/mark_activity_seen", user_id=user_id)
