"""Accounts, server-side sessions and sign-in throttles, in the app's own store."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, insert, select, update

from app.store import get_store
from app.store.engine import as_utc, insert_ignore, utcnow
from app.store.tables import sign_in_throttles, user_sessions, users


def session_hash(session_id: str) -> str:
    """Sessions are stored by the SHA-256 of their id: a copy of the table opens nothing."""
    return hashlib.sha256(session_id.encode()).hexdigest()


def account_row(row) -> dict:
    """An account as the rest of the app sees it (one shape for sessions and tokens)."""
    return {"user_id": row.id, "email": row.email, "role": row.role,
            "extra_roles": list(row.extra_roles or []), "professional_id": row.professional_id}


def user_by_email(email: str) -> dict | None:
    with get_store().reading() as connection:
        row = connection.execute(
            select(users.c.id, users.c.password_hash, users.c.active)
            .where(users.c.email == email.strip().lower())).first()
    return dict(row._mapping) if row else None


def create_session(session_id: str, user_id: str) -> None:
    now = utcnow()
    with get_store().begin() as connection:
        connection.execute(insert(user_sessions).values(
            id_hash=session_hash(session_id), user_id=user_id, created_at=now, last_seen_at=now))


def session_user(session_id: str, idle_seconds: int) -> dict | None:
    """The active account behind a session used within the idle timeout, with when the
    session was last seen; None otherwise."""
    cutoff = utcnow() - timedelta(seconds=idle_seconds)
    with get_store().reading() as connection:
        row = connection.execute(
            select(users, user_sessions.c.last_seen_at)
            .join(user_sessions, user_sessions.c.user_id == users.c.id)
            .where(user_sessions.c.id_hash == session_hash(session_id), users.c.active,
                   user_sessions.c.last_seen_at > cutoff)).first()
    if row is None:
        return None
    return account_row(row) | {"last_seen_at": as_utc(row.last_seen_at)}


def touch_session(session_id: str) -> None:
    with get_store().begin() as connection:
        connection.execute(update(user_sessions)
                           .where(user_sessions.c.id_hash == session_hash(session_id))
                           .values(last_seen_at=utcnow()))


def delete_session(session_id: str) -> None:
    with get_store().begin() as connection:
        connection.execute(delete(user_sessions)
                           .where(user_sessions.c.id_hash == session_hash(session_id)))


def delete_user_sessions(user_id: str) -> None:
    with get_store().begin() as connection:
        connection.execute(delete(user_sessions).where(user_sessions.c.user_id == user_id))


@dataclass(frozen=True)
class Attempt:
    refused_until: datetime | None  # a lock in force: refuse without checking the password
    locks_if_wrong: datetime | None  # this was the last attempt allowed: a wrong one locks


def take_attempt(keys: list[dict], window_seconds: int, lockout_seconds: int) -> Attempt:
    """Count one sign-in attempt against each key *before* the password is checked, in one
    transaction holding the rows' locks, so that concurrent guesses cannot all slip under
    the limit: at most `limit` passwords are ever checked per key and window. `keys` is a
    list of {key, limit}. The last attempt allowed sets the lock at once; a right password
    lifts it again (`throttle_reset`)."""
    now = utcnow()
    window_start = now - timedelta(seconds=window_seconds)
    refused: list[datetime] = []
    locks: list[datetime] = []
    with get_store().begin() as connection:
        for item in keys:
            insert_ignore(connection, sign_in_throttles,
                          {"key": item["key"], "attempts": 0, "window_start": now})
            row = connection.execute(
                select(sign_in_throttles).where(sign_in_throttles.c.key == item["key"])
                .with_for_update()).one()
            lock = as_utc(row.locked_until)
            if lock is not None and lock > now:
                refused.append(lock)
                continue
            fresh = as_utc(row.window_start) < window_start or lock is not None
            attempts = 1 if fresh else row.attempts + 1
            lock_from_now = now + timedelta(seconds=lockout_seconds)
            if attempts >= item["limit"]:
                locks.append(lock_from_now)
            values = {"attempts": attempts, "window_start": now if fresh else row.window_start,
                      "locked_until": lock_from_now if attempts >= item["limit"] else None}
            connection.execute(update(sign_in_throttles)
                               .where(sign_in_throttles.c.key == item["key"]).values(**values))
    return Attempt(max(refused) if refused else None, max(locks) if locks else None)


def throttle_forgive(key: str) -> None:
    """Take back one attempt (a successful sign-in does not count against an address)."""
    with get_store().begin() as connection:
        connection.execute(update(sign_in_throttles)
                           .where(sign_in_throttles.c.key == key, sign_in_throttles.c.attempts > 0)
                           .values(attempts=sign_in_throttles.c.attempts - 1, locked_until=None))


def throttle_reset(key: str) -> None:
    with get_store().begin() as connection:
        connection.execute(delete(sign_in_throttles).where(sign_in_throttles.c.key == key))
