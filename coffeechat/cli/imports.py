"""``coffeechat import``: bring a network in from the files people really have."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from coffeechat.cli._common import emit_json, session_scope
from coffeechat.interop.report import OnDuplicate

if TYPE_CHECKING:
    from coffeechat.interop.records import Parsed
    from coffeechat.interop.report import ImportReport, RowNote
    from coffeechat.interop.service import Progress

app = typer.Typer(no_args_is_help=True)

FILE = typer.Argument(..., help="The file to import.", dir_okay=False)
ON_DUPLICATE = typer.Option(
    OnDuplicate.MERGE, "--on-duplicate", help="What to do with someone already there."
)
SKIP_BAD = typer.Option(
    False, "--skip-bad-rows", help="Import the good rows and list the bad ones."
)
DRY_RUN = typer.Option(False, "--dry-run", help="Show what would happen; write nothing.")
ENCODING = typer.Option(
    None, "--encoding", help="Text encoding when not UTF-8 (for example latin-1)."
)
JSON = typer.Option(False, "--json", help="Print the report as JSON (shape in docs/cli.md).")
PROGRESS_FROM = 2000  # rows; smaller files finish before a bar would be seen
SHOWN = 20


@contextmanager
def _progress_bar(total: int) -> Iterator[Progress | None]:
    from rich.console import Console

    err = Console(stderr=True)
    if total < PROGRESS_FROM or not err.is_terminal:
        yield None
        return
    from rich.progress import Progress as Bar

    with Bar(console=err, transient=True) as bar:
        task = bar.add_task("Importing", total=total)
        yield lambda done, whole: bar.update(task, completed=done, total=whole)


def _notes(title: str, notes: list[RowNote], unit: str) -> None:
    if not notes:
        return
    typer.echo(f"{title}:")
    for note in notes[:SHOWN]:
        typer.echo(f"  {note.describe(unit)}")
    if len(notes) > SHOWN:
        typer.echo(f"  … and {len(notes) - SHOWN} more (see --json).")


def _show(report: ImportReport) -> None:
    if report.mapping or report.ignored_columns:
        typer.echo("Columns:")
        for field, column in report.mapping.items():
            typer.echo(f"  {column} → {field}")
        if report.ignored_columns:
            typer.echo(f"  ignored: {', '.join(report.ignored_columns)}")
    typer.echo(report.summary())
    _notes("Merged", report.merges, report.unit)
    _notes("Skipped", report.skips, report.unit)
    _notes("Failed", report.failures, report.unit)
    for note in report.notes:
        typer.echo(f"Note: {note}")


def run_import(
    file: Path,
    kind: str,
    parse: Callable[[Path, str], Parsed],
    *,
    on_duplicate: OnDuplicate,
    skip_bad_rows: bool,
    dry_run: bool,
    encoding: str | None,
    as_json: bool,
) -> None:
    """Read, parse and import ``file`` in one transaction, then print the report."""
    from coffeechat.config import get_settings
    from coffeechat.interop.records import read_text
    from coffeechat.interop.service import ImportOptions, ImportRejected, import_parsed

    settings = get_settings()
    options = ImportOptions(on_duplicate, skip_bad_rows, dry_run, settings.dedupe_threshold)
    with session_scope() as (session, owner):
        text = read_text(file, kind=kind, max_bytes=settings.import_max_bytes, encoding=encoding)
        parsed = parse(file, text)
        try:
            with _progress_bar(len(parsed.records)) as progress:
                report = import_parsed(
                    session,
                    owner=owner,
                    parsed=parsed,
                    file=file.name,
                    options=options,
                    progress=progress,
                )
        except ImportRejected as rejected:
            if as_json:
                emit_json(rejected.report.as_json())
            typer.echo(f"Error: {rejected}", err=True)
            raise typer.Exit(2) from None
        if dry_run:
            session.rollback()
    if as_json:
        emit_json(report.as_json())
    else:
        _show(report)


@app.command("linkedin")
def linkedin(
    file: Path = FILE,
    on_duplicate: OnDuplicate = ON_DUPLICATE,
    skip_bad_rows: bool = SKIP_BAD,
    dry_run: bool = DRY_RUN,
    encoding: str | None = ENCODING,
    as_json: bool = JSON,
) -> None:
    """Import LinkedIn's Connections.csv (Settings → Data privacy → Get a copy of your data)."""
    from coffeechat.interop.linkedin import parse_linkedin

    run_import(
        file,
        "LinkedIn Connections CSV",
        parse_linkedin,
        on_duplicate=on_duplicate,
        skip_bad_rows=skip_bad_rows,
        dry_run=dry_run,
        encoding=encoding,
        as_json=as_json,
    )


@app.command("vcard")
def vcard(
    file: Path = FILE,
    on_duplicate: OnDuplicate = ON_DUPLICATE,
    skip_bad_rows: bool = SKIP_BAD,
    dry_run: bool = DRY_RUN,
    encoding: str | None = ENCODING,
    as_json: bool = JSON,
) -> None:
    """Import a vCard file (.vcf, versions 2.1, 3.0 and 4.0; one card or a whole address book)."""
    from coffeechat.interop.vcard import parse_vcards

    run_import(
        file,
        "vCard",
        parse_vcards,
        on_duplicate=on_duplicate,
        skip_bad_rows=skip_bad_rows,
        dry_run=dry_run,
        encoding=encoding,
        as_json=as_json,
    )


@app.command("csv")
def csv_(
    file: Path = FILE,
    map_: list[str] = typer.Option(
        [],
        "--map",
        help="Read a column as a field: 'Column name=field' (repeatable). Fields: name, "
        "first_name, last_name, email, phone, url, org, title, location, notes, tags, "
        "how_met, connected_on, or ignore.",
    ),
    on_duplicate: OnDuplicate = ON_DUPLICATE,
    skip_bad_rows: bool = SKIP_BAD,
    dry_run: bool = DRY_RUN,
    encoding: str | None = ENCODING,
    as_json: bool = JSON,
) -> None:
    """Import people from any spreadsheet saved as CSV.

    Columns are matched by their names (Name, First Name, Email, Company, Title…).
    """
    from coffeechat.interop.csvfile import parse_csv

    _check_maps(map_)
    run_import(
        file,
        "CSV",
        lambda path, text: parse_csv(path, text, map_),
        on_duplicate=on_duplicate,
        skip_bad_rows=skip_bad_rows,
        dry_run=dry_run,
        encoding=encoding,
        as_json=as_json,
    )


def _check_maps(maps: list[str]) -> None:
    """Check --map before opening anything, so a typo fails fast with its own message."""
    from coffeechat.cli._common import fail
    from coffeechat.errors import Invalid
    from coffeechat.interop.csvfile import parse_maps

    try:
        parse_maps(maps)
    except Invalid as error:
        fail(str(error))


@app.command("json")
def json_(file: Path = FILE, as_json: bool = JSON) -> None:
    """Restore a backup made by `coffeechat export json` into an empty database."""
    from coffeechat.config import get_settings
    from coffeechat.interop.backup import parse_backup
    from coffeechat.interop.records import read_text
    from coffeechat.interop.restore import restore_backup

    settings = get_settings()
    with session_scope() as (session, owner):
        text = read_text(
            file,
            kind="JSON backup",
            max_bytes=settings.import_max_bytes,
            hint="Backups from `coffeechat export json` are UTF-8; is this one?",
        )
        restored = restore_backup(session, owner=owner, backup=parse_backup(text))
    if as_json:
        emit_json({"file": file.name, "restored": restored.counts})
    else:
        counts = ", ".join(f"{n} {kind}" for kind, n in restored.counts.items())
        typer.echo(f"Restored {file.name}: {counts}.")
