"""The base layout, assets served by the app itself, and security headers."""

import re

import pytest


def test_start_page_renders_in_the_service_layout(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Safeguarding network map" in html
    assert 'id="main-content"' in html
    # Every script and stylesheet comes from this app, none from another host.
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert url.startswith("/") or url.startswith("#"), url


@pytest.mark.no_graph
@pytest.mark.parametrize("path", [
    "/static/build/app.css",
    "/static/vendor/govuk-frontend/govuk-frontend.min.js",
    "/static/vendor/govuk-frontend/assets/images/favicon.svg",
    "/static/vendor/vis-network/vis-network.min.js",
    "/static/js/init-govuk.js",
])
def test_assets_are_served_by_the_app(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert len(response.data) > 100


def test_security_headers_and_the_csp_nonce(client):
    response = client.get("/")
    headers = response.headers
    csp = headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Cache-Control"] == "no-store"
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", response.get_data(as_text=True))
    assert inline_scripts, "the layout has GOV.UK Frontend's js-enabled script"
    assert all(f'nonce="{nonce}"' in attrs for attrs in inline_scripts)


@pytest.mark.no_graph
def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert "Not Found" in response.get_data(as_text=True)


@pytest.mark.parametrize(("role", "offered"), [("practitioner", True), ("admin", False)])
def test_the_start_page_offers_search_to_those_who_may_search(app, role, offered):
    from tests.support.web import make_user, sign_in

    client = app.test_client()
    sign_in(client, make_user(app, role))
    assert ('href="/search"' in client.get("/").get_data(as_text=True)) is offered
