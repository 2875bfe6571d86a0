"""The benchmark's output: a table on stdout and the same figures as JSON."""

from __future__ import annotations

import json
import os
import platform
import subprocess
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = Path(os.environ.get("BENCH_RESULTS_DIR") or HERE / "results")
# The runs the README's table is made from (python -m bench --reference keeps one per scale).
REFERENCE = HERE / "reference"


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


def commit() -> str:
    """The commit measured, marked "+changes" when the working tree differed from it."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=HERE, capture_output=True, text=True,
                              check=False).stdout.strip()
    head = git("rev-parse", "--short=12", "HEAD") or "unknown"
    return head + ("+changes" if git("status", "--porcelain", "--untracked-files=no") else "")


def write_json(figures: list[Figure], scale: int, settings: dict,
               reference: bool = False) -> Path:
    """The run as JSON in RESULTS; with `reference`, also as the reference run of its scale."""
    text = json.dumps({"machine": machine(), "settings": settings, "commit": commit(),
                       "at": datetime.now().isoformat(timespec="seconds"),
                       "figures": [asdict(f) for f in figures]}, indent=2) + "\n"
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{datetime.now():%Y-%m-%d}-{scale}.json"
    path.write_text(text)
    if reference:
        (REFERENCE / f"{scale}-children.json").write_text(text)
    return path
