"""Installs the demo area: `flask --app app seed`, and `make run` on an empty database."""

from __future__ import annotations

import os
import secrets
from datetime import date

from app.admin import repository as users
from app.auth.passwords import verify_password
from app.config import PROJECT_ROOT
from app.db import Database
from app.gaps import state as gap_state
from seed.demo import DEMO_USERS, demo_area
from seed.loader import LoadStats, load

DEMO_PASSWORD_FILE = PROJECT_ROOT / "instance" / "demo_password"


def demo_password() -> str:
    """DEMO_PASSWORD, else a password generated once and kept in instance/demo_password."""
    if os.environ.get("DEMO_PASSWORD"):
        return os.environ["DEMO_PASSWORD"]
    if DEMO_PASSWORD_FILE.exists():
        return DEMO_PASSWORD_FILE.read_text().strip()
    DEMO_PASSWORD_FILE.parent.mkdir(exist_ok=True)
    password = secrets.token_urlsafe(12)
    fd = os.open(DEMO_PASSWORD_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(password)
    return password


def install_demo(db: Database, password: str, today: date | None = None) -> LoadStats:
    """Load the demo area (adding only what is missing) and its users, whose password is
    made the given one. Running it twice changes nothing. Needs an app context (the users
    live in the app's store)."""
    stats = load(db, demo_area(today or date.today()))
    _install_demo_users(password)
    gap_state.check_area()  # the dashboard reads the gaps as last checked
    return stats


def _install_demo_users(password: str) -> None:
    """Create the demo accounts that are missing; re-hash a password only where the stored
    hash does not match (a new salt would be a change)."""
    hashes = users.password_hashes([user_id for user_id, _, _ in DEMO_USERS.values()])
    for role, (user_id, email, professional_id) in DEMO_USERS.items():
        if user_id not in hashes:
            users.create_user(email, password, role, professional_id, user_id=user_id)
        elif not verify_password(hashes[user_id], password):
            users.set_password(user_id, password)


def database_is_empty(db: Database) -> bool:
    return db.read("seed/count_families")[0]["families"] == 0


def demo_sign_in_text(password: str) -> str:
    emails = ", ".join(email for _, email, _ in DEMO_USERS.values())
    return f"Demo sign-in: {emails}\nDemo password: {password}"
