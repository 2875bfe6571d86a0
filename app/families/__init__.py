"""A family: its page, and break-glass access to it."""

from flask import Blueprint

bp = Blueprint("families", __name__, url_prefix="/families")

from app.families import routes  # noqa: E402,F401  (routes register on bp)
