"""A child's team: who works with the child, joining, leaving, handing over, concerns."""

from flask import Blueprint

bp = Blueprint("team", __name__, url_prefix="/children")

from app.team import routes  # noqa: E402,F401  (routes register on bp)
