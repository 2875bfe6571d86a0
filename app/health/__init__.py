"""Liveness and database health for load balancers and `make run`."""

from flask import Blueprint

bp = Blueprint("health", __name__)

from app.health import routes  # noqa: E402,F401  (routes register on bp)
