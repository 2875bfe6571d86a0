"""The safeguarding network map service: the Flask application factory."""

from __future__ import annotations

import atexit
import logging
from typing import Any

from flask import Flask
from flask_wtf.csrf import CSRFProtect
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader

from app import errors, input_guard, logging_setup, security_headers, template_filters
from app.auth import single_sign_on
from app.auth.sessions import login_manager
from app.config import config_for_environment
from app.db import Database, DatabaseUnavailable
from app.gaps.rules import load_rules
from app.store import Store

log = logging.getLogger(__name__)
csrf = CSRFProtect()


def create_app(config_class: type | None = None, **overrides: Any) -> Flask:
    """Build the app: config, the one Neo4j driver and the app's own store, blueprints,
    error pages and headers. The store's tables are created or migrated by
    `flask --app app setup` (which `make run` runs before serving)."""
    app = Flask(__name__)
    app.config.from_object((config_class or config_for_environment())())
    app.config.update(overrides)
    logging_setup.init_app(app)
    # A wrong gap setting stops the start here, with a message naming it.
    app.config["GAP_RULES"] = load_rules(app.config["GAPS_CONFIG"])

    app.jinja_loader = ChoiceLoader([
        FileSystemLoader(app.root_path + "/templates"),
        PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
    ])

    db = Database(
        app.config["NEO4J_URI"],
        app.config["NEO4J_USER"],
        app.config["NEO4J_PASSWORD"],
        app.config["NEO4J_DATABASE"],
        connection_timeout=app.config["NEO4J_CONNECTION_TIMEOUT"],
        retry_time=app.config["NEO4J_RETRY_TIME"],
    )
    app.extensions["neo4j"] = db
    atexit.register(db.close)
    _check_database(db)
    store = Store(app.config["DATABASE_URL"])
    app.extensions["store"] = store
    atexit.register(store.close)

    csrf.init_app(app)
    login_manager.init_app(app)
    single_sign_on.init_app(app)
    if app.config["SMTP_TLS"] not in ("starttls", "ssl", "none"):
        raise ValueError(f"SMTP_TLS must be starttls, ssl or none, not {app.config['SMTP_TLS']!r}")

    # Imported here: the CLI uses seed/, which itself uses app.db.
    from app import cli
    from app.admin import bp as admin_bp
    from app.alerts import bp as alerts_bp
    from app.analysis import bp as analysis_bp
    from app.api import bp as api_bp
    from app.audit import bp as audit_bp
    from app.auth import bp as auth_bp
    from app.directory import bp as directory_bp
    from app.families import bp as families_bp
    from app.gaps import bp as gaps_bp
    from app.health import bp as health_bp
    from app.imports import bp as imports_bp
    from app.main import bp as main_bp
    from app.me import bp as me_bp
    from app.plans import bp as plans_bp
    from app.records import bp as records_bp
    from app.search import bp as search_bp
    from app.team import bp as team_bp

    for blueprint in (health_bp, main_bp, auth_bp, search_bp, families_bp, team_bp, me_bp,
                      gaps_bp, analysis_bp, audit_bp, admin_bp, imports_bp, records_bp, directory_bp,
                      plans_bp, alerts_bp, api_bp):
        app.register_blueprint(blueprint)
    # API writes authenticate with a bearer token, not the cookie: no CSRF token applies.
    csrf.exempt(api_bp)
    errors.init_app(app)
    input_guard.init_app(app)
    template_filters.init_app(app)
    cli.init_app(app)
    security_headers.init_app(app)
    return app


def _check_database(db: Database) -> None:
    """Say in the log whether Neo4j answers; a database that is down is not fatal.

    The app starts anyway and answers 503 until Neo4j is back: the driver reconnects by
    itself, so no restart is needed. The schema is applied by `flask --app app setup`,
    which `make run` runs before serving (like a migration step in a deployment).
    """
    try:
        db.verify()
    except DatabaseUnavailable:
        log.warning("neo4j unavailable at start; serving 503 until it answers")
