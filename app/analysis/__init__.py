"""Connections for analysts: paths, neighbourhoods, measures, saved queries, the console."""

from flask import Blueprint

from app.domain import AREA_ROLES

bp = Blueprint("analysis", __name__, url_prefix="/analysis")

ANALYSIS_ROLES = tuple(sorted(AREA_ROLES))

from app.analysis import routes  # noqa: E402,F401  (routes register on bp)
