"""What the user does with research: add pages to an organization, review the facts."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session, selectinload

from coffeechat.config import Settings
from coffeechat.errors import Invalid
from coffeechat.models import Fact, Organization, Person, User
from coffeechat.network.organizations import find_or_create_organization, resolve_organization
from coffeechat.network.profile import get_profile
from coffeechat.research.bio import Background, openers, read_background
from coffeechat.research.documents import decode, read_input
from coffeechat.research.extract import Extracted, extract_html, read_pdf
from coffeechat.research.ingest import Analysis, Ingested, analyse, store
from coffeechat.scoping import get_owned, owned
from coffeechat.vocab import FactKind, FactStatus


def organization_for(session: Session, *, owner: User, ref: str) -> Organization:
    """An organization by id, or by name (created when new, as ``people add --org`` does)."""
    if ref.strip().isdigit():
        return resolve_organization(session, owner=owner, ref=ref)
    return find_or_create_organization(session, owner=owner, name=ref)


def add_page(
    session: Session,
    *,
    owner: User,
    organization: str,
    ref: str,
    settings: Settings,
    stdin: bytes | None = None,
) -> Ingested:
    """``research add``: analyse a URL, file or stdin and store it under the organization.

    The input is fully read and analysed before anything is written, so a refusal
    (too large, binary, no text) leaves the database as it was.
    """
    analysis = analyse(ref, settings=settings, stdin=stdin)
    org = organization_for(session, owner=owner, ref=organization)
    return store(session, owner=owner, analysis=analysis, organization=org)


def list_facts(
    session: Session,
    *,
    owner: User,
    organization: str,
    kinds: Sequence[str] = (),
    include_rejected: bool = False,
) -> tuple[Organization, list[Fact]]:
    """The organization's facts by kind order, then source and position."""
    org = resolve_organization(session, owner=owner, ref=organization)
    statement = (
        owned(Fact, owner)
        .where(Fact.organization_id == org.id)
        .options(selectinload(Fact.source))
        .order_by(Fact.source_id, Fact.start)
    )
    if kinds:
        statement = statement.where(Fact.kind.in_([_kind(kind) for kind in kinds]))
    if not include_rejected:
        statement = statement.where(Fact.status != FactStatus.REJECTED.value)
    order = {kind.value: index for index, kind in enumerate(FactKind)}
    facts = sorted(session.scalars(statement), key=lambda fact: order.get(fact.kind, 99))
    return org, facts


def _kind(kind: str) -> str:
    try:
        return FactKind(kind.strip().lower()).value
    except ValueError:
        choices = ", ".join(k.value for k in FactKind)
        raise Invalid("kind", f"{kind!r} is not a fact kind (choose from {choices})") from None


def get_fact(session: Session, *, owner: User, fact_id: int) -> Fact:
    return get_owned(session, Fact, fact_id, owner, "fact")


def confirm_fact(session: Session, *, owner: User, fact_id: int) -> Fact:
    """Mark a fact as checked by the user."""
    return _set_status(session, owner, fact_id, FactStatus.CONFIRMED)


def reject_fact(session: Session, *, owner: User, fact_id: int) -> Fact:
    """Mark a fact as wrong; it stays rejected when its page is added again."""
    return _set_status(session, owner, fact_id, FactStatus.REJECTED)


def _set_status(session: Session, owner: User, fact_id: int, status: FactStatus) -> Fact:
    fact = get_fact(session, owner=owner, fact_id=fact_id)
    fact.status = status.value
    session.flush()
    return fact


def edit_fact(session: Session, *, owner: User, fact_id: int, text: str) -> Fact:
    """Correct a fact's wording (the original sentence is kept); editing confirms it."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise Invalid("text", "must not be empty")
    if len(cleaned) > 2000:
        raise Invalid("text", "must be at most 2000 characters")
    fact = get_fact(session, owner=owner, fact_id=fact_id)
    fact.edited_text = None if cleaned == fact.text else cleaned
    fact.status = FactStatus.CONFIRMED.value
    session.flush()
    return fact


@dataclass(frozen=True)
class BioResult:
    person: Person
    ingested: Ingested
    background: Background
    openers: list[str]


def add_bio(
    session: Session,
    *,
    owner: User,
    person_id: int,
    ref: str,
    settings: Settings,
    stdin: bytes | None = None,
) -> BioResult:
    """``research bio``: a person's roles and schools from a bio or a profile PDF."""
    person = get_owned(session, Person, person_id, owner, "person")
    raw = read_input(ref, settings=settings, stdin=stdin)
    label = raw.url or raw.name or "the input"
    decoded = decode(raw)
    if decoded.kind == "pdf":
        title, text = read_pdf(decoded.data, label=label)
        media_type = "application/pdf"
    elif decoded.kind == "html":
        page = extract_html(decoded.text, url=raw.url)
        title, text, media_type = page.title, page.text, page.media_type
    else:
        title, text, media_type = "", decoded.text.replace("\r\n", "\n").strip(), "text/plain"
    background = read_background(text)
    if not background.roles and not background.schools:
        raise Invalid("bio", f"found no roles or schools in {label}")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    extracted = Extracted(title or f"Background of {person.full_name}", text, media_type, raw.url)
    analysis = Analysis(extracted, (), digest)
    ingested = store(
        session, owner=owner, analysis=analysis, person=person, found=background.facts()
    )
    profile = get_profile(session, owner=owner)
    hints = openers(
        background,
        name=person.full_name.split()[0],
        schools=profile.schools,
        employers=profile.employers,
    )
    return BioResult(person, ingested, background, hints)
