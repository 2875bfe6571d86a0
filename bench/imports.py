"""Imports at area scale: the synthetic area written as SSD CSVs, imported into an empty
database (parsing and validation included), imported again unchanged, and dry-run; then the
area is loaded directly again, which gives the direct batched load's rate in the same run
(and leaves the database as the other benchmarks expect it)."""

from __future__ import annotations

import tempfile
import time
from datetime import date
from pathlib import Path

from app.db import Database
from app.imports import service
from bench.report import Figure
from bench.web import bench_app
from seed.area import generate_area
from seed.generate import load_with_progress
from seed.returns import write_ssd

REIMPORT_TARGET_S = 60
DRY_RUN_TARGET_S = 30


def _timed_import(app, db: Database, folder: Path, as_of: date, dry_run: bool):
    started = time.perf_counter()
    with app.app_context():
        result = service.run(db, "ssd", folder, la_code="BENCH", as_of=as_of, dry_run=dry_run,
                             max_bytes=app.config["IMPORT_MAX_BYTES"], user_id=None)
    return result, time.perf_counter() - started


def measure(db: Database, children: int, seed: int, as_of: date) -> list[Figure]:
    batch = generate_area(children, seed, as_of)
    app = bench_app(db)
    with tempfile.TemporaryDirectory(prefix="bench-ssd-") as tmp:
        folder = write_ssd(batch, Path(tmp) / "ssd", as_of)
        db.run_script("bench/delete_everything")
        first, first_s = _timed_import(app, db, folder, as_of, dry_run=False)
        elements = first.difference.totals().create
        again, again_s = _timed_import(app, db, folder, as_of, dry_run=False)
        changed = again.difference.totals()
        _, dry_s = _timed_import(app, db, folder, as_of, dry_run=True)
    db.run_script("bench/delete_everything")
    direct = load_with_progress(db, batch)
    import_rate = elements / first_s
    return [
        Figure("import: SSD into an empty database", import_rate, "el/s",
               f">= direct load ({direct.rate:,.0f})", import_rate >= direct.rate,
               f"{elements:,} elements in {first_s:.1f}s, parsing and validation included"),
        Figure("load: batched, whole area (same run)", direct.rate, "el/s",
               note=f"{direct.elements:,} elements in {direct.seconds:.1f}s"),
        Figure("import: SSD again, unchanged", again_s, "s", f"< {REIMPORT_TARGET_S}",
               again_s < REIMPORT_TARGET_S and changed.create == changed.update == changed.end == 0,
               f"created {changed.create}, updated {changed.update}, ended {changed.end}"),
        Figure("import: SSD dry run", dry_s, "s", f"< {DRY_RUN_TARGET_S}", dry_s < DRY_RUN_TARGET_S),
    ]
