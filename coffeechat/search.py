"""Full-text search over people, organizations, interview notes and facts.

Each searchable row has one ``search_documents`` row, kept in step by a flush hook.
SQLite matches with FTS5 (accents folded by its tokenizer, prefixes indexed);
PostgreSQL with its own text search over the accent-folded copy. Snippets are cut
here, in the same way for both.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import delete, event, insert, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, UOWTransaction

from coffeechat.errors import Invalid
from coffeechat.models import (
    Fact,
    Interview,
    Organization,
    Person,
    PersonTag,
    SearchDocument,
    User,
)

_TOKEN = re.compile(r"[^\W_]+")
SNIPPET_BEFORE = 40
SNIPPET_LENGTH = 140


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: int
    title: str
    snippet: str
    # (start, end) of each matched word inside ``snippet``.
    matches: tuple[tuple[int, int], ...]
    rank: int


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFKD", char)[0]
    lowered = base.lower()
    return lowered[0] if lowered else char


def fold(value: str) -> str:
    """Lower-case and strip accents, one character for one, so positions still line up."""
    if value.isascii():
        return value.lower()
    return "".join(map(_fold_char, value))


def tokens(query: str) -> list[str]:
    return _TOKEN.findall(fold(query))


# --- keeping the index in step -------------------------------------------------------


def _documents(connection: Connection, kind: str, ids: set[int]) -> list[dict[str, Any]]:
    if not ids:
        return []
    builder = _BUILDERS[kind]
    return [
        {
            "owner_id": owner,
            "kind": kind,
            "ref_id": ref,
            "title": title,
            "body": body,
            "folded": fold(f"{title}\n{body}"),
        }
        for ref, owner, title, body in builder(connection, ids)
    ]


def _person_rows(connection: Connection, ids: set[int]) -> Iterable[tuple[int, int, str, str]]:
    tags: dict[int, list[str]] = {}
    for person_id, tag in connection.execute(
        select(PersonTag.person_id, PersonTag.tag).where(PersonTag.person_id.in_(ids))
    ):
        tags.setdefault(person_id, []).append(tag)
    statement = (
        select(
            Person.id,
            Person.owner_id,
            Person.full_name,
            Person.title,
            Organization.name,
            Person.location,
            Person.notes,
        )
        .outerjoin(Organization, Organization.id == Person.organization_id)
        .where(Person.id.in_(ids))
    )
    for pid, owner, name, title, org, location, notes in connection.execute(statement):
        yield pid, owner, name, person_body(title, org, location, tags.get(pid, []), notes)


def person_body(
    title: str | None, org: str | None, location: str | None, tags: list[str], notes: str | None
) -> str:
    """The searchable text of a person besides their name."""
    role = " at ".join(part for part in (title, org) if part)
    parts = [role, location or "", " ".join(tags), notes or ""]
    return " · ".join(p for p in parts if p)


def _organization_rows(
    connection: Connection, ids: set[int]
) -> Iterable[tuple[int, int, str, str]]:
    statement = select(
        Organization.id,
        Organization.owner_id,
        Organization.name,
        Organization.industry,
        Organization.location,
        Organization.website,
        Organization.notes,
    ).where(Organization.id.in_(ids))
    for oid, owner, name, industry, location, website, notes in connection.execute(statement):
        parts = [industry or "", location or "", website or "", notes or ""]
        yield oid, owner, name, " · ".join(p for p in parts if p)


def _interview_rows(connection: Connection, ids: set[int]) -> Iterable[tuple[int, int, str, str]]:
    statement = (
        select(
            Interview.id,
            Interview.owner_id,
            Person.full_name,
            Interview.goal,
            Interview.notes,
            Interview.takeaways,
        )
        .outerjoin(Person, Person.id == Interview.person_id)
        .where(Interview.id.in_(ids))
    )
    for iid, owner, name, goal, notes, takeaways in connection.execute(statement):
        title = f"Interview with {name}" if name else "Interview"
        parts = [goal or "", notes or "", " ".join(takeaways or [])]
        yield iid, owner, title, "\n".join(p for p in parts if p)


def _fact_rows(connection: Connection, ids: set[int]) -> Iterable[tuple[int, int, str, str]]:
    statement = (
        select(Fact.id, Fact.owner_id, Fact.kind, Organization.name, Fact.text, Fact.edited_text)
        .outerjoin(Organization, Organization.id == Fact.organization_id)
        .where(Fact.id.in_(ids), Fact.status != "rejected")
    )
    for fid, owner, kind, org, original, edited in connection.execute(statement):
        label = kind.replace("_", " ").capitalize()
        yield fid, owner, f"{label} · {org}" if org else label, edited or original


_BUILDERS = {
    "person": _person_rows,
    "organization": _organization_rows,
    "interview": _interview_rows,
    "fact": _fact_rows,
}
_KIND_OF: dict[type[Any], str] = {
    Person: "person",
    Organization: "organization",
    Interview: "interview",
    Fact: "fact",
}


def write_documents(connection: Connection, kind: str, ids: set[int]) -> None:
    """(Re)build the documents of ``ids``; rows that no longer exist lose theirs."""
    if not ids:
        return
    connection.execute(
        delete(SearchDocument).where(SearchDocument.kind == kind, SearchDocument.ref_id.in_(ids))
    )
    documents = _documents(connection, kind, ids)
    if documents:
        connection.execute(insert(SearchDocument), documents)


_BATCH = 2000  # ids per statement: well under every backend's bound-parameter limit


def reindex_owner(session: Session, owner: User) -> None:
    """Rebuild every document of ``owner`` (after bulk writes that bypass the ORM)."""
    connection = session.connection()
    for model, kind in _KIND_OF.items():
        statement = select(model.id).where(model.owner_id == owner.id).order_by(model.id)
        ids = list(connection.scalars(statement))
        for start in range(0, len(ids), _BATCH):
            write_documents(connection, kind, set(ids[start : start + _BATCH]))


def _after_flush(session: Session, _context: UOWTransaction) -> None:
    changed: dict[str, set[int]] = {kind: set() for kind in _BUILDERS}
    removed_people: set[int] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        kind = _KIND_OF.get(type(obj))
        if kind is not None and obj.id is not None:
            changed[kind].add(obj.id)
            if kind == "person" and obj in session.deleted:
                removed_people.add(obj.id)
        elif isinstance(obj, PersonTag):
            changed["person"].add(obj.person_id)
    if not any(changed.values()):
        return
    connection = session.connection()
    if removed_people:
        changed["interview"].update(
            connection.scalars(select(Interview.id).where(Interview.person_id.in_(removed_people)))
        )
    for kind, ids in changed.items():
        write_documents(connection, kind, ids)


event.listen(Session, "after_flush", _after_flush)


# --- querying -------------------------------------------------------------------------

_SQLITE_QUERY = text(
    """
    SELECT d.kind, d.ref_id, d.title, d.body, d.folded
    FROM search_fts JOIN search_documents AS d ON d.id = search_fts.rowid
    WHERE search_fts MATCH :match AND d.owner_id = :owner
    ORDER BY bm25(search_fts, 4.0, 1.0)
    LIMIT :limit
    """
)
_POSTGRES_QUERY = text(
    """
    SELECT d.kind, d.ref_id, d.title, d.body, d.folded
    FROM search_documents AS d, to_tsquery('simple', :match) AS q
    WHERE to_tsvector('simple', d.folded) @@ q AND d.owner_id = :owner
    ORDER BY ts_rank(to_tsvector('simple', d.folded), q) DESC, d.id
    LIMIT :limit
    """
)


def search(session: Session, *, owner: User, query: str, limit: int = 20) -> list[SearchHit]:
    """Ranked hits for ``query``; every word matches as a prefix, accents ignored."""
    words = tokens(query)
    if not words:
        raise Invalid("query", "type at least one letter or digit to search for")
    if not 1 <= limit <= 500:
        raise Invalid("limit", "must be between 1 and 500")
    if session.get_bind().dialect.name == "postgresql":
        statement, match = _POSTGRES_QUERY, " & ".join(f"'{w}':*" for w in words)
    else:
        statement, match = _SQLITE_QUERY, " ".join(f'"{w}"*' for w in words)
    rows = session.execute(statement, {"match": match, "owner": owner.id, "limit": limit})
    return [
        _hit(rank, kind, ref, title, body, folded, words)
        for rank, (kind, ref, title, body, folded) in enumerate(rows, start=1)
    ]


def _hit(
    rank: int, kind: str, ref: int, title: str, body: str, folded: str, words: list[str]
) -> SearchHit:
    pattern = re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, words)) + r")[^\W_]*")
    offset = len(title) + 1
    folded_body = folded[offset:]
    first = pattern.search(folded_body)
    if body and first is None:
        start = 0
    elif not body:
        return SearchHit(kind, ref, title, "", (), rank)
    else:
        assert first is not None
        start = max(0, first.start() - SNIPPET_BEFORE)
        while 0 < start < first.start() and not body[start - 1].isspace():
            start += 1
    end = min(len(body), start + SNIPPET_LENGTH)
    if end < len(body):
        cut = body.rfind(" ", start, end)
        end = cut if cut > start else end
    window = body[start:end].replace("\n", " ")
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(body) else ""
    spans = tuple(
        (m.start() + len(prefix), m.end() + len(prefix))
        for m in pattern.finditer(folded_body[start:end])
    )
    return SearchHit(kind, ref, title, f"{prefix}{window}{suffix}", spans, rank)
