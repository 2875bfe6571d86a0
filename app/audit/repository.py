"""The audit trail, in the app's store: appended, never updated or deleted through the
product (the database refuses it), chained by hashes (`flask --app app audit verify`).
Ids only, never names: a text that may hold names (a console query) is kept apart, by its
hash, for coordinators to read."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, time, timedelta

from flask_login import current_user
from sqlalchemy import insert, select

from app.admin.repository import accounts_by_id, emails_by_id, professionals_by_id
from app.audit import chain
from app.domain import AuditAction, AuditOutcome
from app.extensions import get_db
from app.store import get_store
from app.store.engine import as_utc, insert_ignore, utcnow
from app.store.tables import audit_events, audit_texts

PAGE_SIZE = 50


def record(action: str, target_id: str | None, outcome: str, reason: str | None = None,
           user_id: str | None = None, text: str | None = None) -> None:
    """Append one event for the signed-in user (or `user_id`, for sign-in attempts).
    `text` is kept whole beside the event and named in it by its hash."""
    if user_id is None and current_user and current_user.is_authenticated:
        user_id = current_user.user_id
    # An action or outcome outside the domain's lists is a bug: it fails here, not later.
    event = {"id": str(uuid.uuid4()), "at": utcnow(), "action": str(AuditAction(action)),
             "user_id": user_id, "target_id": target_id,
             "outcome": str(AuditOutcome(outcome)), "reason": reason,
             "text_hash": chain.text_hash(text) if text is not None else None}
    append(event, text)


def append(event: dict, text: str | None = None) -> None:
    """Append an event (all of chain.FIELDS), linked to the one before it."""
    store = get_store()
    with store.begin() as connection:
        store.lock_audit_trail(connection)
        if text is not None:
            insert_ignore(connection, audit_texts, {"hash": event["text_hash"], "text": text})
        prev_hash = connection.execute(select(audit_events.c.hash)
                                       .order_by(audit_events.c.seq.desc()).limit(1)).scalar()
        prev_hash = prev_hash or chain.GENESIS
        connection.execute(insert(audit_events).values(
            **event, prev_hash=prev_hash, hash=chain.event_hash(prev_hash, event)))


def _rows(statement) -> list[dict]:
    with get_store().reading() as connection:
        rows = [dict(row._mapping) for row in connection.execute(statement)]
    for row in rows:
        row["at"] = as_utc(row["at"])
    return rows


def _with_emails(rows: list[dict]) -> list[dict]:
    """Each event with the email of the account that acted (accounts live beside it)."""
    emails = emails_by_id({row["user_id"] for row in rows if row["user_id"]})
    for row in rows:
        row["user_email"] = emails.get(row["user_id"])
    return rows


def search_statement(user_id: str | None = None, action: str | None = None,
                     outcome: str | None = None, target_id: str | None = None,
                     since: date | None = None, until: date | None = None, page: int = 1):
    """The SELECT of one page of the trail, newest first, with only the filters given (each
    one a condition the store can answer from an index ending in the event's order)."""
    conditions = [column == value for column, value in (
        (audit_events.c.user_id, user_id), (audit_events.c.action, action),
        (audit_events.c.outcome, outcome), (audit_events.c.target_id, target_id))
        if value is not None]
    if since:
        conditions.append(audit_events.c.at >= datetime.combine(since, time(), UTC))
    if until:
        conditions.append(audit_events.c.at < datetime.combine(until + timedelta(days=1),
                                                               time(), UTC))
    return (select(audit_events).where(*conditions).order_by(audit_events.c.seq.desc())
            .offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE))


def search(page: int = 1, **filters) -> list[dict]:
    """The trail, newest first, filtered by any of user_id, action, outcome, target_id,
    since and until, a page at a time."""
    return _with_emails(_rows(search_statement(page=page, **filters)))


def events_for_targets(target_ids: list[str], actions: tuple[str, ...], limit: int) -> list[dict]:
    if not target_ids:
        return []
    return _rows(select(audit_events).where(audit_events.c.target_id.in_(target_ids),
                                            audit_events.c.action.in_(actions))
                 .order_by(audit_events.c.seq.desc()).limit(limit))


def console_queries(limit: int = 200) -> list[dict]:
    """The console's queries, newest first, each with its whole text and who ran it, for
    coordinators reviewing the audit (the texts may name people: admins do not read them)."""
    rows = _with_emails(_rows(select(audit_events, audit_texts.c.text)
                              .join(audit_texts, audit_texts.c.hash == audit_events.c.text_hash)
                              .where(audit_events.c.action == "query")
                              .order_by(audit_events.c.seq.desc()).limit(limit)))
    for row in rows:
        row["query"] = json.loads(row["text"])
    return rows


def verify() -> list[str]:
    """Check the whole chain; returns the problems found (none when it holds)."""
    with get_store().reading() as connection:
        events = (dict(row._mapping) for row in
                  connection.execute(select(audit_events).order_by(audit_events.c.seq)))
        stored = dict(connection.execute(select(audit_texts.c.hash, audit_texts.c.text)).all())
        return chain.problems(events, stored)


VIEWS = (AuditAction.VIEW_FAMILY, AuditAction.VIEW_MAP, AuditAction.EXPORT)


def viewers_of_my_families(professional_id: str | None, limit: int = 200) -> list[dict]:
    """Who has looked at the families this professional works with now, newest first."""
    if not professional_id:
        return []
    families = {row["id"]: row["name"] for row in get_db().read(
        "audit/families_of_professional", professional_id=professional_id)}
    views = events_for_targets(list(families), VIEWS, limit)
    viewers = accounts_by_id({v["user_id"] for v in views if v["user_id"]})
    professionals = professionals_by_id(
        [a["professional_id"] for a in viewers.values() if a["professional_id"]])
    for view in views:
        viewer = viewers.get(view["user_id"], {})
        professional = professionals.get(viewer.get("professional_id") or "", {})
        view.update(family_id=view["target_id"], family_name=families[view["target_id"]],
                    viewer_email=viewer.get("email"), viewer_name=professional.get("name"),
                    viewer_agency=professional.get("agency_name"))
    return views
