"""The agenda: what is due or overdue on a given day, most important first.

Computed from interviews and sent messages with a handful of column-only queries, so it
stays fast on a network of tens of thousands of people.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from coffeechat.config import Settings
from coffeechat.meetings.drafts import Draft
from coffeechat.meetings.followup import FollowUpRules, local_date
from coffeechat.meetings.reminders import (
    DEFAULT_RULES,
    AgendaRules,
    DueList,
    add_after_meetings,
    add_keep_in_touch,
    add_meetings,
    add_requests,
    plain_rows,
)
from coffeechat.models import Interview, Organization, Person, User
from coffeechat.network.profile import get_profile
from coffeechat.scoping import scope

__all__ = [
    "AgendaItem",
    "AgendaRules",
    "ReadinessFn",
    "build_agenda",
    "item_draft",
    "research_readiness",
    "rules_from",
]

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


def research_readiness(session: Session, owner: User, ids: Sequence[int]) -> dict[int, int]:
    """Readiness scores from the research feature's checklist, for meetings to prepare."""
    from coffeechat.research.readiness import readiness

    return {i: readiness(session, owner=owner, interview_id=i).score for i in ids}


def build_agenda(
    session: Session,
    *,
    owner: User,
    day: date | None = None,
    now: datetime,
    rules: AgendaRules = DEFAULT_RULES,
    readiness: ReadinessFn | None = research_readiness,
) -> list[AgendaItem]:
    """Everything due or overdue on ``day`` (the user's today by default), in priority order."""
    profile = get_profile(session, owner=owner)
    builder = DueList(day or local_date(now, profile.timezone), now, profile.timezone)
    add_requests(session, owner, builder, rules.follow_up, profile.country)
    add_meetings(session, owner, builder, rules)
    add_after_meetings(session, owner, builder, rules)
    add_keep_in_touch(session, owner, builder, rules)
    return _finish(session, owner, builder, readiness, rules.follow_up.next_contact_days)


def _next_people(
    session: Session, owner: User, day: date, days: int, interview_ids: set[int]
) -> dict[str, str]:
    """Organization name -> whom the warm paths suggest asking there instead."""
    from coffeechat.network.next_contact import next_contact_suggestions

    statement = scope(select(Interview.organization_id), Interview, owner)
    quiet = {
        org_id
        for org_id in session.scalars(statement.where(Interview.id.in_(interview_ids)))
        if org_id is not None
    }
    found = next_contact_suggestions(
        session, owner=owner, on=day, after_business_days=days, organization_ids=quiet
    )
    return {
        s.organization: s.suggestion.ask.name
        + (f" (who knows {s.suggestion.insider.name})" if s.suggestion.insider else "")
        for s in found
        if s.suggestion is not None
    }


def _finish(
    session: Session, owner: User, b: DueList, readiness: ReadinessFn | None, next_days: int
) -> list[AgendaItem]:
    b.items.sort(key=lambda item: (RANKS[item[0]], item[1], item[3]))
    names = _names(session, owner, {item[3] for item in b.items})
    prepare_ids = [item[3] for item in b.items if item[0] == "prepare"]
    scores = readiness(session, owner, prepare_ids) if readiness and prepare_ids else {}
    # Only worth the warm-path queries when some organization went quiet.
    quiet = {item[3] for item in b.items if item[0] == "next_contact"}
    suggested = _next_people(session, owner, b.day, next_days, quiet) if quiet else {}
    result = []
    for kind, due, overdue, interview_id, person_id in b.items:
        name, org = names.get(interview_id, (None, None))
        title, action = _words(kind, interview_id, name, org, due, b.timezone)
        if kind == "next_contact" and org in suggested:
            title, action = f"{title}: try {suggested[org]}", f'coffeechat paths "{org}"'

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
    return {i: (person, org) for i, person, org in plain_rows(session, statement)}


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
    if item.person_id is None:  # their person was removed: nobody to write to
        return None
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
