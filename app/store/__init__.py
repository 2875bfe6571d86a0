"""The app's own store (SQLAlchemy): accounts, sessions, API tokens, sign-in throttles,
break-glass grants, analysts' saved queries and the audit trail.

SQLite by default (embedded, nothing to start); PostgreSQL by `DATABASE_URL` for a
deployment with several app servers. Neo4j keeps the safeguarding graph only.
"""

from app.store.engine import Store, StoreUnavailable, get_store

__all__ = ["Store", "StoreUnavailable", "get_store"]
