"""The tables of the app's own store: who may sign in, and what they did.

Kept apart from the safeguarding graph on purpose: Neo4j Community has no access control
inside a database, so anything the analysts' console could reach must not live there.
Changes to these tables go through a migration in `migrations/versions/`.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

users = Table(
    "users", metadata,
    Column("id", String(64), primary_key=True),
    Column("email", String(254), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    Column("role", String(32), nullable=False),
    # Further roles an account holds besides its main one (an analyst who also chairs).
    Column("extra_roles", JSON, nullable=False, default=list),
    Column("active", Boolean, nullable=False, default=True),
    # The (:Professional) in the graph this account is; null for an admin-only account.
    Column("professional_id", String(128), index=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("activity_seen_at", DateTime(timezone=True)),
    # Email alerts: "immediate", "digest" (one email a day) or "none".
    Column("alert_delivery", String(16), nullable=False, default="immediate",
           server_default="immediate"),
)

# The cookie holds a random session id; only its SHA-256 is stored, so a copy of this
# table opens no session.
user_sessions = Table(
    "user_sessions", metadata,
    Column("id_hash", String(64), primary_key=True),
    Column("user_id", String(64), ForeignKey("users.id"), nullable=False, index=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_seen_at", DateTime(timezone=True), nullable=False),
)

api_tokens = Table(
    "api_tokens", metadata,
    Column("id", String(64), primary_key=True),
    Column("user_id", String(64), ForeignKey("users.id"), nullable=False, index=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("name", String(100), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_used_at", DateTime(timezone=True)),
    Column("revoked_at", DateTime(timezone=True)),
)

# Keyed hashes of an account's email or a client address: no email or address is stored.
sign_in_throttles = Table(
    "sign_in_throttles", metadata,
    Column("key", String(64), primary_key=True),
    Column("attempts", Integer, nullable=False),
    Column("window_start", DateTime(timezone=True), nullable=False),
    Column("locked_until", DateTime(timezone=True)),
)

break_glass_grants = Table(
    "break_glass_grants", metadata,
    Column("id", String(64), primary_key=True),
    Column("user_id", String(64), ForeignKey("users.id"), nullable=False),
    Column("family_id", String(128), nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Index("break_glass_user_family", "user_id", "family_id"),
)

saved_queries = Table(
    "saved_queries", metadata,
    Column("id", String(64), primary_key=True),
    Column("user_id", String(64), ForeignKey("users.id"), nullable=False, index=True),
    Column("title", String(200), nullable=False),
    Column("text", Text, nullable=False),
    Column("params", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Append-only (triggers refuse UPDATE and DELETE) and chained: each event's hash covers the
# previous event's hash, so a changed or removed event breaks the chain (`audit verify`).
audit_events = Table(
    "audit_events", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(64), nullable=False, unique=True),
    Column("at", DateTime(timezone=True), nullable=False, index=True),
    Column("action", String(32), nullable=False),
    Column("user_id", String(64)),
    Column("target_id", String(256)),
    Column("outcome", String(16), nullable=False),
    Column("reason", Text),
    # SHA-256 of a text kept in audit_texts (a console query and its parameters), so that
    # the event proves what ran while the text itself, which may hold names, is read only
    # by coordinators.
    Column("text_hash", String(64)),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False, unique=True),
    # The audit search reads a page of the newest events for a filter from the end of its
    # index: no sort, no scan of the trail (migration 0002).
    *(Index(f"audit_events_{column}_seq", column, "seq")
      for column in ("user_id", "target_id", "action", "outcome")),
)

audit_texts = Table(
    "audit_texts", metadata,
    Column("hash", String(64), primary_key=True),
    Column("text", Text, nullable=False),
)

# Alerts waiting to go, or sent: one row per change and person told (never twice: the
# unique pair), holding ids, the kind of change and the page it links to, nothing more.
# The worker sends "immediate" rows at once (retrying with a growing wait) and "digest"
# rows in one email a day.
alert_outbox = Table(
    "alert_outbox", metadata,
    Column("id", String(64), primary_key=True),
    Column("activity_id", String(64), nullable=False),
    Column("user_id", String(64), ForeignKey("users.id"), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("path", String(300), nullable=False),
    Column("delivery", String(16), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False),
    Column("attempts", Integer, nullable=False, default=0, server_default="0"),
    Column("sent_at", DateTime(timezone=True)),
    Column("failed_at", DateTime(timezone=True)),
    # The kind of failure (an exception's name and SMTP code), never the server's text,
    # which may quote the address.
    Column("last_error", String(200)),
    UniqueConstraint("activity_id", "user_id", name="alert_outbox_once"),
    Index("alert_outbox_waiting", "delivery", "sent_at", "next_attempt_at"),
)

# The days each account's digest went out: at most one a day, even with two workers.
alert_digests = Table(
    "alert_digests", metadata,
    Column("user_id", String(64), ForeignKey("users.id"), primary_key=True),
    Column("day", Date, primary_key=True),
    Column("sent_at", DateTime(timezone=True)),
)
