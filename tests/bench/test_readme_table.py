"""The README's benchmark table is made from the reference runs kept in the repository."""

from bench import readme_table
from bench.report import REFERENCE


def test_the_readme_shows_the_reference_runs_as_kept():
    readme = readme_table.README.read_text()
    assert readme == readme_table.with_table(readme, readme_table.reference_runs()), \
        "run python -m bench.readme_table"


def test_each_reference_run_says_when_where_and_what_was_measured():
    runs = readme_table.reference_runs()
    assert {run["settings"]["children"] for run in runs} >= {100_000, 1_000_000}, \
        sorted(path.name for path in REFERENCE.iterdir())
    for run in runs:
        assert run["at"] and run["machine"]["cores"] and run["machine"]["memory_gb"]
        assert run["commit"] and run["commit"] != "unknown"
        assert not run["settings"]["quick"]


def _figure(name, value, unit="ms", target="", passed=None, note=""):
    return {"name": name, "value": value, "unit": unit, "target": target, "passed": passed,
            "note": note}


def _run(children, figures):
    return {"settings": {"children": children, "seed": 1, "quick": False}, "at": "2026-11-30",
            "commit": "abc", "machine": {"cores": 2, "memory_gb": 23.5, "python": "3.11"},
            "figures": figures}


def test_two_scales_side_by_side_with_how_much_a_page_grew():
    small = _run(100_000, [_figure("family page p95", 20.0, target="< 50", passed=True),
                           _figure("gaps: CSV | median", 0.7, "s", "< 2", True, "23,964 gaps")])
    large = _run(1_000_000, [_figure("family page p95", 45.0, target="< 50", passed=True),
                             _figure("gaps: CSV | median", 9.0, "s", "< 2", False)])
    lines = readme_table.table([large, small]).splitlines()
    assert lines[3] == ("| figure | target | 100,000 children | 1,000,000 children | "
                        "1,000,000 children / 100,000 children |")
    assert lines[5] == "| family page p95 | < 50 | 20.0 ms | 45.0 ms | 2.25× — **over 2×** |"
    assert lines[6] == ("| gaps: CSV \\| median | < 2 | 0.7 s (23,964 gaps) | "
                        "9.0 s — **missed** |  |")
