"""Server-side sessions behind Flask-Login.

The session cookie holds one random session id and nothing else (no name, no email). The
session itself lives in the app's store (by the hash of its id), so signing out ends it
everywhere, an idle session expires after IDLE_TIMEOUT_SECONDS, and deactivating an account
ends its sessions.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property

from flask import current_app, g, jsonify, redirect, request, url_for
from flask_login import LoginManager, UserMixin

from app.auth import repository, tokens
from app.extensions import get_db

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Sign in to continue."
login_manager.login_message_category = "info"
# Our own server-side sessions do what Flask-Login's "session protection" approximates.
login_manager.session_protection = None

# A session seen within this many seconds is not written back on every request.
TOUCH_AFTER_SECONDS = 60


@dataclass
class CurrentUser(UserMixin):
    session_id: str | None
    user_id: str
    email: str
    role: str
    roles: frozenset = field(default_factory=frozenset)
    professional_id: str | None = None

    def get_id(self) -> str:
        return self.session_id or ""  # a token's user has no session: nothing to keep

    @cached_property
    def professional_name(self) -> str | None:
        """The name of the professional this account is, from the graph (the directory),
        read only when a page shows it."""
        if not self.professional_id:
            return None
        rows = get_db().read("team/professional", professional_id=self.professional_id)
        return rows[0]["name"] if rows else None


def _current_user(row: dict, session_id: str | None) -> CurrentUser:
    return CurrentUser(session_id=session_id, user_id=row["user_id"], email=row["email"],
                       role=row["role"], roles=frozenset([row["role"], *row["extra_roles"]]),
                       professional_id=row["professional_id"])


@login_manager.unauthorized_handler
def unauthorized():
    """Pages send people to sign in; the API answers 401 for scripts."""
    if request.path.startswith("/api/"):
        return jsonify(error="sign in required"), 401
    return redirect(url_for("auth.login", next=request.path))


@login_manager.user_loader
def load_user(session_id: str) -> CurrentUser | None:
    row = repository.session_user(session_id, current_app.config["IDLE_TIMEOUT_SECONDS"])
    if row is None:
        return None
    idle = (datetime.now(UTC) - row["last_seen_at"]).total_seconds()
    if idle > TOUCH_AFTER_SECONDS:
        repository.touch_session(session_id)
    return _current_user(row, session_id)


@login_manager.request_loader
def load_user_from_token(req) -> CurrentUser | None:
    """Scripts authenticate with a personal API token, for the API only."""
    header = req.headers.get("Authorization", "")
    if not req.path.startswith("/api/") or not header.startswith("Bearer "):
        return None
    row = tokens.user_for(header.removeprefix("Bearer ").strip())
    if row is None:
        return None
    g.token_auth = True
    return _current_user(row, None)


def start_session(user_id: str) -> str:
    session_id = secrets.token_urlsafe(32)
    repository.create_session(session_id, user_id)
    return session_id
