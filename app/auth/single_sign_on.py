"""Signing in through the organisation's identity provider (OpenID Connect).

The authorisation code flow with PKCE, by Authlib: the state, the nonce and the code
verifier wait in the signed session cookie between the redirect and the callback (random
values, no personal data) and are used once, so a callback replayed or started in another
browser is refused. The ID token's signature (against the provider's published keys), issuer,
audience, nonce and expiry are checked before any claim in it is believed.

An account is matched by the token's *verified* email. Signing in never creates an account:
admins still decide who has one and which roles it holds.
"""

from __future__ import annotations

from dataclasses import dataclass

import requests
from authlib.integrations.base_client.errors import MismatchingStateError, OAuthError
from authlib.integrations.flask_client import OAuth
from flask import Flask, current_app, url_for
from joserfc.errors import JoseError

_CLIENT = "organisation"
# Seconds of clock difference between this server and the provider that are forgiven.
CLOCK_LEEWAY_SECONDS = 60


@dataclass(frozen=True)
class Refusal(Exception):
    """Why a sign-in through the provider was refused: a reason for the audit trail (no
    personal data) and a message for the person."""

    reason: str
    message: str
    status: int = 401


def enabled(app: Flask | None = None) -> bool:
    return bool((app or current_app).config.get("OIDC_ISSUER"))


def init_app(app: Flask) -> None:
    if not enabled(app):
        if not app.config["LOCAL_SIGN_IN"]:
            raise RuntimeError("LOCAL_SIGN_IN=0 needs OIDC_ISSUER: nobody could sign in")
        return
    issuer = app.config["OIDC_ISSUER"]
    # One registry per app (each app may name its own provider), kept in its extensions.
    oauth = OAuth(app)
    app.extensions["single_sign_on"] = oauth
    oauth.register(
        _CLIENT,
        client_id=app.config["OIDC_CLIENT_ID"],
        client_secret=app.config["OIDC_CLIENT_SECRET"],
        server_metadata_url=issuer.rstrip("/") + "/.well-known/openid-configuration",
        client_kwargs={"scope": "openid email", "code_challenge_method": "S256",
                       "default_timeout": app.config["OIDC_TIMEOUT_SECONDS"]},
    )


def _client():
    return current_app.extensions["single_sign_on"].create_client(_CLIENT)


def redirect_to_provider():
    redirect_uri = current_app.config["OIDC_REDIRECT_URI"] or \
        url_for("auth.sso_callback", _external=True)
    try:
        return _client().authorize_redirect(redirect_uri)
    except requests.RequestException as error:
        raise _provider_unreachable() from error


def verified_email() -> str:
    """The verified email of the person the provider sent back, once every check on the
    callback and its ID token has passed; a Refusal otherwise."""
    issuer = current_app.config["OIDC_ISSUER"]
    try:
        token = _client().authorize_access_token(
            claims_options={"iss": {"essential": True, "values": [issuer]}},
            leeway=CLOCK_LEEWAY_SECONDS)
    except MismatchingStateError as error:
        raise Refusal("sso_state", "This sign-in link has already been used, or was started "
                      "in another browser. Start signing in again.") from error
    except OAuthError as error:
        raise Refusal("sso_provider_error", "Your organisation's sign-in did not complete. "
                      "Start signing in again.") from error
    except (JoseError, ValueError) as error:
        raise Refusal("sso_bad_token", "The answer from your organisation's sign-in could not "
                      "be trusted, so you have not been signed in. Start signing in again; "
                      "if this happens again, tell your administrator.") from error
    except requests.RequestException as error:
        raise _provider_unreachable() from error
    claims = token.get("userinfo")
    if not claims:
        raise Refusal("sso_no_id_token", "Your organisation's sign-in sent no identity, so you "
                      "have not been signed in. Tell your administrator.")
    email = claims.get("email")
    if not email or claims.get("email_verified") is not True:
        raise Refusal("sso_unverified_email", "Your organisation's account has no verified "
                      "email address, so it cannot be matched to an account here. Ask your "
                      "administrator.", 403)
    return str(email).strip().lower()


def _provider_unreachable() -> Refusal:
    return Refusal("sso_unreachable", "Your organisation's sign-in service did not answer. "
                   "Try again in a few minutes.", 503)
