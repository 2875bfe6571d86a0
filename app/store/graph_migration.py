"""The one-off move of accounts, tokens, grants, saved queries and the audit trail from the
graph (where the first version kept them) to the app's store, run by `flask setup`.

Copies what the store lacks, keeping ids and times (audit events keep their order and are
chained as they are appended), then deletes them from the graph. Running it again finds
nothing to move.
"""

from __future__ import annotations

from sqlalchemy import insert, select

from app.audit.repository import append
from app.db import Database
from app.store import Store
from app.store.engine import utcnow
from app.store.tables import api_tokens, break_glass_grants, saved_queries, users
from graph_views.values import native


def _plain(row: dict) -> dict:
    return {key: native(value) for key, value in row.items()}


def move_out_of_graph(db: Database, store: Store) -> dict[str, int]:
    found = db.read("migrate/security_records")[0]
    if not any(found.values()):
        return {}
    with store.begin() as connection:
        known = set(connection.execute(select(users.c.id)).scalars())
        for user in map(_plain, found["users"]):
            if user["id"] not in known:
                connection.execute(insert(users).values(
                    id=user["id"], email=user["email"], password_hash=user["password_hash"],
                    role=user["role"], extra_roles=user.get("extra_roles") or [],
                    active=bool(user.get("active")), professional_id=user.get("professional_id"),
                    # The first version's demo accounts carried no creation time.
                    created_at=user.get("created_at") or utcnow(),
                    activity_seen_at=user.get("activity_seen_at")))
        for token in map(_plain, found["tokens"]):
            connection.execute(insert(api_tokens).values(
                **{k: token.get(k) for k in ("id", "user_id", "token_hash", "name", "created_at",
                                             "last_used_at", "revoked_at")}))
        for grant in map(_plain, found["grants"]):
            connection.execute(insert(break_glass_grants).values(
                **{k: grant.get(k) for k in ("id", "user_id", "family_id", "reason", "at",
                                             "expires_at")}))
        for query in map(_plain, found["queries"]):
            connection.execute(insert(saved_queries).values(
                **{k: query.get(k) for k in ("id", "user_id", "title", "text", "params",
                                             "created_at")}))
    for event in map(_plain, found["events"]):
        append({k: event.get(k) for k in ("id", "at", "action", "user_id", "target_id",
                                          "outcome", "reason")} | {"text_hash": None})
    db.write("migrate/delete_security_records")
    return {kind: len(rows) for kind, rows in found.items()}
