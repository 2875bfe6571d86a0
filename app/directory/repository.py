"""What the directory's pages read."""

from __future__ import annotations

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
    """Each agency's id and name, for a form's choices."""
    return get_db().read("directory/agency_choices")


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
