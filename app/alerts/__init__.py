"""Email alerts of changes to the teams people work in and of gaps given to them, sent by a
worker, never inside a request."""

from flask import Blueprint

bp = Blueprint("alerts", __name__)

from app.alerts import routes  # noqa: E402,F401  (routes register on bp)
