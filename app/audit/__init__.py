"""The audit trail: every access recorded, append-only, and the pages that show it."""

from flask import Blueprint

bp = Blueprint("audit", __name__, url_prefix="/audit")

from app.audit import routes  # noqa: E402,F401  (routes register on bp)
