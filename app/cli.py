"""Command-line tasks: `flask --app app setup` and friends."""

import time

import click
from flask import Flask

from app.db import DatabaseUnavailable
from app.extensions import get_db


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


def init_app(app: Flask) -> None:
    @app.cli.command("setup")
    @click.option("--timeout", default=60.0, show_default=True, help="Seconds to wait for Neo4j.")
    def setup(timeout: float) -> None:
        """Wait for Neo4j and apply the schema (constraints and indexes)."""
        wait_for_database(timeout)
        applied = get_db().apply_schema()
        click.echo(f"Schema applied: {', '.join(applied)}")
