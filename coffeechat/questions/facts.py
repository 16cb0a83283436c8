"""What the research holds, in the small shape the linter and the planner need."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coffeechat.models import Fact

# Facts at or above this confidence count as known even before the user confirms them.
TRUSTED_CONFIDENCE = 0.8

_WORD = re.compile(r"[a-z0-9][a-z0-9+#.-]*[a-z0-9+#]|[a-z0-9]")
_STOP_WORDS = """
    a about after again all also am an and any are as at be been before being both but by
    can could did do does doing done for from get gets had has have having he her here him his
    how i if in into is it its just me more my no not now of on one or our out over own she so
    some such than that the their them then there these they this those to too under up us very
    was we were what when where which while who whom why will with would you your yours
    tell describe know share please much many really thing things kind sort way lot
    company organization organisation firm business team people work"""
_STOP = frozenset(_STOP_WORDS.split())


@dataclass(frozen=True)
class KnownFact:
    """A fact sentence the research found, with the page it came from."""

    kind: str
    text: str
    source_title: str = ""
    source_url: str = ""
    words: frozenset[str] = field(default=frozenset(), compare=False)

    def evidence(self) -> str:
        where = ", ".join(part for part in (self.source_title, self.source_url) if part)
        return f"\u201c{self.text}\u201d ({where})" if where else f"\u201c{self.text}\u201d"


def _stem(word: str) -> str:
    # A light touch: enough to match "offices" with "office" and "launched" with "launch".
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=8192)
def content_words(text: str) -> frozenset[str]:
    """The stemmed words of ``text`` that carry meaning (cached: fact texts repeat)."""
    lowered = text.lower().replace("\u2019", "'").replace("'s ", " ")
    return frozenset(_stem(w) for w in _WORD.findall(lowered) if w not in _STOP)


def known_fact(kind: str, text: str, source_title: str = "", source_url: str = "") -> KnownFact:
    return KnownFact(kind, text, source_title, source_url, content_words(text))


def as_known(fact: KnownFact | Fact) -> KnownFact:
    """Accept our own rows as well as ready-made ``KnownFact`` values."""
    if isinstance(fact, KnownFact):
        if fact.words:
            return fact
        return known_fact(fact.kind, fact.text, fact.source_title, fact.source_url)
    source = fact.source
    return known_fact(fact.kind, fact.shown_text, source.title or "", source.url or "")


def trusted(facts: Iterable[Fact]) -> list[KnownFact]:
    """Confirmed facts, and new ones found with high confidence; never rejected ones."""
    return [
        as_known(f)
        for f in facts
        if f.status == "confirmed" or (f.status == "new" and f.confidence >= TRUSTED_CONFIDENCE)
    ]


def best_overlap(words: frozenset[str], facts: Iterable[KnownFact]) -> KnownFact | None:
    """The fact covering most of the question's meaningful words, if it covers enough."""
    if len(words) < 2:
        return None
    best: KnownFact | None = None
    best_share = 0.0
    for fact in facts:
        share = len(words & fact.words) / len(words)
        if share > best_share:
            best, best_share = fact, share
    return best if best_share >= 0.75 else None
