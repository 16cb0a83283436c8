"""``coffeechat export ics``: scheduled interviews as an iCalendar file."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import typer

from coffeechat.cli._common import fail, session_scope


def export_ics(
    interview_ids: list[int] = typer.Argument(
        None, metavar="ID", help="Interviews to export (default: every scheduled one)."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write here instead of standard output."
    ),
) -> None:
    """Export meetings as an .ics calendar with reminders a day and an hour before."""
    from coffeechat.meetings.calendar import calendar_bytes, interviews_for_export
    from coffeechat.models import Profile

    with session_scope() as (session, owner):
        interviews = interviews_for_export(session, owner=owner, interview_ids=interview_ids or [])
        data = calendar_bytes(session, owner=owner, interviews=interviews)
        profile = session.get(Profile, owner.id)
        has_email = profile is not None and bool(profile.email)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        _write_atomically(output, data)
    count = len(interviews)
    where = f" to {output}" if output else ""
    typer.echo(f"Exported {count} meeting{'s' if count != 1 else ''}{where}.", err=True)
    if not count:
        typer.echo(
            "Nothing is scheduled yet: coffeechat interviews schedule ID --at WHEN", err=True
        )
    if not has_email and count:
        typer.echo(
            "Note: set your email (coffeechat me --email you@example.com) to appear as the "
            "organizer and list the people you meet as attendees.",
            err=True,
        )


def _write_atomically(path: Path, data: bytes) -> None:
    """Write the whole file or leave the old one in place."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        fail(f"output: folder {folder} does not exist")
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        fail(f"output: cannot write {path} ({error.strerror})", code=1)
