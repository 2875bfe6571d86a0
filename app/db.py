"""The only owner of the Neo4j driver: loads the named Cypher files and runs them.

Rows come back as dicts of Python values (driver dates and times converted here, once).

Every query lives in `cypher/<area>/<name>.cypher` and is run by its name
(`db.read("families/network", family_id=...)`). Values enter only as parameters; no Cypher
is ever assembled from input.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, LiteralString, cast

import neo4j
from neo4j import GraphDatabase, RoutingControl
from neo4j.exceptions import (
    AuthError,
    ConstraintError,
    ServiceUnavailable,
    SessionExpired,
)

from graph_views.values import plain

log = logging.getLogger(__name__)

CYPHER_DIR = Path(__file__).resolve().parent.parent / "cypher"


class DatabaseUnavailable(Exception):
    """Neo4j could not be reached (or refused our credentials): shown as a 503 page."""


class ConflictError(Exception):
    """A write broke a constraint, such as a second node with an existing id."""


class TookTooLong(Exception):
    """A read was stopped by the server at its time limit."""


@contextmanager
def _stopped_as_too_long():
    """A transaction the server stopped at its time limit raises TookTooLong."""
    try:
        yield
    except neo4j.exceptions.Neo4jError as error:
        if any(word in (error.code or "") for word in ("TimedOut", "Timeout", "Terminated")):
            raise TookTooLong(error.code) from error
        raise


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    # The driver types query text as LiteralString, so that a type checker (pyright; mypy
    # reads it as str) refuses text assembled from input. Statements come only from the
    # files in cypher/, read once at start: the one place they are declared literal.
    statements: tuple[LiteralString, ...]


def _split_statements(text: str) -> tuple[str, ...]:
    """Split a file into statements on `;` at the end of a line (schema files hold several)."""
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return tuple(part.strip() for part in body.split(";\n") if part.strip().rstrip(";"))


def load_queries(directory: Path = CYPHER_DIR) -> dict[str, Query]:
    """Read every .cypher file once, keyed by its path without the suffix."""
    queries = {}
    for path in sorted(directory.rglob("*.cypher")):
        name = path.relative_to(directory).with_suffix("").as_posix()
        text = path.read_text(encoding="utf-8")
        if not text.lstrip().startswith("//"):
            raise ValueError(f"{path}: a query file starts with a comment saying what it does")
        statements = tuple(cast(LiteralString, s.rstrip(";").strip())
                           for s in _split_statements(text + "\n"))
        if not statements:
            raise ValueError(f"{path}: no statement")
        queries[name] = Query(name, text, statements)
    return queries


_UNAVAILABLE = (ServiceUnavailable, SessionExpired, AuthError, OSError)

# What the code may put into a statement made of files in cypher/: a column's or a
# parameter's name, nothing that could carry Cypher of its own.
_NAME = re.compile(r"[a-z_][a-z0-9_]*")


class _RolledBack(Exception):
    """How a checked-only write leaves its transaction, carrying what the work answered."""

    def __init__(self, result: Any) -> None:
        super().__init__("checked only")
        self.result = result


def _rows(records: Iterable[neo4j.Record]) -> list[dict]:
    """Records as dicts of plain Python values (what Record.data() and plain() did in two
    walks, in one)."""
    return [plain(dict(zip(record.keys(), record, strict=True))) for record in records]


def _console_text(text: str) -> LiteralString:
    """The console's text is the one query written by a user: it reaches Neo4j only after
    its plan was checked (app/analysis/plan_check.py), in a READ transaction."""
    return cast(LiteralString, text)


class Database:
    """One driver per process. Thread-safe: the driver keeps a connection pool.

    When Neo4j cannot be reached, every query for the next RECHECK_SECONDS fails at once
    instead of waiting out the driver's timeouts again: a page then answers "unavailable"
    in milliseconds, workers are not all held waiting, and /healthz keeps answering. The
    first query after that interval tries for real, so the app recovers by itself.
    """

    RECHECK_SECONDS = 1.0

    def __init__(
        self,
        uri: str,
        user: str,
        password: str,
        database: str = "neo4j",
        connection_timeout: float = 1,
        retry_time: float = 0.5,
        queries: dict[str, Query] | None = None,
    ) -> None:
        self.uri, self.user, self.password = uri, user, password
        self.database = database
        # The read transaction that reads_together() opened in this thread (or task), if any.
        self._shared_read: ContextVar[neo4j.Transaction | None] = ContextVar(
            f"shared_read_{id(self)}", default=None)
        self._unreachable_until = 0.0
        self.queries = queries if queries is not None else load_queries()
        self._driver = GraphDatabase.driver(
            uri,
            auth=(user, password),
            connection_timeout=connection_timeout,
            connection_acquisition_timeout=connection_timeout,
            # The driver retries transient failures; bounded so that a user waits seconds,
            # not the default 30, before seeing that the database is unavailable.
            max_transaction_retry_time=retry_time,
            # Pooled connections idle this long are checked before use, so that connections
            # left over from before a database restart are not handed to a request.
            liveness_check_timeout=30,
            # Server notifications (hints such as "label does not exist yet") are for
            # developers at a console; in the app they cost time and fill the log.
            notifications_min_severity="OFF",
        )

    def close(self) -> None:
        self._driver.close()

    @contextmanager
    def _reaching(self):
        """Run a call to Neo4j, mapping "cannot reach it" to DatabaseUnavailable. After a
        failure, calls fail at once; once RECHECK_SECONDS have passed, the next call first
        checks with a single connection attempt (no retries), so finding the database
        still down costs a connection timeout at most."""
        if self._unreachable_until:
            if time.monotonic() < self._unreachable_until:
                raise DatabaseUnavailable("Neo4j was unreachable a moment ago")
            try:
                self._driver.verify_connectivity()
            except _UNAVAILABLE as error:
                self._unreachable_until = time.monotonic() + self.RECHECK_SECONDS
                raise DatabaseUnavailable(str(error)) from error
            self._unreachable_until = 0.0
        try:
            yield
        except ConstraintError as error:
            raise ConflictError(error.message or str(error)) from error
        except _UNAVAILABLE as error:
            self._unreachable_until = time.monotonic() + self.RECHECK_SECONDS
            raise DatabaseUnavailable(str(error)) from error

    def verify(self) -> None:
        with self._reaching():
            self._driver.verify_connectivity()

    def _statement(self, name: str) -> LiteralString:
        query = self.queries[name]
        if len(query.statements) != 1:
            raise ValueError(f"{name} holds {len(query.statements)} statements; run it with run_script")
        return query.statements[0]

    def union_all(self, parts: Sequence[tuple[str, tuple[tuple[str, str], ...]]]) -> str:
        """One statement that runs several named queries, each as a subquery, each row
        carrying the number of its query in `parts` in the column `part`: one round trip
        instead of one per query. `parts` are (query name, (parameter, renamed to)...): a
        parameter that two queries take with different values is renamed in one or both.
        The queries must return the same columns. Registered under a name made of its
        parts (its text comes only from the files in cypher/); returns that name."""
        def statement() -> str:
            wrapper, texts = self._statement("wrap/union_part"), []
            for number, (query, renames) in enumerate(parts):
                text = self._statement(query)
                for parameter, renamed in renames:
                    if not _NAME.fullmatch(renamed):
                        raise ValueError(f"not a parameter name: {renamed}")
                    text = re.sub(rf"\${re.escape(parameter)}\b", f"${renamed}", text)
                texts.append(wrapper.replace("<part>", str(number)).replace("<query>", text))
            return "\nUNION ALL\n".join(texts)
        return self._registered(
            "union:" + "|".join(f"{query}{renames}" for query, renames in parts), statement)

    def collected(self, query: str, columns: Sequence[str]) -> str:
        """One statement that runs a named query and returns its rows as one row, `rows`: a
        list of lists of its `columns` (cypher/wrap/collected: a row each costs the driver
        far more). Registered under a name made of its query and columns (its text comes
        only from the files in cypher/ and the code's column names); returns that name."""
        def statement() -> str:
            if not all(_NAME.fullmatch(column) for column in columns):
                raise ValueError(f"not a column name: {columns}")
            return (self._statement("wrap/collected")
                    .replace("<columns>", ", ".join(columns))
                    .replace("<query>", self._statement(query)))
        return self._registered(f"collected:{query}{tuple(columns)}", statement)

    def _registered(self, name: str, statement: Callable[[], str]) -> str:
        """Register a statement put together from files in cypher/ under `name`, once."""
        if name not in self.queries:
            text = cast(LiteralString, statement())
            self.queries[name] = Query(name, text, (text,))
        return name

    @contextmanager
    def reads_together(self) -> Iterator[None]:
        """Run the reads made inside the block in one read transaction: a page that reads
        a dozen things pays for one session and one BEGIN/COMMIT, not a dozen (the family
        page's reads and rules: about half the app's and a third of Neo4j's CPU for them).
        Writes inside the block keep their own transactions; reads see what they committed
        (Neo4j reads at read-committed). Not retried: a failure ends the page as any other."""
        if self._shared_read.get() is not None:
            yield
            return
        with self._reaching(), self._driver.session(
                database=self.database, default_access_mode=neo4j.READ_ACCESS) as session:
            tx = session.begin_transaction()
            token = self._shared_read.set(tx)
            try:
                yield
            finally:
                self._shared_read.reset(token)
                tx.close()  # nothing to commit: the reads end with it

    def _execute(self, name: str, routing: RoutingControl, params: dict[str, Any]) -> list[dict]:
        shared = self._shared_read.get() if routing is RoutingControl.READ else None
        if shared is not None:
            with self._reaching():
                return _rows(shared.run(self._statement(name), params))
        with self._reaching():
            records, _, _ = self._driver.execute_query(
                self._statement(name),
                parameters_=params,
                database_=self.database,
                routing_=routing,
            )
        return _rows(records)

    def read(self, name: str, /, **params: Any) -> list[dict]:
        """Run a named query in a read transaction and return its records as dicts."""
        return self._execute(name, RoutingControl.READ, params)

    def read_within(self, seconds: float, name: str, /, **params: Any) -> list[dict]:
        """A named read the server stops after `seconds` (raising TookTooLong): for searches
        whose cost depends on the data met, such as paths through a busy professional."""
        @neo4j.unit_of_work(timeout=seconds)
        def work(tx: neo4j.ManagedTransaction) -> list[dict]:
            return _rows(tx.run(self._statement(name), params))

        with _stopped_as_too_long(), self._reaching(), self._driver.session(
                database=self.database, default_access_mode=neo4j.READ_ACCESS) as session:
            return session.execute_read(work)

    def write(self, name: str, /, **params: Any) -> list[dict]:
        """Run a named query in a write transaction (retried, so keep it idempotent)."""
        return self._execute(name, RoutingControl.WRITE, params)

    def write_transaction(self, work: Callable[[Callable[..., list[dict]]], Any],
                          check_only: bool = False) -> Any:
        """Run several named statements in one write transaction: all or nothing.

        `work(run)` gets `run(name, **params)`, which runs a named query inside the
        transaction. The driver may call `work` again after a transient failure, so it must
        have no side effects outside the transaction. With `check_only`, the transaction is
        rolled back once `work` has run: every rule it checks is checked, nothing is written
        (for the pages that show what a change will do before it is confirmed).
        """
        def unit(tx: neo4j.ManagedTransaction) -> Any:
            def run(name: str, /, **params: Any) -> list[dict]:
                return _rows(tx.run(self._statement(name), params))
            result = work(run)
            if check_only:
                raise _RolledBack(result)  # leaving by an exception rolls the transaction back
            return result

        try:
            with self._reaching(), self._driver.session(database=self.database) as session:
                return session.execute_write(unit)
        except _RolledBack as checked:
            return checked.result

    def explain(self, text: str, params: dict) -> dict:
        """The plan Neo4j would run for a user's query (EXPLAIN runs nothing), as the
        driver's dict of operators. For the analysts' console, which decides on it."""
        with self._reaching(), self._driver.session(
                database=self.database, default_access_mode=neo4j.READ_ACCESS) as session:
            return session.run(_console_text("EXPLAIN " + text), params).consume().plan or {}

    def run_read_only(self, text: str, params: dict, timeout: float, row_limit: int,
                      size_of: Callable[[neo4j.Record], int],
                      byte_limit: int) -> tuple[list[str], list[neo4j.Record], bool]:
        """The analysts' console, the one place where Cypher text comes from a user (after
        its plan was checked): a READ transaction, so the database itself refuses any
        write, under a server-side time limit, keeping at most `row_limit` rows and about
        `byte_limit` bytes as measured by `size_of`.
        Returns (column names, records, whether rows were cut off)."""
        @neo4j.unit_of_work(timeout=timeout)
        def work(tx: neo4j.ManagedTransaction):
            result = tx.run(_console_text(text), params)
            records: list[neo4j.Record] = []
            truncated, size = False, 0
            for record in result:
                size += size_of(record)
                if len(records) == row_limit or size > byte_limit:
                    truncated = True
                    break
                records.append(record)
            return list(result.keys()), records, truncated

        # Small batches, so that a huge result is cut off after a few MB have crossed.
        with _stopped_as_too_long(), self._reaching(), self._driver.session(
                database=self.database, default_access_mode=neo4j.READ_ACCESS,
                fetch_size=50) as session:
            return session.execute_read(work)

    def run_script(self, name: str, /, **params: Any) -> None:
        """Run each statement of a file in its own auto-commit transaction: for schema files
        (several statements) and `CALL {...} IN TRANSACTIONS`, which needs one."""
        with self._reaching(), self._driver.session(database=self.database) as session:
            for statement in self.queries[name].statements:
                session.run(statement, params).consume()

    def apply_schema(self) -> list[str]:
        """Create every constraint and index in cypher/schema/ (each `IF NOT EXISTS`)."""
        applied = []
        for name in sorted(n for n in self.queries if n.startswith("schema/")):
            self.run_script(name)
            applied.append(name)
        self.run_script("admin/await_indexes")
        # Data an index relies on, for graphs written by an earlier version (a no-op after).
        self.run_script("migrate/gap_state_open_keys")
        from app.gaps import kept_counts  # the gaps' own module (it needs this one)

        kept_counts.recount(self)  # the counts kept, since these versions
        kept_counts.recount_families(self)
        log.info("schema applied", extra={"files": applied})
        return applied
