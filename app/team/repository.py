"""Reading a child's team, concerns and activity, and a user's own children and feed."""

from __future__ import annotations

from sqlalchemy import select, update

from app.extensions import get_db
from app.involvements import Involvement
from app.store import get_store
from app.store.engine import as_utc, utcnow
from app.store.tables import users
from app.view_models import ActivityEntry, Concern, MyInvolvement, Person


def child(child_id: str) -> Person | None:
    rows = get_db().read("team/child", child_id=child_id)
    return Person.from_record(rows[0]) if rows else None


def team(child_id: str) -> list[Involvement]:
    return [Involvement.from_record(r) for r in get_db().read("team/child_team", child_id=child_id)]


def concerns(child_id: str) -> list[Concern]:
    return [Concern.from_record(r) for r in get_db().read("team/concerns", child_id=child_id)]


def activity(child_id: str, limit: int = 50) -> list[ActivityEntry]:
    return [ActivityEntry.from_record(r)
            for r in get_db().read("team/child_activity", child_id=child_id, limit=limit)]


def professionals() -> list[dict]:
    return get_db().read("team/professionals")


def my_involvements(professional_id: str | None) -> list[MyInvolvement]:
    if not professional_id:
        return []
    return [MyInvolvement.from_record(r)
            for r in get_db().read("me/involvements", professional_id=professional_id)]


def my_activity(user, limit: int = 50) -> list[ActivityEntry]:
    """Team changes for this user, each marked unread when newer than their last visit."""
    if not user.professional_id:
        return []
    with get_store().reading() as connection:
        seen_at = connection.execute(select(users.c.activity_seen_at)
                                     .where(users.c.id == user.user_id)).scalar()
    rows = get_db().read("me/activity", professional_id=user.professional_id,
                         user_id=user.user_id, seen_at=as_utc(seen_at), limit=limit)
    return [ActivityEntry.from_record(r) for r in rows]


def mark_activity_seen(user_id: str) -> None:
    with get_store().begin() as connection:
        connection.execute(update(users).where(users.c.id == user_id)
                           .values(activity_seen_at=utcnow()))
