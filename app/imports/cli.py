"""`flask --app app import annex-a PATH`, `import ssd FOLDER`, `import agency-list FILE`.

Exit status 0 when the import ran (even with rejected rows: they are listed), 1 when it
could not run at all (a file it cannot read, the database gone)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from tqdm import tqdm

from app.db import DatabaseUnavailable
from app.extensions import get_db
from app.imports import service
from app.imports.tables import ImportRefused

import_cli = AppGroup("import", help="Bring an area's data in (Annex A, SSD, agency lists).")


def _as_of(_ctx, _param, value: str | None) -> date:
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("give the date as YYYY-MM-DD") from None


def common(command):
    command = click.option("--dry-run", is_flag=True,
                           help="Compare with the graph and report; write nothing.")(command)
    command = click.option("--as-of", callback=_as_of, default=None, metavar="YYYY-MM-DD",
                           help="The date the source describes (default: today).")(command)
    command = click.option("--la-code", required=True,
                           help="The area's code, put before every source id (E09000002).")(command)
    return command


def print_summary(result: service.ImportResult) -> None:
    difference = result.difference
    click.echo("")
    click.echo(f"{'Sheet or file':<44} {'read':>8} {'applied':>8} {'unchanged':>9} {'rejected':>8}")
    for (file, sheet), rows in difference.sheets.items():
        where = f"{file} / {sheet}" if sheet else file
        click.echo(f"{where[:44]:<44} {rows.read:>8} {rows.applied:>8} "
                   f"{rows.unchanged:>9} {rows.rejected:>8}")
    click.echo("")
    click.echo(f"{'Kind':<16} {'create' if result.dry_run else 'created':>8} "
               f"{'update' if result.dry_run else 'updated':>8} {'unchanged':>9} "
               f"{'end' if result.dry_run else 'ended':>8}")
    for kind, counts in difference.kinds.items():
        if counts.create or counts.update or counts.unchanged or counts.end:
            click.echo(f"{kind:<16} {counts.create:>8} {counts.update:>8} "
                       f"{counts.unchanged:>9} {counts.end:>8}")
    click.echo("")
    if result.dry_run:
        click.echo("Dry run: nothing was written.")
    else:
        click.echo(f"Import {result.import_id} complete.")
    if difference.possible_duplicates:
        click.echo(f"{len(difference.possible_duplicates)} possible duplicate(s) kept apart (the "
                   f"same name and date of birth as another person), for a person to decide:")
        for new_id, other_id in difference.possible_duplicates[:10]:
            click.echo(f"  {new_id} and {other_id}")
    rejected = difference.snapshot.rejected
    if rejected:
        click.echo(f"{len(rejected)} row(s) rejected; the first ones:")
        for r in rejected[:10]:
            where = f"{r.file} / {r.sheet}" if r.sheet else r.file
            click.echo(f"  {where} row {r.row}, {r.column}: {r.reason}")


def run_command(kind: str, path: Path, la_code: str, as_of: date, dry_run: bool,
                **options) -> None:
    bar = tqdm(unit=" elements", desc="comparing", disable=None)
    done = {"written": 0}

    def progress(what: str, count: int) -> None:
        bar.set_description(what)
        bar.update(count)
        done["written"] += count

    try:
        result = service.run(get_db(), kind, path, la_code=la_code, as_of=as_of,
                             dry_run=dry_run, max_bytes=current_app.config["IMPORT_MAX_BYTES"],
                             user_id=None, progress=progress, **options)
    except ImportRefused as refused:
        bar.close()
        raise click.ClickException(str(refused)) from None
    except DatabaseUnavailable:
        bar.close()
        raise click.ClickException(
            f"The database went away after {done['written']} elements were compared or "
            f"written. Nothing written is lost or half-done: run the same command again and "
            f"it finishes the job.") from None
    bar.close()
    print_summary(result)


@import_cli.command("ssd")
@click.argument("folder", type=click.Path(path_type=Path))
@common
def import_ssd(folder: Path, la_code: str, as_of: date, dry_run: bool) -> None:
    """The Standard Safeguarding Dataset: a folder with one CSV per ssd_* table."""
    run_command("ssd", folder, la_code, as_of, dry_run)


@import_cli.command("agency-list")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--agency-id", required=True, help="The agency's id in the directory.")
@common
def import_agency_list(path: Path, agency_id: str, la_code: str, as_of: date,
                       dry_run: bool) -> None:
    """A partner agency's list (CSV or .xlsx) of the people it works with, one row per
    person: person_id, given_name, family_name, dob, nhs_number, address, postcode,
    professional_name, role, phone, email, from, to."""
    run_command("agency-list", path, la_code, as_of, dry_run, agency_id=agency_id)


@import_cli.command("annex-a")
@click.argument("path", type=click.Path(path_type=Path))
@common
def import_annex_a(path: Path, la_code: str, as_of: date, dry_run: bool) -> None:
    """Ofsted's Annex A: an .xlsx workbook, or a folder of CSVs named by list."""
    run_command("annex-a", path, la_code, as_of, dry_run)
