"""Gaps in involvement: the coordinators' dashboard, follow-up, export and API."""

from flask import Blueprint

bp = Blueprint("gaps", __name__, url_prefix="/gaps")

from app.gaps import routes  # noqa: E402,F401  (routes register on bp)
