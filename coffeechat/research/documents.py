"""Raw input for research: read a URL, a file or stdin, tell its type and decode it.

Everything that is not readable text (images, archives, damaged PDFs, text in an encoding
we cannot tell) is refused here with a message that names the problem, before anything
is analysed or stored.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from coffeechat.config import Settings
from coffeechat.errors import Invalid

Kind = Literal["html", "pdf", "text"]

MAX_URL_LENGTH = 2000  # the width of sources.url

# Magic numbers of common binary formats, so the refusal can say what the file is.
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
    b"SQLite format 3": "an SQLite database",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_HTML_START = re.compile(
    r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S
)
_HTML_TAGS = re.compile(r"</(p|div|h[1-6]|li|section|article|main)>", re.I)


@dataclass(frozen=True)
class RawInput:
    """Bytes to analyse and where they came from."""

    data: bytes
    url: str | None = None
    name: str | None = None
    content_type: str = ""


@dataclass(frozen=True)
class Decoded:
    kind: Kind
    text: str = ""  # empty for PDFs, which are parsed from bytes
    data: bytes = b""


def is_url(ref: str) -> bool:
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", ref))


def read_input(ref: str, *, settings: Settings, stdin: bytes | None = None) -> RawInput:
    """The bytes behind ``ref``: a URL (through the guarded fetcher), ``-`` or a file path."""
    if ref == "-":
        return RawInput(stdin or b"", name="stdin")
    if is_url(ref):
        from coffeechat.fetch import fetch

        if len(ref) > MAX_URL_LENGTH:
            raise Invalid("source", f"web addresses are limited to {MAX_URL_LENGTH} characters")

        fetched = fetch(ref, settings=settings)
        return RawInput(fetched.body, url=fetched.final_url, content_type=fetched.content_type)
    path = Path(ref).expanduser()
    if not path.is_file():
        raise Invalid("source", f"{ref!r} is neither a web address nor a file that exists")
    size = path.stat().st_size
    if size > settings.fetch_max_bytes:
        limit = settings.fetch_max_bytes / 1024 / 1024
        raise Invalid("source", f"{path.name} is larger than the {limit:g} MB limit")
    return RawInput(path.read_bytes(), name=path.name)


def decode(raw: RawInput) -> Decoded:
    """Tell HTML, PDF and plain text apart and turn text into ``str``; refuse anything else."""
    label = raw.url or raw.name or "the input"
    data = raw.data
    if not data.strip():
        raise Invalid("source", f"{label} is empty")
    if data.startswith(b"%PDF-") or "pdf" in raw.content_type.lower():
        return Decoded("pdf", data=data)
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise Invalid("source", f"{label} is {what}, not a web page, PDF or text")
    text = _to_str(data, raw.content_type, label)
    sample = text[:4096]
    controls = sum(1 for char in sample if ord(char) < 32 and char not in "\t\n\r\f")
    if controls > max(2, len(sample) // 100):
        raise Invalid("source", f"{label} looks like a binary file, not a web page, PDF or text")
    kind: Kind = "html" if _looks_like_html(text, raw) else "text"
    return Decoded(kind, text=text)


def _looks_like_html(text: str, raw: RawInput) -> bool:
    if "html" in raw.content_type.lower():
        return True
    if raw.name and raw.name.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    head = text[:2048]
    return bool(_HTML_START.match(head) or len(_HTML_TAGS.findall(head)) >= 2)


def _declared_charset(data: bytes, content_type: str) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.I)
    if match:
        return match.group(1)
    meta = _META_CHARSET.search(data[:4096])
    return meta.group(1).decode("ascii", "ignore") if meta else None


def _to_str(data: bytes, content_type: str, label: str) -> str:
    """Decode by BOM, then the declared charset, then UTF-8, then a careful guess."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    if b"\x00" in data[:4096]:
        utf16 = _utf16(data)
        if utf16 is None:
            raise Invalid(
                "source", f"{label} looks like a binary file, not a web page, PDF or text"
            )
        return utf16
    declared = _declared_charset(data, content_type)
    for codec in (declared or "utf-8", "utf-8"):
        try:
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue  # a wrong or unknown declaration: fall back to detection
    return _guess(data, label)


def _utf16(data: bytes) -> str | None:
    """UTF-16 text saved without its byte-order mark: every other byte is zero."""
    sample = data[:4096]
    half = len(sample) // 2
    for codec, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if half and zeros.count(0) > 0.9 * half:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def _guess(data: bytes, label: str) -> str:
    import charset_normalizer

    matches = charset_normalizer.from_bytes(data[:200_000])
    best = matches.best()
    # Undeclared 8-bit web text is most often Windows-1252 (the HTML standard's default),
    # and on short texts the detector ties it with other single-byte code pages.
    lowest = min((match.percent_chaos for match in matches), default=0.0)
    tied = {match.encoding for match in matches if match.percent_chaos <= lowest}
    if best is None or "cp1252" in tied:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    if best is None:
        raise Invalid(
            "encoding",
            f"could not tell the text encoding of {label}; save it as UTF-8 and try again",
        )
    return data.decode(best.encoding, errors="replace")
