"""The people list of the web app and API: filters, full-text search and paging together."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, selectinload

from coffeechat.errors import Invalid
from coffeechat.models import HowMet, Organization, Person, PersonTag, User
from coffeechat.scoping import owned, scope
from coffeechat.search import search, tokens

MAX_PAGE = 200


@dataclass(frozen=True)
class PeopleFilter:
    query: str = ""
    organization_id: int | None = None
    tag: str = ""
    how_met: str = ""


@dataclass(frozen=True)
class PeoplePage:
    people: list[Person]
    offset: int
    limit: int
    has_more: bool


def find_people(
    session: Session,
    *,
    owner: User,
    where: PeopleFilter,
    limit: int = 50,
    offset: int = 0,
    details: bool = False,
) -> PeoplePage:
    """A page of people matching every given filter; a query ranks by relevance, else by name.

    Organizations and tags come loaded; ``details`` also loads contacts and referrers.
    """
    if not 1 <= limit <= MAX_PAGE:
        raise Invalid("limit", f"must be between 1 and {MAX_PAGE}")
    if offset < 0:
        raise Invalid("offset", "must not be negative")
    statement = owned(Person, owner).options(
        selectinload(Person.organization), selectinload(Person.tags)
    )
    if details:
        statement = statement.options(
            selectinload(Person.contacts), selectinload(Person.referred_by)
        )
    if where.organization_id is not None:
        statement = statement.where(Person.organization_id == where.organization_id)
    if where.tag.strip():
        wanted = " ".join(where.tag.split()).lower()
        statement = statement.where(
            exists().where(PersonTag.person_id == Person.id, PersonTag.tag == wanted)
        )
    if where.how_met:
        if where.how_met not in {h.value for h in HowMet}:
            raise Invalid("how_met", f"{where.how_met!r} is not a way of meeting")
        statement = statement.where(Person.how_met == where.how_met)
    if tokens(where.query):
        hits = search(session, owner=owner, query=where.query, limit=500)
        order = [hit.id for hit in hits if hit.kind == "person"]
        rows = {p.id: p for p in session.scalars(statement.where(Person.id.in_(order)))}
        ranked = [rows[i] for i in order if i in rows]
        window = ranked[offset : offset + limit + 1]
    else:
        window = list(
            session.scalars(
                statement.order_by(Person.full_name, Person.id).offset(offset).limit(limit + 1)
            )
        )
    return PeoplePage(window[:limit], offset, limit, len(window) > limit)


def organization_choices(session: Session, *, owner: User) -> list[tuple[int, str]]:
    """(id, name) of every organization by name, for filter menus."""
    statement = scope(
        select(Organization.id, Organization.name).order_by(Organization.name_key),
        Organization,
        owner,
    )
    return [(row.id, row.name) for row in session.execute(statement)]


def known_tags(session: Session, *, owner: User) -> list[str]:
    """Every tag in use, for filter menus."""
    statement = scope(select(PersonTag.tag).distinct().order_by(PersonTag.tag), PersonTag, owner)
    return list(session.scalars(statement))
