"""Reminders as they fall due, read from interviews and sent messages.

Each ``add_*`` reader runs one or two column-only queries and adds what is due by a given
day to a :class:`DueList`; :mod:`coffeechat.meetings.agenda` words and orders them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVarTuple
from zoneinfo import ZoneInfo

from sqlalchemy import Result, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from coffeechat.meetings.followup import FollowUpRules, calendar_for, local_date
from coffeechat.models import Interview, Message, MessageKind, Person, Stage, User
from coffeechat.scoping import scope

Ts = TypeVarTuple("Ts")

# Day-based reminders are "due" at this local hour of their day.
_DAY_ITEM_HOUR = 9


@dataclass(frozen=True)
class AgendaRules:
    """The timing rules; built from Settings by the adapters."""

    follow_up: FollowUpRules = FollowUpRules()
    thank_you_due_hours: int = 24
    update_after_days: int = 21
    keep_in_touch_days: int = 90
    prepare_days: int = 2


DEFAULT_RULES = AgendaRules()


@dataclass
class DueList:
    """Collects the reminders due by one day; knows the day's bounds and what counts as overdue."""

    day: date
    now: datetime
    timezone: str
    zone: ZoneInfo = field(init=False)
    # (kind, due, overdue, interview id, person id)
    items: list[tuple[str, datetime, bool, int, int | None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.zone = ZoneInfo(self.timezone)

    @property
    def start(self) -> datetime:
        return datetime.combine(self.day, time(), self.zone).astimezone(UTC)

    @property
    def end(self) -> datetime:
        return self.start + timedelta(days=1)

    @property
    def reference(self) -> datetime:
        """The moment "overdue" is measured against: now today, else the day's start."""
        return self.now if local_date(self.now, self.timezone) == self.day else self.start

    def at_day(self, day: date) -> datetime:
        return datetime.combine(day, time(_DAY_ITEM_HOUR), self.zone).astimezone(UTC)

    def add_day_item(self, kind: str, day: date, interview_id: int, person_id: int | None) -> None:
        """A reminder for ``day``: listed from that day on, overdue after it."""
        if day <= self.day:
            self.items.append((kind, self.at_day(day), day < self.day, interview_id, person_id))

    def add_timed_item(
        self, kind: str, due: datetime, interview_id: int, person_id: int | None
    ) -> None:
        """A reminder due at a moment: overdue once that moment has passed."""
        self.items.append((kind, due, due < self.reference, interview_id, person_id))


def plain_rows(session: Session, statement: Select[*Ts]) -> Result[*Ts]:
    """Plain rows through the session's connection: no ORM entity loading is needed here."""
    return session.connection().execute(statement)


def add_requests(
    session: Session, owner: User, b: DueList, rules: FollowUpRules, country: str
) -> None:
    """Silent requests: 3 business days, try someone else; 7, follow up; 7 more, move on."""
    requested = plain_rows(
        session,
        scope(
            select(
                Interview.id,
                Interview.person_id,
                Interview.organization_id,
                Interview.requested_at,
            ).where(
                Interview.stage == Stage.REQUESTED.value,
                Interview.replied_at.is_(None),
                Interview.requested_at.is_not(None),
            ),
            Interview,
            owner,
        ),
    ).all()
    if not requested:
        return
    follow_ups = dict(
        plain_rows(
            session,
            scope(
                select(Message.interview_id, func.max(Message.sent_at))
                .join(Interview, Interview.id == Message.interview_id)
                .where(
                    Interview.stage == Stage.REQUESTED.value,
                    Message.kind == MessageKind.FOLLOW_UP.value,
                    Message.sent_at >= Interview.requested_at,
                )
                .group_by(Message.interview_id),
                Interview,
                owner,
            ),
        ).all()
    )
    latest = _latest_requests(session, owner)
    calendar = calendar_for(country)
    for interview_id, person_id, org_id, requested_at in requested:
        if requested_at is None:  # excluded by the query; narrows the type
            continue
        asked_on = local_date(requested_at, b.timezone)
        followed = follow_ups.get(interview_id)
        if followed is not None:
            give_up = calendar.add_business_days(
                local_date(followed, b.timezone), rules.give_up_days
            )
            b.add_day_item("no_reply", give_up, interview_id, person_id)
            continue
        b.add_day_item(
            "follow_up",
            calendar.add_business_days(asked_on, rules.follow_up_days),
            interview_id,
            person_id,
        )
        if not _someone_else_asked(latest, org_id, interview_id, requested_at):
            b.add_day_item(
                "next_contact",
                calendar.add_business_days(asked_on, rules.next_contact_days),
                interview_id,
                person_id,
            )


_Top = list[tuple[datetime, int]]


def _latest_requests(session: Session, owner: User) -> dict[int, _Top]:
    """Per organization with an open request, its two most recent requests."""
    open_requests = scope(
        select(Interview.organization_id).where(
            Interview.stage == Stage.REQUESTED.value, Interview.replied_at.is_(None)
        ),
        Interview,
        owner,
    )
    rows = plain_rows(
        session,
        scope(
            select(Interview.organization_id, Interview.requested_at, Interview.id).where(
                Interview.requested_at.is_not(None),
                Interview.organization_id.in_(open_requests),
            ),
            Interview,
            owner,
        ),
    ).all()
    tops: dict[int, _Top] = {}
    for org_id, requested_at, interview_id in rows:
        if org_id is None or requested_at is None:
            continue
        top = tops.setdefault(org_id, [])
        top.append((requested_at, interview_id))
        if len(top) > 2:
            top.sort(reverse=True)
            del top[2:]
    return tops


def _someone_else_asked(
    tops: dict[int, _Top], org_id: int | None, interview_id: int, since: datetime
) -> bool:
    """Whether the user already wrote to another person at the organization since then."""
    if org_id is None:
        return False
    return any(at >= since and other != interview_id for at, other in tops.get(org_id, []))


def add_meetings(session: Session, owner: User, b: DueList, rules: AgendaRules) -> None:
    """Meetings coming up (prepare) and meetings past but not logged yet."""
    horizon = b.start + timedelta(days=rules.prepare_days + 1)
    rows = plain_rows(
        session,
        scope(
            select(
                Interview.id,
                Interview.person_id,
                Interview.scheduled_at,
                Interview.duration_minutes,
            ).where(
                Interview.stage == Stage.SCHEDULED.value,
                Interview.scheduled_at.is_not(None),
                Interview.scheduled_at < horizon,
            ),
            Interview,
            owner,
        ),
    ).all()
    for interview_id, person_id, scheduled_at, minutes in rows:
        if scheduled_at is None:
            continue
        if scheduled_at >= b.reference:
            b.add_timed_item("prepare", scheduled_at, interview_id, person_id)
        else:
            ended = scheduled_at + timedelta(minutes=minutes or 30)
            b.add_day_item("log", local_date(ended, b.timezone), interview_id, person_id)


def add_after_meetings(session: Session, owner: User, b: DueList, rules: AgendaRules) -> None:
    """Thank-yous due within hours of a meeting; update notes weeks after the thanks."""
    held = plain_rows(
        session,
        scope(
            select(Interview.id, Interview.person_id, Interview.held_at).where(
                Interview.stage == Stage.HELD.value,
                Interview.held_at.is_not(None),
                Interview.held_at < b.end,
            ),
            Interview,
            owner,
        ),
    ).all()
    for interview_id, person_id, held_at in held:
        if held_at is None:
            continue
        due = held_at + timedelta(hours=rules.thank_you_due_hours)
        b.add_timed_item("thank_you", due, interview_id, person_id)
    updated = select(Message.interview_id).where(
        Message.kind == MessageKind.UPDATE.value, Message.sent_at.is_not(None)
    )
    thanked = plain_rows(
        session,
        scope(
            select(Interview.id, Interview.person_id, Interview.thanked_at).where(
                Interview.stage == Stage.THANKED.value,
                Interview.thanked_at.is_not(None),
                Interview.thanked_at < b.end - timedelta(days=rules.update_after_days),
                Interview.id.not_in(scope(updated, Message, owner)),
            ),
            Interview,
            owner,
        ),
    ).all()
    for interview_id, person_id, thanked_at in thanked:
        if thanked_at is None:
            continue
        day = local_date(thanked_at + timedelta(days=rules.update_after_days), b.timezone)
        b.add_day_item("update", day, interview_id, person_id)


def add_keep_in_touch(session: Session, owner: User, b: DueList, rules: AgendaRules) -> None:
    """Everyone you have met hears from you every so often (per-person cadence).

    The last touch is the latest meeting, thank-you or note sent to them. People on the
    default cadence touched recently are filtered out in SQL, so few rows come back.
    """
    noted = scope(
        select(func.max(Message.sent_at)).where(Message.person_id == Interview.person_id),
        Message,
        owner,
    ).scalar_subquery()
    met = scope(
        select(
            Interview.person_id.label("person_id"),
            func.max(Interview.id).label("interview_id"),
            func.max(Interview.held_at).label("held"),
            func.max(Interview.thanked_at).label("thanked"),
            Person.keep_in_touch_days.label("days"),
            noted.label("noted"),
        )
        .join(Person, Person.id == Interview.person_id)
        .where(Interview.held_at.is_not(None))
        .group_by(Interview.person_id, Person.keep_in_touch_days),
        Interview,
        owner,
    ).subquery()
    # A day of slack: the exact local due day is decided below, in the user's zone.
    cutoff = b.end + timedelta(days=1) - timedelta(days=rules.keep_in_touch_days)
    quiet = and_(
        met.c.days.is_(None),
        met.c.held < cutoff,
        or_(met.c.thanked.is_(None), met.c.thanked < cutoff),
        or_(met.c.noted.is_(None), met.c.noted < cutoff),
    )
    rows = plain_rows(
        session,
        select(
            met.c.person_id, met.c.interview_id, met.c.held, met.c.thanked, met.c.noted, met.c.days
        ).where(or_(quiet, met.c.days > 0)),
    ).all()
    for person_id, interview_id, held, thanked, last_note, days in rows:
        cadence = rules.keep_in_touch_days if days is None else days
        if cadence <= 0 or held is None:
            continue
        touched = held
        if thanked is not None and thanked > touched:
            touched = thanked
        if last_note is not None and last_note > touched:
            touched = last_note
        day = (touched + timedelta(days=cadence)).astimezone(b.zone).date()
        b.add_day_item("keep_in_touch", day, interview_id, person_id)
