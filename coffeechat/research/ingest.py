"""Ingest a page or document: analyse it, then store it once as a Source with its Facts.

A source is stored once per URL (or, without one, per content hash) for each owner.
Adding it again updates it: the facts are derived anew, and each new fact that matches an
old one (same kind, same normalised text) keeps the old row, so its id, confirmation,
edit or rejection survive.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from sqlalchemy import or_
from sqlalchemy.orm import Session

from coffeechat.config import Settings
from coffeechat.models import Fact, Organization, Person, Source, User
from coffeechat.research.classify import Found, classify
from coffeechat.research.documents import RawInput, decode, read_input
from coffeechat.research.extract import Extracted, extract
from coffeechat.scoping import owned
from coffeechat.vocab import FactStatus


@dataclass(frozen=True)
class Analysis:
    """What the analysis of one input found; nothing stored yet."""

    extracted: Extracted
    facts: tuple[Found, ...]
    content_hash: str

    def as_json(self) -> dict[str, object]:
        text = self.extracted.text
        return {
            "title": self.extracted.title,
            "url": self.extracted.url,
            "chars": len(text),
            "facts": [
                {
                    "kind": fact.kind,
                    "text": text[fact.start : fact.end],
                    "start": fact.start,
                    "end": fact.end,
                    "confidence": fact.confidence,
                }
                for fact in self.facts
            ],
        }


@dataclass(frozen=True)
class Ingested:
    source: Source
    created: bool
    facts: list[Fact]


def analyse_raw(raw: RawInput) -> Analysis:
    """Decode, extract and classify one input."""
    extracted = extract(raw, decode(raw))
    digest = hashlib.sha256(extracted.text.encode("utf-8")).hexdigest()
    return Analysis(extracted, tuple(classify(extracted)), digest)


def analyse(ref: str, *, settings: Settings, stdin: bytes | None = None) -> Analysis:
    """``research extract``: the analysis of a URL, a file or stdin (``-``)."""
    return analyse_raw(read_input(ref, settings=settings, stdin=stdin))


def fact_key(kind: str, text: str) -> tuple[str, str]:
    """What makes two facts the same across re-ingests: kind and normalised text."""
    words = re.sub(r"[^\w\s]", " ", text.casefold()).split()
    return kind, " ".join(words)


def find_source(
    session: Session, *, owner: User, url: str | None, digest: str, person: Person | None = None
) -> Source | None:
    """The stored source with this URL, or with this content when there is no URL.

    A bio is matched within its person only: the same text pasted for two people is
    two sources, not one that moves between them.
    """
    condition = Source.url == url if url else Source.content_hash == digest
    if url:  # a page saved to a file earlier and now added by its address
        condition = or_(condition, (Source.url.is_(None)) & (Source.content_hash == digest))
    statement = owned(Source, owner).where(condition).order_by(Source.id)
    if person is not None:
        statement = statement.where(Source.person_id == person.id)
    found: Source | None = session.scalars(statement).first()
    return found


def store(
    session: Session,
    *,
    owner: User,
    analysis: Analysis,
    organization: Organization | None = None,
    person: Person | None = None,
    found: list[Found] | None = None,
) -> Ingested:
    """Store ``analysis`` as a Source with its facts, or update the one stored before.

    ``found`` overrides the classified facts (the profile reader brings its own).
    """
    from coffeechat.models import utcnow

    doc = analysis.extracted
    source = find_source(
        session, owner=owner, url=doc.url, digest=analysis.content_hash, person=person
    )
    created = source is None
    if source is None:
        source = Source(owner_id=owner.id)
        session.add(source)
    source.url = doc.url or source.url
    source.content_hash = analysis.content_hash
    source.media_type = doc.media_type
    source.title = doc.title[:500]
    source.text = doc.text
    source.fetched_at = utcnow()
    source.organization_id = organization.id if organization else source.organization_id
    source.person_id = person.id if person else source.person_id
    session.flush()
    facts = _refresh_facts(session, owner, source, list(analysis.facts) if found is None else found)
    return Ingested(source, created, facts)


def _refresh_facts(session: Session, owner: User, source: Source, found: list[Found]) -> list[Fact]:
    old = {fact_key(fact.kind, fact.text): fact for fact in source.facts}
    kept: list[Fact] = []
    for item in found:
        text = source.text[item.start : item.end]
        fact = old.pop(fact_key(item.kind, text), None)
        if fact is None:
            fact = Fact(owner_id=owner.id, source=source, kind=item.kind)
            session.add(fact)
        fact.text, fact.start, fact.end = text, item.start, item.end
        fact.confidence = round(item.confidence, 2)
        fact.organization_id = source.organization_id
        fact.person_id = source.person_id
        kept.append(fact)
    for stale in old.values():
        source.facts.remove(stale)
    _keep_rejections(session, owner, source, kept)
    session.flush()
    return kept


def _keep_rejections(session: Session, owner: User, source: Source, facts: list[Fact]) -> None:
    """A fact rejected on another page of the same organization or person stays rejected."""
    if source.organization_id is None and source.person_id is None:
        return
    subject = (
        Fact.organization_id == source.organization_id
        if source.organization_id is not None
        else Fact.person_id == source.person_id
    )
    statement = owned(Fact, owner).where(subject, Fact.status == FactStatus.REJECTED.value)
    rejected = {fact_key(f.kind, f.text) for f in session.scalars(statement)}
    for fact in facts:
        if fact_key(fact.kind, fact.text) in rejected:
            fact.status = FactStatus.REJECTED.value
