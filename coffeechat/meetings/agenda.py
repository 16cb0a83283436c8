"""The agenda: what is due or overdue on a given day, most important first.

Computed from interviews and sent messages with a handful of column-only queries, so it
stays fast on a network of tens of thousands of people.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVarTuple
from zoneinfo import ZoneInfo

from sqlalchemy import Result, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from coffeechat.config import Settings
from coffeechat.meetings.drafts import Draft
from coffeechat.meetings.followup import FollowUpRules, calendar_for, local_date
from coffeechat.models import Interview, Message, MessageKind, Organization, Person, Stage, User
from coffeechat.network.profile import get_profile
from coffeechat.scoping import scope

Ts = TypeVarTuple("Ts")

# Readiness scores (0–100) of the given interviews; supplied by the research feature.
ReadinessFn = Callable[[Session, User, Sequence[int]], Mapping[int, int]]

# Lower comes first. Time-critical courtesy first, then the meeting itself, then outreach.
RANKS = {
    "thank_you": 0,
    "log": 1,
    "prepare": 2,
    "follow_up": 3,
    "next_contact": 4,
    "no_reply": 5,
    "update": 6,
    "keep_in_touch": 7,
}
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


@dataclass(frozen=True)
class AgendaItem:
    kind: str
    due: datetime
    overdue: bool
    interview_id: int
    person_id: int | None
    person_name: str | None
    title: str
    action: str
    readiness: int | None = None


@dataclass
class _Builder:
    """Collects items for one day; knows the day's bounds and what counts as overdue."""

    day: date
    now: datetime
    timezone: str
    zone: ZoneInfo = field(init=False)
    items: list[tuple[str, datetime, bool, int, int | None, dict[str, str]]] = field(
        default_factory=list
    )

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

    def add_day_item(
        self, kind: str, day: date, interview_id: int, person_id: int | None, **extra: str
    ) -> None:
        if day <= self.day:
            self.items.append(
                (kind, self.at_day(day), day < self.day, interview_id, person_id, extra)
            )

    def add_timed_item(
        self, kind: str, due: datetime, interview_id: int, person_id: int | None, **extra: str
    ) -> None:
        self.items.append((kind, due, due < self.reference, interview_id, person_id, extra))


def _rows(session: Session, statement: Select[*Ts]) -> Result[*Ts]:
    """Plain rows through the session's connection: no ORM entity loading is needed here."""
    return session.connection().execute(statement)


def rules_from(settings: Settings) -> AgendaRules:
    return AgendaRules(
        follow_up=FollowUpRules(
            next_contact_days=settings.next_contact_business_days,
            follow_up_days=settings.follow_up_business_days,
            give_up_days=settings.give_up_business_days,
        ),
        thank_you_due_hours=settings.thank_you_due_hours,
        update_after_days=settings.update_note_days,
        keep_in_touch_days=settings.keep_in_touch_days,
        prepare_days=settings.prepare_days,
    )


def build_agenda(
    session: Session,
    *,
    owner: User,
    day: date | None = None,
    now: datetime,
    rules: AgendaRules = AgendaRules(),
    readiness: ReadinessFn | None = None,
) -> list[AgendaItem]:
    """Everything due or overdue on ``day`` (the user's today by default), in priority order."""
    profile = get_profile(session, owner=owner)
    builder = _Builder(day or local_date(now, profile.timezone), now, profile.timezone)
    _requests(session, owner, builder, rules.follow_up, profile.country)
    _meetings(session, owner, builder, rules)
    _after_meetings(session, owner, builder, rules)
    _keep_in_touch(session, owner, builder, rules)
    return _finish(session, owner, builder, readiness)


def _requests(
    session: Session, owner: User, b: _Builder, rules: FollowUpRules, country: str
) -> None:
    """Silent requests: 3 business days, try someone else; 7, follow up; 7 more, move on."""
    requested = _rows(
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
        _rows(
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
    rows = _rows(
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


def _meetings(session: Session, owner: User, b: _Builder, rules: AgendaRules) -> None:
    """Meetings coming up (prepare) and meetings past but not logged yet."""
    horizon = b.start + timedelta(days=rules.prepare_days + 1)
    rows = _rows(
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


def _after_meetings(session: Session, owner: User, b: _Builder, rules: AgendaRules) -> None:
    """Thank-yous due within hours of a meeting; update notes weeks after the thanks."""
    held = _rows(
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
    thanked = _rows(
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


def _keep_in_touch(session: Session, owner: User, b: _Builder, rules: AgendaRules) -> None:
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
    rows = _rows(
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


def _finish(
    session: Session, owner: User, b: _Builder, readiness: ReadinessFn | None
) -> list[AgendaItem]:
    b.items.sort(key=lambda item: (RANKS[item[0]], item[1], item[3]))
    names = _names(session, owner, {item[3] for item in b.items})
    prepare_ids = [item[3] for item in b.items if item[0] == "prepare"]
    scores = readiness(session, owner, prepare_ids) if readiness and prepare_ids else {}
    result = []
    for kind, due, overdue, interview_id, person_id, _extra in b.items:
        name, org = names.get(interview_id, (None, None))
        title, action = _words(kind, interview_id, name, org, due, b.timezone)
        result.append(
            AgendaItem(
                kind=kind,
                due=due,
                overdue=overdue,
                interview_id=interview_id,
                person_id=person_id,
                person_name=name,
                title=title,
                action=action,
                readiness=scores.get(interview_id),
            )
        )
    return result


def _names(session: Session, owner: User, ids: set[int]) -> dict[int, tuple[str, str | None]]:
    """Person and organization names of the given interviews, in one query."""
    if not ids:
        return {}
    statement = scope(
        select(Interview.id, Person.full_name, Organization.name)
        .join(Person, Person.id == Interview.person_id)
        .outerjoin(Organization, Organization.id == Interview.organization_id)
        .where(Interview.id.in_(ids)),
        Interview,
        owner,
    )
    return {i: (person, org) for i, person, org in _rows(session, statement)}


def _words(
    kind: str, interview_id: int, name: str | None, org: str | None, due: datetime, tz: str
) -> tuple[str, str]:
    """The title and the command to act on it."""
    who = name or "your contact"
    at_org = f" ({org})" if org else ""
    i = interview_id
    if kind == "thank_you":
        return f"Thank {who} for the meeting", f"coffeechat thanks draft {i}"
    if kind == "log":
        return f"Write down how the meeting with {who} went", f"coffeechat interviews log {i}"
    if kind == "prepare":
        when = due.astimezone(ZoneInfo(tz)).strftime("%a %d %b %H:%M")
        return f"Prepare for {who}{at_org}, {when}", f"coffeechat brief {i}"
    if kind == "follow_up":
        return f"Follow up with {who}{at_org}", f"coffeechat outreach draft {i} --follow-up"
    if kind == "next_contact":
        if org:
            return f"Reach out to another person at {org}", f'coffeechat people list --org "{org}"'
        return "Reach out to another person in your field", "coffeechat people list"
    if kind == "no_reply":
        return (
            f"No answer from {who} after your follow-up: move on",
            f"coffeechat interviews move {i} no_reply",
        )
    if kind == "update":
        return f"Send {who} an update on their advice", f"coffeechat thanks draft {i} --kind update"
    return f"Keep in touch with {who}{at_org}", f"coffeechat thanks draft {i} --kind keep-in-touch"


def item_draft(session: Session, *, owner: User, item: AgendaItem) -> Draft | None:
    """The note that acts on ``item``, for the kinds that are acted on by writing."""
    from coffeechat.meetings.outreach import draft_follow_up
    from coffeechat.meetings.thanks import NoteKind, draft_note

    i = item.interview_id
    if item.kind == "follow_up":
        return draft_follow_up(session, owner=owner, interview_id=i)
    notes = {
        "thank_you": NoteKind.THANK_YOU,
        "update": NoteKind.UPDATE,
        "keep_in_touch": NoteKind.KEEP_IN_TOUCH,
    }
    if item.kind in notes:
        return draft_note(session, owner=owner, interview_id=i, kind=notes[item.kind])
    return None
