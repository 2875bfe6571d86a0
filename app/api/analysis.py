from datetime import date

from flask import current_app, jsonify, request

from app.analysis import ANALYSIS_ROLES
from app.analysis import repository as analyses
from app.analysis.routes import DEFAULT_PATH_LENGTH, MAX_PATH_LENGTH, visible_paths
from app.api import bp
from app.audit import repository as audit
from app.db import TookTooLong
from app.errors import invalid_input
from app.input_guard import bounded_int_arg
from app.permissions import roles_required
from graph_views import subgraph


@bp.get("/connections")
@roles_required(*ANALYSIS_ROLES)
def connections():
    """?from=<id>&to=<id>&max=<n>[&no_professionals=1][&no_ended=1]: the shortest paths."""
    source, target = request.args.get("from", "").strip(), request.args.get("to", "").strip()
    if not source or not target:
        return invalid_input({"from": ["from and to are both required"]})
    max_length = bounded_int_arg("max", DEFAULT_PATH_LENGTH, 1, MAX_PATH_LENGTH)
    audit.record("query", source, "allowed", reason=f"connections to {target}")
    try:
        paths = visible_paths(analyses.connections(source, target, max_length,
                                                   request.args.get("no_professionals") == "1",
                                                   request.args.get("no_ended") == "1"))
    except TookTooLong:
        return invalid_input({"max": [f"the search stopped after "
                                      f"{current_app.config['PATH_SECONDS']} seconds: try a "
                                      f"smaller max, or no_professionals=1"]})
    today = date.today()
    return jsonify(paths=[{
        "length": len(path.rels), "text": path.text,
        "nodes": [{"id": n["id"], "kind": subgraph.kind_of(n["labels"]),
                   "label": subgraph.node_attributes(n, today)["label"]} for n in path.nodes],
        "edges": [{"source": r["source"], "target": r["target"], "type": r["type"]}
                  for r in path.rels],
    } for path in paths])
