"""Whom to ask next at an organization when the first request went unanswered.

Dalton's 3B7 routine: after 3 business days without a reply, write to the next best
person there (taken from the warm paths) instead of waiting.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coffeechat.models import Interview, Organization, Stage, User
from coffeechat.network.paths import WarmPath, today_for, warm_paths_many
from coffeechat.network.patterns import (
    REPLY_WINDOW_BUSINESS_DAYS,
    BusinessCalendar,
    Pattern,
)
from coffeechat.network.profile import get_profile
from coffeechat.network.warmth import Contact, contacts
from coffeechat.scoping import owned, scope


@dataclass(frozen=True)
class NextContact:
    """An organization where the first request went unanswered: whom to ask next."""

    organization_id: int
    organization: str
    waiting_on: Contact
    requested_on: date
    # The day to move on: the third business day after the request (by default).
    due_on: date
    suggestion: WarmPath | None

    @property
    def summary(self) -> str:
        head = (
            f"No reply from {self.waiting_on.name} at {self.organization} "
            f"since {self.requested_on.isoformat()}"
        )
        if self.suggestion is None:
            return f"{head}: nobody else known there yet; ask a contact for an introduction."
        via = f" (who knows {self.suggestion.insider.name})" if self.suggestion.insider else ""
        return f"{head}: write to {self.suggestion.ask.name}{via} next."


def _open_requests(
    session: Session, owner: User, organization_ids: Collection[int] | None
) -> list[Any]:
    """Unanswered requests (and upcoming meetings) per organization of the interview."""
    statement = scope(
        select(
            Interview.organization_id,
            Interview.person_id,
            Interview.stage,
            Interview.requested_at,
            Interview.replied_at,
        ).where(Interview.organization_id.is_not(None), Interview.person_id.is_not(None)),
        Interview,
        owner,
    )
    if organization_ids is not None:
        statement = statement.where(Interview.organization_id.in_(list(organization_ids)))
    return list(session.execute(statement))


def _overdue_by_org(
    rows: list[Any], calendar: BusinessCalendar, on: date, days: int
) -> dict[int, tuple[int, date]]:
    """Organization -> (first silent person, request date), where it is time to move on.

    That is ``days`` business days after every unanswered request there (the agenda's
    "reach out to another person" falls due the same day).
    """
    by_org: dict[int, list[Any]] = {}
    for row in rows:
        by_org.setdefault(row.organization_id, []).append(row)
    result: dict[int, tuple[int, date]] = {}
    for org_id, interviews in by_org.items():
        if any(r.stage == Stage.SCHEDULED.value for r in interviews):
            continue
        waiting = sorted(
            (
                r
                for r in interviews
                if r.stage == Stage.REQUESTED.value and r.requested_at and r.replied_at is None
            ),
            key=lambda r: r.requested_at,
        )
        due = [calendar.add(calendar.local_date(r.requested_at), days) for r in waiting]
        if not waiting or any(on < day for day in due):
            continue
        result[org_id] = (waiting[0].person_id, calendar.local_date(waiting[0].requested_at))
    return result


def _suggest(
    session: Session,
    owner: User,
    organizations: list[Organization],
    rows: list[Any],
    overdue: dict[int, tuple[int, date]],
    calendar: BusinessCalendar,
    on: date,
    days: int,
) -> list[NextContact]:
    """The next contact at each overdue organization, in a constant number of queries."""
    paths = warm_paths_many(session, owner=owner, organizations=organizations, on=on)
    waiting_on = contacts(session, owner=owner, person_ids=[pid for pid, _ in overdue.values()])
    asked_at: dict[int, set[int]] = {}
    for r in rows:
        if r.requested_at is not None or r.stage != Stage.IDEA.value:
            asked_at.setdefault(r.organization_id, set()).add(r.person_id)
    found = []
    for organization in organizations:
        asked = asked_at.get(organization.id, set())
        suggestion = next(
            (
                p
                for p in paths[organization.id]
                if p.ask.id not in asked and p.pattern is not Pattern.SILENT
            ),
            None,
        )
        person_id, requested_on = overdue[organization.id]
        found.append(
            NextContact(
                organization_id=organization.id,
                organization=organization.name,
                waiting_on=waiting_on[person_id],
                requested_on=requested_on,
                due_on=calendar.add(requested_on, days),
                suggestion=suggestion,
            )
        )
    return sorted(found, key=lambda s: (s.due_on, s.organization.casefold(), s.organization_id))


def next_contact_for(
    session: Session,
    *,
    owner: User,
    organization: Organization,
    on: date | None = None,
    after_business_days: int = REPLY_WINDOW_BUSINESS_DAYS,
) -> NextContact | None:
    """The next person to ask at ``organization`` if the first has been silent too long.

    ``on`` defaults to today in the user's time zone.
    """
    profile = get_profile(session, owner=owner)  # held: warm paths read it again
    calendar = BusinessCalendar(profile.country, profile.timezone)
    on = on or today_for(calendar)
    rows = _open_requests(session, owner, [organization.id])
    overdue = _overdue_by_org(rows, calendar, on, after_business_days)
    if organization.id not in overdue:
        return None
    found = _suggest(
        session, owner, [organization], rows, overdue, calendar, on, after_business_days
    )
    return found[0]


def next_contact_suggestions(
    session: Session,
    *,
    owner: User,
    on: date,
    after_business_days: int = REPLY_WINDOW_BUSINESS_DAYS,
    organization_ids: Collection[int] | None = None,
) -> list[NextContact]:
    """For each organization whose first request went unanswered for 3 business days
    (or ``after_business_days``), the next best person there, from warm paths.

    ``organization_ids`` limits the look to organizations already known to be quiet (the
    agenda knows them). Soonest due first. The number of queries does not grow with the
    organizations.
    """
    profile = get_profile(session, owner=owner)  # held: warm paths read it again
    calendar = BusinessCalendar(profile.country, profile.timezone)
    rows = _open_requests(session, owner, organization_ids)
    overdue = _overdue_by_org(rows, calendar, on, after_business_days)
    if not overdue:
        return []
    organizations = list(
        session.scalars(owned(Organization, owner).where(Organization.id.in_(list(overdue))))
    )
    return _suggest(session, owner, organizations, rows, overdue, calendar, on, after_business_days)
