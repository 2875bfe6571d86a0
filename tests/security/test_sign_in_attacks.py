"""Taking over an account: a session id read from the database, and a burst of guesses sent
at once. Each on SQLite and on PostgreSQL (the store_app fixture)."""

import hashlib
import threading

from sqlalchemy import select

from app.store.tables import user_sessions
from tests.support.store import audit_events
from tests.support.web import csrf_token, make_user, sign_in


def test_a_session_is_stored_by_the_hash_of_its_id(store_app):
    client = store_app.test_client()
    sign_in(client, make_user(store_app, "analyst"))
    serializer = store_app.session_interface.get_signing_serializer(store_app)
    session_id = serializer.loads(client.get_cookie("session").value)["_user_id"]
    with store_app.extensions["store"].engine.connect() as connection:
        stored = connection.execute(select(user_sessions.c.id_hash)).scalars().all()
    assert stored == [hashlib.sha256(session_id.encode()).hexdigest()]
    assert session_id not in stored


def test_what_the_store_holds_does_not_open_an_admin_session(store_app):
    """The first version's attack: read a live admin session id, sign a cookie with it and
    the secret key, open the admin pages. Even someone who reads the store (and the key)
    gets only the hash of the id, which opens nothing."""
    sign_in(store_app.test_client(), make_user(store_app, "admin"))
    with store_app.extensions["store"].engine.connect() as connection:
        [stolen] = connection.execute(select(user_sessions.c.id_hash)).scalars().all()
    forged = store_app.session_interface.get_signing_serializer(store_app).dumps(
        {"_user_id": stolen, "_fresh": True})
    attacker = store_app.test_client()
    attacker.set_cookie("session", forged)
    for page in ("/admin/users", "/audit"):
        response = attacker.get(page)
        assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_burst_of_guesses_at_once_checks_no_more_passwords_than_the_limit(store_app):
    """Every guess is counted before its password is checked, in one locked transaction:
    twelve guesses sent together check exactly five passwords (the limit), not eleven."""
    user = make_user(store_app, "analyst")
    clients = [store_app.test_client() for _ in range(12)]
    tokens = [csrf_token(c.get("/login").get_data(as_text=True)) for c in clients]
    start = threading.Barrier(len(clients))
    statuses = []

    def guess(client, token):
        start.wait()
        statuses.append(client.post("/login", data={
            "email": user["email"], "password": "a wrong guess", "csrf_token": token}).status_code)

    threads = [threading.Thread(target=guess, args=pair) for pair in zip(clients, tokens, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    checked = audit_events(store_app, action="sign_in", reason="bad_credentials")
    refused = audit_events(store_app, action="sign_in", reason="locked")
    assert len(checked) == store_app.config["SIGNIN_MAX_FAILURES_PER_ACCOUNT"] == 5
    assert len(refused) == 7
    assert sorted(statuses).count(429) == 8  # the fifth wrong guess reports the lock too
