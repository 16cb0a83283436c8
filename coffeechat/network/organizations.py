"""Organizations: matched by name case-insensitively, so "acme" reuses "Acme"."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coffeechat.errors import Conflict, NotFound
from coffeechat.models import Organization, Person, User
from coffeechat.network.contacts import clean_name, normalise_url
from coffeechat.scoping import get_owned, owned, scope


def name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def find_organization(session: Session, *, owner: User, name: str) -> Organization | None:
    """The organization called ``name`` (any case), or None."""
    statement = owned(Organization, owner).where(Organization.name_key == name_key(name))
    found: Organization | None = session.scalars(statement).first()
    return found


def resolve_organization(session: Session, *, owner: User, ref: str) -> Organization:
    """An organization by id (digits) or by name; NotFound otherwise."""
    if ref.strip().isdigit():
        return get_owned(session, Organization, int(ref), owner, "organization")
    found = find_organization(session, owner=owner, name=ref)
    if found is None:
        raise NotFound("organization", ref, f"No organization named {ref.strip()!r}.")
    return found


def find_or_create_organization(session: Session, *, owner: User, name: str) -> Organization:
    existing = find_organization(session, owner=owner, name=clean_name(name))
    if existing is not None:
        return existing
    return _insert(session, owner, clean_name(name))


def _insert(session: Session, owner: User, name: str, **fields: str | None) -> Organization:
    organization = Organization(owner_id=owner.id, name=name, name_key=name_key(name), **fields)
    session.add(organization)
    session.flush()
    return organization


def add_organization(
    session: Session,
    *,
    owner: User,
    name: str,
    website: str | None = None,
    industry: str | None = None,
    location: str | None = None,
) -> Organization:
    """A new organization; Conflict if one of that name exists already."""
    cleaned = clean_name(name)
    existing = find_organization(session, owner=owner, name=cleaned)
    if existing is not None:
        raise Conflict(
            f"An organization named {existing.name!r} exists already (id {existing.id})."
        )
    site, domain = _website(website)
    return _insert(
        session,
        owner,
        cleaned,
        website=site,
        domain=domain,
        industry=(industry or "").strip() or None,
        location=(location or "").strip() or None,
    )


def edit_organization(
    session: Session,
    *,
    owner: User,
    organization_id: int,
    name: str | None = None,
    website: str | None = None,
    industry: str | None = None,
    location: str | None = None,
) -> Organization:
    organization = get_owned(session, Organization, organization_id, owner, "organization")
    if name is not None:
        cleaned = clean_name(name)
        clash = find_organization(session, owner=owner, name=cleaned)
        if clash is not None and clash.id != organization.id:
            raise Conflict(f"An organization named {clash.name!r} exists already (id {clash.id}).")
        organization.name, organization.name_key = cleaned, name_key(cleaned)
    if website is not None:
        organization.website, organization.domain = _website(website)
    if industry is not None:
        organization.industry = industry.strip() or None
    if location is not None:
        organization.location = location.strip() or None
    session.flush()
    return organization


def _website(website: str | None) -> tuple[str | None, str | None]:
    if not website or not website.strip():
        return None, None
    value, key = normalise_url(website, "website")
    return value, key.split("/")[0]


@dataclass(frozen=True)
class OrganizationSummary:
    organization: Organization
    people: int


def list_organizations(session: Session, *, owner: User) -> list[OrganizationSummary]:
    """Every organization with how many people of the network work there, by name."""
    counts = (
        select(Person.organization_id, func.count().label("n"))
        .where(Person.owner_id == owner.id)
        .group_by(Person.organization_id)
        .subquery()
    )
    statement = scope(
        select(Organization, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.organization_id == Organization.id)
        .order_by(Organization.name_key),
        Organization,
        owner,
    )
    return [OrganizationSummary(org, count) for org, count in session.execute(statement)]


def get_organization(session: Session, *, owner: User, organization_id: int) -> Organization:
    return get_owned(session, Organization, organization_id, owner, "organization")
