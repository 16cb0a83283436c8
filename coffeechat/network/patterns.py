"""How each contact answers requests: boosters, late repliers, the silent.

Built from interviews (requested, replied, held) and messages (outreach, follow-ups,
replies). "Within 3 business days" counts the user's working days, skipping weekends
and the public holidays of the profile's country.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from coffeechat.models import Interview, Message, MessageKind, Stage, User, utcnow
from coffeechat.network.profile import get_profile
from coffeechat.network.selection import IdQuery, PersonIds, in_condition, is_query, rows_in, settle
from coffeechat.scoping import scope

# Dalton's 3B7 routine: after 3 business days without a reply, move to the next person.
REPLY_WINDOW_BUSINESS_DAYS = 3

# Stages that can only be reached after the contact answered.
_ANSWERED_STAGES = frozenset(
    {Stage.SCHEDULED.value, Stage.HELD.value, Stage.THANKED.value, Stage.DECLINED.value}
)


class Pattern(enum.StrEnum):
    BOOSTER = "booster"
    LATE = "late"
    SILENT = "silent"
    UNKNOWN = "unknown"


class BusinessCalendar:
    """Working days of one country, and local dates in one time zone."""

    def __init__(self, country: str, timezone: str) -> None:
        self.zone = ZoneInfo(timezone)
        self._holidays = _country_holidays(country)
        # Not every country rests on Saturday and Sunday; the holidays package knows.
        self._weekend = frozenset(getattr(self._holidays, "weekend", {5, 6}))

    def is_business_day(self, day: date) -> bool:
        return day.weekday() not in self._weekend and day not in self._holidays

    def add(self, start: date, days: int) -> date:
        """The ``days``-th business day after ``start``."""
        current = start
        for _ in range(days):
            current += timedelta(days=1)
            while not self.is_business_day(current):
                current += timedelta(days=1)
        return current

    def local_date(self, moment: datetime) -> date:
        return moment.astimezone(self.zone).date()

    def reply_deadline(self, sent_at: datetime) -> date:
        """The last local date a reply still counts as prompt."""
        return self.add(self.local_date(sent_at), REPLY_WINDOW_BUSINESS_DAYS)


@lru_cache(maxsize=16)
def _country_holidays(country: str) -> Any:
    import holidays

    return holidays.country_holidays(country)


def calendar_for(session: Session, *, owner: User) -> BusinessCalendar:
    profile = get_profile(session, owner=owner)
    return BusinessCalendar(profile.country, profile.timezone)


@dataclass(frozen=True)
class Request:
    """One ask for a conversation: an interview request or a stand-alone outreach message."""

    person_id: int
    organization_id: int | None
    interview_id: int | None
    sent_at: datetime
    # None while unanswered, or when they answered but nobody recorded when.
    replied_at: datetime | None
    replied: bool
    first_follow_up_at: datetime | None
    stage: str | None


@dataclass
class History:
    """Everything known about one person's dealings with the user."""

    person_id: int
    requests: list[Request] = field(default_factory=list)
    met: bool = False
    replied: bool = False
    # The last time they took part (a reply or a meeting); our own unanswered asks
    # don't make a contact warm.
    last_interaction: datetime | None = None

    def touch(self, moment: datetime | None) -> None:
        if moment is not None and (self.last_interaction is None or moment > self.last_interaction):
            self.last_interaction = moment


_LABELS = {
    Pattern.BOOSTER: "Booster",
    Pattern.LATE: "Late",
    Pattern.SILENT: "Silent",
    Pattern.UNKNOWN: "Not known yet",
}


@dataclass(frozen=True)
class ContactPattern:
    person_id: int
    pattern: Pattern
    reason: str

    @property
    def label(self) -> str:
        return _LABELS[self.pattern]


def _interview_rows(session: Session, owner: User, ids: PersonIds) -> list[Any]:
    columns = select(
        Interview.id,
        Interview.person_id,
        Interview.organization_id,
        Interview.stage,
        Interview.requested_at,
        Interview.replied_at,
        Interview.held_at,
        Interview.thanked_at,
    ).where(Interview.person_id.is_not(None))
    return rows_in(session, scope(columns, Interview, owner), Interview.person_id, ids)


def _message_rows(
    session: Session, owner: User, ids: PersonIds, interview_ids: list[int] | IdQuery
) -> list[Any]:
    """Sent messages of those interviews, and those sent to ``ids`` outside any interview."""
    columns = scope(
        select(
            Message.interview_id,
            Message.person_id,
            Message.kind,
            Message.sent_at,
            Message.replied_at,
        ).where(Message.sent_at.is_not(None)),
        Message,
        owner,
    )
    if ids is None:
        return list(session.execute(columns))
    loose = in_condition(session, Message.person_id, ids)
    linked = in_condition(session, Message.interview_id, interview_ids)
    assert loose is not None and linked is not None
    statement = columns.where(or_(and_(Message.interview_id.is_(None), loose), linked))
    return list(session.execute(statement))


def histories(session: Session, *, owner: User, person_ids: PersonIds = None) -> dict[int, History]:
    """Requests, replies and meetings per person (everyone when ``person_ids`` is None)."""
    ids = settle(person_ids)
    interviews = _interview_rows(session, owner, ids)
    of_interviews: list[int] | IdQuery = (
        scope(select(Interview.id).where(Interview.person_id.in_(ids)), Interview, owner)
        if is_query(ids)
        else [row.id for row in interviews]
    )
    messages = _message_rows(session, owner, ids, of_interviews)
    result: dict[int, History] = {}

    def history(person_id: int) -> History:
        return result.setdefault(person_id, History(person_id))

    by_interview: dict[int, list[Any]] = {}
    loose: dict[int, list[Any]] = {}
    for message in messages:
        if message.interview_id is not None:
            by_interview.setdefault(message.interview_id, []).append(message)
        elif message.person_id is not None:
            loose.setdefault(message.person_id, []).append(message)
    for row in interviews:
        _add_interview(history(row.person_id), row, by_interview.get(row.id, []))
    for person_id, notes in loose.items():
        _add_loose_messages(history(person_id), notes)
    return result


def _earliest(values: Iterable[datetime | None]) -> datetime | None:
    present = [v for v in values if v is not None]
    return min(present) if present else None


def _add_interview(history: History, row: Any, messages: list[Any]) -> None:
    replied_at = row.replied_at or _earliest(m.replied_at for m in messages)
    for moment in (replied_at, row.held_at, *(m.replied_at for m in messages)):
        history.touch(moment)
    if row.held_at is not None:
        history.met = True
    answered = replied_at is not None or row.held_at is not None or row.stage in _ANSWERED_STAGES
    history.replied = history.replied or answered
    sent_at = row.requested_at or _earliest(
        m.sent_at for m in messages if m.kind == MessageKind.OUTREACH.value
    )
    if sent_at is None:
        return
    follow_up = _earliest(m.sent_at for m in messages if m.kind == MessageKind.FOLLOW_UP.value)
    history.requests.append(
        Request(
            person_id=history.person_id,
            organization_id=row.organization_id,
            interview_id=row.id,
            sent_at=sent_at,
            replied_at=replied_at,
            replied=answered,
            first_follow_up_at=follow_up,
            stage=row.stage,
        )
    )


def _add_loose_messages(history: History, messages: list[Any]) -> None:
    """Outreach sent outside any interview: each is a request; later follow-ups belong to it."""
    follow_ups = sorted(m.sent_at for m in messages if m.kind == MessageKind.FOLLOW_UP.value)
    for message in messages:
        history.touch(message.replied_at)
        if message.replied_at is not None:
            history.replied = True
        if message.kind != MessageKind.OUTREACH.value:
            continue
        follow_up = next((f for f in follow_ups if f >= message.sent_at), None)
        history.requests.append(
            Request(
                person_id=history.person_id,
                organization_id=None,
                interview_id=None,
                sent_at=message.sent_at,
                replied_at=message.replied_at,
                replied=message.replied_at is not None,
                first_follow_up_at=follow_up,
                stage=None,
            )
        )


def request_is_prompt(request: Request, calendar: BusinessCalendar) -> bool | None:
    """Whether the reply came within the window and before any follow-up; None if unknown."""
    if request.replied_at is None:
        return None
    if request.first_follow_up_at is not None and request.first_follow_up_at < request.replied_at:
        return False
    return calendar.local_date(request.replied_at) <= calendar.reply_deadline(request.sent_at)


def classify(history: History | None, calendar: BusinessCalendar, on: date) -> ContactPattern:
    """Booster, late, silent or unknown, with the reason in words."""
    if history is None or not history.requests:
        person_id = history.person_id if history else 0
        return ContactPattern(person_id, Pattern.UNKNOWN, "no request sent yet")
    prompt = [request_is_prompt(r, calendar) for r in history.requests]
    if any(prompt) and history.met:
        return ContactPattern(
            history.person_id, Pattern.BOOSTER, "replied within 3 business days and met you"
        )
    if any(p is False for p in prompt):
        return ContactPattern(
            history.person_id, Pattern.LATE, "replied after 3 business days or a follow-up"
        )
    waiting = [r for r in history.requests if not r.replied]
    if not history.replied and all(on > calendar.reply_deadline(r.sent_at) for r in waiting):
        return ContactPattern(history.person_id, Pattern.SILENT, "never replied")
    if any(prompt):
        return ContactPattern(history.person_id, Pattern.UNKNOWN, "replied promptly; not met yet")
    if history.replied:
        return ContactPattern(history.person_id, Pattern.UNKNOWN, "replied; time not recorded")
    return ContactPattern(
        history.person_id, Pattern.UNKNOWN, "request still within 3 business days"
    )


def contact_patterns(
    session: Session, *, owner: User, on: date, person_ids: Iterable[int] | None = None
) -> dict[int, ContactPattern]:
    """The pattern of every person who was ever asked (or of ``person_ids``)."""
    calendar = calendar_for(session, owner=owner)
    found = histories(session, owner=owner, person_ids=person_ids)
    wanted = found.keys() if person_ids is None else set(person_ids)
    return {pid: _with_id(classify(found.get(pid), calendar, on), pid) for pid in wanted}


def _with_id(pattern: ContactPattern, person_id: int) -> ContactPattern:
    if pattern.person_id == person_id:
        return pattern
    return ContactPattern(person_id, pattern.pattern, pattern.reason)


def person_pattern(
    session: Session, *, owner: User, person_id: int, on: date | None = None
) -> ContactPattern:
    """How one person answers requests, as of ``on`` (today in the user's zone)."""
    calendar = calendar_for(session, owner=owner)
    today = on or calendar.local_date(utcnow())
    found = histories(session, owner=owner, person_ids=[person_id])
    return _with_id(classify(found.get(person_id), calendar, today), person_id)
