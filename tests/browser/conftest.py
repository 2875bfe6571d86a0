"""A real browser (Debian's chromium, driven by Playwright) against the app served on
127.0.0.1 by a real HTTP server in a thread."""

from __future__ import annotations

import shutil
import threading
from urllib.parse import urlparse

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Flags for a closed network: no background calls home, no component updates.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"]


@pytest.fixture(scope="session")
def live_server(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class PageWatch:
    """Everything the page did that a test must fail on: console errors, uncaught
    exceptions, dialogs (an injected alert), requests to any host but the app's."""

    def __init__(self, page, allowed_host: str) -> None:
        self.errors: list[str] = []
        self.foreign_requests: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("request", self._request)
        self.allowed_host = allowed_host

    def _request(self, request) -> None:
        url = urlparse(request.url)
        if url.scheme in ("data", "blob"):
            return
        if url.hostname != self.allowed_host:
            self.foreign_requests.append(request.url)

    def assert_clean(self) -> None:
        assert self.errors == []
        assert self.foreign_requests == []
        assert self.dialogs == []


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.watch = PageWatch(page, "127.0.0.1")
    yield page
    context.close()
