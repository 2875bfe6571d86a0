"""CSV downloads: names are user data, so no cell may start a spreadsheet formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from flask import Response

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Quote a cell that a spreadsheet would read as a formula (CSV injection)."""
    return f"'{value}" if str(value).startswith(FORMULA_STARTS) else value


def csv_text(header: list[str], rows: Iterable[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return out.getvalue()


def csv_response(header: list[str], rows: Iterable[list], filename: str) -> Response:
    return csv_download(csv_text(header, rows), filename)


def csv_download(text: str, filename: str) -> Response:
    """CSV text already made safe (by csv_text) as a file to save."""
    return Response(text, mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
