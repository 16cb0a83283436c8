"""Warm paths: who could get the user a conversation at an organization.

A path ends at an insider (someone who works there now, or used to) and starts at the
person the user would write to: the insider themself, or a contact tied to the insider
by a referral. Paths are ranked by the warmth of that first person and by length.

Five queries answer it whatever the size of the organization: insiders, referral ties,
interviews, messages and alumni clues.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Integer, String, cast, literal, null, select, union_all
from sqlalchemy.orm import Session

from coffeechat.models import Employment, Organization, Person, User, utcnow
from coffeechat.network.introducers import Introducer, suggest_introducers
from coffeechat.network.patterns import BusinessCalendar, Pattern, histories
from coffeechat.network.profile import get_profile
from coffeechat.network.selection import in_condition, in_list
from coffeechat.network.warmth import Contact, Warmth, alumni, warmth
from coffeechat.scoping import scope


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


def today_for(calendar: BusinessCalendar) -> date:
    return calendar.local_date(utcnow())


def _person_columns() -> tuple[Any, ...]:
    return (
        Person.id,
        Person.referred_by_id,
        Person.full_name,
        Person.title,
        Organization.name.label("organization"),
    )


def _insiders(
    session: Session, owner: User, organizations: dict[int, Organization]
) -> tuple[dict[int, dict[int, _Insider]], dict[int, Contact]]:
    """Per organization, who works there now and who worked there before (one query)."""
    ids = list(organizations)
    now = scope(
        select(
            *_person_columns(),
            Person.organization_id.label("org_id"),
            literal(1).label("current"),
            cast(null(), String).label("past_title"),
            cast(null(), Integer).label("end_year"),
        )
        .join(Organization, Organization.id == Person.organization_id)
        .where(in_list(session, Person.organization_id, ids)),
        Person,
        owner,
    )
    before = scope(
        select(
            *_person_columns(),
            Employment.organization_id.label("org_id"),
            literal(0).label("current"),
            Employment.title.label("past_title"),
            Employment.end_year.label("end_year"),
        )
        .select_from(Employment)
        .join(Person, Person.id == Employment.person_id)
        .outerjoin(Organization, Organization.id == Person.organization_id)
        .where(in_list(session, Employment.organization_id, ids)),
        Employment,
        owner,
    )
    found: dict[int, dict[int, _Insider]] = {org_id: {} for org_id in ids}
    people: dict[int, Contact] = {}
    # Current jobs sort first, so a person who left and came back counts as current.
    for row in sorted(session.execute(union_all(now, before)), key=lambda r: -r.current):
        there = found[row.org_id]
        if row.id in there:
            continue
        people[row.id] = Contact(row.id, row.full_name, row.title, row.organization)
        name = organizations[row.org_id].name
        if row.current:
            note = f"works at {name}"
        else:
            role = f" as {row.past_title}" if row.past_title else ""
            until = f" until {row.end_year}" if row.end_year else ""
            note = f"worked at {name}{role}{until}"
        there[row.id] = _Insider(row.id, row.referred_by_id, bool(row.current), note)
    return found, people


def _referral_ties(
    session: Session, owner: User, referred_by: dict[int, int | None], people: dict[int, Contact]
) -> list[tuple[int, int, str]]:
    """(contact, insider, how they are tied) for every referral touching an insider.

    ``referred_by`` maps each insider to their referrer. Adds the contacts it finds to
    ``people``.
    """
    if not referred_by:
        return []
    referrers: dict[int, list[int]] = {}
    for insider, referrer in referred_by.items():
        if referrer is not None:
            referrers.setdefault(referrer, []).append(insider)
    # Two indexed halves in one round trip; an OR of the two makes SQLite scan everyone.
    halves = [
        scope(
            select(*_person_columns())
            .outerjoin(Organization, Organization.id == Person.organization_id)
            .where(condition),
            Person,
            owner,
        )
        for condition in (
            in_condition(session, Person.referred_by_id, list(referred_by)),
            in_condition(session, Person.id, list(referrers)),
        )
        if condition is not None
    ]
    ties: list[tuple[int, int, str]] = []
    seen: set[int] = set()
    for row in session.execute(union_all(*halves)):
        if row.id in seen:
            continue
        seen.add(row.id)
        people.setdefault(row.id, Contact(row.id, row.full_name, row.title, row.organization))
        for insider_id in referrers.get(row.id, []):
            ties.append((row.id, insider_id, "referred you to"))
        if row.referred_by_id in referred_by:
            ties.append((row.id, row.referred_by_id, "was introduced to you by"))
    return ties


def _rank(
    insiders: dict[int, _Insider],
    ties: list[tuple[int, int, str]],
    people: dict[int, Contact],
    heat_of: Callable[[int], Warmth],
    fellow: dict[int, str],
) -> list[WarmPath]:
    """One path per person to write to (their best), warmest and shortest first."""
    best: dict[int, WarmPath] = {}

    def offer(path: WarmPath) -> None:
        known = best.get(path.ask.id)
        if known is None or (path.score, -path.length) > (known.score, -known.length):
            best[path.ask.id] = path

    for insider in insiders.values():
        kind = PathKind.WORKS_THERE if insider.current else PathKind.WORKED_THERE
        heat = heat_of(insider.person_id)
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
        if ask in insiders or insider_id not in insiders:
            continue
        heat = heat_of(ask)
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
    return sorted(best.values(), key=lambda p: (-p.score, p.length, p.ask.name, p.ask.id))


def warm_paths_many(
    session: Session, *, owner: User, organizations: Sequence[Organization], on: date | None = None
) -> dict[int, list[WarmPath]]:
    """Ranked paths into each organization (by id), in the same five queries as for one."""
    # Held for the whole call: the session keeps loaded rows only while they are in use.
    profile = get_profile(session, owner=owner)
    calendar = BusinessCalendar(profile.country, profile.timezone)
    today = on or today_for(calendar)
    by_id = {organization.id: organization for organization in organizations}
    if not by_id:
        return {}
    insiders, people = _insiders(session, owner, by_id)
    referred_by = {
        i.person_id: i.referred_by_id for there in insiders.values() for i in there.values()
    }
    ties = _referral_ties(session, owner, referred_by, people)
    history = histories(session, owner=owner, person_ids=people)
    fellow = alumni(session, owner=owner, person_ids=people, schools=profile.schools)
    heats: dict[int, Warmth] = {}

    def heat_of(pid: int) -> Warmth:
        if pid not in heats:
            heats[pid] = warmth(
                history.get(pid), calendar=calendar, on=today, alumni_reason=fellow.get(pid)
            )
        return heats[pid]

    return {org_id: _rank(insiders[org_id], ties, people, heat_of, fellow) for org_id in by_id}


def warm_paths(
    session: Session,
    *,
    owner: User,
    organization: Organization,
    on: date | None = None,
    limit: int | None = None,
) -> WarmPaths:
    """Ranked paths into ``organization``; introducers instead when there are none."""
    # Held for the whole call: the session keeps loaded rows only while they are in use.
    profile = get_profile(session, owner=owner)
    today = on or today_for(BusinessCalendar(profile.country, profile.timezone))
    ranked = warm_paths_many(session, owner=owner, organizations=[organization], on=today)[
        organization.id
    ]
    introducers = (
        ()
        if ranked
        else suggest_introducers(session, owner=owner, organization=organization, on=today)
    )
    shown = ranked if limit is None else ranked[:limit]
    return WarmPaths(organization, tuple(shown), len(ranked), introducers)
