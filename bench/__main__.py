"""`python -m bench [--children N] [--quick]`: measure the product at the scale of an area.

Runs against NEO4J_BENCH_URI (with NEO4J_BENCH_USER / NEO4J_BENCH_PASSWORD) if set, else
the local bench instance (db/neo4j.sh start bench): never the demo database. Prints a table
of figures with their targets and writes the same to bench/results/<date>-<scale>.json.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.db import Database, load_queries
from bench import analysis, audit, browser, concurrency, duplicates, gaps, imports, pages, readme_table, web
from bench import load as load_bench
from bench.report import Figure, machine, print_table, write_json
from db.local_server import start_local_instance

BENCH_CYPHER = Path(__file__).resolve().parent / "cypher"


def bench_database() -> Database:
    if os.environ.get("NEO4J_BENCH_URI"):
        uri = os.environ["NEO4J_BENCH_URI"]
        user = os.environ.get("NEO4J_BENCH_USER", "neo4j")
        password = os.environ.get("NEO4J_BENCH_PASSWORD", "")
    else:
        server = start_local_instance("bench")
        uri, user, password = server.uri, server.user, server.password
    queries = load_queries()
    queries.update({f"bench/{name}": query for name, query in load_queries(BENCH_CYPHER).items()})
    return Database(uri, user, password, retry_time=30, queries=queries)


@dataclass(frozen=True)
class Run:
    children: int
    seed: int
    quick: bool
    as_of: date

    @property
    def samples(self) -> int:
        # A quick run only shows that every part still works: the fewest samples that give
        # a p99, and it stays one of the test suite's longest tests.
        return 20 if self.quick else 300


# The benchmark's parts, in the order they run, each on the area as loaded.
PARTS: dict[str, Callable[[Run, Database], list[Figure]]] = {
    "sample": lambda run, db: load_bench.batched_vs_row_by_row(
        db, 50 if run.quick else 1000, seed=10_000 + run.seed, as_of=run.as_of),
    "map": lambda run, db: web.measure(db, run.seed, samples=run.samples),
    "gaps": lambda run, db: gaps.measure(db, run.seed, samples=run.samples),
    # After the gaps: the lists and a team change read and move what the area's check kept.
    "pages": lambda run, db: pages.measure(db, run.seed, samples=run.samples),
    "analysis": lambda run, db: analysis.measure(db, run.seed, samples=run.samples),
    "audit": lambda run, db: audit.measure(db, run.seed, samples=run.samples,
                                           events=20_000 if run.quick else 1_000_000),
    "duplicates": lambda run, db: duplicates.measure(db),
    "concurrency": lambda run, db: concurrency.measure(db, run.seed, users=20,
                                                       seconds=5 if run.quick else 60),
    "browser": lambda run, db: browser.measure(db, run.seed, nodes=200 if run.quick else 1000,
                                               samples=3 if run.quick else 10,
                                               family_samples=3 if run.quick else 20),
    # Last: it empties the database, imports, and loads the area directly again.
    "imports": lambda run, db: imports.measure(db, run.children, run.seed, run.as_of),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quick", action="store_true",
                        help="a 1,000-children smoke run (keeps the benchmark working)")
    parser.add_argument("--rebuild", action="store_true",
                        help="load the area afresh even if this seed is already loaded")
    parser.add_argument("--skip", action="append", choices=PARTS, default=[],
                        help="leave out a part (repeatable), e.g. imports at a million children")
    parser.add_argument("--reference", action="store_true",
                        help="keep this run as the reference of its scale (bench/reference/) "
                             "and write the README's table again from the reference runs")
    args = parser.parse_args(argv)
    children = 1000 if args.quick else args.children
    as_of = date.today()

    db = bench_database()
    try:
        db.apply_schema()
        figures = load_bench.build_area(db, children, args.seed, as_of, args.rebuild)
        run = Run(children, args.seed, args.quick, as_of)
        for name, measure in PARTS.items():
            if name not in args.skip:
                figures += measure(run, db)
        figures.append(web.peak_memory())
    finally:
        db.close()

    spec = machine()
    print_table(figures, f"Benchmark at {children:,} children on {spec['cores']} cores, "
                         f"{spec['memory_gb']} GB")
    path = write_json(figures, children, {"children": children, "seed": args.seed,
                                          "quick": args.quick, "skipped": args.skip},
                      reference=args.reference)
    if args.reference:
        readme_table.write()
    print(f"Written to {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
    # Targets are reported, not enforced: a missed target is a finding, not a crash.
    return 0


if __name__ == "__main__":
    sys.exit(main())
