"""Personal API tokens for scripts: shown once, stored as a SHA-256 hash, revocable by the
owner and by admins. A request with `Authorization: Bearer <token>` acts as its owner,
without a session cookie, so API writes need no CSRF token and cannot be forged by a page
in the user's browser."""

from __future__ import annotations

import hashlib
import secrets
import uuid

from app.extensions import get_db

PREFIX = "sgm_"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create(user_id: str, name: str) -> str:
    token = PREFIX + secrets.token_urlsafe(32)
    get_db().write("tokens/create", id=str(uuid.uuid4()), user_id=user_id,
                   token_hash=_hash(token), name=name)
    return token


def for_user(user_id: str) -> list[dict]:
    return get_db().read("tokens/for_user", user_id=user_id)


def revoke(user_id: str, token_id: str | None = None) -> int:
    return get_db().write("tokens/revoke", user_id=user_id, token_id=token_id)[0]["revoked"]


def user_for(token: str) -> dict | None:
    rows = get_db().write("tokens/user_for_token", token_hash=_hash(token))
    return rows[0] if rows else None
