"""One family's network for the signed-in user: the same access-filtered data behind the
map page, the JSON API and the exports."""

from __future__ import annotations

from datetime import date

import networkx as nx

from app import access
from app.families import history
from app.families import repository as families
from graph_views import family_network


def for_user(family_id: str, user, decision: access.Decision,
             as_of: date | None = None) -> nx.MultiDiGraph:
    """Call after the access decision (which checked the family exists). With `as_of`, the
    network as it was that day: members, homes, ties and involvements valid then."""
    if as_of is None:
        record = families.family_record(family_id)
        ties = families.relationships(family_id)
        team = families.team(family_id)
    else:
        record = history.family_record_as_of(family_id, as_of)
        ties = history.relationships_as_of(family_id, as_of)
        team = [then for i in history.team_history(family_id)
                if (then := history.was_ongoing(i, as_of)) is not None]
    if record is None:
        raise LookupError(f"no family {family_id}")
    members = {m["id"] for m in record["members"]}
    involvements = [i for i in access.visible_involvements(user, decision, team)
                    if i.person_id in members]
    return family_network.build(record, [t for t in ties if {t["source"], t["target"]} <= members],
                                [i.as_record() for i in involvements], as_of or date.today())
