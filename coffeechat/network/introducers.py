"""Who could introduce the user somewhere nobody in the network is near.

Asked for when an organization has no warm path: people in the same industry,
fellow alumni anywhere, and the contacts who have helped before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from coffeechat.models import Organization, Person, User
from coffeechat.network.patterns import BusinessCalendar, History, calendar_for, histories
from coffeechat.network.warmth import Contact, alumni, contacts, user_schools, warmth
from coffeechat.scoping import scope


@dataclass(frozen=True)
class Introducer:
    """Someone to ask for an introduction when nobody is near the organization."""

    contact: Contact
    reason: str


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
    everyone: dict[int, History],
    calendar: BusinessCalendar,
    on: date,
) -> list[tuple[int, str]]:
    def heat(pid: int) -> int:
        return warmth(everyone.get(pid), calendar=calendar, on=on).score

    return sorted(candidates, key=lambda c: (-heat(c[0]), c[0]))
