"""The alert worker (`flask --app app alerts work`): turns team changes into alerts in the
outbox, sends the immediate ones, and once a day each person's digest. It runs beside the
app, never inside a request: a mail server that is down delays an email (retried, with a
wait that doubles), it never fails or slows a team change."""

from __future__ import annotations

import logging
import smtplib
import threading
from datetime import datetime

from flask import current_app

from app.alerts import mailer, messages, outbox
from app.extensions import get_db
from app.store.engine import utcnow

log = logging.getLogger(__name__)

# Whom a change names, by kind: told in the second person ("You were added ...").
_NAMED = {"added": ("professional_id", "added_you"), "left": ("professional_id", "left_you"),
          "lead_changed": ("professional_id", "lead_you"),
          "handed_over": ("successor_id", "successor_you")}
# One change may write several entries (added as lead: "added" and "lead_changed"); each
# person gets one email, saying the most telling of them.
_TELLING = ("lead_you", "successor_you", "added_you", "left_you", "meeting_needed",
            "concern_raised", "lead_changed", "handed_over", "added", "joined", "left")
# The team changes that are emailed (a concern withdrawn is not).
ALERTED = frozenset(kind for kind in _TELLING if not kind.endswith("_you"))
BATCH = 500


def collect() -> int:
    """Turn pending team activity into outbox rows (one per change and person told, never
    the person who made the change), then mark it taken. Safe to repeat: a row already in
    the outbox for the same change and person is not added twice."""
    db = get_db()
    rows = db.read("alerts/pending", limit=BATCH)
    if not rows:
        return 0
    everyone = {pid for row in rows
                for pid in (*row["team"], row["professional_id"], row["successor_id"]) if pid}
    accounts = outbox.recipients(everyone)
    changes: dict[tuple, list[dict]] = {}
    for row in rows:
        if row["kind"] in ALERTED:
            key = (row["child_id"], row["actor_user_id"], row["change_at"])
            changes.setdefault(key, []).append(row)
    alerts = [alert for entries in changes.values() for alert in _alerts_for(entries, accounts)]
    outbox.enqueue(alerts)
    db.write("alerts/taken", ids=[row["activity_id"] for row in rows])
    return len(alerts)


def _alerts_for(entries: list[dict], accounts: dict[str, list[dict]]) -> list[dict]:
    """One alert per account told of a change (its entries), saying the most telling kind."""
    kinds: dict[str, set[str]] = {}
    deliveries: dict[str, str] = {}
    for row in entries:
        named_field, named_kind = _NAMED.get(row["kind"], (None, row["kind"]))
        named = row[named_field] if named_field else None
        for professional_id in (*row["team"], row["professional_id"], row["successor_id"]):
            for account in accounts.get(professional_id or "", []):
                if account["user_id"] == row["actor_user_id"]:
                    continue
                kind = named_kind if professional_id == named else row["kind"]
                kinds.setdefault(account["user_id"], set()).add(kind)
                deliveries[account["user_id"]] = account["delivery"]
    first = min(row["activity_id"] for row in entries)
    path = f"/children/{entries[0]['child_id']}"
    return [{"activity_id": first, "user_id": user_id, "path": path,
             "kind": next(k for k in _TELLING if k in told), "delivery": deliveries[user_id]}
            for user_id, told in kinds.items()]


def _settings() -> dict:
    config = current_app.config
    return {"sender": config["ALERT_FROM"], "service": config["SERVICE_NAME"],
            "base_url": config["SERVICE_URL"].rstrip("/")}


def send_immediate(now: datetime) -> int:
    """Send each immediate alert that is due, one email each, over one connection. A
    message the server refuses waits for its next try; a connection that fails leaves the
    rest waiting too."""
    waiting = outbox.due_immediate(now, BATCH)
    sent = 0
    if not waiting:
        return sent
    try:
        with mailer.connection() as smtp:
            while waiting:
                # Taken off the list once handled: a broken connection leaves it waiting.
                alert = waiting[0]
                try:
                    smtp.send_message(messages.immediate(alert, **_settings()))
                except (smtplib.SMTPResponseException, smtplib.SMTPRecipientsRefused) as error:
                    _retry(alert, error)
                else:
                    outbox.mark_sent(alert["id"])
                    sent += 1
                waiting.pop(0)
    except (smtplib.SMTPException, OSError) as error:
        for alert in waiting:
            _retry(alert, error)
    return sent


def _retry(alert: dict, error: BaseException) -> None:
    config = current_app.config
    kind = mailer.failure_kind(error)
    outbox.mark_retry(alert, kind, config["ALERT_MAX_ATTEMPTS"], config["ALERT_RETRY_SECONDS"])
    log.warning("alert not sent", extra={"alert_id": alert["id"], "error": kind,
                                         "attempt": alert["attempts"] + 1})


def send_digests(now: datetime) -> int:
    """Each person who chose a daily digest gets one email a day, from ALERT_DIGEST_HOUR
    (UTC), holding every alert waiting for them; none when nothing waits."""
    if now.hour < current_app.config["ALERT_DIGEST_HOUR"]:
        return 0
    day = now.date()
    sent = 0
    for user_id in outbox.digest_due(day):
        if not outbox.claim_digest_day(user_id, day):
            continue
        email, alerts = outbox.waiting_for(user_id)
        try:
            with mailer.connection() as smtp:
                smtp.send_message(messages.digest(email, alerts, **_settings()))
        except (smtplib.SMTPException, OSError) as error:
            outbox.release_digest_day(user_id, day)
            log.warning("digest not sent", extra={"user_id": user_id,
                                                  "error": mailer.failure_kind(error)})
            continue
        outbox.mark_digest_sent(user_id, day, [a["id"] for a in alerts])
        sent += 1
    return sent


def run_once(day_clock: datetime | None = None) -> dict[str, int]:
    """One pass. `day_clock` stands in for the time of day the digests go by (tests)."""
    queued = collect()
    return {"queued": queued, "sent": send_immediate(utcnow()),
            "digests": send_digests(day_clock or utcnow())}


def run_forever(stop: threading.Event) -> None:
    """A pass every ALERT_POLL_SECONDS until `stop` is set; a pass that fails (the graph or
    the store down) is logged and the next one tries again."""
    interval = current_app.config["ALERT_POLL_SECONDS"]
    while not stop.is_set():
        try:
            run_once()
        except Exception:
            log.exception("alert pass failed")
        stop.wait(interval)
