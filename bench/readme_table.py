"""The README's table of benchmark figures, made from the reference runs kept in
bench/reference/ (one per scale, side by side), never typed by hand.

`python -m bench.readme_table` writes it into the README between its markers;
`--check` says whether the README's table is the one the reference runs give."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bench.report import REFERENCE

README = Path(__file__).resolve().parents[1] / "README.md"
START = ("<!-- benchmark table: made by `python -m bench.readme_table` from bench/reference/*.json;"
         " do not edit by hand -->")
END = "<!-- end of the benchmark table -->"
# At the larger scale a page may cost at most this many times its figure at the smaller.
GROWTH_LIMIT = 2.0


def reference_runs(folder: Path = REFERENCE) -> list[dict]:
    runs = [json.loads(path.read_text()) for path in folder.glob("*-children.json")]
    return sorted(runs, key=lambda run: run["settings"]["children"])


def _number(value: float) -> str:
    return f"{value:,.1f}" if abs(value) < 1000 else f"{value:,.0f}"


def _cell(figure: dict | None) -> str:
    if figure is None:
        return "—"
    value = "not measured" if figure["value"] is None else \
        f"{_number(figure['value'])} {figure['unit']}"
    if figure["passed"] is False:
        value += " — **missed**"
    if figure["note"]:
        value += f" ({figure['note']})"
    return value.replace("|", "\\|")


def _growth(small: dict | None, large: dict | None) -> str:
    """For a page's p95, how many times its time at the smaller scale it took at the larger."""
    if not (small and large and small["unit"] == "ms" and small["name"].endswith("p95")
            and small["value"] and large["value"] is not None):
        return ""
    ratio = large["value"] / small["value"]
    return f"{ratio:.2f}×" + ("" if ratio < GROWTH_LIMIT else " — **over 2×**")


def table(runs: list[dict]) -> str:
    """The runs' figures side by side, smallest scale first, in the order it lists them."""
    if not runs:
        return "No reference run is kept yet."
    runs = sorted(runs, key=lambda run: run["settings"]["children"])
    by_name = [{f["name"]: f for f in run["figures"]} for run in runs]
    names = list(dict.fromkeys(name for figures in by_name for name in figures))
    scales = [f"{run['settings']['children']:,} children" for run in runs]
    lines = [f"- **{scale}**: run of {run['at']}, commit `{run.get('commit', 'not recorded')}`, "
             f"{run['machine']['cores']} cores, {run['machine']['memory_gb']} GB, "
             f"Python {run['machine']['python']}" for scale, run in zip(scales, runs, strict=True)]
    growth = len(runs) > 1
    head = ["figure", "target", *scales] + ([f"{scales[-1]} / {scales[0]}"] if growth else [])
    lines += ["", "| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for name in names:
        figures = [figures.get(name) for figures in by_name]
        target = next((f["target"] for f in figures if f and f["target"]), "")
        row = [name.replace("|", "\\|"), target, *map(_cell, figures)]
        if growth:
            row.append(_growth(figures[0], figures[-1]))
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def with_table(readme: str, runs: list[dict]) -> str:
    before, rest = readme.split(START, 1)
    _, after = rest.split(END, 1)
    return f"{before}{START}\n{table(runs)}\n{END}{after}"


def write() -> None:
    README.write_text(with_table(README.read_text(), reference_runs()))


def main(argv: list[str]) -> int:
    if "--check" in argv:
        current = README.read_text()
        if current != with_table(current, reference_runs()):
            print("The README's benchmark table differs from bench/reference/: run "
                  "python -m bench.readme_table")
            return 1
        return 0
    write()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
