"""`python -m bench [--children N] [--quick]`: measure the product at the scale of an area.

Runs against NEO4J_BENCH_URI (with NEO4J_BENCH_USER / NEO4J_BENCH_PASSWORD) if set, else
the local bench instance (db/neo4j.sh start bench): never the demo database. Prints a table
of figures with their targets and writes the same to bench/results/<date>-<scale>.json.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from app.db import Database, load_queries
from bench import analysis, audit, browser, concurrency, duplicates, gaps, imports, pages, web
from bench import load as load_bench
from bench.report import machine, print_table, write_json
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quick", action="store_true",
                        help="a 1,000-children smoke run (keeps the benchmark working)")
    parser.add_argument("--rebuild", action="store_true",
                        help="load the area afresh even if this seed is already loaded")
    args = parser.parse_args(argv)
    children = 1000 if args.quick else args.children
    sample = 100 if args.quick else 1000
    as_of = date.today()

    db = bench_database()
    try:
        db.apply_schema()
        figures = load_bench.build_area(db, children, args.seed, as_of, args.rebuild)
        figures += load_bench.batched_vs_row_by_row(db, sample, seed=10_000 + args.seed,
                                                    as_of=as_of)
        samples = 50 if args.quick else 300
        figures += web.measure(db, args.seed, samples=samples)
        figures += pages.measure(db, args.seed, samples=samples)
        figures += gaps.measure(db, args.seed, samples=samples)
        figures += analysis.measure(db, args.seed, samples=samples)
        figures += audit.measure(db, args.seed, samples=samples,
                                 events=20_000 if args.quick else 1_000_000)
        figures += duplicates.measure(db)
        figures += concurrency.measure(db, args.seed, users=20, seconds=10 if args.quick else 60)
        figures += browser.measure(db, args.seed, nodes=200 if args.quick else 1000,
                                   samples=3 if args.quick else 10,
                                   family_samples=3 if args.quick else 20)
        # Last: it empties the database, imports, and loads the area directly again.
        figures += imports.measure(db, children, args.seed, as_of)
        figures.append(web.peak_memory())
    finally:
        db.close()

    spec = machine()
    print_table(figures, f"Benchmark at {children:,} children on {spec['cores']} cores, "
                         f"{spec['memory_gb']} GB")
    path = write_json(figures, children, {"children": children, "seed": args.seed,
                                          "quick": args.quick})
    print(f"Written to {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
    # Targets are reported, not enforced: a missed target is a finding, not a crash.
    return 0


if __name__ == "__main__":
    sys.exit(main())
