"""The app's store, as tests set it up and read it (SQLAlchemy, the product's own tables)."""

from __future__ import annotations

from sqlalchemy import select, text

from app.store import Store
from app.store.tables import audit_events as events
from app.store.tables import audit_texts, metadata


def empty_store(store: Store) -> None:
    """Drop every table and migrate again: the audit tables refuse DELETE by design."""
    with store.engine.begin() as connection:
        metadata.drop_all(connection)
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
        if connection.dialect.name == "postgresql":
            connection.execute(text("DROP FUNCTION IF EXISTS refuse_audit_change() CASCADE"))
    store.migrate()


def audit_events(app, **where) -> list[dict]:
    """Audit events matching every given column, oldest first, each with its kept `text`."""
    statement = (select(events, audit_texts.c.text)
                 .outerjoin(audit_texts, audit_texts.c.hash == events.c.text_hash)
                 .where(*(events.c[k] == v for k, v in where.items()))
                 .order_by(events.c.seq))
    with app.extensions["store"].engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(statement)]
