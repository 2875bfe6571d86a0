"""Writes a GraphBatch to Neo4j: one UNWIND query per kind of node or relationship.

Every query MERGEs by id (ON CREATE SET), so loading the same batch twice adds nothing.
Batches are sent in chunks so that one transaction stays a few MB, well inside the
server's transaction memory.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

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

    @property
    def rate(self) -> float:
        return self.elements / self.seconds if self.seconds else 0.0


def chunks(rows: list[dict], size: int) -> Iterator[list[dict]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def ordered_kinds(batch: GraphBatch) -> Iterable[tuple[str, list[dict]]]:
    """Nodes before relationships, since relationship rows match their ends by id."""
    for kind in NODE_KINDS:
        yield kind, batch.nodes.get(kind, [])
    for kind in RELATIONSHIP_KINDS:
        yield kind, batch.relationships.get(kind, [])


def load(db: Database, batch: GraphBatch, chunk_size: int = 10_000, progress=None) -> LoadStats:
    """Load the batch in chunks of `chunk_size` rows, one write transaction per chunk.

    `progress`, if given, is called with (kind, rows written) after each chunk.
    """
    stats = LoadStats()
    started = time.perf_counter()
    for kind, rows in ordered_kinds(batch):
        for chunk in chunks(rows, chunk_size):
            db.write(QUERY_FOR_KIND[kind], rows=chunk)
            if progress:
                progress(kind, len(chunk))
        stats.elements += len(rows)
    stats.seconds = time.perf_counter() - started
    return stats


def load_row_by_row(db: Database, batch: GraphBatch) -> LoadStats:
    """The naive way, one transaction per row (for a sample): the baseline batching beats."""
    stats = LoadStats()
    started = time.perf_counter()
    for kind, rows in ordered_kinds(batch):
        for row in rows:
            db.write(QUERY_FOR_KIND[kind], rows=[row])
            stats.elements += 1
    stats.seconds = time.perf_counter() - started
    return stats
