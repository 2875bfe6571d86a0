from dataclasses import asdict

from flask import g, jsonify, request
from flask_login import current_user

from app.api import bp
from app.errors import invalid_input
from app.families import network
from app.families.forms import MapTimeForm
from app.families.routes import changes_for_user, since_day
from app.permissions import family_access
from graph_views import family_network


def _when() -> MapTimeForm:
    return MapTimeForm(request.args)


@bp.get("/families/<family_id>/network")
@family_access("view_map")
def family_network_json(family_id: str):
    """{family, nodes: [{id, kind, label, ...}], edges: [{source, target, type, ...}]};
    ?as_of=YYYY-MM-DD for the network as it was that day."""
    when = _when()
    if not when.validate():
        return invalid_input(when.errors)
    return jsonify(family_network.to_json(network.for_user(family_id, current_user, g.access,
                                                           when.as_of.data)))


@bp.get("/families/<family_id>/changes")
@family_access("view_map")
def family_changes(family_id: str):
    """?since=YYYY-MM-DD (default: the last conference) -> {since, changes: [{on, kind,
    person_id, professional_id, professional_name, role, detail}]}."""
    when = _when()
    if not when.validate():
        return invalid_input(when.errors)
    since = since_day(when, family_id)
    found = changes_for_user(family_id, since) if since else []
    return jsonify(since=since.isoformat() if since else None, changes=[
        {**asdict(c), "on": c.on.isoformat()} for c in found])
