"""Any spreadsheet saved as CSV: columns matched to fields by name, or by ``--map``.

Also writes people and interviews back out as CSV for spreadsheets.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from coffeechat.errors import Invalid
from coffeechat.interop.linkedin import parse_connected_on
from coffeechat.interop.records import FileRejected, Incoming, Parsed
from coffeechat.interop.report import RowNote
from coffeechat.models import Interview, Person

FIELDS = (
    "name",
    "first_name",
    "last_name",
    "email",
    "phone",
    "url",
    "org",
    "title",
    "location",
    "notes",
    "tags",
    "how_met",
    "connected_on",
)
_EXACT = {
    "name": "name",
    "full name": "name",
    "display name": "name",
    "contact name": "name",
    "first name": "first_name",
    "given name": "first_name",
    "first": "first_name",
    "last name": "last_name",
    "family name": "last_name",
    "surname": "last_name",
    "last": "last_name",
    "company": "org",
    "organization": "org",
    "organisation": "org",
    "org": "org",
    "employer": "org",
    "organization name": "org",
    "organization 1 name": "org",
    "title": "title",
    "job title": "title",
    "position": "title",
    "role": "title",
    "organization 1 title": "title",
    "location": "location",
    "city": "location",
    "notes": "notes",
    "note": "notes",
    "tags": "tags",
    "labels": "tags",
    "groups": "tags",
    "categories": "tags",
    "how met": "how_met",
    "connected on": "connected_on",
    "date connected": "connected_on",
}
# Several values in one cell: "a@x; b@y", or Google's "a@x ::: b@y".
_SPLIT = {
    "email": re.compile(r"\s*(?::::|[;,])\s*"),
    "phone": re.compile(r"\s*(?::::|;)\s*"),
    "url": re.compile(r"\s*(?::::|;|\s)\s*"),
    "tags": re.compile(r"\s*(?::::|[;,])\s*"),
}


def _key(header: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", header.casefold()).strip()


def guess_field(header: str) -> str | None:
    """The field a column header most likely holds, or None."""
    key = _key(header)
    if key in _EXACT:
        return _EXACT[key]
    if any(w in key.split() for w in ("type", "label", "name", "display")):
        return None
    if "email" in key or "e mail" in key:
        return "email"
    if "phone" in key or "mobile" in key:
        return "phone"
    if any(w in key for w in ("website", "url", "linkedin", "web page")):
        return "url"
    return None


def parse_maps(maps: Sequence[str]) -> dict[str, str | None]:
    """``--map "Column=field"`` options as {column key: field or None (ignore)}."""
    chosen: dict[str, str | None] = {}
    for item in maps:
        column, sep, field = item.rpartition("=")
        field = field.strip().lower().replace("-", "_")
        if not sep or not column.strip():
            raise Invalid("--map", f"{item!r} should look like 'Column name=field'")
        if field not in FIELDS and field not in ("", "ignore"):
            raise Invalid(
                "--map", f"{field!r} is not a field; choose from {', '.join(FIELDS)} or ignore"
            )
        chosen[_key(column)] = field if field in FIELDS else None
    return chosen


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(text[:8192], delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def parse_csv(path: Path, text: str, maps: Sequence[str] = ()) -> Parsed:
    """People records from a spreadsheet; the first non-empty row names the columns."""
    chosen = parse_maps(maps)
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text))
    parsed = Parsed(format="csv")
    columns: list[tuple[int, str]] | None = None
    width = row = 0
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            start = reader.line_num - sum(c.count("\n") for c in cells)
            if columns is None:
                columns = _columns(path, cells, chosen, parsed)
                width = len(cells)
                continue
            row += 1
            if len(cells) > width and any(c.strip() for c in cells[width:]):
                reason = f"has {len(cells)} cells but the header has {width}"
                parsed.failures.append(RowNote(row, start, reason, "row"))
                continue
            _record(parsed, columns, cells, row, start)
    except csv.Error as error:
        raise FileRejected(f"{path} line {reader.line_num}: not valid CSV ({error}).") from None
    if columns is None:
        raise FileRejected(f"{path} is empty: no header row and no people.")
    return parsed


def _columns(
    path: Path, header: list[str], chosen: dict[str, str | None], parsed: Parsed
) -> list[tuple[int, str]]:
    known = {_key(h) for h in header}
    unknown = [c for c in chosen if c not in known]
    if unknown:
        raise FileRejected(
            f"--map names a column {unknown[0]!r} that {path} does not have; its columns are: "
            + ", ".join(h.strip() for h in header)
        )
    columns: list[tuple[int, str]] = []
    for index, title in enumerate(header):
        key = _key(title)
        field = chosen[key] if key in chosen else guess_field(title)
        if field is None:
            parsed.ignored_columns.append(title.strip())
            continue
        columns.append((index, field))
        parsed.labels.setdefault(field, title.strip())
    fields = {f for _i, f in columns}
    if not fields & {"name", "first_name", "last_name"}:
        raise FileRejected(
            f"{path}: no column holds a name (looked for Name, First Name, Last Name…). "
            f"Its columns are: {', '.join(h.strip() for h in header)}. "
            "Say which one with --map 'Column=name'."
        )
    return columns


def _record(
    parsed: Parsed, columns: list[tuple[int, str]], cells: list[str], row: int, line: int
) -> None:
    values: dict[str, list[str]] = {}
    for index, field in columns:
        cell = cells[index].strip() if index < len(cells) else ""
        if not cell:
            continue
        pattern = _SPLIT.get(field)
        parts = pattern.split(cell) if pattern else [cell]
        values.setdefault(field, []).extend(p for p in parts if p)

    def one(field: str) -> str:
        return " ".join(values.get(field, []))

    name = one("name") or f"{one('first_name')} {one('last_name')}".strip()
    if not name:
        parsed.skips.append(RowNote(row, line, "no name"))
        return
    connected = None
    if one("connected_on"):
        try:
            connected = parse_connected_on(one("connected_on"))
        except ValueError as error:
            label = parsed.labels.get("connected_on", "connected_on")
            parsed.failures.append(RowNote(row, line, str(error), label))
            return
    parsed.records.append(
        Incoming(
            row=row,
            line=line,
            name=name,
            org=one("org"),
            title=one("title"),
            emails=[(v, None) for v in values.get("email", [])],
            phones=[(v, None) for v in values.get("phone", [])],
            urls=[(v, None) for v in values.get("url", [])],
            location=one("location"),
            notes="\n".join(values.get("notes", [])),
            tags=values.get("tags", []),
            how_met=one("how_met").lower() or None,
            connected_on=connected,
        )
    )


PEOPLE_COLUMNS = [
    "id",
    "name",
    "title",
    "organization",
    "emails",
    "phones",
    "urls",
    "how met",
    "referred by",
    "tags",
    "location",
    "connected on",
    "notes",
]
INTERVIEW_COLUMNS = [
    "id",
    "person",
    "organization",
    "career",
    "focus",
    "stage",
    "goal",
    "requested at",
    "scheduled at",
    "duration minutes",
    "held at",
    "thanked at",
    "closed at",
    "venue",
    "place",
    "link",
    "notes",
    "takeaways",
    "attire",
]


def _write(header: list[str], rows: Iterable[list[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue()


def people_csv(people: Iterable[Person]) -> str:
    """People as CSV; ``coffeechat import csv`` reads it back."""
    return _write(
        PEOPLE_COLUMNS,
        (
            [
                p.id,
                p.full_name,
                p.title,
                p.organization.name if p.organization else None,
                "; ".join(p.emails),
                "; ".join(p.phones),
                "; ".join(p.urls),
                p.how_met,
                p.referred_by.full_name if p.referred_by else None,
                "; ".join(p.tag_names),
                p.location,
                p.connected_on.isoformat() if p.connected_on else None,
                p.notes,
            ]
            for p in people
        ),
    )


def interviews_csv(interviews: Iterable[Interview]) -> str:
    """Interviews as CSV, one row each, times in ISO 8601 UTC."""

    def iso(value: object) -> object:
        return value.isoformat() if hasattr(value, "isoformat") else value

    return _write(
        INTERVIEW_COLUMNS,
        (
            [
                i.id,
                i.person.full_name if i.person else None,
                i.organization.name if i.organization else None,
                i.career.title if i.career else None,
                i.focus,
                i.stage,
                i.goal,
                iso(i.requested_at),
                iso(i.scheduled_at),
                i.duration_minutes,
                iso(i.held_at),
                iso(i.thanked_at),
                iso(i.closed_at),
                i.venue,
                i.place,
                i.link,
                i.notes,
                "; ".join(i.takeaways or []),
                i.attire,
            ]
            for i in interviews
        ),
    )
