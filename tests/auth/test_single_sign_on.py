"""Single sign-on through a real OpenID Connect provider on 127.0.0.1: who gets in, and every
forged or stale answer refused with a clear page."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey

from tests.conftest import make_app
from tests.support.oidc_provider import Provider
from tests.support.store import audit_events
from tests.support.web import make_user

CLIENT_ID = "network-map"


@pytest.fixture(scope="module")
def provider():
    running = Provider().start()
    yield running
    running.stop()


def _sso_app(neo4j_server, store_url, **settings):
    return make_app(neo4j_server, store_url, OIDC_CLIENT_ID=CLIENT_ID,
                    OIDC_CLIENT_SECRET="a client secret", **settings)


@pytest.fixture(scope="module")
def sso_app(app, neo4j_server, store_url, provider):
    application = _sso_app(neo4j_server, store_url, OIDC_ISSUER=provider.issuer)
    yield application
    application.extensions["neo4j"].close()


@pytest.fixture(autouse=True)
def honest_provider(provider):
    provider.tamper = None
    provider.token_requests.clear()


@pytest.fixture
def client(sso_app):
    return sso_app.test_client()


@pytest.fixture
def user(sso_app):
    return make_user(sso_app, "coordinator")


def _person(provider, user_email: str, **claims) -> str:
    sub = secrets.token_hex(6)
    provider.set_user(sub, {"email": user_email, "email_verified": True, **claims})
    return sub


def _through_provider(client, provider, sub: str):
    """Start signing in, approve on the provider's page, and come back: the callback's
    answer, and the callback's address (to replay)."""
    start = client.get("/login/sso?next=/plans")
    assert start.status_code == 302
    back = urlsplit(provider.authorise(start.headers["Location"], sub))
    callback = f"{back.path}?{back.query}"
    return client.get(callback), callback


def _signed_in(client) -> bool:
    return "Sign out" in client.get("/").get_data(as_text=True)


def _refusal(response) -> str:
    html = response.get_data(as_text=True)
    assert "You have not been signed in" in html
    return html


def test_a_verified_email_of_an_account_signs_in_where_it_was_going(client, provider, user,
                                                                     sso_app):
    answer, _ = _through_provider(client, provider, _person(provider, user["email"]))
    assert answer.status_code == 302 and answer.headers["Location"] == "/plans"
    assert _signed_in(client)
    [event] = audit_events(sso_app, action="sign_in")
    assert (event["user_id"], event["outcome"], event["reason"]) == (user["id"], "allowed", "sso")


def test_the_email_is_matched_whatever_its_case(client, provider, user):
    answer, _ = _through_provider(client, provider, _person(provider, user["email"].upper()))
    assert answer.status_code == 302 and _signed_in(client)


def test_the_flow_uses_pkce_with_s256_and_sends_the_verifier(client, provider, user):
    start = client.get("/login/sso")
    query = parse_qs(urlsplit(start.headers["Location"]).query)
    assert query["code_challenge_method"] == ["S256"]
    assert query["scope"] == ["openid email"] and query["nonce"][0]
    back = urlsplit(provider.authorise(start.headers["Location"],
                                       _person(provider, user["email"])))
    client.get(f"{back.path}?{back.query}")
    [sent] = provider.token_requests
    digest = hashlib.sha256(sent["code_verifier"].encode()).digest()
    assert base64.urlsafe_b64encode(digest).rstrip(b"=").decode() == query["code_challenge"][0]


def test_an_unknown_email_is_told_to_ask_the_administrator(client, provider, sso_app):
    answer, _ = _through_provider(client, provider,
                                  _person(provider, "stranger@elsewhere.example"))
    assert answer.status_code == 403
    assert "Ask your administrator" in _refusal(answer)
    assert not _signed_in(client)
    [event] = audit_events(sso_app, action="sign_in")
    assert (event["outcome"], event["reason"], event["user_id"]) == \
        ("denied", "sso_no_account", None)


def test_a_deactivated_account_is_refused(client, provider, user, sso_app):
    from app.admin import repository as users
    with sso_app.app_context():
        users.set_active(user["id"], False)
    answer, _ = _through_provider(client, provider, _person(provider, user["email"]))
    assert answer.status_code == 403 and "Ask your administrator" in _refusal(answer)
    assert not _signed_in(client)


def test_an_email_the_provider_has_not_verified_is_refused(client, provider, user):
    answer, _ = _through_provider(client, provider,
                                  _person(provider, user["email"], email_verified=False))
    assert answer.status_code == 403 and "no verified email" in _refusal(answer)
    assert not _signed_in(client)


@pytest.mark.parametrize("claims", [
    pytest.param({"aud": "another-service"}, id="wrong audience"),
    pytest.param({"exp": int(time.time()) - 3600, "iat": int(time.time()) - 7200}, id="expired"),
    pytest.param({"iss": "http://127.0.0.1:9/"}, id="another issuer"),
    pytest.param({"nonce": "from another sign-in"}, id="another sign-in's nonce"),
])
def test_a_token_signed_by_the_provider_but_not_for_this_sign_in_is_refused(
        client, provider, user, sso_app, claims):
    answer, _ = _through_provider(client, provider, _person(provider, user["email"], **claims))
    assert answer.status_code == 401
    assert "could not be trusted" in _refusal(answer)
    assert not _signed_in(client)
    [event] = audit_events(sso_app, action="sign_in")
    assert (event["outcome"], event["reason"]) == ("denied", "sso_bad_token")


def _parts(token: str) -> tuple[dict, dict, str]:
    header, payload, signature = token.split(".")
    decode = lambda part: json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))  # noqa: E731
    return decode(header), decode(payload), signature


def _encode(part: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(part).encode()).rstrip(b"=").decode()


def _resigned_by_an_attacker(token: str) -> str:
    header, payload, _ = _parts(token)
    attacker_key = RSAKey.generate_key(2048, parameters={"kid": header.get("kid", "")})
    return jwt.encode(header, {**payload, "email": ADMIN_EMAIL}, attacker_key)


def _claims_changed_signature_kept(token: str) -> str:
    header, payload, signature = _parts(token)
    return f"{_encode(header)}.{_encode({**payload, 'email': ADMIN_EMAIL})}.{signature}"


def _unsigned(token: str) -> str:
    header, payload, _ = _parts(token)
    return f"{_encode({**header, 'alg': 'none'})}.{_encode({**payload, 'email': ADMIN_EMAIL})}."


ADMIN_EMAIL = "admin-sso@test.example"


@pytest.mark.parametrize("forge", [_resigned_by_an_attacker, _claims_changed_signature_kept,
                                   _unsigned], ids=["another key", "claims changed", "alg none"])
def test_a_forged_id_token_is_refused(client, provider, user, sso_app, forge):
    make_user(sso_app, "admin", email=ADMIN_EMAIL)
    provider.tamper = forge
    answer, _ = _through_provider(client, provider, _person(provider, user["email"]))
    assert answer.status_code == 401 and "could not be trusted" in _refusal(answer)
    assert not _signed_in(client)


def test_a_replayed_callback_is_refused(client, provider, user, sso_app):
    first, callback = _through_provider(client, provider, _person(provider, user["email"]))
    assert first.status_code == 302
    elsewhere = sso_app.test_client()
    replayed = elsewhere.get(callback)
    assert replayed.status_code == 401 and "already been used" in _refusal(replayed)
    assert not _signed_in(elsewhere)
    again = client.get(callback)
    assert again.status_code == 401 and "already been used" in _refusal(again)


def test_a_callback_started_in_another_browser_is_refused(client, provider, user, sso_app):
    """Login CSRF: an attacker's own code and state, sent to a victim's browser."""
    attacker = sso_app.test_client()
    start = attacker.get("/login/sso")
    back = urlsplit(provider.authorise(start.headers["Location"],
                                       _person(provider, user["email"])))
    answer = client.get(f"{back.path}?{back.query}")
    assert answer.status_code == 401 and "already been used" in _refusal(answer)
    assert not _signed_in(client)


def test_the_person_denying_on_the_provider_is_told_so(client, provider):
    import requests
    start = client.get("/login/sso")
    denied = requests.post(start.headers["Location"], data={"action": "deny"},
                           allow_redirects=False, timeout=5)
    back = urlsplit(denied.headers["Location"])
    answer = client.get(f"{back.path}?{back.query}")
    assert answer.status_code == 401 and "did not complete" in _refusal(answer)


def test_a_provider_that_does_not_answer_gets_a_clear_page(neo4j_server, store_url, app):
    closed = _sso_app(neo4j_server, store_url, OIDC_ISSUER="http://127.0.0.1:9",
                      OIDC_TIMEOUT_SECONDS=2)
    try:
        answer = closed.test_client().get("/login/sso")
        assert answer.status_code == 503 and "did not answer" in _refusal(answer)
    finally:
        closed.extensions["neo4j"].close()


def test_signing_out_ends_the_session_begun_through_the_provider(client, provider, user):
    from tests.support.web import post_form
    _through_provider(client, provider, _person(provider, user["email"]))
    cookie = client.get_cookie("session")
    post_form(client, "/", "/logout", {})
    assert not _signed_in(client)
    client.set_cookie("session", cookie.value)  # the old cookie, kept by an attacker
    assert not _signed_in(client)


def test_with_local_sign_in_off_passwords_are_refused(neo4j_server, store_url, app, provider):
    # The page has no password form, so no CSRF token either: CSRF is off here so that the
    # POST below is one a form would have sent, refused for what it is.
    sso_only = _sso_app(neo4j_server, store_url, OIDC_ISSUER=provider.issuer, LOCAL_SIGN_IN=False,
                        WTF_CSRF_ENABLED=False)
    try:
        browser = sso_only.test_client()
        page = browser.get("/login").get_data(as_text=True)
        assert 'type="password"' not in page and "Sign in with your organisation" in page
        user = make_user(sso_only, "coordinator")
        refused = browser.post("/login", data={"email": user["email"],
                                               "password": user["password"]})
        assert refused.status_code == 403 and "Passwords are switched off" in \
            refused.get_data(as_text=True)
        assert not _signed_in(browser)
        [event] = audit_events(sso_only, action="sign_in")
        assert (event["outcome"], event["reason"]) == ("denied", "local_sign_in_off")
    finally:
        sso_only.extensions["neo4j"].close()


def test_local_sign_in_cannot_be_switched_off_without_a_provider(neo4j_server, store_url):
    with pytest.raises(RuntimeError, match="LOCAL_SIGN_IN=0 needs OIDC_ISSUER"):
        make_app(neo4j_server, store_url, LOCAL_SIGN_IN=False)


def test_without_a_provider_there_is_no_single_sign_on(app):
    browser = app.test_client()
    assert browser.get("/login/sso").status_code == 404
    assert "Sign in with your organisation" not in browser.get("/login").get_data(as_text=True)
