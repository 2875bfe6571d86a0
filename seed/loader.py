"""Writes a GraphBatch to Neo4j: one UNWIND query per kind of node or relationship.

Every query MERGEs by id (ON CREATE SET), so loading the same batch twice adds nothing.
Batches are sent in chunks so that one transaction stays a few MB, well inside the
server's transaction memory. A large area is loaded several chunks at a time (`workers`):
the server runs each transaction on one core, so one at a time leaves the others idle.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from itertools import chain

from app.db import Database
from seed.graph import NODE_KINDS, RELATIONSHIP_KINDS, GraphBatch

QUERY_FOR_KIND = {
    "Child": "seed/children", "Adult": "seed/adults", "Family": "seed/families",
    "Household": "seed/households", "Agency": "seed/agencies",
    "Professional": "seed/professionals", "Plan": "seed/plans",
    "MEMBER_OF": "seed/member_of", "LIVES_AT": "seed/lives_at", "PARENT_OF": "seed/parent_of",
    "PARTNER_OF": "seed/partner_of", "WORKS_FOR": "seed/works_for",
    "INVOLVED_WITH": "seed/involved_with", "HANDED_OVER_TO": "seed/handed_over_to",
    "SUBJECT_OF": "seed/subject_of",
}


@dataclass
class LoadStats:
    elements: int = 0
    seconds: float = 0.0
    workers: int = 1
    retried: int = 0  # chunks the server stopped as a deadlock and the driver ran again

    @property
    def rate(self) -> float:
        return self.elements / self.seconds if self.seconds else 0.0

    def how(self) -> str:
        """How the load ran, for its report: chunks at once and deadlocks run again."""
        return (f"{self.workers} chunk{'s' if self.workers > 1 else ''} at a time, "
                f"{self.retried} run again after a lock conflict")


def chunks(rows: list[dict], size: int) -> Iterator[list[dict]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def phases(batch: GraphBatch) -> list[list[tuple[str, list[dict]]]]:
    """Every node, then every relationship, since relationship rows match their ends by id;
    within a phase the rows may be written in any order."""
    return [[(kind, batch.nodes.get(kind, [])) for kind in NODE_KINDS],
            [(kind, batch.relationships.get(kind, [])) for kind in RELATIONSHIP_KINDS]]


def load(db: Database, batch: GraphBatch, chunk_size: int = 10_000, progress=None,
         workers: int = 1) -> LoadStats:
    """Load the batch in chunks of `chunk_size` rows, one write transaction per chunk,
    `workers` chunks at a time; each chunk's relationships only once every node is in.

    Two chunks at once can meet on a node both link to (a father in two families, a busy
    professional); the server then turns one away and the driver runs it again, which MERGE
    makes harmless. Those retries are counted in the stats rather than logged one by one.
    `progress`, if given, is called with (kind, rows written) after each chunk.
    """
    stats = LoadStats(workers=workers)
    started = time.perf_counter()
    with _RetriesCounted(stats), ThreadPoolExecutor(workers) as pool:
        for phase in phases(batch):
            pending = {pool.submit(db.write, QUERY_FOR_KIND[kind], rows=chunk): (kind, len(chunk))
                       for kind, rows in phase for chunk in chunks(rows, chunk_size)}
            for future in as_completed(pending):
                if future.exception():
                    for waiting in pending:
                        waiting.cancel()
                    raise future.exception()  # type: ignore[misc]
                if progress:
                    progress(*pending[future])
            stats.elements += sum(len(rows) for _, rows in phase)
    stats.seconds = time.perf_counter() - started
    return stats


class _RetriesCounted(logging.Filter):
    """While loading, the driver's warning that it runs a transaction again after a
    deadlock is counted into the stats instead of printed: with several chunks at once it
    is expected."""

    def __init__(self, stats: LoadStats) -> None:
        super().__init__()
        self.stats = stats
        self.logger = logging.getLogger("neo4j.session")
        self.lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        # Only a deadlock's retry: any other failure the driver retries is still logged.
        if (str(record.msg).startswith("Transaction failed and will be retried")
                and "DeadlockDetected" in record.getMessage()):
            with self.lock:  # the workers' threads log it
                self.stats.retried += 1
            return False
        return True

    def __enter__(self) -> _RetriesCounted:
        self.logger.addFilter(self)
        return self

    def __exit__(self, *_exc) -> None:
        self.logger.removeFilter(self)


def load_row_by_row(db: Database, batch: GraphBatch) -> LoadStats:
    """The naive way, one transaction per row (for a sample): the baseline batching beats."""
    stats = LoadStats()
    started = time.perf_counter()
    for kind, rows in chain.from_iterable(phases(batch)):
        for row in rows:
            db.write(QUERY_FOR_KIND[kind], rows=[row])
            stats.elements += 1
    stats.seconds = time.perf_counter() - started
    return stats
