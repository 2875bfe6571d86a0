"""Reading one family: members, family ties, the team around it and its plans; and the
list of families, a page at a time."""

from __future__ import annotations

from datetime import date

from app.extensions import get_db
from app.involvements import Involvement
from app.view_models import Person, Plan


def family_record(family_id: str) -> dict | None:
    """The plain record the network picture is drawn from (graph_views takes records)."""
    rows = get_db().read("families/family", family_id=family_id)
    return rows[0] if rows else None


def family(family_id: str) -> tuple[str, list[Person]] | None:
    """The family's name and its members (children first, then by given name)."""
    record = family_record(family_id)
    if record is None:
        return None
    members = [Person.from_record(m) for m in record["members"]]
    return record["name"], sorted(members, key=lambda m: (m.kind != "child", m.given_name))


def relationships(family_id: str) -> list[dict]:
    return get_db().read("families/relationships", family_id=family_id)


def team(family_id: str) -> list[Involvement]:
    return [Involvement.from_record(r)
            for r in get_db().read("families/team", family_id=family_id, person_id=None)]


def plans(family_id: str) -> list[Plan]:
    return [Plan.from_record(r) for r in get_db().read("families/plans", family_id=family_id)]


# The families list's filter "with open gaps": the least severe rank that counts.
GAP_FILTERS = {"high": ("With a high gap", 0), "any": ("With any open gap", 2)}


def family_list(today: date, sees_sensitive: bool, plan_type: str | None = None,
                agency_id: str | None = None, gaps: str | None = None, skip: int = 0,
                limit: int = 50) -> list[dict]:
    """A page of families in name order, with what each holds (children, open plans, the
    soonest review, open gaps by severity), matching the filters given."""
    return get_db().read("families/list", today=today, sees_sensitive=sees_sensitive,
                         plan_type=plan_type, agency_id=agency_id,
                         max_rank=GAP_FILTERS[gaps][1] if gaps else None, skip=skip,
                         limit=limit)


def family_count() -> int:
    return get_db().read("families/count")[0]["families"]
