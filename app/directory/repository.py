"""What the directory's pages read."""

from __future__ import annotations

import time
from collections.abc import Container
from dataclasses import dataclass
from functools import cached_property

from flask import current_app
from markupsafe import Markup
from sqlalchemy import select

from app.extensions import get_db
from app.store import get_store
from app.store.tables import users


def _one(name: str, **params) -> dict | None:
    rows = get_db().read(name, **params)
    return rows[0] if rows else None


def agencies() -> list[dict]:
    return get_db().read("directory/agencies")


def agency_choices() -> list[dict]:
    """Each agency's id and name, by name, as they are now: for a form that takes an agency
    (a choice it does not hold is refused)."""
    return get_db().read("directory/agency_choices")


# A region has thousands of agencies, and the lists' agency filter offered every one on
# every page (at a million children, reading and sorting 3,000 was four fifths of the list
# of children on plans, and writing them out as options another 6 ms): for the lists they
# are read and written out once a minute per process, and again at once after a change to
# an agency made in this process (an import, the directory's pages).
CHOICES_SECONDS = 60.0


@dataclass(frozen=True)
class AgencyFilter(Container[str]):
    """The area's agencies as the lists' filter offers them, and the agency ids it accepts:
    those offered, or one recorded since they were read (an agency added in another
    process is offered within a minute, and filters at once)."""

    rows: list[dict]

    @cached_property
    def ids(self) -> frozenset[str]:
        return frozenset(a["id"] for a in self.rows)

    def __contains__(self, agency_id: object) -> bool:
        return agency_id in self.ids or (
            isinstance(agency_id, str) and agency(agency_id) is not None)

    @cached_property
    def options(self) -> Markup:
        """Every agency as a select's <option>, none chosen (escaped here, once)."""
        option = Markup('<option value="{}">{}</option>')
        return Markup("").join(option.format(a["id"], a["name"]) for a in self.rows)

    def filter_options(self, chosen: str | None) -> Markup | list[tuple[str, str]]:
        """The options written out, or with one chosen, the (id, name) pairs for the form
        to mark it."""
        return self.options if chosen is None else [(a["id"], a["name"]) for a in self.rows]


def agency_filter() -> AgencyFilter:
    """The agencies as read within the last CHOICES_SECONDS."""
    kept = current_app.extensions.get("agency_filter")
    if kept is None or time.monotonic() - kept[0] > CHOICES_SECONDS:
        kept = (time.monotonic(), AgencyFilter(agency_choices()))
        current_app.extensions["agency_filter"] = kept
    return kept[1]


def forget_agency_filter() -> None:
    """After a change to the agencies: the next list reads them afresh."""
    current_app.extensions.pop("agency_filter", None)


def agency(agency_id: str) -> dict | None:
    return _one("directory/agency", agency_id=agency_id)


def professional(professional_id: str) -> dict | None:
    return _one("directory/professional", professional_id=professional_id)


def ongoing_involvements(professional_id: str) -> list[dict]:
    return get_db().read("directory/ongoing_involvements", professional_id=professional_id)


def colleagues() -> list[dict]:
    """Who may take over: the area's professionals who have not left."""
    return get_db().read("team/professionals")


def account_of(professional_id: str) -> dict | None:
    """The account linked to this professional, if any (accounts live in the app's store)."""
    with get_store().reading() as connection:
        row = connection.execute(select(users.c.id, users.c.email, users.c.role)
                                 .where(users.c.professional_id == professional_id)).first()
    return dict(row._mapping) if row else None
