from __future__ import annotations

from datetime import date

from app.extensions import get_db
from app.view_models import Person

RESULT_LIMIT = 25


def people(query: str, dob: date | None) -> list[Person]:
    return [Person.from_record(r)
            for r in get_db().read("search/people", query=query, dob=dob, limit=RESULT_LIMIT)]
