"""Command-line tasks: `flask --app app setup`, `seed`, `gaps`, `users create`,
`audit verify` and `alerts send|work`."""

import os
import signal
import sys
import threading
import time

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from app.admin import repository as users
from app.alerts import worker as alert_worker
from app.audit import repository as audit
from app.db import ConflictError, DatabaseUnavailable
from app.domain import ROLES
from app.extensions import get_db
from app.imports.cli import import_cli
from app.store import get_store
from app.store.graph_migration import move_out_of_graph
from seed.install import database_is_empty, demo_password, demo_sign_in_text, install_demo

MIN_PASSWORD_LENGTH = 12


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


users_cli = AppGroup("users", help="Manage accounts.")


@users_cli.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--professional", "professional_id", default=None,
              help="Id of the professional this account belongs to.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def create_user(email: str, role: str, professional_id: str | None, password_stdin: bool) -> None:
    """Create an account (the first admin, for instance). The password is asked for without
    echo, or read from standard input with --password-stdin."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise click.ClickException(f"password: use at least {MIN_PASSWORD_LENGTH} characters")
    try:
        user_id = users.create_user(email, password, role, professional_id)
    except ConflictError:
        raise click.ClickException(f"email: an account with {email} already exists") from None
    audit.record("manage_user", user_id, "allowed", reason="created (command line)")
    click.echo(f"Created {role} account {user_id}")


def _prepare_store() -> None:
    """Migrate the app's store, and move into it what the graph used to hold."""
    get_store().migrate()
    moved = move_out_of_graph(get_db(), get_store())
    if moved:
        click.echo("Moved from the graph to the app's store: "
                   + ", ".join(f"{count} {kind}" for kind, count in moved.items()))


audit_cli = AppGroup("audit", help="The audit trail.")


@audit_cli.command("verify")
def verify_audit() -> None:
    """Check the audit trail's hash chain: exit 1, naming each event, when an event was
    changed or removed."""
    found = audit.verify()
    for problem in found:
        click.echo(problem, err=True)
    if found:
        raise SystemExit(1)
    click.echo("The audit trail is intact.")


alerts_cli = AppGroup("alerts", help="Email alerts.")


@alerts_cli.command("send")
def send_alerts() -> None:
    """One pass: queue alerts for new team changes, send what is due, and the digests."""
    if not current_app.config["SMTP_HOST"]:
        raise click.ClickException("SMTP_HOST is not set: email alerts are off")
    done = alert_worker.run_once()
    click.echo(f"{done['queued']} alerts queued, {done['sent']} sent, "
               f"{done['digests']} digests sent")


@alerts_cli.command("work")
@click.option("--exit-with-parent", is_flag=True,
              help="Stop when the process that started the worker ends (make run).")
def work_alerts(exit_with_parent: bool) -> None:
    """Send alerts until stopped (SIGTERM or Ctrl-C), a pass every ALERT_POLL_SECONDS."""
    if not current_app.config["SMTP_HOST"]:
        click.echo("Email alerts are off (SMTP_HOST is not set).")
        return
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    if exit_with_parent:
        parent = os.getppid()
        threading.Thread(target=_stop_when_orphaned, args=(parent, stop), daemon=True).start()
    click.echo(f"Sending email alerts through {current_app.config['SMTP_HOST']}")
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    alert_worker.run_forever(stop)


def _stop_when_orphaned(parent: int, stop: threading.Event) -> None:
    while not stop.wait(1):
        if os.getppid() != parent:
            stop.set()


def init_app(app: Flask) -> None:
    app.cli.add_command(users_cli)
    app.cli.add_command(audit_cli)
    app.cli.add_command(alerts_cli)
    app.cli.add_command(import_cli)

    @app.cli.command("gaps")
    def gaps_counts() -> None:
        """Check the whole area for gaps and keep what is found for the dashboard (a
        nightly job: the writes keep it up to date for the families they change)."""
        from app.gaps import state as gap_state

        wait_for_database(60)
        timings: dict = {}
        started = time.perf_counter()
        found, resolved = gap_state.check_area(timings)
        click.echo(f"{'rule':<28}{'gaps':>8}{'seconds':>10}")
        for rule_id, (seconds, count) in timings.items():
            click.echo(f"{rule_id:<28}{count:>8}{seconds:>10.2f}")
        # The whole check, its saving included: the rules run two at a time, so it is less
        # than their sum.
        click.echo(f"{'total':<28}{len(found):>8}{time.perf_counter() - started:>10.2f}")
        click.echo(f"Resolved since the last run: {resolved}")

    @app.cli.command("duplicates")
    def find_duplicates() -> None:
        """Look for possible duplicates across the area (for a nightly job): the pairs are
        kept for the coordinators' list, /duplicates."""
        from app.records import duplicates

        wait_for_database(60)
        result = duplicates.scan(get_db())
        duplicates.save(get_db(), result)
        reasons: dict[str, int] = {}
        for found in result.pairs.values():
            for reason in found:
                reasons[reason] = reasons.get(reason, 0) + 1
        click.echo(f"{result.people:,} people, {result.compared:,} pairs compared in "
                   f"{result.seconds:.1f} s: {len(result.pairs):,} possible duplicates")
        for reason, count in sorted(reasons.items()):
            click.echo(f"  {duplicates.REASONS[reason]}: {count:,}")

    @app.cli.command("setup")
    @click.option("--timeout", default=60.0, show_default=True, help="Seconds to wait for Neo4j.")
    @click.option("--demo/--no-demo", default=True, show_default=True,
                  help="Load the demo area when the database holds no family yet.")
    def setup(timeout: float, demo: bool) -> None:
        """Wait for Neo4j, apply the schema, and load the demo area into an empty database."""
        wait_for_database(timeout)
        _prepare_store()
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
        _prepare_store()
        get_db().apply_schema()
        _seed_demo()
