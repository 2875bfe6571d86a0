from flask import jsonify

from app.db import DatabaseUnavailable
from app.extensions import get_db
from app.health import bp
from app.permissions import public


@bp.get("/healthz")
@public
def healthz():
    """200 when Neo4j answers, 503 when it does not, at once (one connection attempt, no
    retries: a load balancer must not wait). Open to all: no data in it."""
    try:
        get_db().verify()
    except DatabaseUnavailable:
        return jsonify(status="degraded", neo4j="unavailable"), 503
    return jsonify(status="ok", neo4j="ok")
