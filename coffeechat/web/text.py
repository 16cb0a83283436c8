"""How user text and times are shown: Markdown without raw HTML, dates in the user's zone."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from urllib.parse import quote
from zoneinfo import ZoneInfo

from markdown_it import MarkdownIt
from markupsafe import Markup

from coffeechat.network.directory import warmth_band


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # "html": False escapes any tag the user typed; links keep markdown-it's own
    # check, which refuses javascript:, vbscript: and data: (except images).
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


def markdown(text: str | None) -> Markup:
    """User notes as safe HTML."""
    return Markup(_markdown().render(text or ""))


def local_time(value: datetime | None, zone: str = "UTC", fmt: str = "%a %d %b %Y, %H:%M") -> str:
    if value is None:
        return ""
    try:
        tz = ZoneInfo(zone)
    except Exception:  # an unknown zone in an old profile falls back to UTC
        tz = ZoneInfo("UTC")
    return value.astimezone(tz).strftime(fmt)


def label(value: str | None) -> str:
    """``no_reply`` → ``No reply``: vocabulary words as people read them."""
    return (value or "").replace("_", " ").capitalize()


_WARMTH_CLASSES = {
    "warm": "warm-high",
    "getting_there": "warm-mid",
    "cool": "warm-low",
    "unknown": "warm-none",
}


def warmth_class(score: int | None) -> str:
    """The colour class for a warmth score; unknown warmth stays neutral."""
    return _WARMTH_CLASSES[warmth_band(score)]


def mailto(to: Sequence[str], subject: str, body: str) -> str:
    """A mailto: link that opens the user's mail program with the note filled in."""
    address = ",".join(quote(a, safe="@.+-_") for a in to)
    return f"mailto:{address}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"
