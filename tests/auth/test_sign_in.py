"""Signing in and out: generic failures, CSRF, rate limits, sessions and cookies."""

import time

import pytest

from tests.conftest import make_app
from tests.support.store import audit_events
from tests.support.web import csrf_token, make_user, post_form, sign_in

GENERIC = "Enter a correct email address and password"


@pytest.fixture
def user(app):
    return make_user(app, "coordinator")


def test_the_right_password_signs_in_and_is_audited(client, user, driver, app):
    response = sign_in(client, user)
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert "Sign out" in client.get("/").get_data(as_text=True)
    [event] = audit_events(app, action="sign_in")
    assert event["user_id"] == user["id"] and event["outcome"] == "allowed"


def test_wrong_password_and_unknown_email_get_the_same_generic_message(client, user, driver, app):
    wrong_password = sign_in(client, user, password="not the password")
    unknown = sign_in(client, {"email": "nobody@test.example", "password": "whatever it is"})
    for response in (wrong_password, unknown):
        assert response.status_code == 200
        assert GENERIC in response.get_data(as_text=True)
    assert "Sign out" not in client.get("/").get_data(as_text=True)
    outcomes = [(e["outcome"], e.get("user_id")) for e in audit_events(app, action="sign_in")]
    assert outcomes == [("denied", user["id"]), ("denied", None)]


def test_empty_fields_are_named_in_the_error(client):
    token = csrf_token(client.get("/login").get_data(as_text=True))
    html = client.post("/login", data={"email": "", "password": "", "csrf_token": token}) \
        .get_data(as_text=True)
    assert "Enter your email address" in html and "Enter your password" in html


def test_a_post_without_a_valid_csrf_token_is_rejected(client, user):
    response = client.post("/login", data={"email": user["email"], "password": user["password"]})
    assert response.status_code == 400
    forged = client.post("/login", data={"email": user["email"], "password": user["password"],
                                         "csrf_token": "forged"})
    assert forged.status_code == 400
    assert "Sign out" not in client.get("/").get_data(as_text=True)


def test_ten_wrong_passwords_lock_the_account_until_the_window_passes(neo4j_server, store_url, schema):
    app = make_app(neo4j_server, store_url, SIGNIN_MAX_FAILURES_PER_ACCOUNT=5, SIGNIN_LOCKOUT_SECONDS=3)
    try:
        user = make_user(app, "analyst")
        client = app.test_client()
        statuses = [sign_in(client, user, password=f"wrong {n}").status_code for n in range(10)]
        assert statuses[:4] == [200] * 4
        assert set(statuses[4:]) == {429}
        locked = sign_in(client, user)
        assert locked.status_code == 429
        assert "Too many failed sign-in attempts" in locked.get_data(as_text=True)

        time.sleep(3.2)
        assert sign_in(client, user).status_code == 302
    finally:
        app.extensions["neo4j"].close()


def test_the_session_cookie_is_flagged_and_holds_no_personal_data(app, client, user):
    response = sign_in(client, user)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    value = client.get_cookie("session").value
    contents = app.session_interface.get_signing_serializer(app).loads(value)
    assert user["email"] not in str(contents) and user["id"] not in str(contents)
    assert set(contents) <= {"_user_id", "_fresh", "_id", "csrf_token"}


def test_production_sends_the_cookie_over_https_only(neo4j_server, store_url, schema, monkeypatch):
    from app import create_app
    from app.config import ProductionConfig

    monkeypatch.setenv("SECRET_KEY", "production-secret-for-this-test")
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.password)
    app = create_app(ProductionConfig, NEO4J_URI=neo4j_server.uri,
                     NEO4J_PASSWORD=neo4j_server.password, DATABASE_URL=store_url)
    try:
        user = make_user(app, "analyst")
        response = sign_in(app.test_client(), user)
        assert "Secure" in response.headers["Set-Cookie"]
    finally:
        app.extensions["neo4j"].close()


def test_signing_out_ends_the_session_even_for_a_copied_cookie(app, user):
    client = app.test_client()
    sign_in(client, user)
    stolen = client.get_cookie("session").value
    response = post_form(client, "/", "/logout", {})
    assert response.status_code == 302 and response.headers["Location"] == "/login"

    thief = app.test_client()
    thief.set_cookie("session", stolen)
    assert thief.get("/audit/break-glass").status_code == 302  # back to sign-in


def test_each_sign_in_starts_a_new_session(app, user):
    client = app.test_client()
    sign_in(client, user)
    first = app.session_interface.get_signing_serializer(app).loads(
        client.get_cookie("session").value)["_user_id"]
    post_form(client, "/", "/logout", {})
    sign_in(client, user)
    second = app.session_interface.get_signing_serializer(app).loads(
        client.get_cookie("session").value)["_user_id"]
    assert first != second


def test_an_idle_session_expires(neo4j_server, store_url, schema):
    app = make_app(neo4j_server, store_url, IDLE_TIMEOUT_SECONDS=1)
    try:
        user = make_user(app, "coordinator")
        client = app.test_client()
        sign_in(client, user)
        assert client.get("/audit/break-glass").status_code == 200
        time.sleep(1.5)
        response = client.get("/audit/break-glass")
        assert response.status_code == 302 and response.headers["Location"].startswith("/login")
    finally:
        app.extensions["neo4j"].close()


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x"])
def test_next_never_leaves_the_site(client, user, target):
    token = csrf_token(client.get("/login").get_data(as_text=True))
    response = client.post(f"/login?next={target}",
                           data={"email": user["email"], "password": user["password"],
                                 "csrf_token": token})
    assert response.headers["Location"] == "/"
