"""The alerts outbox in the app's store: what waits to be sent, to whom, and what was sent."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from flask import current_app
from sqlalchemy import and_, select, update

from app.store import get_store
from app.store.engine import insert_ignore, utcnow
from app.store.tables import alert_digests, alert_outbox, users

DELIVERIES = {"immediate": "As soon as something changes",
              "digest": "In one email a day",
              "none": "Never: I will look in the service"}


def delivery_of(user_id: str) -> str:
    with get_store().reading() as connection:
        return connection.execute(select(users.c.alert_delivery)
                                  .where(users.c.id == user_id)).scalar_one()


def set_delivery(user_id: str, delivery: str) -> None:
    if delivery not in DELIVERIES:
        raise ValueError(f"unknown delivery {delivery!r}")
    with get_store().begin() as connection:
        connection.execute(update(users).where(users.c.id == user_id)
                           .values(alert_delivery=delivery))


def recipients(professional_ids: set[str]) -> dict[str, list[dict]]:
    """The active accounts of these professionals that want alerts, by professional."""
    if not professional_ids:
        return {}
    with get_store().reading() as connection:
        rows = connection.execute(
            select(users.c.id, users.c.professional_id, users.c.alert_delivery)
            .where(users.c.professional_id.in_(sorted(professional_ids)), users.c.active,
                   users.c.alert_delivery != "none")).all()
    found: dict[str, list[dict]] = {}
    for row in rows:
        found.setdefault(row.professional_id, []).append(
            {"user_id": row.id, "delivery": row.alert_delivery})
    return found


def enqueue(alerts: list[dict]) -> None:
    """Put alerts ({activity_id, user_id, kind, path, delivery}) in the outbox; one
    already there for the same change and person is left as it is."""
    now = utcnow()
    with get_store().begin() as connection:
        for alert in alerts:
            insert_ignore(connection, alert_outbox, {
                "id": str(uuid.uuid4()), "created_at": now, "next_attempt_at": now,
                "attempts": 0, **alert})


def alert_one(user_id: str, source_id: str, kind: str, path: str) -> None:
    """An alert for one person (a gap given to them), as they chose to get alerts; nothing
    while email is off. Sent by the worker, like every alert."""
    if not current_app.config["SMTP_HOST"]:
        return
    delivery = delivery_of(user_id)
    if delivery != "none":
        enqueue([{"activity_id": source_id, "user_id": user_id, "kind": kind, "path": path,
                  "delivery": delivery}])


def due_immediate(now: datetime, limit: int) -> list[dict]:
    with get_store().reading() as connection:
        rows = connection.execute(
            select(alert_outbox, users.c.email)
            .join(users, users.c.id == alert_outbox.c.user_id)
            # An account deactivated since is not emailed.
            .where(alert_outbox.c.delivery == "immediate", alert_outbox.c.sent_at.is_(None),
                   users.c.active,
                   alert_outbox.c.failed_at.is_(None), alert_outbox.c.next_attempt_at <= now)
            .order_by(alert_outbox.c.next_attempt_at).limit(limit)).all()
    return [dict(row._mapping) for row in rows]


def digest_due(day: date) -> list[str]:
    """The accounts with digest alerts waiting and no digest sent on `day`."""
    with get_store().reading() as connection:
        return list(connection.execute(
            select(alert_outbox.c.user_id).distinct()
            .join(users, and_(users.c.id == alert_outbox.c.user_id, users.c.active))
            .outerjoin(alert_digests, and_(alert_digests.c.user_id == alert_outbox.c.user_id,
                                           alert_digests.c.day == day))
            .where(alert_outbox.c.delivery == "digest", alert_outbox.c.sent_at.is_(None),
                   alert_outbox.c.failed_at.is_(None), alert_digests.c.user_id.is_(None))
            .order_by(alert_outbox.c.user_id)).scalars())


def waiting_for(user_id: str) -> tuple[str, list[dict]]:
    """An account's email and its digest alerts waiting, oldest first."""
    with get_store().reading() as connection:
        email = connection.execute(select(users.c.email).where(users.c.id == user_id)).scalar_one()
        rows = connection.execute(
            select(alert_outbox).where(alert_outbox.c.user_id == user_id,
                                       alert_outbox.c.delivery == "digest",
                                       alert_outbox.c.sent_at.is_(None),
                                       alert_outbox.c.failed_at.is_(None))
            .order_by(alert_outbox.c.created_at)).all()
    return email, [dict(row._mapping) for row in rows]


def claim_digest_day(user_id: str, day: date) -> bool:
    """Take `day`'s digest for this account: False when it is taken already (sent, or being
    sent by another worker); the table's key decides between two workers."""
    with get_store().begin() as connection:
        return insert_ignore(connection, alert_digests, {"user_id": user_id, "day": day})


def release_digest_day(user_id: str, day: date) -> None:
    """The digest could not be sent: let the next pass try the day again."""
    with get_store().begin() as connection:
        connection.execute(alert_digests.delete().where(
            alert_digests.c.user_id == user_id, alert_digests.c.day == day,
            alert_digests.c.sent_at.is_(None)))


def mark_digest_sent(user_id: str, day: date, ids: list[str]) -> None:
    now = utcnow()
    with get_store().begin() as connection:
        connection.execute(update(alert_digests).where(
            alert_digests.c.user_id == user_id, alert_digests.c.day == day).values(sent_at=now))
        connection.execute(update(alert_outbox).where(alert_outbox.c.id.in_(ids))
                           .values(sent_at=now))


def mark_sent(alert_id: str) -> None:
    with get_store().begin() as connection:
        connection.execute(update(alert_outbox).where(alert_outbox.c.id == alert_id)
                           .values(sent_at=utcnow()))


def mark_retry(alert: dict, error: str, max_attempts: int, first_wait: float) -> None:
    """One more failed attempt: try again after a wait that doubles each time, or give up
    after `max_attempts` (kept, with the kind of failure, for the admin to see)."""
    attempts = alert["attempts"] + 1
    now = utcnow()
    values: dict = {"attempts": attempts, "last_error": error[:200]}
    if attempts >= max_attempts:
        values["failed_at"] = now
    else:
        values["next_attempt_at"] = now + timedelta(seconds=first_wait * 2 ** (attempts - 1))
    with get_store().begin() as connection:
        connection.execute(update(alert_outbox).where(alert_outbox.c.id == alert["id"])
                           .values(**values))
