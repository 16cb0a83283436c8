"""Builders for requests, replies and meetings at exact moments."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from coffeechat.models import Interview, Message, MessageKind, Person, Stage, User


def at(day: str, hour: int = 10) -> datetime:
    """An aware UTC moment on an ISO date."""
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)


def ask(
    session: Session,
    owner: User,
    person: Person,
    requested: str,
    *,
    replied: str | None = None,
    held: str | None = None,
    thanked: str | None = None,
    follow_up: str | None = None,
    stage: Stage | None = None,
    organization_id: int | None = None,
) -> Interview:
    """An interview request to ``person`` with what happened next (ISO dates, 10:00 UTC)."""
    if stage is None:
        stage = (
            Stage.THANKED
            if thanked
            else Stage.HELD
            if held
            else Stage.SCHEDULED
            if replied
            else Stage.REQUESTED
        )
    interview = Interview(
        owner_id=owner.id,
        person_id=person.id,
        organization_id=organization_id or person.organization_id,
        stage=stage.value,
        requested_at=at(requested),
        replied_at=at(replied) if replied else None,
        held_at=at(held) if held else None,
        thanked_at=at(thanked) if thanked else None,
        takeaways=[],
    )
    session.add(interview)
    session.flush()
    if follow_up:
        session.add(
            Message(
                owner_id=owner.id,
                interview_id=interview.id,
                person_id=person.id,
                kind=MessageKind.FOLLOW_UP.value,
                sent_at=at(follow_up),
            )
        )
        session.flush()
    return interview
