"""What the record pages read: a person, a family, a plan, and a person's details."""

from __future__ import annotations

from datetime import date

from app.extensions import get_db
from app.involvements import Involvement


def _one(name: str, **params) -> dict | None:
    rows = get_db().read(name, **params)
    return rows[0] if rows else None


def person(person_id: str) -> dict | None:
    return _one("records/person", person_id=person_id)


def family(family_id: str) -> dict | None:
    return _one("records/family", family_id=family_id)


def plan(child_id: str, plan_id: str) -> dict | None:
    return _one("records/plan", child_id=child_id, plan_id=plan_id)


def relatives(person_id: str) -> list[dict]:
    """The other current members of the person's families: who they may be related to."""
    return get_db().read("records/relatives", person_id=person_id)


def person_details(person_id: str) -> dict:
    """Families and homes now first, then the past, newest first; plans newest first."""
    details = _one("records/person_details", person_id=person_id) or {
        "families": [], "ties": [], "homes": [], "plans": []}
    details["families"].sort(key=lambda f: (f["left"] is not None, f["name"] or ""))
    for key, start in (("homes", "since"), ("plans", "start")):
        details[key].sort(key=lambda r, start=start: r[start] or date.min, reverse=True)
    return details


def person_team(person_id: str) -> list[Involvement]:
    """Every involvement with one person, ongoing first, then by agency and professional."""
    rows = get_db().read("families/team", family_id=None, person_id=person_id)
    return sorted(map(Involvement.from_record, rows), key=lambda i: (
        i.ended is not None, not i.lead, i.agency_name or "", i.professional_name))


def merges_into(person_id: str) -> list[dict]:
    return get_db().read("records/merges_into", person_id=person_id)


def duplicate_pairs(skip: int, limit: int) -> list[dict]:
    return get_db().read("records/duplicate_pairs", skip=skip, limit=limit)


def duplicate_pair(key: str) -> dict | None:
    return _one("records/duplicate_pair", key=key)
