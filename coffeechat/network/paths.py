"""Warm paths: who could get the user a conversation at an organization.

A path ends at an insider (someone who works there now, or used to) and starts at the
person the user would write to: the insider themself, or a contact tied to the insider
by a referral. Paths are ranked by the warmth of that first person and by length.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coffeechat.models import Employment, Organization, Person, User, utcnow
from coffeechat.network.patterns import (
    BusinessCalendar,
    Pattern,
    calendar_for,
    histories,
)
from coffeechat.network.warmth import Contact, alumni, contacts, user_schools, warmth
from coffeechat.scoping import scope

_CHUNK = 500


class PathKind(enum.StrEnum):
    WORKS_THERE = "works_there"
    WORKED_THERE = "worked_there"
    THROUGH_REFERRAL = "through_referral"


# A current insider can help most; a former one still knows the place and its people.
_KIND_POINTS = {PathKind.WORKS_THERE: 3, PathKind.WORKED_THERE: 1, PathKind.THROUGH_REFERRAL: 0}


@dataclass(frozen=True)
class WarmPath:
    kind: PathKind
    ask: Contact
    # For a two-step path, the insider the first person knows.
    insider: Contact | None
    length: int
    alumni: bool
    pattern: Pattern
    score: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Introducer:
    """Someone to ask for an introduction when nobody is near the organization."""

    contact: Contact
    reason: str


@dataclass(frozen=True)
class WarmPaths:
    organization: Organization
    paths: tuple[WarmPath, ...]
    total: int
    introducers: tuple[Introducer, ...]


@dataclass(frozen=True)
class _Insider:
    person_id: int
    referred_by_id: int | None
    current: bool
    note: str


def _chunks(values: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def today_for(calendar: BusinessCalendar) -> date:
    return calendar.local_date(utcnow())


def _insiders(session: Session, owner: User, organization: Organization) -> dict[int, _Insider]:
    found: dict[int, _Insider] = {}
    current = scope(
        select(Person.id, Person.referred_by_id).where(Person.organization_id == organization.id),
        Person,
        owner,
    )
    for pid, referrer in session.execute(current):
        found[pid] = _Insider(pid, referrer, True, f"works at {organization.name}")
    former = scope(
        select(Person.id, Person.referred_by_id, Employment.title, Employment.end_year)
        .join(Person, Person.id == Employment.person_id)
        .where(Employment.organization_id == organization.id),
        Employment,
        owner,
    )
    for pid, referrer, title, end_year in session.execute(former):
        if pid in found:
            continue
        role = f" as {title}" if title else ""
        until = f" until {end_year}" if end_year else ""
        found[pid] = _Insider(pid, referrer, False, f"worked at {organization.name}{role}{until}")
    return found


def _referral_ties(
    session: Session, owner: User, insiders: dict[int, _Insider]
) -> list[tuple[int, int, str]]:
    """(contact, insider, how they are tied) for every referral touching an insider."""
    ties = [
        (i.referred_by_id, i.person_id, "referred you to")
        for i in insiders.values()
        if i.referred_by_id is not None
    ]
    ids = sorted(insiders)
    for chunk in _chunks(ids):
        statement = scope(
            select(Person.id, Person.referred_by_id).where(Person.referred_by_id.in_(chunk)),
            Person,
            owner,
        )
        for pid, referrer in session.execute(statement):
            if referrer is not None:
                ties.append((pid, referrer, "was introduced to you by"))
    return [(ask, insider, how) for ask, insider, how in ties if ask not in insiders]


def warm_paths(
    session: Session,
    *,
    owner: User,
    organization: Organization,
    on: date | None = None,
    limit: int | None = None,
) -> WarmPaths:
    """Ranked paths into ``organization``; introducers instead when there are none."""
    calendar = calendar_for(session, owner=owner)
    today = on or today_for(calendar)
    insiders = _insiders(session, owner, organization)
    ties = _referral_ties(session, owner, insiders)
    asked = set(insiders) | {ask for ask, _insider, _how in ties}
    people = contacts(session, owner=owner, person_ids=asked | {i for _a, i, _h in ties})
    history = histories(session, owner=owner, person_ids=asked)
    fellow = alumni(
        session, owner=owner, person_ids=asked, schools=user_schools(session, owner=owner)
    )
    best: dict[int, WarmPath] = {}

    def offer(path: WarmPath) -> None:
        known = best.get(path.ask.id)
        if known is None or (path.score, -path.length) > (known.score, -known.length):
            best[path.ask.id] = path

    for insider in insiders.values():
        kind = PathKind.WORKS_THERE if insider.current else PathKind.WORKED_THERE
        heat = warmth(
            history.get(insider.person_id),
            calendar=calendar,
            on=today,
            alumni_reason=fellow.get(insider.person_id),
        )
        offer(
            WarmPath(
                kind=kind,
                ask=people[insider.person_id],
                insider=None,
                length=1,
                alumni=insider.person_id in fellow,
                pattern=heat.pattern,
                score=heat.score + _KIND_POINTS[kind],
                reasons=(insider.note, *heat.reasons),
            )
        )
    for ask, insider_id, how in ties:
        heat = warmth(history.get(ask), calendar=calendar, on=today, alumni_reason=fellow.get(ask))
        inside = people[insider_id]
        offer(
            WarmPath(
                kind=PathKind.THROUGH_REFERRAL,
                ask=people[ask],
                insider=inside,
                length=2,
                alumni=ask in fellow,
                pattern=heat.pattern,
                score=heat.score,
                reasons=(f"{how} {inside.name} ({insiders[insider_id].note})", *heat.reasons),
            )
        )
    ranked = sorted(best.values(), key=lambda p: (-p.score, p.length, p.ask.name, p.ask.id))
    introducers = (
        ()
        if ranked
        else suggest_introducers(session, owner=owner, organization=organization, on=today)
    )
    shown = ranked if limit is None else ranked[:limit]
    return WarmPaths(organization, tuple(shown), len(ranked), introducers)


def suggest_introducers(
    session: Session, *, owner: User, organization: Organization, on: date, per_reason: int = 3
) -> tuple[Introducer, ...]:
    """Who could introduce the user: same industry, fellow alumni, the most helpful contacts."""
    calendar = calendar_for(session, owner=owner)
    everyone = histories(session, owner=owner)
    fellow = alumni(
        session, owner=owner, person_ids=None, schools=user_schools(session, owner=owner)
    )
    candidates: list[tuple[int, str]] = []
    if organization.industry:
        statement = scope(
            select(Person.id, Organization.name)
            .join(Organization, Organization.id == Person.organization_id)
            .where(
                Organization.industry == organization.industry,
                Organization.id != organization.id,
            ),
            Person,
            owner,
        )
        same = [
            (pid, f"works in {organization.industry} too, at {org}")
            for pid, org in session.execute(statement)
        ]
        candidates += _warmest(same, everyone, calendar, on)[:per_reason]
    candidates += _warmest(list(fellow.items()), everyone, calendar, on)[:per_reason]
    helpful = [
        (pid, "has helped before: " + ", ".join(heat.reasons))
        for pid in everyone
        if (heat := warmth(everyone[pid], calendar=calendar, on=on)).met or heat.replied
    ]
    candidates += _warmest(helpful, everyone, calendar, on)[:per_reason]
    unique: dict[int, str] = {}
    for pid, why in candidates:
        unique.setdefault(pid, why)
    people = contacts(session, owner=owner, person_ids=unique)
    return tuple(Introducer(people[pid], why) for pid, why in unique.items() if pid in people)


def _warmest(
    candidates: list[tuple[int, str]],
    everyone: dict[int, Any],
    calendar: BusinessCalendar,
    on: date,
) -> list[tuple[int, str]]:
    def heat(pid: int) -> int:
        return warmth(everyone.get(pid), calendar=calendar, on=on).score

    return sorted(candidates, key=lambda c: (-heat(c[0]), c[0]))
