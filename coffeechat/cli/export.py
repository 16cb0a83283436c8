"""``coffeechat export``: take everything out again, in open formats; and ``backup``."""

from __future__ import annotations

import enum
from pathlib import Path

import typer

from coffeechat.cli._common import fail, session_scope

app = typer.Typer(no_args_is_help=True)

OUTPUT = typer.Option(None, "--output", "-o", help="Write to this file instead of the screen.")


class VCardVersion(enum.StrEnum):
    V4 = "4.0"
    V3 = "3.0"


class Table(enum.StrEnum):
    PEOPLE = "people"
    INTERVIEWS = "interviews"


def _deliver(text: str, output: Path | None, what: str) -> None:
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8", newline="")
    except OSError as error:
        fail(f"--output: cannot write {output} ({error.strerror or error}).")
    typer.echo(f"Wrote {what} to {output}.", err=True)


@app.command("vcard")
def vcard(
    output: Path | None = OUTPUT,
    version: VCardVersion = typer.Option(
        VCardVersion.V4, "--version", help="vCard version (3.0 for older address books)."
    ),
) -> None:
    """Export every person as vCard (4.0 by default)."""
    from coffeechat.interop.vcard import export_vcards
    from coffeechat.network.people import list_people

    with session_scope() as (session, owner):
        people = list_people(session, owner=owner)
        text = export_vcards(people, version.value)
    _deliver(text, output, f"{len(people)} people")


@app.command("csv")
def csv_(
    table: Table = typer.Argument(Table.PEOPLE, help="What to export."),
    output: Path | None = OUTPUT,
) -> None:
    """Export people or interviews as CSV for spreadsheets."""
    from coffeechat.interop.csvfile import interviews_csv, people_csv
    from coffeechat.meetings.pipeline import list_interviews
    from coffeechat.network.people import list_people

    with session_scope() as (session, owner):
        if table is Table.PEOPLE:
            rows = list_people(session, owner=owner)
            text, count = people_csv(rows), len(rows)
        else:
            interviews = list_interviews(session, owner=owner)
            text, count = interviews_csv(interviews), len(interviews)
    _deliver(text, output, f"{count} {table.value}")


@app.command("json")
def json_(output: Path | None = OUTPUT) -> None:
    """Export everything (a versioned backup; see docs/backup-format.md)."""
    from coffeechat.interop.backup import backup_json

    with session_scope() as (session, owner):
        text = backup_json(session, owner=owner)
    _deliver(text, output, "a backup")


def backup(
    output: Path | None = typer.Option(
        None, "--output", "-o", help="The copy to write (default: a dated file here)."
    ),
) -> None:
    """Copy the SQLite database safely, even while Coffeechat is running."""
    from coffeechat.cli._common import database_url
    from coffeechat.errors import CoffeechatError
    from coffeechat.interop.sqlite_backup import copy_database, default_name

    target = output or Path(default_name())
    try:
        pages = copy_database(database_url(), target)
    except CoffeechatError as error:
        fail(str(error))
    typer.echo(f"Backed up the database to {target} ({pages} pages).")
