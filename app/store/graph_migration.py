"""The one-off move of accounts, tokens, grants, saved queries and the audit trail from the
graph (where the first version kept them) to the app's store, run by `flask setup`.

Copies what the store lacks, keeping ids and times (audit events keep their order and are
chained as they are appended), then deletes them from the graph. Running it again finds
nothing to move.
"""

from __future__ import annotations

from sqlalchemy import Table, insert, select

from app.audit import chain
from app.audit.repository import append
from app.db import Database
from app.store import Store
from app.store.engine import utcnow
from app.store.tables import api_tokens, break_glass_grants, saved_queries, users


def _columns_of(table: Table, record: dict) -> dict:
    """The record's properties that the table has columns for (the graph kept the same
    names)."""
    return {column.name: record.get(column.name) for column in table.columns}


def move_out_of_graph(db: Database, store: Store) -> dict[str, int]:
    found = db.read("migrate/security_records")[0]
    if not any(found.values()):
        return {}
    with store.begin() as connection:
        known = set(connection.execute(select(users.c.id)).scalars())
        for user in found["users"]:
            if user["id"] not in known:
                connection.execute(insert(users).values(
                    id=user["id"], email=user["email"], password_hash=user["password_hash"],
                    role=user["role"], extra_roles=user.get("extra_roles") or [],
                    active=bool(user.get("active")), professional_id=user.get("professional_id"),
                    # The first version's demo accounts carried no creation time.
                    created_at=user.get("created_at") or utcnow(),
                    activity_seen_at=user.get("activity_seen_at")))
        for table, kind in ((api_tokens, "tokens"), (break_glass_grants, "grants"),
                            (saved_queries, "queries")):
            for record in found[kind]:
                connection.execute(insert(table).values(_columns_of(table, record)))
    for event in found["events"]:
        append({field: event.get(field) for field in chain.FIELDS})  # none had a text
    db.write("migrate/delete_security_records")
    return {kind: len(rows) for kind, rows in found.items()}
