"""Command-line tasks: `flask --app app setup`, `flask --app app seed`."""

import time

import click
from flask import Flask

from app.db import DatabaseUnavailable
from app.extensions import get_db
from seed.install import database_is_empty, demo_password, demo_sign_in_text, install_demo


def wait_for_database(timeout: float) -> None:
    """Wait until Neo4j answers (it may still be starting); fail clearly when it does not."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            get_db().verify()
            return
        except DatabaseUnavailable as error:
            if time.monotonic() > deadline:
                raise click.ClickException(
                    f"Neo4j did not answer within {timeout:.0f}s: {error}") from error
            time.sleep(1)


def _seed_demo() -> None:
    password = demo_password()
    stats = install_demo(get_db(), password)
    click.echo(f"Demo area loaded ({stats.elements} nodes and relationships checked).")
    click.echo(demo_sign_in_text(password))


def init_app(app: Flask) -> None:
    @app.cli.command("setup")
    @click.option("--timeout", default=60.0, show_default=True, help="Seconds to wait for Neo4j.")
    @click.option("--demo/--no-demo", default=True, show_default=True,
                  help="Load the demo area when the database holds no family yet.")
    def setup(timeout: float, demo: bool) -> None:
        """Wait for Neo4j, apply the schema, and load the demo area into an empty database."""
        wait_for_database(timeout)
        applied = get_db().apply_schema()
        click.echo(f"Schema applied: {', '.join(applied)}")
        if demo and database_is_empty(get_db()):
            _seed_demo()
        elif demo:
            click.echo(demo_sign_in_text(demo_password()))

    @app.cli.command("seed")
    def seed() -> None:
        """Load the demo area; adds only what is missing, so running it twice changes nothing."""
        wait_for_database(60)
        get_db().apply_schema()
        _seed_demo()
