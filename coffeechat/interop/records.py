"""What every importer produces: raw people records, row problems, and decoded text.

Parsers only split a file into :class:`Incoming` records with their line numbers;
validation, dedupe and writing happen once, in :mod:`coffeechat.interop.service`.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from coffeechat.errors import CoffeechatError
from coffeechat.interop.report import RowNote


class FileRejected(CoffeechatError):
    """The file as a whole cannot be imported (wrong kind, encoding, header or size)."""


@dataclass
class Incoming:
    """One person as read from a file, before validation."""

    row: int
    line: int
    name: str = ""
    org: str = ""
    title: str = ""
    emails: list[tuple[str, str | None]] = field(default_factory=list)
    phones: list[tuple[str, str | None]] = field(default_factory=list)
    urls: list[tuple[str, str | None]] = field(default_factory=list)
    location: str = ""
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    how_met: str | None = None
    connected_on: date | None = None


@dataclass
class Parsed:
    """A parsed file: the records, the rows that failed, and rows skipped on purpose."""

    format: str
    records: list[Incoming] = field(default_factory=list)
    failures: list[RowNote] = field(default_factory=list)
    skips: list[RowNote] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Field -> the column (or vCard property) it came from, to name it in messages.
    labels: dict[str, str] = field(default_factory=dict)
    ignored_columns: list[str] = field(default_factory=list)


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_text(
    path: Path, *, kind: str, max_bytes: int, encoding: str | None = None, hint: str | None = None
) -> str:
    """The file's text: UTF-8 (with or without BOM), UTF-16/32 with a BOM, or ``encoding``.

    Anything else is refused with the line and byte that are not UTF-8, so the user
    can re-save the file or name its encoding.
    """
    try:
        size = path.stat().st_size
    except OSError as error:
        raise FileRejected(f"{path}: cannot be read ({error.strerror or error}).") from None
    if path.is_dir():
        raise FileRejected(f"{path} is a folder, not a file.")
    if size > max_bytes:
        raise FileRejected(
            f"{path} is {size / 1_048_576:.1f} MB; imports are limited to "
            f"{max_bytes / 1_048_576:.0f} MB (setting COFFEECHAT_IMPORT_MAX_BYTES). "
            "Split the file or raise the limit."
        )
    text = _decode(path, path.read_bytes(), kind, encoding, hint)
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise FileRejected(
            f"{path} line {line}: holds a NUL character, which no {kind} file has; "
            "the file is damaged or is not text."
        )
    return text


def _decode(path: Path, data: bytes, kind: str, encoding: str | None, hint: str | None) -> str:
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise FileRejected(f"--encoding: {encoding!r} is not a known encoding.") from None
        except UnicodeDecodeError as error:
            raise _decode_problem(path, data, error, encoding, hint) from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as error:
                raise _decode_problem(path, data, error, codec, hint) from None
    _refuse_binary(path, data, kind)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _decode_problem(path, data, error, "utf-8", hint) from None


def _decode_problem(
    path: Path, data: bytes, error: UnicodeDecodeError, codec: str, hint: str | None
) -> FileRejected:
    line = data.count(b"\n", 0, error.start) + 1
    byte = data[error.start : error.start + 1].hex().upper()
    hint = hint or (
        "Re-save it as UTF-8, or name its encoding with --encoding (for example latin-1)."
    )
    return FileRejected(
        f"{path} line {line}: byte 0x{byte} is not valid {codec.upper()} text. {hint}"
    )


_MAGIC = {
    b"PK\x03\x04": "a ZIP archive (perhaps an .xlsx workbook)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"%PDF": "a PDF document",
    b"\xd0\xcf\x11\xe0": "an old Office document (.xls)",
    b"SQLite format 3": "a SQLite database",
}


def _refuse_binary(path: Path, data: bytes, kind: str) -> None:
    """Stop early on files that are clearly not text, naming what they seem to be."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise FileRejected(f"{path} is {what}, not a {kind} file.")
    head = data[:4096]
    if head and head.count(0) * 3 > len(head) and head[1::2].count(0) * 2 > len(head) // 2:
        raise FileRejected(
            f"{path} looks like UTF-16 text without a byte-order mark; "
            "pass --encoding utf-16-le (or re-save it as UTF-8)."
        )
    controls = sum(byte < 32 and byte not in b"\t\r\n\f" for byte in head)
    if controls > max(8, len(head) // 100):
        raise FileRejected(f"{path} is not a {kind} file: it holds binary data.")
