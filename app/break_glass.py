"""Break-glass grants, in the app's store: time-limited access to a family a practitioner
has no relationship with, for a stated reason, reviewed by coordinators."""

from __future__ import annotations

import uuid
from datetime import timedelta

from flask import current_app
from sqlalchemy import insert, select

from app.admin.repository import professionals_by_id
from app.extensions import get_db
from app.store import get_store
from app.store.engine import as_utc, utcnow
from app.store.tables import break_glass_grants, users


def grant(user_id: str, family_id: str, reason: str) -> str:
    """Record a grant; returns its id."""
    grant_id, now = str(uuid.uuid4()), utcnow()
    expires_at = now + timedelta(hours=current_app.config["BREAK_GLASS_HOURS"])
    with get_store().begin() as connection:
        connection.execute(insert(break_glass_grants).values(
            id=grant_id, user_id=user_id, family_id=family_id, reason=reason, at=now,
            expires_at=expires_at))
    return grant_id


def granted_families(user_id: str, family_ids: list[str]) -> set[str]:
    """Of these families, those the user holds an unexpired grant for."""
    if not family_ids:
        return set()
    with get_store().reading() as connection:
        return set(connection.execute(
            select(break_glass_grants.c.family_id)
            .where(break_glass_grants.c.user_id == user_id,
                   break_glass_grants.c.family_id.in_(family_ids),
                   break_glass_grants.c.expires_at > utcnow())).scalars())


def for_review(limit: int = 200) -> list[dict]:
    """Grants for coordinators to review, newest first, with who, which family and why."""
    with get_store().reading() as connection:
        rows = [dict(row._mapping) for row in connection.execute(
            select(break_glass_grants, users.c.email.label("user_email"), users.c.professional_id)
            .join(users, users.c.id == break_glass_grants.c.user_id)
            .order_by(break_glass_grants.c.at.desc()).limit(limit))]
    professionals = professionals_by_id([r["professional_id"] for r in rows if r["professional_id"]])
    families = {row["id"]: row["name"] for row in
                get_db().read("families/names", ids=list({r["family_id"] for r in rows}))}
    for row in rows:
        row["at"], row["expires_at"] = as_utc(row["at"]), as_utc(row["expires_at"])
        row["professional_name"] = professionals.get(row["professional_id"], {}).get("name")
        row["family_name"] = families.get(row["family_id"])
    return rows
