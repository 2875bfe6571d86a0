"""Accounts, server-side sessions and sign-in throttles in the graph."""

from __future__ import annotations

from app.extensions import get_db


def user_by_email(email: str) -> dict | None:
    rows = get_db().read("auth/user_by_email", email=email.strip().lower())
    return rows[0] if rows else None


def create_session(session_id: str, user_id: str) -> None:
    get_db().write("auth/create_session", session_id=session_id, user_id=user_id)


def session_user(session_id: str, idle_seconds: int) -> dict | None:
    rows = get_db().read("auth/session_user", session_id=session_id, idle_seconds=idle_seconds)
    return rows[0] if rows else None


def touch_session(session_id: str) -> None:
    get_db().write("auth/touch_session", session_id=session_id)


def delete_session(session_id: str) -> None:
    get_db().write("auth/delete_session", session_id=session_id)


def delete_user_sessions(user_id: str) -> None:
    get_db().write("auth/delete_user_sessions", user_id=user_id)


def throttle_state(keys: list[str]) -> list[dict]:
    return get_db().read("auth/throttle_state", keys=keys)


def throttle_record_failure(keys: list[dict], window_seconds: int, lockout_seconds: int) -> list[dict]:
    return get_db().write("auth/throttle_record_failure", keys=keys,
                          window_seconds=window_seconds, lockout_seconds=lockout_seconds)


def throttle_reset(key: str) -> None:
    get_db().write("auth/throttle_reset", key=key)
