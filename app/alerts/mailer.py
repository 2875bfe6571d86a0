"""Sending email by SMTP (SMTP_HOST, SMTP_PORT, SMTP_TLS, SMTP_USER, SMTP_PASSWORD)."""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Iterator
from contextlib import contextmanager

from flask import current_app


@contextmanager
def connection() -> Iterator[smtplib.SMTP]:
    """One SMTP connection for a pass of the worker: STARTTLS by default, implicit TLS
    ("ssl") or none ("none", for a relay on the same host)."""
    config = current_app.config
    host, port, timeout = config["SMTP_HOST"], config["SMTP_PORT"], config["SMTP_TIMEOUT_SECONDS"]
    tls = config["SMTP_TLS"]
    # The system's CAs, or the relay's own (SMTP_CA_FILE) for a council's internal relay.
    context = ssl.create_default_context(cafile=config["SMTP_CA_FILE"] or None)
    smtp: smtplib.SMTP
    if tls == "ssl":
        smtp = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
    else:
        smtp = smtplib.SMTP(host, port, timeout=timeout)
    try:
        if tls == "starttls":
            smtp.starttls(context=context)
        if config["SMTP_USER"]:
            smtp.login(config["SMTP_USER"], config["SMTP_PASSWORD"])
        yield smtp
    finally:
        try:
            smtp.quit()
        except smtplib.SMTPException:
            smtp.close()


def failure_kind(error: BaseException) -> str:
    """What went wrong, for the outbox and the log: the exception's name and SMTP code,
    never the server's words (which may quote the address)."""
    code = getattr(error, "smtp_code", None)
    return f"{type(error).__name__} {code}" if code else type(error).__name__
