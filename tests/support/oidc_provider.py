"""A real OpenID Connect provider on 127.0.0.1 for the single sign-on tests.

The provider is oidc-provider-mock (Authlib's authorisation server with a form to choose who
signs in): it publishes its discovery document and keys, issues codes, and signs ID tokens
with its own RSA key. In front of its token endpoint the tests can put a `tamper` function,
which rewrites the ID token on its way to the service, as an attacker in the middle would;
every token request is kept so a test can check what the service sent (the PKCE verifier).
"""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Callable
from urllib.parse import parse_qs

import oidc_provider_mock
import requests
from werkzeug.serving import make_server


class Provider:
    def __init__(self) -> None:
        self._provider = oidc_provider_mock.app(require_nonce=True, issue_refresh_token=False)
        self.tamper: Callable[[str], str] | None = None
        self.token_requests: list[dict[str, str]] = []
        self._server = make_server("127.0.0.1", 0, self._wsgi, threaded=True)
        self.issuer = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self) -> Provider:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def set_user(self, sub: str, claims: dict) -> None:
        """Who `sub` is: the claims the provider puts in their ID token. Claims such as
        `aud` or `exp` replace the provider's own, signed by the provider all the same."""
        response = requests.put(f"{self.issuer}/users/{sub}", json=claims, timeout=5)
        response.raise_for_status()

    def authorise(self, authorize_url: str, sub: str) -> str:
        """The person `sub` approves the sign-in on the provider's page: the address the
        provider sends their browser back to (the service's callback, code and state)."""
        response = requests.post(authorize_url, data={"sub": sub}, allow_redirects=False,
                                 timeout=5)
        assert response.status_code == 302, response.text
        return response.headers["Location"]

    def _wsgi(self, environ, start_response):
        if environ["PATH_INFO"] != "/oauth2/token":
            return self._provider(environ, start_response)
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length)
        self.token_requests.append({k: v[0] for k, v in parse_qs(body.decode()).items()})
        environ["wsgi.input"] = io.BytesIO(body)  # the provider reads it again
        if self.tamper is None:
            return self._provider(environ, start_response)
        answered: dict = {}

        def keep(status, headers, exc_info=None):
            answered.update(status=status, headers=headers)

        token = json.loads(b"".join(self._provider(environ, keep)))
        if "id_token" in token:
            token["id_token"] = self.tamper(token["id_token"])
        rewritten = json.dumps(token).encode()
        headers = [(name, value) for name, value in answered["headers"]
                   if name.lower() != "content-length"]
        start_response(answered["status"], [*headers, ("Content-Length", str(len(rewritten)))])
        return [rewritten]

