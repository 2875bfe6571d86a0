"""Bringing an area's data in: Ofsted's Annex A, the Standard Safeguarding Dataset and
partner agencies' lists (commands in cli.py, the coordinators' page in routes.py)."""

from flask import Blueprint

bp = Blueprint("imports", __name__, url_prefix="/imports")

from app.imports import routes  # noqa: E402,F401  (routes register on bp)
