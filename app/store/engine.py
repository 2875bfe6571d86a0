"""One SQLAlchemy engine per process, created by the app factory."""

from __future__ import annotations

import logging
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import overload

from alembic import command
from alembic.config import Config as AlembicConfig
from flask import current_app
from sqlalchemy import Connection, Table, create_engine, event
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class StoreUnavailable(Exception):
    """The app's own store could not be reached: shown as the 503 page."""


def utcnow() -> datetime:
    return datetime.now(UTC)


@overload
def as_utc(value: datetime) -> datetime: ...
@overload
def as_utc(value: None) -> None: ...
def as_utc(value: datetime | None) -> datetime | None:
    """SQLite gives back naive datetimes (stored in UTC); PostgreSQL aware ones."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def insert_ignore(connection: Connection, table: Table, values: dict) -> bool:
    """INSERT, or nothing when a row with the same key exists (both dialects): whether the
    row went in."""
    dialect_insert = pg_insert if connection.dialect.name == "postgresql" else sqlite_insert
    result = connection.execute(dialect_insert(table).values(**values).on_conflict_do_nothing())
    return result.rowcount == 1


def _sqlite_connect(dbapi_connection, _record) -> None:
    # pysqlite's own transaction handling is turned off so that "begin" below decides.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # WAL lets readers go on while one writer writes (several workers share the file);
    # the busy timeout makes a writer wait for the lock instead of failing at once.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class Store:
    """The engine, its transactions and its migrations."""

    def __init__(self, url: str) -> None:
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = create_engine(url, pool_pre_ping=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_connect)
            # A writing transaction takes the write lock when it begins (BEGIN IMMEDIATE), so
            # that a read-then-write (the audit chain, the sign-in counter) is never
            # interleaved; a reading one (`reading()`) takes no lock and waits for none.
            event.listen(self.engine, "begin", lambda conn: conn.exec_driver_sql(
                "BEGIN" if conn.get_execution_options().get("read_only") else "BEGIN IMMEDIATE"))

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def begin(self, read_only: bool = False):
        """One transaction: committed at the end of the block, rolled back on an error."""
        try:
            with self.engine.connect() as connection:
                if read_only:
                    connection.execution_options(read_only=True)
                with connection.begin():
                    yield connection
        except OperationalError as error:
            raise StoreUnavailable(str(error.orig)) from error

    def reading(self):
        """A transaction that only reads (on SQLite it takes no write lock)."""
        return self.begin(read_only=True)

    def lock_audit_trail(self, connection: Connection) -> None:
        """One appender at a time across processes, so each event names the one before it
        (SQLite already holds its write lock from BEGIN IMMEDIATE)."""
        if self.dialect == "postgresql":
            connection.exec_driver_sql("LOCK TABLE audit_events IN EXCLUSIVE MODE")

    def migrate(self) -> None:
        """Bring the tables to the newest migration (idempotent)."""
        logging.getLogger("alembic").setLevel(logging.WARNING)
        config = AlembicConfig()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def close(self) -> None:
        self.engine.dispose()


def get_store() -> Store:
    return current_app.extensions["store"]
