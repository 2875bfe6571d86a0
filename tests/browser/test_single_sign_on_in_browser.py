"""Signing in through the organisation's identity provider, in a real browser: the button on
the sign-in page, the provider's own page, and back to the service signed in."""

from __future__ import annotations

import secrets
import threading

import pytest
from werkzeug.serving import make_server

from tests.conftest import make_app
from tests.support.oidc_provider import Provider
from tests.support.web import make_user


@pytest.fixture(scope="module")
def provider():
    running = Provider().start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def sso_server(app, neo4j_server, store_url, provider):
    application = make_app(neo4j_server, store_url, OIDC_ISSUER=provider.issuer,
                           OIDC_CLIENT_ID="network-map", OIDC_CLIENT_SECRET="a client secret",
                           OIDC_PROVIDER_NAME="Sandwell Council account")
    server = make_server("127.0.0.1", 0, application, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield application, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    application.extensions["neo4j"].close()


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    # The provider's page asks a stylesheet of a CDN: nothing outside 127.0.0.1 is reached.
    context.route("**/*", lambda route: route.abort() if "127.0.0.1" not in route.request.url
                  else route.continue_())
    yield context.new_page()
    context.close()


def _approve_as(tab, provider, email: str) -> None:
    sub = secrets.token_hex(6)
    provider.set_user(sub, {"email": email, "email_verified": True})
    tab.get_by_role("button", name="Sign in with Sandwell Council account").click()
    tab.wait_for_url(f"{provider.issuer}/**")
    tab.fill("input[name=sub]", sub)
    tab.get_by_role("button", name="Authorize").click()


def test_a_practitioner_signs_in_through_the_provider_and_lands_where_they_were_going(
        tab, sso_server, provider):
    application, base = sso_server
    user = make_user(application, "coordinator")
    tab.goto(f"{base}/plans")
    assert tab.url.startswith(f"{base}/login")
    _approve_as(tab, provider, user["email"])
    tab.wait_for_url(f"{base}/plans")
    assert tab.get_by_role("button", name="Sign out").is_visible()
    assert tab.get_by_role("heading", level=1).inner_text().strip() != ""


def test_the_sign_in_button_is_reached_by_keyboard(tab, sso_server):
    _, base = sso_server
    tab.goto(f"{base}/login")
    for _ in range(10):
        tab.keyboard.press("Tab")
        focused = tab.evaluate("document.activeElement.id")
        if focused == "sign-in-sso":
            break
    assert focused == "sign-in-sso"


def test_someone_without_an_account_is_told_to_ask_their_administrator(tab, sso_server, provider):
    _, base = sso_server
    tab.goto(f"{base}/login")
    _approve_as(tab, provider, "new.starter@elsewhere.example")
    tab.wait_for_url(f"{base}/login/sso/callback**")
    assert tab.get_by_role("heading", level=1).inner_text() == "You have not been signed in"
    assert "Ask your administrator" in tab.locator("#refusal").inner_text()
    assert tab.get_by_role("button", name="Sign out").count() == 0
