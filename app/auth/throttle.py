"""Sign-in rate limits, per account and per address, kept in the graph so that every
worker process sees them. Keys are keyed hashes: no email or address is stored."""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime

from flask import current_app

from app.auth import repository


def key(kind: str, value: str) -> str:
    secret = current_app.config["SECRET_KEY"].encode()
    return hmac.new(secret, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def _latest_lock(rows: list[dict]) -> datetime | None:
    """The latest lock still in force among these throttle rows, or None."""
    now = datetime.now(UTC)
    active = [row["locked_until"].to_native() for row in rows
              if row["locked_until"] is not None and row["locked_until"].to_native() > now]
    return max(active) if active else None


def locked_until(keys: list[str]) -> datetime | None:
    return _latest_lock(repository.throttle_state(keys))


def record_failure(account_key: str, address_key: str) -> datetime | None:
    """Count a failed sign-in; returns the lock's end if this failure set one."""
    config = current_app.config
    return _latest_lock(repository.throttle_record_failure(
        [{"key": account_key, "limit": config["SIGNIN_MAX_FAILURES_PER_ACCOUNT"]},
         {"key": address_key, "limit": config["SIGNIN_MAX_FAILURES_PER_ADDRESS"]}],
        window_seconds=config["SIGNIN_WINDOW_SECONDS"],
        lockout_seconds=config["SIGNIN_LOCKOUT_SECONDS"],
    ))


def reset(account_key: str) -> None:
    repository.throttle_reset(account_key)
