"""Builders for scheduling, calendar and attire tests."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from coffeechat.models import Fact, Interview, Organization, PlannedQuestion, Source, User
from coffeechat.network.profile import update_profile

# A fixed "now" for the service tests: Friday 27 November 2026, 16:00 UTC.
NOW = datetime(2026, 11, 27, 16, 0, tzinfo=UTC)


def set_zone(session: Session, owner: User, zone: str = "America/Chicago", **more: str) -> None:
    update_profile(session, owner=owner, timezone=zone, **more)


def make_dress_cue(
    session: Session,
    owner: User,
    organization: Organization,
    text: str,
    *,
    status: str = "new",
    url: str | None = "https://example.org/careers",
    title: str = "Life at the company",
) -> Fact:
    source = Source(
        owner_id=owner.id,
        organization_id=organization.id,
        url=url,
        content_hash=f"hash-{len(text)}-{text[:8]}",
        title=title,
        text=text,
    )
    session.add(source)
    session.flush()
    fact = Fact(
        owner_id=owner.id,
        source_id=source.id,
        organization_id=organization.id,
        kind="dress_cue",
        text=text,
        start=0,
        end=len(text),
        status=status,
    )
    session.add(fact)
    session.flush()
    return fact


def add_question(
    session: Session,
    interview: Interview,
    text: str,
    *,
    starred: bool = False,
    state: str = "planned",
) -> PlannedQuestion:
    question = PlannedQuestion(
        owner_id=interview.owner_id,
        interview_id=interview.id,
        position=len(interview.questions),
        text=text,
        starred=starred,
        state=state,
    )
    interview.questions.append(question)
    session.flush()
    return question
