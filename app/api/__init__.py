"""The JSON API, under the same access rule and audit as the pages."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from app.api import (  # noqa: E402,F401  (routes register on bp)
    analysis,
    directory,
    duplicates,
    gaps,
    openapi,
    records,
    routes,
    team,
)
