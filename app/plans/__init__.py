"""Children on plans, for those who chair and plan conferences: reviews coming due, with
filters and pages, and the coordinator's home panels."""

from flask import Blueprint

bp = Blueprint("plans", __name__, url_prefix="/plans")

from app.plans import routes  # noqa: E402,F401  (routes register on bp)
