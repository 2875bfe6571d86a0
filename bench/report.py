"""The benchmark's output: a table on stdout and the same figures as JSON."""

from __future__ import annotations

import json
import os
import platform
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

RESULTS = Path(os.environ.get("BENCH_RESULTS_DIR") or Path(__file__).resolve().parent / "results")


@dataclass
class Figure:
    name: str
    value: float | None
    unit: str
    target: str = ""
    passed: bool | None = None  # None: no target, or not measured
    note: str = ""


def machine() -> dict:
    memory_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {"cores": os.cpu_count(), "memory_gb": round(memory_gb, 1),
            "python": platform.python_version(), "system": platform.platform()}


def print_table(figures: list[Figure], title: str) -> None:
    print(title)
    print(f"{'figure':<44}{'value':>14}  {'unit':<10}{'target':<16}{'result':<7}note")
    for f in figures:
        value = "—" if f.value is None else f"{f.value:,.1f}" if f.value < 1000 else f"{f.value:,.0f}"
        verdict = {True: "pass", False: "FAIL", None: ""}[f.passed]
        print(f"{f.name:<44}{value:>14}  {f.unit:<10}{f.target:<16}{verdict:<7}{f.note}")


def write_json(figures: list[Figure], scale: int, settings: dict) -> Path:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{datetime.now():%Y-%m-%d}-{scale}.json"
    path.write_text(json.dumps({"machine": machine(), "settings": settings,
                                "at": datetime.now().isoformat(timespec="seconds"),
                                "figures": [asdict(f) for f in figures]}, indent=2))
    return path
