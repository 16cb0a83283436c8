"""Follow-up timing in business days: weekends and the user's public holidays don't count.

The 3B7 routine: three business days without a reply, write to someone else at the
organization; seven, follow up once with the first person; seven more after that
follow-up, stop waiting (the interview moves to "no reply").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from coffeechat.meetings.pipeline import move_interview
from coffeechat.models import Interview, Message, MessageKind, Stage, User
from coffeechat.scoping import scope


@dataclass
class BusinessCalendar:
    """Working days of one country: its weekend and public holidays."""

    country: str
    _holidays: Any = field(default=None, repr=False)
    # The agenda asks about the same few dates thousands of times; remember the answers.
    _open: dict[date, bool] = field(default_factory=dict, repr=False)
    _sums: dict[tuple[date, int], date] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        import holidays

        self._holidays = holidays.country_holidays(self.country)

    @property
    def weekend(self) -> frozenset[int]:
        return frozenset(getattr(self._holidays, "weekend", {5, 6}))

    def is_business_day(self, day: date) -> bool:
        known = self._open.get(day)
        if known is None:
            known = day.weekday() not in self.weekend and day not in self._holidays
            self._open[day] = known
        return known

    def holiday_name(self, day: date) -> str | None:
        name: str | None = self._holidays.get(day)
        return name

    def add_business_days(self, start: date, days: int) -> date:
        """The date ``days`` business days after ``start`` (``start`` itself never counts)."""
        key = (start, days)
        if key not in self._sums:
            self._sums[key] = self._count_forward(start, days)
        return self._sums[key]

    def _count_forward(self, start: date, days: int) -> date:
        current = start
        counted = 0
        while counted < days:
            current += timedelta(days=1)
            if self.is_business_day(current):
                counted += 1
        return current


@lru_cache(maxsize=32)
def calendar_for(country: str) -> BusinessCalendar:
    return BusinessCalendar(country)


@dataclass(frozen=True)
class FollowUpRules:
    """How many business days to wait at each step (settings in the README)."""

    next_contact_days: int = 3
    follow_up_days: int = 7
    give_up_days: int = 7


def local_date(moment: datetime, timezone: str) -> date:
    return moment.astimezone(ZoneInfo(timezone)).date()


@dataclass(frozen=True)
class Silence:
    """When each 3B7 step falls due for one request, as local dates."""

    next_contact: date
    follow_up: date
    give_up: date | None  # only once a follow-up was sent


def silence_dates(
    calendar: BusinessCalendar,
    rules: FollowUpRules,
    *,
    requested: date,
    followed_up: date | None,
) -> Silence:
    return Silence(
        next_contact=calendar.add_business_days(requested, rules.next_contact_days),
        follow_up=calendar.add_business_days(requested, rules.follow_up_days),
        give_up=(
            None
            if followed_up is None
            else calendar.add_business_days(followed_up, rules.give_up_days)
        ),
    )


def settle_silences(
    session: Session,
    *,
    owner: User,
    country: str,
    timezone: str,
    today: date,
    rules: FollowUpRules = FollowUpRules(),
) -> list[Interview]:
    """Move requests that stayed silent after their follow-up to "no reply".

    Run before showing the agenda for today; returns the interviews it moved.
    """
    statement = scope(
        select(Interview.id, Message.sent_at)
        .join(Message, Message.interview_id == Interview.id)
        .where(
            Interview.stage == Stage.REQUESTED.value,
            Interview.replied_at.is_(None),
            Message.kind == MessageKind.FOLLOW_UP.value,
            Message.sent_at.is_not(None),
            # A follow-up from an earlier round (before a fresh request) doesn't count.
            Message.sent_at >= Interview.requested_at,
        ),
        Interview,
        owner,
    )
    last_follow_up: dict[int, datetime] = {}
    for interview_id, sent_at in session.execute(statement):
        if sent_at is None:
            continue
        if interview_id not in last_follow_up or sent_at > last_follow_up[interview_id]:
            last_follow_up[interview_id] = sent_at
    calendar = calendar_for(country)
    moved: list[Interview] = []
    for interview_id, sent_at in sorted(last_follow_up.items()):
        give_up = calendar.add_business_days(local_date(sent_at, timezone), rules.give_up_days)
        if give_up <= today:
            moved.append(
                move_interview(
                    session, owner=owner, interview_id=interview_id, stage=Stage.NO_REPLY
                )
            )
    return moved
