from flask import g, jsonify
from flask_login import current_user

from app.api import bp
from app.families import network
from app.permissions import family_access
from graph_views import family_network


@bp.get("/families/<family_id>/network")
@family_access("view_map")
def family_network_json(family_id: str):
    """{family, nodes: [{id, kind, label, ...}], edges: [{source, target, type, ...}]}."""
    return jsonify(family_network.to_json(network.for_user(family_id, current_user, g.access)))
