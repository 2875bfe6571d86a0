"""Admins manage accounts; the first admin comes from the command line."""

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from app.store.tables import users as users_table
from tests.support.graph import make_professional
from tests.support.store import audit_events
from tests.support.web import make_user, post_form, sign_in

ROOT = Path(__file__).resolve().parents[2]


def admin_client(app):
    client = app.test_client()
    sign_in(client, make_user(app, "admin"))
    return client


def test_an_admin_creates_an_account_that_can_sign_in(app, driver):
    make_professional(driver, "pro-new", name="Nia New")
    client = admin_client(app)
    response = post_form(client, "/admin/users/new", "/admin/users/new", {
        "email": "Nia.New@Test.Example", "role": "practitioner", "professional_id": "pro-new",
        "password": "a long enough password"})
    assert response.status_code == 302
    assert "nia.new@test.example" in client.get("/admin/users").get_data(as_text=True)
    [event] = audit_events(app, action="manage_user")
    assert event["reason"] == "created"

    newcomer = app.test_client()
    assert sign_in(newcomer, {"email": "nia.new@test.example",
                              "password": "a long enough password"}).status_code == 302


def test_bad_input_names_the_field_and_creates_nothing(app, driver):
    client = admin_client(app)
    existing = make_user(app, "analyst")
    response = post_form(client, "/admin/users/new", "/admin/users/new", {
        "email": "not-an-email", "role": "practitioner", "professional_id": "",
        "password": "short"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Enter an email address in the correct format" in html
    assert "The password must be at least 12 characters long" in html
    duplicate = post_form(client, "/admin/users/new", "/admin/users/new", {
        "email": existing["email"], "role": "analyst", "professional_id": "",
        "password": "a long enough password"})
    assert "An account with this email address already exists" in duplicate.get_data(as_text=True)
    with app.extensions["store"].engine.connect() as connection:
        count = connection.execute(select(func.count()).select_from(users_table)).scalar()
    assert count == 2  # the admin and the analyst


def test_deactivating_an_account_signs_it_out_at_once(app):
    coordinator = make_user(app, "coordinator")
    their_client = app.test_client()
    sign_in(their_client, coordinator)
    assert their_client.get("/audit/break-glass").status_code == 200

    client = admin_client(app)
    response = post_form(client, "/admin/users", f"/admin/users/{coordinator['id']}/deactivate", {})
    assert response.status_code == 302
    assert their_client.get("/audit/break-glass").status_code == 302
    assert sign_in(app.test_client(), coordinator).status_code == 200  # refused: form again


def test_changing_a_role_changes_what_the_user_may_open(app):
    user = make_user(app, "analyst")
    their_client = app.test_client()
    sign_in(their_client, user)
    assert their_client.get("/audit/break-glass").status_code == 403
    client = admin_client(app)
    post_form(client, "/admin/users", f"/admin/users/{user['id']}/role", {"role": "coordinator"})
    assert their_client.get("/audit/break-glass").status_code == 200


def test_the_first_admin_is_created_from_the_command_line(app, neo4j_server, store_url):
    env = {**os.environ, "NEO4J_URI": neo4j_server.uri, "NEO4J_USER": neo4j_server.user,
           "NEO4J_PASSWORD": neo4j_server.password, "DATABASE_URL": store_url}
    command = [sys.executable, "-m", "flask", "--app", "app", "users", "create",
               "first.admin@test.example", "--role", "admin", "--password-stdin"]
    result = subprocess.run(command, input="first admin password\n", env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    # Hashed by the service as it runs (the tests' own hashing is cheaper): Argon2id at
    # 64 MiB, 3 passes, 4 lanes.
    with app.extensions["store"].engine.connect() as connection:
        stored = connection.execute(select(users_table.c.password_hash).where(
            users_table.c.email == "first.admin@test.example")).scalar_one()
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$"), stored[:40]
    assert sign_in(app.test_client(), {"email": "first.admin@test.example",
                                       "password": "first admin password"}).status_code == 302

    again = subprocess.run(command, input="first admin password\n", env=env, cwd=ROOT,
                           capture_output=True, text=True, timeout=60)
    assert again.returncode != 0 and "already exists" in again.stderr
    other = [*command[:-4], "other@test.example", "--role", "admin", "--password-stdin"]
    short = subprocess.run(other, input="short\n", env=env, cwd=ROOT, capture_output=True, text=True,
                           timeout=60)
    assert short.returncode != 0 and "password" in short.stderr
