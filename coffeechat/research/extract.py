"""Main text of a page or document, as plain text plus its structure.

The extracted text is what we store and what fact offsets point into. Its structure is a
list of blocks (headings, paragraphs, list items), each knowing the headings above it, so
the classifier can tell a sentence under "Our mission" from one under "News".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from coffeechat.errors import Invalid
from coffeechat.research.documents import Decoded, RawInput

if TYPE_CHECKING:
    from lxml.etree import _Element

BlockKind = Literal["heading", "paragraph", "item"]

_SPACE = re.compile(r"\s+")
_BULLET = re.compile(r"^\s*(?:[-*•·▪–]|\d{1,2}[.)])\s+")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    start: int
    end: int
    level: int = 0  # heading level (1-6); 0 for other blocks
    headings: tuple[str, ...] = ()  # the headings this block sits under, outermost first
    group: int = 0  # blocks of one list share a group number


@dataclass(frozen=True)
class Extracted:
    title: str
    text: str
    media_type: str
    url: str | None = None
    blocks: tuple[Block, ...] = field(default=())

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]


class _Builder:
    """Appends blocks to the text, tracking offsets and the heading path."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.blocks: list[Block] = []
        self.path: list[tuple[int, str]] = []
        self.groups = 0
        self._last_group = -1

    def add(self, kind: BlockKind, text: str, level: int = 0, group: int = 0) -> None:
        text = " ".join(text.split())
        if not text:
            return
        if self.parts:
            joiner = "\n" if kind == "item" and group == self._last_group else "\n\n"
            self.parts.append(joiner)
            self.length += len(joiner)
        headings = tuple(title for _, title in self.path)
        self.blocks.append(
            Block(kind, self.length, self.length + len(text), level, headings, group)
        )
        self.parts.append(text)
        self.length += len(text)
        self._last_group = group if kind == "item" else -1
        if kind == "heading":
            while self.path and self.path[-1][0] >= level:
                self.path.pop()
            self.path.append((level, text))

    def new_group(self) -> int:
        self.groups += 1
        return self.groups

    def build(self, title: str, media_type: str, url: str | None) -> Extracted:
        return Extracted(title, "".join(self.parts), media_type, url, tuple(self.blocks))


def extract(raw: RawInput, decoded: Decoded) -> Extracted:
    """The main text of a decoded input; Invalid when there is none."""
    label = raw.url or raw.name or "the input"
    if decoded.kind == "html":
        result = extract_html(decoded.text, url=raw.url)
    elif decoded.kind == "pdf":
        result = extract_pdf(decoded.data, label=label)
    else:
        result = extract_plain(decoded.text)
    if not result.text.strip():
        raise Invalid("source", f"no readable text found in {label}")
    return Extracted(result.title, result.text, result.media_type, raw.url, result.blocks)


def extract_html(html: str, *, url: str | None = None) -> Extracted:
    """Main text of an HTML page with trafilatura (menus, footers and cookie banners dropped)."""
    import trafilatura

    body: _Element | None = None
    for recall in (False, True):  # short pages can fall under the precision thresholds
        # Metadata extraction would double the time; the title is all we need of it.
        document = trafilatura.bare_extraction(
            html, url=url, include_comments=False, favor_recall=recall
        )
        body = getattr(document, "body", None)
        if body is not None and len(body):
            break
    builder = _Builder()
    if body is not None:
        if body.find(".//head") is None:
            _restore_headings(html, body)
        _walk(body, builder)
    return builder.build(page_title(html) or _first_title(builder), "text/html", url)


_OG_TITLE = re.compile(
    r"""<meta[^>]+property=["']og:title["'][^>]+content=["']([^"']*)["']""", re.I
)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)


def page_title(html: str) -> str:
    """The page's own title: its Open Graph title, else its <title>, unescaped."""
    import html as html_module

    head = html[:100_000]
    match = _OG_TITLE.search(head) or _TITLE.search(head)
    return _SPACE.sub(" ", html_module.unescape(match.group(1))).strip() if match else ""


_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_TEXT_TAGS = ("p", "li", "blockquote", "td", "dd", "dt", "pre")


def _key(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()[:60]


def _restore_headings(html: str, body: _Element) -> None:
    """Put back the headings trafilatura dropped, by finding each block in the page.

    On some layouts trafilatura keeps the paragraphs but not the headings between them;
    without those, a sentence under "Our mission" looks like any other.
    """
    from lxml import html as lxml_html
    from lxml.etree import Element, ParserError

    try:
        tree = lxml_html.document_fromstring(html)
    except (ParserError, ValueError):
        return
    page: list[tuple[int, str, str]] = []  # (heading level or 0, key, text)
    for element in tree.iter(*_HEADING_TAGS, *_TEXT_TAGS):
        text = _SPACE.sub(" ", element.text_content()).strip()
        if text:
            level = int(element.tag[1]) if element.tag in _HEADING_TAGS else 0
            page.append((level, _key(text), text))
    position, first = 0, True
    for child in list(body):
        wanted = _key("".join(child.itertext()))
        if not wanted:
            continue
        found = next(
            (i for i in range(position, len(page)) if not page[i][0] and page[i][1] == wanted),
            None,
        )
        if found is None:
            continue
        between = page[position:found]
        if first:  # only the run of headings right above the first block
            run: list[tuple[int, str, str]] = []
            for entry in reversed(between):
                if not entry[0]:
                    break
                run.insert(0, entry)
            between = run
        for level, _, text in between:
            if level:
                heading = Element("head", rend=f"h{level}")
                heading.text = text
                child.addprevious(heading)
        position, first = found + 1, False


def _walk(parent: _Element, builder: _Builder) -> None:
    for element in parent:
        tag = element.tag
        if tag == "head":
            rend = str(element.get("rend", "h2"))
            level = int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 2
            builder.add("heading", _text(element), level)
        elif tag == "list":
            _walk_list(element, builder)
        elif tag == "table":
            for row in element.iter("row"):
                builder.add("paragraph", " · ".join(_text(cell) for cell in row))
        elif tag in ("p", "quote", "code", "item"):
            builder.add("paragraph", _text(element))
        elif len(element):
            _walk(element, builder)
        else:
            builder.add("paragraph", _text(element))


def _walk_list(element: _Element, builder: _Builder) -> None:
    group = builder.new_group()
    for item in element:
        nested = [child for child in item if child.tag == "list"]
        own = "".join(_own_text(item))
        builder.add("item", own, group=group)
        for child in nested:
            _walk_list(child, builder)


def _own_text(item: _Element) -> Iterator[str]:
    """An item's text without its nested lists."""
    if item.text:
        yield item.text
    for child in item:
        if child.tag != "list":
            yield "".join(child.itertext())
        if child.tail:
            yield child.tail


def _text(element: _Element) -> str:
    return "".join(element.itertext())


def extract_plain(text: str, *, media_type: str = "text/plain") -> Extracted:
    """Structure of plain text: blank-line paragraphs, bullet items, short heading lines.

    PDF text rarely has blank lines, so a heading is also recognised inside a paragraph:
    a short line without end punctuation that starts after a finished sentence.
    """
    builder = _Builder()
    for paragraph in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
        if len(lines) == 1 and _is_heading_line(lines[0]) and not _BULLET.match(lines[0]):
            builder.add("heading", _MD_HEADING.sub(r"\2", lines[0]), _level(lines[0]))
        else:
            _add_lines(builder, lines)
    return builder.build(_first_title(builder), media_type, None)


def _level(line: str) -> int:
    marks = _MD_HEADING.match(line)
    return len(marks.group(1)) if marks else 2


def _add_lines(builder: _Builder, lines: list[str]) -> None:
    pending: list[str] = []
    group = 0
    for index, line in enumerate(lines):
        if _BULLET.match(line):
            if pending:
                builder.add("paragraph", " ".join(pending))
                pending = []
            group = group or builder.new_group()
            builder.add("item", _BULLET.sub("", line), group=group)
            continue
        group = 0
        after_sentence = not pending or pending[-1].endswith((".", "!", "?", ":"))
        has_next = index + 1 < len(lines)
        if _MD_HEADING.match(line) or (after_sentence and has_next and _is_heading_line(line)):
            if pending:
                builder.add("paragraph", " ".join(pending))
                pending = []
            builder.add("heading", _MD_HEADING.sub(r"\2", line), _level(line))
        else:
            pending.append(line)
    if pending:
        builder.add("paragraph", " ".join(pending))


_TRAILING_FUNCTION_WORD = re.compile(
    r"\b(and|or|the|of|to|a|an|in|for|with|on|at|by|our|we|is|are)$", re.I
)


def _is_heading_line(line: str) -> bool:
    """Short, capitalised, unpunctuated, and not cut off mid-phrase."""
    stripped = line.strip()
    if _MD_HEADING.match(stripped):
        return True
    words = stripped.split()
    return (
        0 < len(words) <= 8
        and (stripped[0].isupper() or stripped[0].isdigit())
        and not stripped.endswith((".", ",", ";", ":", "?", "!"))
        and not _TRAILING_FUNCTION_WORD.search(stripped)
    )


def _first_title(builder: _Builder) -> str:
    for block in builder.blocks:
        if block.kind == "heading":
            return "".join(builder.parts)[block.start : block.end]
    return ""


def read_pdf(data: bytes, *, label: str) -> tuple[str, str]:
    """The title and raw text (lines kept) of a PDF, with pypdf."""
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise Invalid("source", f"{label} is a password-protected PDF")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = str(reader.metadata.title or "") if reader.metadata else ""
    except (PdfReadError, ValueError, KeyError, OSError) as error:
        raise Invalid("source", f"{label} is a damaged or truncated PDF ({error})") from None
    lines = (line.rstrip() for line in "\n\n".join(pages).split("\n"))
    return title.strip(), "\n".join(lines).strip()


def extract_pdf(data: bytes, *, label: str) -> Extracted:
    """Text of a PDF, structured like plain text."""
    title, text = read_pdf(data, label=label)
    result = extract_plain(text, media_type="application/pdf")
    return Extracted(title or result.title, result.text, result.media_type, None, result.blocks)
