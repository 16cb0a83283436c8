"""vCard 2.1, 3.0 and 4.0 in (one card or a whole address book), and 4.0 or 3.0 out.

vobject parses each card. Before it does, cards are cut apart here, so one broken card is
reported with its line number instead of spoiling the file, and the soft line breaks of
2.1's quoted-printable (a line ending in "=") are joined, which vobject does not do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from coffeechat.interop.records import FileRejected, Incoming, Parsed
from coffeechat.interop.report import RowNote
from coffeechat.models import Person

LABELS = {"name": "FN", "email": "EMAIL", "phone": "TEL", "url": "URL", "org": "ORG"}
# TYPE values that say how to use an address rather than what it is.
_NOT_LABELS = {"internet", "pref", "voice", "x400", "msg", "text", "uri", "vcard"}
_QP = re.compile(r"(^|;)\s*(encoding\s*=\s*)?quoted-printable\s*(;|:|$)", re.IGNORECASE)
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
# Groups Google adds to every contact on its own; they say nothing about the person.
_SYSTEM_GROUPS = {"myContacts", "* myContacts", "starred", "* starred"}


def _cards(text: str) -> Iterator[tuple[int, list[str]]]:
    """(line number of BEGIN, lines) for every card; FileRejected if there is none."""
    start: int | None = None
    lines: list[str] = []
    found = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.lstrip("\ufeff")
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            if start is not None:
                yield start, lines  # an unterminated card: vobject will say so
            start, lines, found = number, [line], True
        elif start is not None:
            lines.append(line)
            if upper == "END:VCARD":
                yield start, lines
                start, lines = None, []
    if start is not None:
        yield start, lines
    if not found:
        raise FileRejected("no BEGIN:VCARD line")


_PICTURE = re.compile(r"^(?:[\w-]+\.)?(?:PHOTO|LOGO)[;:]", re.IGNORECASE)


def _drop_pictures(lines: list[str]) -> tuple[list[str], int]:
    """The card without its pictures (and their folded lines), and how many there were.

    Pictures are never kept, so a damaged one must not cost the card.
    """
    kept: list[str] = []
    pictures = 0
    inside = False
    for line in lines:
        if inside and (not line.strip() or line[:1] in " \t"):
            continue
        inside = bool(_PICTURE.match(line))
        if inside:
            pictures += 1
        else:
            kept.append(line)
    return kept, pictures


def _join_soft_breaks(lines: list[str]) -> str:
    """Undo quoted-printable soft line breaks (2.1), keeping every other line as it is."""
    out: list[str] = []
    joining = False
    for line in lines:
        if joining:
            out[-1] = out[-1][:-1] + line
        else:
            out.append(line)
        head = out[-1].split(":", 1)[0]
        joining = bool(_QP.search(head.split(";", 1)[-1])) and out[-1].endswith("=")
    return "\n".join(out) + "\n"


def parse_vcards(path: Path, text: str) -> Parsed:
    """Every card of the file as a people record (nothing validated yet)."""
    import vobject

    parsed = Parsed(format="vcard", labels=dict(LABELS))
    photos = 0
    try:
        cards = list(_cards(text))
    except FileRejected:
        raise FileRejected(f"{path} is not a vCard file: it has no BEGIN:VCARD line.") from None
    for row, (line, lines) in enumerate(cards, start=1):
        readable, pictures = _drop_pictures(lines)
        photos += pictures
        try:
            card = vobject.readOne(_join_soft_breaks(readable), validate=False)
            record = _record(card, row, line)
        except Exception as error:  # vobject raises many kinds; each is this card's problem
            parsed.failures.append(RowNote(row, line, _explain(error, line, lines), "vCard"))
            continue
        if record.name:
            parsed.records.append(record)
        else:
            why = "a company card, not a person" if record.org else "no name (FN or N)"
            parsed.skips.append(RowNote(row, line, why))
    if photos:
        parsed.notes.append(
            f"{photos} photo{'s' * (photos != 1)} left out: Coffeechat keeps no pictures."
        )
    return parsed


def _explain(error: Exception, start: int, lines: list[str]) -> str:
    """vobject's message, pointing at the offending line of the file itself."""
    message = re.sub(r"^At line \d+: ", "", str(error) or type(error).__name__).strip()
    if "was never closed" in message:
        return "the card has no END:VCARD line before the next card or the end of the file"
    found = re.match(r"Failed to parse line: (.*)", message, re.DOTALL)
    if found:
        bad = found.group(1).strip()
        for offset, line in enumerate(lines):
            if line.strip() == bad:
                return f"line {start + offset}: cannot read {bad!r} (a property needs NAME:value)"
    return message


def _label(prop: Any, group_labels: dict[str, str]) -> str | None:
    if prop.group and prop.group.lower() in group_labels:
        return group_labels[prop.group.lower()]
    values = [v for vs in prop.params.values() for v in vs] + list(prop.singletonparams)
    kinds = [v.lower() for value in values for v in str(value).split(",")]
    useful = [k for k in kinds if k not in _NOT_LABELS and "=" not in k]
    return useful[0] if useful else None


# Control characters a decoded value may hold (quoted-printable "=00" is a NUL); no
# database column wants them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _text(value: Any) -> str:
    if isinstance(value, list):
        return " ".join(_text(v) for v in value)
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return _CONTROL.sub("", str(value)).strip()


def _name(card: Any) -> str:
    formatted = _text(getattr(card, "fn", None) and card.fn.value)
    if formatted:
        return formatted
    if hasattr(card, "n"):
        n = card.n.value
        if hasattr(n, "given"):
            parts = [n.prefix, n.given, n.additional, n.family, n.suffix]
            return " ".join(" ".join(_text(p) for p in parts if p).split())
        return _text(n).replace(";", " ").strip()
    return ""


def _record(card: Any, row: int, line: int) -> Incoming:
    record = Incoming(row=row, line=line, name=_name(card))
    group_labels = {
        child.group.lower(): _apple_label(_text(child.value))
        for child in card.getChildren()
        if child.name == "X-ABLABEL" and child.group
    }
    for prop in card.getChildren():
        name = prop.name
        if name in ("KIND", "X-ABSHOWAS") and _text(prop.value).lower() in ("org", "company"):
            record.name = ""  # an organization's own card, not a person
        elif name == "EMAIL":
            record.emails.append((_text(prop.value), _label(prop, group_labels)))
        elif name == "TEL":
            number = _text(prop.value).removeprefix("tel:")
            record.phones.append((number, _label(prop, group_labels)))
        elif name in ("URL", "X-SOCIALPROFILE"):
            url = _text(prop.value).replace("\\:", ":")
            if url.lower().startswith(("http://", "https://", "www.")):
                record.urls.append((url, _label(prop, group_labels)))
        elif name == "ORG" and not record.org:
            value = prop.value
            record.org = _text(value[0] if isinstance(value, list) and value else value)
        elif name == "TITLE" and not record.title:
            record.title = _text(prop.value)
        elif name == "NOTE":
            record.notes = "\n\n".join(p for p in (record.notes, _text(prop.value)) if p)
        elif name == "ADR" and not record.location:
            record.location = _place(prop.value)
        elif name == "CATEGORIES":
            values = prop.value if isinstance(prop.value, list) else [prop.value]
            record.tags.extend(_text(v) for v in values if _text(v) not in _SYSTEM_GROUPS)
        elif name == "X-COFFEECHAT-HOW-MET":
            record.how_met = _text(prop.value)
        elif name == "X-COFFEECHAT-CONNECTED-ON":
            try:
                record.connected_on = date.fromisoformat(_text(prop.value))
            except ValueError:
                value = _text(prop.value)
                raise ValueError(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None
    if not record.name and not record.org and hasattr(card, "fn"):
        record.org = _text(card.fn.value)
    return record


def _apple_label(value: str) -> str:
    found = _APPLE_LABEL.match(value)
    return (found.group(1) if found else value).lower()


def _place(address: Any) -> str:
    if not hasattr(address, "city"):
        return _text(address)
    parts = [_text(address.city), _text(address.region), _text(address.country)]
    return ", ".join(p for p in parts if p)


def export_vcards(people: Iterable[Person], version: str = "4.0") -> str:
    """The people as one vCard file (4.0, or 3.0 for older address books)."""
    import vobject

    if version not in ("3.0", "4.0"):
        raise ValueError(version)
    out: list[str] = []
    for person in people:
        card = vobject.vCard()
        card.add("version").value = version
        card.add("fn").value = person.full_name
        words = person.full_name.rsplit(" ", 1)
        family, given = (words[1], words[0]) if len(words) == 2 else (words[0], "")
        card.add("n").value = vobject.vcard.Name(family=family, given=given)
        if person.organization:
            card.add("org").value = [person.organization.name]
        if person.title:
            card.add("title").value = person.title
        for contact in person.contacts:
            prop = card.add({"email": "email", "phone": "tel", "url": "url"}[contact.kind])
            prop.value = contact.value
            if contact.label:
                prop.type_param = contact.label
        if person.location:
            card.add("adr").value = vobject.vcard.Address(city=person.location)
        if person.tag_names:
            card.add("categories").value = person.tag_names
        if person.notes:
            card.add("note").value = person.notes
        card.add("x-coffeechat-how-met").value = person.how_met
        if person.connected_on:
            card.add("x-coffeechat-connected-on").value = person.connected_on.isoformat()
        out.append(card.serialize())
    return "".join(out)
