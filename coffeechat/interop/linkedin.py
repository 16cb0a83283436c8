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
    columns: dict[str, int] | None = None
    row = width = 0
    try:
        for cells in reader:
            line = reader.line_num
            if columns is None:
                if line > HEADER_SCAN_LINES:
                    break
                columns = _header(cells)
                width = len(cells)
                continue
            if not any(cell.strip() for cell in cells):
                continue
            row += 1
            start = line - sum(c.count("\n") for c in cells)
            if len(cells) > width and any(c.strip() for c in cells[width:]):
                parsed.failures.append(
                    RowNote(
                        row,
                        start,
                        f"has {len(cells)} cells but the header has {width}; "
                        "a value with a comma needs quotes",
                        "row",
                    )
                )
                continue
            _record(parsed, columns, cells, row, start)
    except csv.Error as error:
        raise FileRejected(f"{path} line {reader.line_num}: not valid CSV ({error}).") from None
    if columns is None:
        raise FileRejected(
            f"{path} is not a LinkedIn Connections export: no header line with the columns "
            f"First Name, Last Name, URL, Email Address, Company, Position, Connected On "
            f"in its first {HEADER_SCAN_LINES} lines."
        )
    return parsed


def _header(cells: list[str]) -> dict[str, int] | None:
    names = [cell.strip().lstrip("\ufeff").casefold() for cell in cells]
    if "first name" not in names or "last name" not in names:
        return None
    return {COLUMNS[n]: i for i, n in enumerate(names) if n in COLUMNS}


def _record(parsed: Parsed, columns: dict[str, int], cells: list[str], row: int, line: int) -> None:
    def cell(name: str) -> str:
        index = columns.get(name)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    name = " ".join(f"{cell('first_name')} {cell('last_name')}".split())
    if not name:
        parsed.skips.append(RowNote(row, line, "no name (LinkedIn hides some members' names)"))
        return
    connected: date | None = None
    if cell("connected_on"):
        try:
            connected = parse_connected_on(cell("connected_on"))
        except ValueError as error:
            parsed.failures.append(RowNote(row, line, str(error), "Connected On"))
            return
    parsed.records.append(
        Incoming(
            row=row,
            line=line,
            name=name,
            org=cell("org"),
            title=cell("title"),
            emails=[(cell("email"), None)] if cell("email") else [],
            urls=[(cell("url"), "linkedin")] if cell("url") else [],
            how_met="linkedin",
            connected_on=connected,
        )
    )
