"""Find occupations by title or alternate title, forgiving typos.

The ~60,000 O*NET titles are held in an in-memory word index, built once per process
and rebuilt when a new import lands. Each query word is matched to index words exactly,
as a prefix ("engin" → engineer) or fuzzily with rapidfuzz ("sofware" → software);
titles are scored by how well they cover the query, and the best title of each
occupation is returned.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from threading import Lock

from rapidfuzz import fuzz, process
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coffeechat.errors import Invalid
from coffeechat.models import OnetImport, OnetOccupation, OnetTitle
from coffeechat.search import fold

_WORD = re.compile(r"[a-z0-9]+")
_STOP_WORDS = frozenset({"a", "an", "and", "for", "in", "of", "on", "or", "the", "to", "with"})
_PREFIX_SCORE = 90.0
_STEM_SCORE = 85.0
_PRIMARY_BONUS = 3.0
_MIN_SCORE = 45.0
# How many of a word's best titles are scored (entries are numbered best-first).
_PER_WORD = 400


@dataclass(frozen=True)
class CareerHit:
    code: str
    title: str
    # The title that matched: the occupation's own or one of its alternate titles.
    matched: str
    score: int


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A light plural fold, enough for "nurses" to find "nurse"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The search words of ``text``: folded, stemmed, without stop words (unless only those)."""
    folded = text.lower() if text.isascii() else fold(text)
    found = [_stem(word) for word in _WORD.findall(folded)]
    kept = [word for word in found if word not in _STOP_WORDS]
    return kept or found


@dataclass
class _Index:
    stamp: tuple[int, datetime] | None
    titles: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    primary: list[bool] = field(default_factory=list)
    postings: dict[str, list[int]] = field(default_factory=dict)
    vocabulary: list[str] = field(default_factory=list)
    by_length: dict[int, list[str]] = field(default_factory=dict)
    occupation_titles: dict[str, str] = field(default_factory=dict)

    def fill(self, titles: list[tuple[str, str, bool]]) -> None:
        """Index (code, title, primary) rows.

        Entries are numbered best-first for a word they share (occupation titles, then
        shorter titles), so the first entries of a posting list are its best candidates.
        """
        tokenised = [(words(title), code, title, primary) for code, title, primary in titles]
        tokenised.sort(key=lambda row: len(row[0]) + (0 if row[3] else 1000))
        lists: defaultdict[str, list[int]] = defaultdict(list)
        for entry, (tokens, code, title, primary) in enumerate(tokenised):
            self.titles.append(title)
            self.codes.append(code)
            self.sizes.append(max(len(tokens), 1))
            self.primary.append(primary)
            for token in dict.fromkeys(tokens):
                lists[token].append(entry)
        self.postings = dict(lists)
        self.vocabulary = sorted(self.postings)
        lengths: defaultdict[int, list[str]] = defaultdict(list)
        for word in self.vocabulary:
            lengths[len(word)].append(word)
        self.by_length = dict(lengths)

    def similar(self, token: str) -> dict[str, float]:
        """Index words close to ``token``, each with a 0-100 likeness."""
        found: dict[str, float] = {}
        if len(token) >= 3:
            start = bisect_left(self.vocabulary, token)
            for word in self.vocabulary[start : start + 200]:
                if not word.startswith(token):
                    break
                found[word] = _PREFIX_SCORE
        if len(token) >= 6:
            # Same stem, other ending: "manager" finds "management", "teacher" "teaching".
            stem = token[: max(5, len(token) - 2)]
            start = bisect_left(self.vocabulary, stem)
            for word in self.vocabulary[start : start + 200]:
                if not word.startswith(stem):
                    break
                found.setdefault(word, _STEM_SCORE)
        if len(token) >= 4:
            cutoff = 80.0 if len(token) <= 5 else 75.0
            for size in range(len(token) - 2, len(token) + 3):
                nearby = self.by_length.get(size, ())
                for word, score, _ in process.extract(
                    token, nearby, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
                ):
                    found[word] = max(found.get(word, 0.0), score * 0.95)
        if token in self.postings:
            found[token] = 100.0
        return found


_cache: dict[str, _Index] = {}
_lock = Lock()


def _stamp(session: Session) -> tuple[int, datetime] | None:
    row = session.execute(
        select(OnetImport.id, OnetImport.imported_at).order_by(OnetImport.id.desc()).limit(1)
    ).first()
    return None if row is None else (row[0], row[1])


def _build(session: Session, stamp: tuple[int, datetime] | None) -> _Index:
    index = _Index(stamp)
    # Core execution on the connection: no ORM row processing for 60,000 titles.
    connection = session.connection()
    occupations = connection.execute(select(OnetOccupation.code, OnetOccupation.title))
    rows = [(code, title, True) for code, title in occupations]
    index.occupation_titles = {code: title for code, title, _ in rows}
    alternates = connection.execute(select(OnetTitle.code, OnetTitle.title))
    rows += [(code, title, False) for code, title in alternates]
    index.fill(rows)
    return index


def _index(session: Session) -> _Index:
    """This process's index for the session's database, rebuilt after each import."""
    key = str(session.get_bind().engine.url)
    stamp = _stamp(session)
    with _lock:
        index = _cache.get(key)
        if index is None or index.stamp != stamp:
            index = _cache[key] = _build(session, stamp)
        return index


def onet_loaded(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(OnetOccupation)))


def search_careers(session: Session, text: str, *, limit: int = 10) -> list[CareerHit]:
    """Occupations whose title or alternate titles match ``text``, best first."""
    tokens = words(text)
    if not tokens:
        raise Invalid("text", "give at least one word to search for, for example 'nurse'.")
    if limit < 1:
        raise Invalid("limit", "must be 1 or more.")
    index = _index(session)
    # Per query word, each entry's best likeness; dict updates run in C, even for the
    # thousands of titles a word like "manager" is in.
    per_token: list[dict[int, float]] = []
    candidates: set[int] = set()
    for token in tokens:
        best: dict[int, float] = {}
        for word, likeness in sorted(index.similar(token).items(), key=lambda item: item[1]):
            entries = index.postings[word]
            best.update(dict.fromkeys(entries, likeness))
            candidates.update(entries[:_PER_WORD])
        per_token.append(best)
    if len(per_token) > 1:
        # Titles matching every word, however common the words are.
        common = set(per_token[0]).intersection(*per_token[1:])
        candidates.update(sorted(common)[:_PER_WORD])
    wanted = len(tokens)
    per_code: dict[str, tuple[float, int]] = {}
    for entry in candidates:
        coverage = sum(best.get(entry, 0.0) for best in per_token) / wanted
        # Titles with many words beyond the query rank a little lower.
        score = coverage * (0.8 + 0.2 * min(1.0, wanted / index.sizes[entry]))
        if index.primary[entry]:
            score += _PRIMARY_BONUS
        code = index.codes[entry]
        if score >= _MIN_SCORE and score > per_code.get(code, (0.0, 0))[0]:
            per_code[code] = (score, entry)
    ranked = sorted(
        per_code.items(), key=lambda item: (-item[1][0], len(index.titles[item[1][1]]), item[0])
    )
    return [
        CareerHit(
            code=code,
            title=index.occupation_titles.get(code, index.titles[entry]),
            matched=index.titles[entry],
            score=min(100, round(score)),
        )
        for code, (score, entry) in ranked[:limit]
    ]
