"""Signing in and posting forms the way a browser does: with the CSRF token from the page."""

from __future__ import annotations

import re
import secrets

from app.admin import repository as users

PASSWORD = "correct horse battery staple"


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or \
        re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "the page has a CSRF token"
    return match.group(1)


def make_user(app, role: str, professional_id: str | None = None,
              email: str | None = None, password: str = PASSWORD) -> dict:
    email = email or f"{role}-{secrets.token_hex(4)}@test.example"
    with app.app_context():
        user_id = users.create_user(email, password, role, professional_id)
    return {"id": user_id, "email": email, "password": password}


def sign_in(client, user: dict, password: str | None = None):
    token = csrf_token(client.get("/login").get_data(as_text=True))
    return client.post("/login", data={"email": user["email"],
                                       "password": password or user["password"],
                                       "csrf_token": token})


def post_form(client, page: str, action: str, data: dict):
    """POST `data` to `action` with the CSRF token taken from `page`."""
    token = csrf_token(client.get(page).get_data(as_text=True))
    return client.post(action, data={**data, "csrf_token": token})


def client_as(app, role: str, professional_id: str | None = None):
    """A test client signed in as a new user of this role."""
    client = app.test_client()
    sign_in(client, make_user(app, role, professional_id))
    return client
