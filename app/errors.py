"""Error pages and JSON errors, mapped in one place.

The database being down is an expected state, not a crash: users get a friendly 503 page
(or JSON for the API) and the app recovers by itself when Neo4j answers again.
"""

import logging

from flask import Flask, g, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from app.db import ConflictError, DatabaseUnavailable
from app.store import StoreUnavailable

log = logging.getLogger(__name__)


def invalid_input(errors: dict[str, list[str]]):
    """The API's one error shape for bad input, whichever check found it:
    `{"error": "invalid input", "errors": {field: [messages]}}` with 422."""
    return jsonify(error="invalid input", errors=errors), 422


def _wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/healthz"


def init_app(app: Flask) -> None:
    @app.errorhandler(DatabaseUnavailable)
    @app.errorhandler(StoreUnavailable)
    def database_unavailable(error):
        log.warning("database unavailable", extra={"error": type(error.__cause__).__name__,
                                                    "which": type(error).__name__})
        if _wants_json():
            return jsonify(error="database unavailable"), 503, {"Retry-After": "30"}
        return render_template("errors/503.html"), 503, {"Retry-After": "30"}

    @app.errorhandler(ConflictError)
    def conflict(error):
        if _wants_json():
            return jsonify(error="conflict", detail="that record already exists"), 409
        return render_template("errors/error.html", status=409,
                               title="That record already exists"), 409

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        if _wants_json():
            return jsonify(error="csrf token missing or invalid"), 400
        return render_template("errors/error.html", status=400,
                               title="Your form has expired or was not sent from this service"), 400

    @app.errorhandler(403)
    def forbidden(error):
        if _wants_json():
            return jsonify(error="forbidden"), 403
        if g.get("denied_family_id"):
            from app.families.forms import BreakGlassForm
            return render_template("families/forbidden.html", form=BreakGlassForm()), 403
        return render_template("errors/error.html", status=403, title="You cannot see this page"), 403

    @app.errorhandler(413)
    def too_large(error):
        limit = app.config["IMPORT_MAX_BYTES"] / 1e6
        title = f"The file is too large: the largest file the service takes is {limit:.0f} MB"
        if _wants_json():
            return jsonify(error="too large", detail=title), 413
        return render_template("errors/error.html", status=413, title=title), 413

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if _wants_json():
            return jsonify(error=error.name.lower()), error.code
        return render_template("errors/error.html", status=error.code, title=error.name), error.code

    @app.errorhandler(Exception)
    def unexpected(error):
        log.exception("unhandled error")
        if _wants_json():
            return jsonify(error="internal server error"), 500
        return render_template("errors/error.html", status=500,
                               title="Sorry, there is a problem with the service"), 500
