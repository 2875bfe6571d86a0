"""What every importer shares: reading a cell so that a bad value rejects its row by
column, ids that stay the same from one import to the next, and properties without blanks."""

from __future__ import annotations

import re
import uuid
from typing import Any

from app.imports import cells
from app.imports.cells import CellError, RowError
from app.imports.tables import Table

ID_NAMESPACE = uuid.UUID("6f1c2a8e-4a57-4c1e-9a53-0b7c3f0e2d11")


def stable_id(*parts: str) -> str:
    """The same element gets the same id on every import of the same source."""
    return "imp-" + str(uuid.uuid5(ID_NAMESPACE, "|".join(parts)))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "none"


def cell(table: Table, row: list[Any], key: str, parse=cells.text) -> Any:
    """One cell parsed; a value that cannot be used rejects the row, naming its column."""
    value = table.value(row, key)
    try:
        return parse(value)
    except CellError as error:
        raise RowError(table.headers.get(key, key), value, error.reason) from None


def present(props: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in props.items() if value is not None}


