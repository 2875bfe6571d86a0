"""Personal API tokens for scripts: shown once, stored as a SHA-256 hash, revocable by the
owner and by admins. A request with `Authorization: Bearer <token>` acts as its owner,
without a session cookie, so API writes need no CSRF token and cannot be forged by a page
in the user's browser."""

from __future__ import annotations

import hashlib
import secrets
import uuid

from sqlalchemy import insert, select, update

from app.auth.repository import account_row
from app.store import get_store
from app.store.engine import utcnow
from app.store.tables import api_tokens, users

PREFIX = "sgm_"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create(user_id: str, name: str) -> str:
    token = PREFIX + secrets.token_urlsafe(32)
    with get_store().begin() as connection:
        connection.execute(insert(api_tokens).values(
            id=str(uuid.uuid4()), user_id=user_id, token_hash=_hash(token), name=name,
            created_at=utcnow()))
    return token


def for_user(user_id: str) -> list[dict]:
    with get_store().reading() as connection:
        rows = connection.execute(
            select(api_tokens.c.id, api_tokens.c.name, api_tokens.c.created_at,
                   api_tokens.c.last_used_at, api_tokens.c.revoked_at)
            .where(api_tokens.c.user_id == user_id)
            .order_by(api_tokens.c.created_at.desc())).all()
    return [dict(row._mapping) for row in rows]


def revoke(user_id: str, token_id: str | None = None) -> int:
    """Revokes one token (`token_id`) or all of a user's; returns how many."""
    condition = [api_tokens.c.user_id == user_id, api_tokens.c.revoked_at.is_(None)]
    if token_id is not None:
        condition.append(api_tokens.c.id == token_id)
    with get_store().begin() as connection:
        return connection.execute(update(api_tokens).where(*condition)
                                  .values(revoked_at=utcnow())).rowcount


def user_for(token: str) -> dict | None:
    """The active account behind an unrevoked token, noting the token's use."""
    with get_store().begin() as connection:
        row = connection.execute(
            select(users).join(api_tokens, api_tokens.c.user_id == users.c.id)
            .where(api_tokens.c.token_hash == _hash(token), api_tokens.c.revoked_at.is_(None),
                   users.c.active)).first()
        if row is None:
            return None
        connection.execute(update(api_tokens).where(api_tokens.c.token_hash == _hash(token))
                           .values(last_used_at=utcnow()))
    return account_row(row)
