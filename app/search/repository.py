from __future__ import annotations

from datetime import date

from app.extensions import get_db
from app.search.query import fulltext_query
from app.view_models import Person

RESULT_LIMIT = 25


def people(query: str, dob: date | None) -> list[Person]:
    return [Person.from_record(r)
            for r in get_db().read("search/people", query=query, dob=dob, limit=RESULT_LIMIT)]


def people_for(form) -> list[Person] | None:
    """The people a submitted search form asks for, or None (not submitted, or invalid:
    the reason is left at the form's field)."""
    if not form.validate_on_submit():
        return None
    query = fulltext_query(form.name.data)
    if query is None:
        form.name.errors.append("Enter a name with at least one letter or number")
        return None
    return people(query, form.dob.data)
