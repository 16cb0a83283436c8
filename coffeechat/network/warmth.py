"""How warm a contact is: met in person, replied before, in touch lately, a fellow alum.

Warmth is derived from what happened, never typed in. Target scores, warm paths and
next-contact suggestions all read it from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, Text, cast, func, literal, null, select, union_all
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
from coffeechat.network.selection import PersonIds, rows_in, settle, where_in
from coffeechat.scoping import scope


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


def contacts(session: Session, *, owner: User, person_ids: PersonIds) -> dict[int, Contact]:
    """Name, title and current organization of each person, in a few queries."""
    found: dict[int, Contact] = {}
    statement = scope(
        select(Person.id, Person.full_name, Person.title, Organization.name).outerjoin(
            Organization, Organization.id == Person.organization_id
        ),
        Person,
        owner,
    )
    for pid, name, title, organization in rows_in(session, statement, Person.id, person_ids):
        found[pid] = Contact(pid, name, title, organization)
    return found


def user_schools(session: Session, *, owner: User) -> list[str]:
    return [s for s in get_profile(session, owner=owner).schools if s.strip()]


def _school_in(text: str, schools: Sequence[str]) -> str | None:
    folded = text.casefold()
    return next((s for s in schools if s.casefold() in folded), None)


def alumni(
    session: Session, *, owner: User, person_ids: PersonIds, schools: Sequence[str]
) -> dict[int, str]:
    """Fellow alumni among ``person_ids`` (everyone if None), each with why we think so.

    Marked ``how_met=alumni``, tagged with one of the user's schools, or with a
    background fact (not rejected) that names one.
    """
    ids = settle(person_ids)
    schools = [school for school in schools if school.strip()]
    school_keys = {" ".join(s.split()).casefold(): s for s in schools}
    # One query, three kinds of clue; ``rank`` keeps the plainest reason first.
    parts: list[Select[*tuple[Any, ...]]] = [
        scope(
            select(
                Person.id.label("pid"), literal(0).label("rank"), cast(null(), Text).label("clue")
            ).where(Person.how_met == HowMet.ALUMNI.value),
            Person,
            owner,
        )
    ]
    if school_keys:
        parts.append(
            scope(
                select(PersonTag.person_id, literal(1), cast(PersonTag.tag, Text)).where(
                    PersonTag.tag.in_(school_keys)
                ),
                PersonTag,
                owner,
            )
        )
        parts.append(
            scope(
                select(
                    Fact.person_id, literal(2), func.coalesce(Fact.edited_text, Fact.text)
                ).where(
                    Fact.kind == FactKind.BACKGROUND.value,
                    Fact.status != FactStatus.REJECTED.value,
                    Fact.person_id.is_not(None),
                ),
                Fact,
                owner,
            )
        )
    columns = (Person.id, PersonTag.person_id, Fact.person_id)
    limited = [
        where_in(session, part, column, ids) for part, column in zip(parts, columns, strict=False)
    ]
    statements = [part for part in limited if part is not None]
    found: dict[int, str] = {}
    if not statements:
        return found
    rows = session.execute(union_all(*statements)).all()
    for pid, rank, clue in sorted(rows, key=lambda row: row[1]):
        if pid is None or pid in found:
            continue
        if rank == 0:
            found[pid] = "a fellow alum (how you met)"
        elif rank == 1:
            found[pid] = f"alumni of {school_keys[clue]}"
        elif (school := _school_in(clue, schools)) is not None:
            found[pid] = f"alumni of {school}"
    return found


def warmth(
    history: History | None,
    *,
    calendar: BusinessCalendar,
    on: date,
    alumni_reason: str | None = None,
) -> Warmth:
    """Points for each sign of a warm relationship, with the reasons in words."""
    if history is None and alumni_reason is None:
        return _COLD
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


# Most of a big network has never been asked anything: one shared answer for them.
_COLD = Warmth(0, (), Pattern.UNKNOWN, False, False)


def _ago(days: int) -> str:
    if days <= 0:
        return "in touch today"
    if days == 1:
        return "in touch yesterday"
    return f"in touch {days} days ago"
