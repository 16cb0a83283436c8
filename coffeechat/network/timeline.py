"""A person's story with the user: interviews, messages and notes in time order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_
from sqlalchemy.orm import Session, selectinload

from coffeechat.models import Fact, FactKind, FactStatus, Interview, Message, Person, User
from coffeechat.scoping import owned


@dataclass(frozen=True)
class Moment:
    """One line of the timeline. ``what`` is interview, message or note."""

    at: datetime
    what: str
    title: str
    interview: Interview | None = None
    message: Message | None = None
    body: str = ""


@dataclass(frozen=True)
class PersonStory:
    person: Person
    interviews: list[Interview]
    referred: list[Person]
    moments: list[Moment]
    # Roles and schools read from their bio (research), oldest source first.
    background: list[Fact]


_STAGE_TIMES = (
    ("requested_at", "Asked for a conversation"),
    ("scheduled_at", "Meeting scheduled"),
    ("held_at", "Met"),
    ("thanked_at", "Thanked"),
    ("closed_at", "Closed"),
)


def person_story(session: Session, *, owner: User, person: Person) -> PersonStory:
    """Interviews, messages and the people ``person`` referred, in a fixed number of queries."""
    interviews = list(
        session.scalars(
            owned(Interview, owner)
            .where(Interview.person_id == person.id)
            .options(selectinload(Interview.organization))
            .order_by(Interview.created_at.desc(), Interview.id.desc())
        )
    )
    interview_ids = [i.id for i in interviews]
    messages = list(
        session.scalars(
            owned(Message, owner)
            .where(or_(Message.person_id == person.id, Message.interview_id.in_(interview_ids)))
            .order_by(Message.id)
        )
    )
    referred = list(
        session.scalars(
            owned(Person, owner)
            .where(Person.referred_by_id == person.id)
            .options(selectinload(Person.organization))
            .order_by(Person.full_name, Person.id)
        )
    )
    moments: list[Moment] = []
    for interview in interviews:
        moments.append(Moment(interview.created_at, "interview", "Interview idea", interview))
        for column, title in _STAGE_TIMES:
            when = getattr(interview, column)
            if when is not None:
                moments.append(Moment(when, "interview", title, interview))
        if interview.notes.strip():
            moment_at = interview.held_at or interview.updated_at
            moments.append(
                Moment(moment_at, "note", "Meeting notes", interview, body=interview.notes)
            )
    for message in messages:
        when = message.sent_at or message.due_at or message.created_at
        state = "sent" if message.sent_at else "draft"
        title = f"{message.kind.replace('_', ' ').capitalize()} ({state})"
        moments.append(Moment(when, "message", title, message=message, body=message.subject))
    for other in referred:
        moments.append(Moment(other.created_at, "referral", f"Introduced you to {other.full_name}"))
    moments.sort(key=lambda m: m.at, reverse=True)
    background = list(
        session.scalars(
            owned(Fact, owner)
            .where(
                Fact.person_id == person.id,
                Fact.kind == FactKind.BACKGROUND.value,
                Fact.status != FactStatus.REJECTED.value,
            )
            .options(selectinload(Fact.source))
            .order_by(Fact.source_id, Fact.start)
        )
    )
    return PersonStory(person, interviews, referred, moments, background)
