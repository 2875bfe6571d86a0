"""Sign-in rate limits, per account and per address, kept in the app's store so that every
worker process sees them. Keys are keyed hashes: no email or address is stored."""

from __future__ import annotations

import hashlib
import hmac

from flask import current_app

from app.auth import repository
from app.auth.repository import Attempt


def key(kind: str, value: str) -> str:
    secret = current_app.config["SECRET_KEY"].encode()
    return hmac.new(secret, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def take_attempt(account_key: str, address_key: str) -> Attempt:
    """Count this attempt before the password is checked (see repository.take_attempt)."""
    config = current_app.config
    return repository.take_attempt(
        [{"key": account_key, "limit": config["SIGNIN_MAX_FAILURES_PER_ACCOUNT"]},
         {"key": address_key, "limit": config["SIGNIN_MAX_FAILURES_PER_ADDRESS"]}],
        window_seconds=config["SIGNIN_WINDOW_SECONDS"],
        lockout_seconds=config["SIGNIN_LOCKOUT_SECONDS"],
    )


def succeeded(account_key: str, address_key: str) -> None:
    """A right password: the account starts afresh and the address is not charged."""
    repository.throttle_reset(account_key)
    repository.throttle_forgive(address_key)
