"""The people list of the web app and API: filters, full-text search and paging together."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Select, exists, select
from sqlalchemy.orm import Session, selectinload

from coffeechat.errors import Invalid
from coffeechat.models import HowMet, Organization, Person, PersonTag, User, utcnow
from coffeechat.scoping import owned, scope
from coffeechat.search import search, tokens

MAX_PAGE = 200
S = TypeVar("S", bound="Select[Any]")


# Warmth bands, from the targets feature's score (met 3, replied 2, recent 2, alumni 2...).
WARMTH_BANDS = ("warm", "getting_there", "cool", "unknown")


def warmth_band(score: int | None) -> str:
    if score is None:
        return "unknown"
    return "warm" if score >= 5 else "getting_there" if score >= 2 else "cool"


def warmth_scores(
    session: Session, *, owner: User, person_ids: Sequence[int] | None = None
) -> dict[int, int]:
    """Warmth of the given people (everyone when None); people with no signs are left out."""
    from coffeechat.network.patterns import calendar_for, histories
    from coffeechat.network.warmth import alumni, user_schools, warmth

    ids = list(person_ids) if person_ids is not None else None
    calendar = calendar_for(session, owner=owner)
    today = calendar.local_date(utcnow())
    past = histories(session, owner=owner, person_ids=ids)
    schools = user_schools(session, owner=owner)
    alums = alumni(session, owner=owner, person_ids=ids, schools=schools)
    return {
        pid: warmth(past.get(pid), calendar=calendar, on=today, alumni_reason=alums.get(pid)).score
        for pid in {*past, *alums}
    }


@dataclass(frozen=True)
class PeopleFilter:
    query: str = ""
    organization_id: int | None = None
    tag: str = ""
    how_met: str = ""
    warmth: str = ""


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
    if where.warmth:
        statement = _by_warmth(session, owner, statement, where.warmth)
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


def _by_warmth(session: Session, owner: User, statement: S, band: str) -> S:
    """Only people in the warmth ``band`` (scoring the network costs a few queries)."""
    if band not in WARMTH_BANDS:
        raise Invalid("warmth", f"{band!r} is not one of {', '.join(WARMTH_BANDS)}")
    scores = warmth_scores(session, owner=owner)
    if band == "unknown":
        return statement.where(Person.id.not_in(list(scores)))
    chosen = [pid for pid, score in scores.items() if warmth_band(score) == band]
    return statement.where(Person.id.in_(chosen))


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
