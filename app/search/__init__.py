"""Finding a person by name (and date of birth), within the need-to-know rule."""

from flask import Blueprint

bp = Blueprint("search", __name__)

from app.search import routes  # noqa: E402,F401  (routes register on bp)
