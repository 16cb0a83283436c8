"""Helpers for the interop tests: export-like files written on the fly, and one import call."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coffeechat.interop.records import Parsed, read_text
from coffeechat.interop.report import ImportReport
from coffeechat.interop.service import ImportOptions, import_parsed
from coffeechat.models import Person, User

DATA = Path(__file__).parent / "data"
LINKEDIN_NOTES = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)
LINKEDIN_HEADER = [
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
]


def connections_csv(rows: list[list[str]], header: list[str] = LINKEDIN_HEADER) -> str:
    """A Connections.csv as LinkedIn writes it: notes, a blank line, then the table."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return LINKEDIN_NOTES + out.getvalue()


def write(folder: Path, name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode(encoding))
    return path


def people_count(session: Session, owner: User) -> int:
    return session.scalar(select(func.count()).where(Person.owner_id == owner.id)) or 0


Importer = Callable[..., ImportReport]


@pytest.fixture
def run_import(session: Session, owner: User) -> Importer:
    """Import ``path`` with ``parse`` as the command line does (owner, options, one call)."""

    def run(parse: Callable[[Path, str], Parsed], path: Path, **options: object) -> ImportReport:
        text = read_text(path, kind="test", max_bytes=50 * 1024 * 1024)
        return import_parsed(
            session,
            owner=owner,
            parsed=parse(path, text),
            file=path.name,
            options=ImportOptions(**options),  # type: ignore[arg-type]
        )

    return run
