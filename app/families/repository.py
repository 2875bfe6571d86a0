"""Reading one family: members, family ties, the team around it and its plans."""

from __future__ import annotations

from app.extensions import get_db
from app.involvements import Involvement


def family(family_id: str) -> dict | None:
    rows = get_db().read("families/family", family_id=family_id)
    return rows[0] if rows else None


def relationships(family_id: str) -> list[dict]:
    return get_db().read("families/relationships", family_id=family_id)


def team(family_id: str) -> list[Involvement]:
    return [Involvement.from_record(r) for r in get_db().read("families/team", family_id=family_id)]


def plans(family_id: str) -> list[dict]:
    return get_db().read("families/plans", family_id=family_id)
