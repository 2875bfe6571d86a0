"""Generate a synthetic area and load it: `python -m seed.generate --children N --seed S`.

Loads in batches with UNWIND (MERGE by id), with a progress bar, then counts what the graph
holds under this seed's id prefix and prints both, so that a mismatch is seen at once.
Running it again with the same seed adds nothing. With --write-ssd DIR or --write-annex-a
PATH it writes the area as those returns instead (for the importers' round trip and bench).
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from tqdm import tqdm

from app.config import Config
from app.db import Database
from seed.area import generate_area
from seed.graph import NODE_KINDS, RELATIONSHIP_KINDS, GraphBatch
from seed.loader import LoadStats, load
from seed.returns import write_annex_a, write_ssd


def database_from_environment() -> Database:
    return Database(Config.NEO4J_URI, Config.NEO4J_USER, Config.NEO4J_PASSWORD,
                    Config.NEO4J_DATABASE, retry_time=30)


def graph_counts(db: Database, prefix: str) -> dict[str, int]:
    """What the graph holds under an id prefix: nodes per label, relationships per type."""
    counts = {row["label"]: row["count"]
              for row in db.read("seed/count_nodes_by_id_prefix", prefix=prefix)}
    counts.update({row["type"]: row["count"]
                   for row in db.read("seed/count_relationships_by_id_prefix", prefix=prefix)})
    return counts


# A whole area is loaded two chunks at a time: the server gives each transaction one core,
# and two kept it busy for 1.3 times the rows a second of one on this 2-core machine (50,000
# children: 27.2 s one at a time in chunks of 10,000, 21.1 s two at a time in chunks of 5,000,
# 23.1 s three at a time: more only meet on the same nodes more often).
LOAD_WORKERS = 2
LOAD_CHUNK = 5_000


def load_with_progress(db: Database, batch: GraphBatch, chunk_size: int = LOAD_CHUNK,
                       show_progress: bool = True, workers: int = LOAD_WORKERS) -> LoadStats:
    """Load the batch with a progress bar (counts and rate) on stderr."""
    with tqdm(total=batch.size(), unit=" el", unit_scale=True, disable=not show_progress,
              file=sys.stderr) as bar:
        def progress(kind: str, rows: int) -> None:
            bar.set_postfix_str(kind, refresh=False)
            bar.update(rows)
        return load(db, batch, chunk_size=chunk_size, progress=progress, workers=workers)


def print_report(expected: dict[str, int], found: dict[str, int], stats: LoadStats) -> bool:
    """Print generated vs graph counts; True when every count matches."""
    print(f"{'kind':<16}{'generated':>12}{'in graph':>12}")
    matches = True
    for kind in NODE_KINDS + RELATIONSHIP_KINDS:
        if expected.get(kind, 0) == 0 and found.get(kind, 0) == 0:
            continue
        ok = expected.get(kind, 0) == found.get(kind, 0)
        matches &= ok
        print(f"{kind:<16}{expected.get(kind, 0):>12,}{found.get(kind, 0):>12,}"
              f"{'' if ok else '  MISMATCH'}")
    print(f"Loaded {stats.elements:,} nodes + relationships in {stats.seconds:.1f}s "
          f"({stats.rate:,.0f} per second), {stats.how()}")
    return matches


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=1000, help="children in the area")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same area)")
    parser.add_argument("--as-of", type=date.fromisoformat, default=date.today(),
                        help="the day dates are counted back from (default today)")
    parser.add_argument("--chunk-size", type=int, default=LOAD_CHUNK, help="rows per transaction")
    parser.add_argument("--workers", type=int, default=LOAD_WORKERS,
                        help="transactions at once (default %(default)s)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument("--write-ssd", type=Path, metavar="DIR",
                        help="write the area as SSD CSVs into DIR instead of loading it")
    parser.add_argument("--write-annex-a", type=Path, metavar="PATH",
                        help="write the area as an Annex A workbook instead of loading it")
    args = parser.parse_args(argv)
    if args.children < 1:
        parser.error("--children must be at least 1")

    if args.write_ssd or args.write_annex_a:
        batch = generate_area(args.children, args.seed, args.as_of)
        if args.write_ssd:
            write_ssd(batch, args.write_ssd, args.as_of)
            print(f"SSD tables written to {args.write_ssd}", file=sys.stderr)
        if args.write_annex_a:
            write_annex_a(batch, args.write_annex_a)
            print(f"Annex A written to {args.write_annex_a}", file=sys.stderr)
        return 0

    db = database_from_environment()
    try:
        db.apply_schema()
        started = time.perf_counter()
        batch = generate_area(args.children, args.seed, args.as_of)
        if not args.quiet:
            print(f"Generated {batch.size():,} nodes and relationships for {args.children:,} "
                  f"children in {time.perf_counter() - started:.1f}s; loading ...", file=sys.stderr)
        stats = load_with_progress(db, batch, args.chunk_size, show_progress=not args.quiet,
                                   workers=args.workers)
        expected = batch.counts()
        expected["Person"] = expected["Child"] + expected["Adult"]
        found = graph_counts(db, f"s{args.seed}-")
        return 0 if print_report(expected, found, stats) else 1
    finally:
        db.close()


if __name__ == "__main__":
    sys.exit(main())
