"""Opening a return: an Excel workbook (one table per sheet) or CSV files (one table per
file), with the header found wherever it is (under a title row or not).

A file that cannot be read at all raises ImportRefused with a message for the person who
chose it: an empty file, one too large, a CSV named .xlsx, a broken workbook."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from app.imports.cells import header_key

# Rows above the header that may hold a title, a date or a blank line.
HEADER_SEARCH_ROWS = 10
XLSX_SIGNATURE = b"PK\x03\x04"
K = TypeVar("K")


class ImportRefused(Exception):
    """The import cannot run at all (nothing was written)."""


@dataclass
class Table:
    """One sheet or CSV file: its header (as keys) and data rows numbered as the person
    sees them in Excel (1-based, the header's own row counted)."""
    file: str
    sheet: str | None
    columns: dict[str, int]          # header key -> position
    headers: dict[str, str]          # header key -> the header as written
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)

    def value(self, row: list[Any], key: str) -> Any:
        position = self.columns.get(key)
        return row[position] if position is not None and position < len(row) else None


def check_size(path: Path, max_bytes: int) -> None:
    size = path.stat().st_size
    if size == 0:
        raise ImportRefused(f"{path.name} is empty")
    if size > max_bytes:
        raise ImportRefused(f"{path.name} is {size / 1e6:.0f} MB; the largest file an import "
                            f"takes is {max_bytes / 1e6:.0f} MB (IMPORT_MAX_BYTES)")


def _find_header(rows: Iterator[tuple[int, list[Any]]], key_columns: tuple[str, ...]):
    """The header is the first row, among the first few, that names a key column."""
    for number, row in rows:
        keys = [header_key(cell) for cell in row]
        if any(key in keys for key in key_columns):
            return number, row, keys
        if number >= HEADER_SEARCH_ROWS:
            break
    return None


def _table(file: str, sheet: str | None, numbered: Iterable[tuple[int, list[Any]]],
           key_columns: tuple[str, ...]) -> Table | None:
    rows = iter(numbered)
    found = _find_header(rows, key_columns)
    if found is None:
        return None
    _, header, keys = found
    columns: dict[str, int] = {}
    headers: dict[str, str] = {}
    for position, (key, title) in enumerate(zip(keys, header, strict=True)):
        if key and key not in columns:
            columns[key] = position
            headers[key] = " ".join(str(title).split())
    table = Table(file, sheet, columns, headers)
    for number, row in rows:
        if any(cell not in (None, "") and str(cell).strip() for cell in row):
            table.rows.append((number, row))
    return table


def workbook_tables(path: Path, key_columns: tuple[str, ...], max_bytes: int) -> dict[str, Table | None]:
    """Every sheet of the workbook, by name; None for a sheet with no recognisable header."""
    check_size(path, max_bytes)
    with path.open("rb") as handle:
        signature = handle.read(4)
    if signature != XLSX_SIGNATURE:
        raise ImportRefused(f"{path.name} is not an Excel workbook (.xlsx): save it from Excel "
                            f"as “Excel Workbook”, or import the lists as CSV files")
    from openpyxl import load_workbook  # imported here: only workbook imports need it
    try:
        # Read-only streams the sheets; formulas are read as formulas, never evaluated.
        book = load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ImportRefused(f"{path.name} could not be opened as a workbook ({error})") from None
    try:
        tables = {}
        for sheet in book.worksheets:
            numbered = ((number, list(row)) for number, row in
                        enumerate(sheet.iter_rows(values_only=True), start=1))
            tables[sheet.title] = _table(path.name, sheet.title, numbered, key_columns)
        return tables
    finally:
        book.close()


def _decoded(path: Path) -> str:
    data = path.read_bytes()
    if b"\x00" in data[:4096] or data[:4] == XLSX_SIGNATURE:
        raise ImportRefused(f"{path.name} is not a CSV file (it holds binary data)")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportRefused(f"{path.name} is neither UTF-8 nor Windows-1252 text")


def csv_folder(folder: Path, name_of: Callable[[str], K | None],
               key_columns_of: Callable[[K], tuple[str, ...]],
               max_bytes: int) -> dict[K, Table | None]:
    """A folder's CSV files by what each holds (`name_of` a file's stem; None leaves the
    file out), each with its header found (None when it names no key column). Two files
    that hold the same list or table are refused: which one to trust is for a person."""
    found: dict[K, Table | None] = {}
    files: dict[K, str] = {}
    for file in sorted(folder.iterdir()):
        name = name_of(file.stem) if file.suffix.lower() == ".csv" else None
        if name is None:
            continue
        if name in files:
            raise ImportRefused(f"Two files hold the same data: {files[name]} and {file.name}")
        files[name] = file.name
        found[name] = csv_table(file, key_columns_of(name), max_bytes)
    return found


def csv_table(path: Path, key_columns: tuple[str, ...], max_bytes: int) -> Table | None:
    check_size(path, max_bytes)
    try:
        reader = csv.reader(io.StringIO(_decoded(path), newline=""))
        numbered = [(number, row) for number, row in enumerate(reader, start=1)]
    except csv.Error as error:
        raise ImportRefused(f"{path.name} could not be read as CSV ({error})") from None
    return _table(path.name, None, numbered, key_columns)
