"""Accounts, as admins manage them. Accounts live in the app's store; the professional an
account belongs to lives in the graph, linked by its id."""

from __future__ import annotations

import uuid

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from app.auth.passwords import hash_password
from app.auth.repository import delete_user_sessions
from app.db import ConflictError
from app.extensions import get_db
from app.store import get_store
from app.store.engine import utcnow
from app.store.tables import users


def linked_professional_ids() -> list[str]:
    with get_store().reading() as connection:
        return list(connection.execute(
            select(users.c.professional_id).where(users.c.professional_id.is_not(None))).scalars())


def professionals_by_id(ids: list[str]) -> dict[str, dict]:
    """{professional id: {name, agency_name}} from the graph."""
    if not ids:
        return {}
    return {row["id"]: row for row in get_db().read("admin/professionals_by_id", ids=ids)}


def list_users() -> list[dict]:
    with get_store().reading() as connection:
        rows = [dict(row._mapping) for row in connection.execute(
            select(users.c.id, users.c.email, users.c.role, users.c.extra_roles, users.c.active,
                   users.c.professional_id).order_by(users.c.email))]
    professionals = professionals_by_id([r["professional_id"] for r in rows if r["professional_id"]])
    for row in rows:
        professional = professionals.get(row["professional_id"], {})
        row["professional_name"] = professional.get("name")
        row["agency_name"] = professional.get("agency_name")
    return rows


def professionals_without_account() -> list[dict]:
    return get_db().read("admin/professionals", linked_ids=linked_professional_ids())


def create_user(email: str, password: str, role: str, professional_id: str | None,
                user_id: str | None = None) -> str:
    """Raises ConflictError when the email already has an account."""
    user_id = user_id or str(uuid.uuid4())
    try:
        with get_store().begin() as connection:
            connection.execute(insert(users).values(
                id=user_id, email=email.strip().lower(),
                password_hash=hash_password(password), role=role,
                extra_roles=[], active=True, professional_id=professional_id,
                created_at=utcnow()))
    except IntegrityError as error:
        raise ConflictError("an account with this email exists") from error
    return user_id


def set_professional(user_id: str, professional_id: str) -> bool:
    """Link an account with no professional to one. False when there is no such account,
    or it is someone's already."""
    with get_store().begin() as connection:
        return connection.execute(
            update(users).where(users.c.id == user_id, users.c.professional_id.is_(None))
            .values(professional_id=professional_id)).rowcount == 1


def accounts_without_professional() -> list[dict]:
    with get_store().reading() as connection:
        return [dict(row._mapping) for row in connection.execute(
            select(users.c.id, users.c.email, users.c.role)
            .where(users.c.professional_id.is_(None)).order_by(users.c.email))]


def set_active(user_id: str, active: bool) -> bool:
    with get_store().begin() as connection:
        found = connection.execute(update(users).where(users.c.id == user_id)
                                   .values(active=active)).rowcount > 0
    if found and not active:
        delete_user_sessions(user_id)  # a deactivated account is signed out at once
    return found


def set_password(user_id: str, password: str) -> None:
    with get_store().begin() as connection:
        connection.execute(update(users).where(users.c.id == user_id)
                           .values(password_hash=hash_password(password)))


def password_hashes(user_ids: list[str]) -> dict[str, str]:
    with get_store().reading() as connection:
        return dict(connection.execute(select(users.c.id, users.c.password_hash)
                                       .where(users.c.id.in_(user_ids))).all())


def set_role(user_id: str, role: str) -> bool:
    with get_store().begin() as connection:
        return connection.execute(update(users).where(users.c.id == user_id)
                                  .values(role=role)).rowcount > 0


def emails_by_id(user_ids: set[str]) -> dict[str, str]:
    """Account emails for pages that say who did something (the audit, gap reviews)."""
    return {user_id: account["email"] for user_id, account in accounts_by_id(user_ids).items()}


def accounts_by_id(user_ids: set[str]) -> dict[str, dict]:
    """{user id: {email, professional_id}}."""
    if not user_ids:
        return {}
    with get_store().reading() as connection:
        return {row.id: {"email": row.email, "professional_id": row.professional_id}
                for row in connection.execute(
                    select(users.c.id, users.c.email, users.c.professional_id)
                    .where(users.c.id.in_(user_ids)))}
