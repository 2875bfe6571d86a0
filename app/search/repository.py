from __future__ import annotations

from datetime import date

from app.extensions import get_db

RESULT_LIMIT = 25


def people(query: str, dob: date | None) -> list[dict]:
    return get_db().read("search/people", query=query, dob=dob, limit=RESULT_LIMIT)
