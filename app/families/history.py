"""A family's network through time: as it was on a day (`as_of`), and what changed after a
day (`since`, by default the last conference). Both read the graph's own dates (start and
end of involvements, memberships, homes, ties and plans): nothing is deleted, so the past is
still there to draw."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from app.extensions import get_db
from app.involvements import Involvement


def was_ongoing(involvement: Involvement, day: date) -> Involvement | None:
    """The involvement as it stood on `day`: not started yet -> None; ended later -> still
    going then (no end, no successor yet)."""
    if involvement.since and involvement.since > day:
        return None
    if involvement.ended and involvement.ended >= day:
        return replace(involvement, ended=None, ended_reason=None, successor_name=None)
    return involvement


def family_record_as_of(family_id: str, day: date) -> dict | None:
    rows = get_db().read("families/family_as_of", family_id=family_id, as_of=day)
    return rows[0] if rows else None


def relationships_as_of(family_id: str, day: date) -> list[dict]:
    return get_db().read("families/relationships_as_of", family_id=family_id, as_of=day)


def team_history(family_id: str) -> list[Involvement]:
    return [Involvement.from_record(r)
            for r in get_db().read("families/team_history", family_id=family_id)]


def last_conference(family_id: str, today: date) -> date | None:
    return get_db().read("families/last_conference", family_id=family_id, today=today)[0]["on"]


@dataclass(frozen=True)
class Change:
    on: date
    kind: str  # joined, left, handed_over, became_lead, concern_raised, plan_started, ...
    person_id: str | None
    professional_id: str | None = None
    professional_name: str | None = None
    role: str | None = None
    detail: str | None = None


def changes_since(family_id: str, since: date, involvements: list[Involvement]) -> list[Change]:
    """Who joined, left or handed over (by the involvements' own dates), who became lead,
    new adults in a home, plans started or ended and concerns raised, after `since`, in
    date order. `involvements` are those the user may see (sensitive ones filtered)."""
    found: list[Change] = []
    for i in involvements:
        if i.since and i.since > since:
            found.append(Change(i.since, "joined", i.person_id, i.professional_id,
                                i.professional_name, i.role))
        if i.ended and i.ended > since:
            kind = "handed_over" if i.successor_name else "left"
            found.append(Change(i.ended, kind, i.person_id, i.professional_id,
                                i.professional_name, i.role, i.successor_name))
    visible = {i.professional_id for i in involvements}
    for row in get_db().read("families/changes_since", family_id=family_id, since=since):
        if row["professional_id"] and row["professional_id"] not in visible:
            continue  # a professional this user may not see (a sensitive service)
        found.append(Change(row["on"], row["kind"], row["person_id"], row["professional_id"],
                            row["professional_name"], detail=row["detail"]))
    return sorted(found, key=lambda c: (c.on, c.kind, c.person_id, c.professional_id or ""))
