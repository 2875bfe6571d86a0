"""Accounts, as admins manage them."""

from __future__ import annotations

import uuid

from app.auth.passwords import hash_password
from app.auth.repository import delete_user_sessions
from app.extensions import get_db


def list_users() -> list[dict]:
    return get_db().read("admin/list_users")


def professionals_without_account() -> list[dict]:
    return get_db().read("admin/professionals")


def create_user(email: str, password: str, role: str, professional_id: str | None) -> str:
    """Raises ConflictError when the email is taken."""
    user_id = str(uuid.uuid4())
    get_db().write("admin/create_user", id=user_id, email=email.strip().lower(),
                   password_hash=hash_password(password), role=role,
                   professional_id=professional_id)
    return user_id


def set_active(user_id: str, active: bool) -> bool:
    found = bool(get_db().write("admin/set_active", id=user_id, active=active))
    if found and not active:
        delete_user_sessions(user_id)  # a deactivated account is signed out at once
    return found


def set_role(user_id: str, role: str) -> bool:
    return bool(get_db().write("admin/set_role", id=user_id, role=role))
