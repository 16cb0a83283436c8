"""How warm a contact is: met in person, replied before, in touch lately, a fellow alum.

Warmth is derived from what happened, never typed in. Target scores, warm paths and
next-contact suggestions all read it from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from coffeechat.models import (
    Fact,
    FactKind,
    FactStatus,
    HowMet,
    Organization,
    Person,
    PersonTag,
    User,
)
from coffeechat.network.patterns import (
    BusinessCalendar,
    ContactPattern,
    History,
    Pattern,
    classify,
)
from coffeechat.network.profile import get_profile
from coffeechat.scoping import scope

_CHUNK = 500
S = TypeVar("S", bound="Select[*tuple[Any, ...]]")


@dataclass(frozen=True)
class Contact:
    """A person as paths and targets show them."""

    id: int
    name: str
    title: str | None
    organization: str | None

    @property
    def role(self) -> str:
        return " at ".join(part for part in (self.title, self.organization) if part)


@dataclass(frozen=True)
class Warmth:
    score: int
    reasons: tuple[str, ...]
    pattern: Pattern
    met: bool
    replied: bool


def _chunks(values: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def contacts(session: Session, *, owner: User, person_ids: Iterable[int]) -> dict[int, Contact]:
    """Name, title and current organization of each person, in a few queries."""
    ids = sorted(set(person_ids))
    found: dict[int, Contact] = {}
    for chunk in _chunks(ids):
        statement = scope(
            select(Person.id, Person.full_name, Person.title, Organization.name)
            .outerjoin(Organization, Organization.id == Person.organization_id)
            .where(Person.id.in_(chunk)),
            Person,
            owner,
        )
        for pid, name, title, organization in session.execute(statement):
            found[pid] = Contact(pid, name, title, organization)
    return found


def user_schools(session: Session, *, owner: User) -> list[str]:
    return [s for s in get_profile(session, owner=owner).schools if s.strip()]


def _school_in(text: str, schools: Sequence[str]) -> str | None:
    folded = text.casefold()
    return next((s for s in schools if s.casefold() in folded), None)


def alumni(
    session: Session, *, owner: User, person_ids: Iterable[int] | None, schools: Sequence[str]
) -> dict[int, str]:
    """Fellow alumni among ``person_ids`` (everyone if None), each with why we think so.

    Marked ``how_met=alumni``, tagged with one of the user's schools, or with a
    background fact (not rejected) that names one.
    """
    ids = None if person_ids is None else sorted(set(person_ids))
    found: dict[int, str] = {}
    school_keys = {" ".join(s.split()).casefold(): s for s in schools}

    def restrict(statement: S, column: Any) -> list[S]:
        if ids is None:
            return [statement]
        return [statement.where(column.in_(chunk)) for chunk in _chunks(ids)]

    marked = select(Person.id).where(Person.how_met == HowMet.ALUMNI.value)
    for statement in restrict(scope(marked, Person, owner), Person.id):
        for (pid,) in session.execute(statement):
            found[pid] = "a fellow alum (how you met)"
    if not school_keys:
        return found
    tagged = select(PersonTag.person_id, PersonTag.tag).where(PersonTag.tag.in_(school_keys))
    for by_tag in restrict(scope(tagged, PersonTag, owner), PersonTag.person_id):
        for pid, tag in session.execute(by_tag):
            found.setdefault(pid, f"alumni of {school_keys[tag]}")
    background = select(Fact.person_id, func.coalesce(Fact.edited_text, Fact.text)).where(
        Fact.kind == FactKind.BACKGROUND.value,
        Fact.status != FactStatus.REJECTED.value,
        Fact.person_id.is_not(None),
    )
    for by_fact in restrict(scope(background, Fact, owner), Fact.person_id):
        for fact_person, text in session.execute(by_fact):
            school = _school_in(text, schools)
            if school is not None and fact_person is not None:
                found.setdefault(fact_person, f"alumni of {school}")
    return found


def warmth(
    history: History | None,
    *,
    calendar: BusinessCalendar,
    on: date,
    alumni_reason: str | None = None,
) -> Warmth:
    """Points for each sign of a warm relationship, with the reasons in words."""
    pattern: ContactPattern = classify(history, calendar, on)
    score, reasons = 0, []
    met = bool(history and history.met)
    replied = bool(history and history.replied)
    if met:
        score += 3
        reasons.append("met you in person")
    if replied:
        score += 2
        reasons.append("replied to you before")
    if history is not None and history.last_interaction is not None:
        days = (on - calendar.local_date(history.last_interaction)).days
        if days <= 90:
            score += 2
            reasons.append(_ago(days))
        elif days <= 365:
            score += 1
            reasons.append(_ago(days))
    if alumni_reason is not None:
        score += 2
        reasons.append(alumni_reason)
    if pattern.pattern is Pattern.BOOSTER:
        score += 1
        reasons.append("a booster: answers fast")
    elif pattern.pattern is Pattern.SILENT:
        score -= 3
        reasons.append("never replied")
    return Warmth(score, tuple(reasons), pattern.pattern, met, replied)


def _ago(days: int) -> str:
    if days <= 0:
        return "in touch today"
    if days == 1:
        return "in touch yesterday"
    return f"in touch {days} days ago"
