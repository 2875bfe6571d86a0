"""One family's network for the signed-in user: the same access-filtered data behind the
map page, the JSON API and the exports."""

from __future__ import annotations

from datetime import date

import networkx as nx

from app import access
from app.families import repository as families
from graph_views import family_network


def for_user(family_id: str, user, decision: access.Decision) -> nx.MultiDiGraph:
    """Call after the access decision (which checked the family exists)."""
    record = families.family_record(family_id)
    if record is None:
        raise LookupError(f"no family {family_id}")
    involvements = access.visible_involvements(user, decision, families.team(family_id))
    return family_network.build(record, families.relationships(family_id),
                                [i.as_record() for i in involvements], date.today())
