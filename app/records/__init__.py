"""Recording and correcting the family side of the graph from the app: families, members,
identity, relationships, households and plans (pages here, the same in the JSON API)."""

from flask import Blueprint

bp = Blueprint("records", __name__)

from app.records import duplicate_routes, routes  # noqa: E402,F401  (routes register on bp)
