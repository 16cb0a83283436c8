"""LinkedIn's Connections.csv, as the "Get a copy of your data" export really writes it.

The file starts with a few "Notes:" lines before the header, so the header is found by
scanning; columns are read by name because their order has changed between exports.
Some members hide their name: LinkedIn leaves those rows blank, and they are skipped.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from coffeechat.interop.records import FileRejected, Incoming, Parsed
from coffeechat.interop.report import RowNote

COLUMNS = {
    "first name": "first_name",
    "last name": "last_name",
    "url": "url",
    "email address": "email",
    "company": "org",
    "position": "title",
    "connected on": "connected_on",
}
FIELDS = ("first_name", "last_name", "url", "email", "org", "title", "connected_on")
LABELS = {
    "name": "First Name/Last Name",
    "url": "URL",
    "email": "Email Address",
    "org": "Company",
    "title": "Position",
    "connected_on": "Connected On",
}
HEADER_SCAN_LINES = 50
_DATE_FORMATS = ("%d %b %Y", "%d %B %Y", "%m/%d/%Y", "%Y-%m-%d", "%d-%b-%y")


# English month names as LinkedIn writes them, whatever the locale of this machine.
_MONTHS = {
    month: number
    for number, month in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})")


@lru_cache(maxsize=4096)
def parse_connected_on(value: str) -> date:
    """A "Connected On" date: "12 Mar 2024" (also 03/12/2024 and 2024-03-12)."""
    cleaned = " ".join(value.split())
    found = _DAY_MONTH_YEAR.fullmatch(cleaned)
    month = found and _MONTHS.get(found.group(2).lower())
    if found and month:
        try:
            return date(int(found.group(3)), month, int(found.group(1)))
        except ValueError:
            raise ValueError(f"{value!r} is not a real date") from None
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"{value!r} is not a date like 12 Mar 2024")


def parse_linkedin(path: Path, text: str) -> Parsed:
    """Split a Connections.csv into people records (nothing validated yet)."""
    parsed = Parsed(format="linkedin", labels=dict(LABELS))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    indexes: list[int] | None = None
    row = width = previous = 0
    try:
        for cells in reader:
            start, previous = previous + 1, reader.line_num
            if indexes is None:
                if start > HEADER_SCAN_LINES:
                    break
                indexes, width = _header(cells), len(cells)
                continue
            if not any(cell.strip() for cell in cells):
                continue
            row += 1
            if len(cells) > width:
                if any(c.strip() for c in cells[width:]):
                    reason = (
                        f"has {len(cells)} cells but the header has {width}; "
                        "a value with a comma needs quotes"
                    )
                    parsed.failures.append(RowNote(row, start, reason, "row"))
                    continue
            else:
                # One spare empty cell stands in for columns this export does not have.
                cells += [""] * (width + 1 - len(cells))
            _record(parsed, [cells[i].strip() for i in indexes], row, start)
    except csv.Error as error:
        raise FileRejected(f"{path} line {reader.line_num}: not valid CSV ({error}).") from None
    if indexes is None:
        raise FileRejected(
            f"{path} is not a LinkedIn Connections export: no header line with the columns "
            f"First Name, Last Name, URL, Email Address, Company, Position, Connected On "
            f"in its first {HEADER_SCAN_LINES} lines."
        )
    return parsed


def _header(cells: list[str]) -> list[int] | None:
    """Where each of FIELDS is in this header (the spare cell if missing), or None."""
    names = [cell.strip().lstrip("\ufeff").casefold() for cell in cells]
    if "first name" not in names or "last name" not in names:
        return None
    found = {COLUMNS[n]: i for i, n in enumerate(names) if n in COLUMNS}
    return [found.get(field, len(cells)) for field in FIELDS]


def _record(parsed: Parsed, values: list[str], row: int, line: int) -> None:
    first, last, url, email, org, title, connected_on = values
    name = " ".join(f"{first} {last}".split())
    if not name:
        parsed.skips.append(RowNote(row, line, "no name (LinkedIn hides some members' names)"))
        return
    connected: date | None = None
    if connected_on:
        try:
            connected = parse_connected_on(connected_on)
        except ValueError as error:
            parsed.failures.append(RowNote(row, line, str(error), "Connected On"))
            return
    parsed.records.append(
        Incoming(
            row=row,
            line=line,
            name=name,
            org=org,
            title=title,
            emails=[(email, None)] if email else [],
            urls=[(url, "linkedin")] if url else [],
            how_met="linkedin",
            connected_on=connected,
        )
    )
