"""Progress figures: how many asks, replies, meetings, timely thank-yous and new contacts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coffeechat.models import Interview, Message, MessageKind, Organization, Person, User, utcnow
from coffeechat.network.patterns import calendar_for, histories
from coffeechat.scoping import scope


@dataclass(frozen=True)
class MonthCount:
    month: str  # YYYY-MM
    count: int


@dataclass(frozen=True)
class ThankYous:
    """Thank-yous for held meetings, against the due window (hours after the meeting)."""

    within_hours: int
    on_time: int
    late: int
    missing: int
    # Meetings whose window is still open and no thank-you yet: not counted either way.
    pending: int

    @property
    def due(self) -> int:
        return self.on_time + self.late + self.missing

    @property
    def on_time_rate(self) -> float | None:
        return None if self.due == 0 else round(self.on_time / self.due, 3)


@dataclass(frozen=True)
class Stats:
    requests_sent: int
    replies: int
    meetings_held: int
    thank_yous: ThankYous
    referrals_gained: int
    new_contacts_per_month: tuple[MonthCount, ...]
    organizations_with_conversation: tuple[str, ...]

    @property
    def reply_rate(self) -> float | None:
        return None if self.requests_sent == 0 else round(self.replies / self.requests_sent, 3)

    @property
    def referrals_per_meeting(self) -> float | None:
        if self.meetings_held == 0:
            return None
        return round(self.referrals_gained / self.meetings_held, 2)


def _thank_yous(
    session: Session, owner: User, within_hours: int, now: datetime
) -> tuple[int, ThankYous]:
    held = list(
        session.execute(
            scope(
                select(Interview.id, Interview.held_at, Interview.thanked_at).where(
                    Interview.held_at.is_not(None)
                ),
                Interview,
                owner,
            )
        )
    )
    notes = scope(
        select(Message.interview_id, func.min(Message.sent_at))
        .where(Message.kind == MessageKind.THANK_YOU.value, Message.sent_at.is_not(None))
        .group_by(Message.interview_id),
        Message,
        owner,
    )
    sent = {interview_id: at for interview_id, at in session.execute(notes)}
    window = timedelta(hours=within_hours)
    on_time = late = missing = pending = 0
    for interview_id, held_at, thanked_at in held:
        assert held_at is not None  # selected for it
        candidates = [t for t in (thanked_at, sent.get(interview_id)) if t is not None]
        thanked = min(candidates) if candidates else None
        if thanked is not None:
            if thanked - held_at <= window:
                on_time += 1
            else:
                late += 1
        elif now - held_at > window:
            missing += 1
        else:
            pending += 1
    return len(held), ThankYous(within_hours, on_time, late, missing, pending)


def _months_back(today: date, months: int) -> list[str]:
    year, month = today.year, today.month
    labels = []
    for _ in range(months):
        labels.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return labels[::-1]


def _new_contacts(
    session: Session, owner: User, today: date, months: int
) -> tuple[MonthCount, ...]:
    calendar = calendar_for(session, owner=owner)
    counts = dict.fromkeys(_months_back(today, months), 0)
    statement = scope(select(Person.connected_on, Person.created_at), Person, owner)
    for connected_on, created_at in session.execute(statement):
        # A LinkedIn connection date says when the tie began; otherwise when it was added.
        day = connected_on or calendar.local_date(created_at)
        label = f"{day.year:04d}-{day.month:02d}"
        if label in counts:
            counts[label] += 1
    return tuple(MonthCount(label, count) for label, count in counts.items())


def _conversation_organizations(session: Session, owner: User) -> tuple[str, ...]:
    statement = scope(
        select(Organization.name)
        .where(
            Organization.id.in_(
                scope(
                    select(Interview.organization_id).where(Interview.held_at.is_not(None)),
                    Interview,
                    owner,
                )
            )
        )
        .order_by(Organization.name_key),
        Organization,
        owner,
    )
    return tuple(session.scalars(statement))


def progress(
    session: Session,
    *,
    owner: User,
    thank_you_due_hours: int,
    now: datetime | None = None,
    months: int = 12,
) -> Stats:
    """The user's networking figures; ``months`` of new-contact counts up to this month."""
    moment = now or utcnow()
    today = calendar_for(session, owner=owner).local_date(moment)
    requests = [r for h in histories(session, owner=owner).values() for r in h.requests]
    meetings, thank_yous = _thank_yous(session, owner, thank_you_due_hours, moment)
    referrals = session.scalar(
        scope(
            select(func.count()).select_from(Person).where(Person.referred_by_id.is_not(None)),
            Person,
            owner,
        )
    )
    return Stats(
        requests_sent=len(requests),
        replies=sum(1 for r in requests if r.replied),
        meetings_held=meetings,
        thank_yous=thank_yous,
        referrals_gained=referrals or 0,
        new_contacts_per_month=_new_contacts(session, owner, today, months),
        organizations_with_conversation=_conversation_organizations(session, owner),
    )
