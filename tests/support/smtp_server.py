"""A real SMTP server (aiosmtpd) on 127.0.0.1 that keeps what arrives, for the alert tests."""

from __future__ import annotations

import socket
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd calls it by this name
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append(parsed)  # type: ignore[arg-type]
        return "250 Message accepted for delivery"


class SmtpServer:
    """Started and stopped by the test, on a port chosen before it starts (so an app can be
    pointed at it while it is still down)."""

    def __init__(self, port: int | None = None, **smtp_settings) -> None:
        """`smtp_settings` go to aiosmtpd's SMTP: tls_context, require_starttls,
        authenticator, auth_required ..."""
        self.port = port or free_port()
        self._inbox = _Inbox()
        self._settings = smtp_settings
        self._controller: Controller | None = None

    @property
    def messages(self) -> list[EmailMessage]:
        return self._inbox.messages

    def start(self) -> SmtpServer:
        self._controller = Controller(self._inbox, hostname="127.0.0.1", port=self.port,
                                      **self._settings)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller:
            self._controller.stop()
            self._controller = None

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]
