"""Interviews and the stages they move through, idea to closed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session, selectinload

from coffeechat.errors import Invalid
from coffeechat.models import Career, Focus, Interview, Organization, Person, Stage, User, utcnow
from coffeechat.scoping import get_owned, owned

# Which stage may follow which. Closed is reachable from anywhere; a closed,
# declined or unanswered request can be tried again as a fresh idea.
ALLOWED_MOVES: dict[Stage, frozenset[Stage]] = {
    Stage.IDEA: frozenset({Stage.REQUESTED, Stage.SCHEDULED, Stage.HELD, Stage.CLOSED}),
    Stage.REQUESTED: frozenset(
        {Stage.SCHEDULED, Stage.DECLINED, Stage.NO_REPLY, Stage.IDEA, Stage.CLOSED}
    ),
    Stage.SCHEDULED: frozenset({Stage.HELD, Stage.REQUESTED, Stage.DECLINED, Stage.CLOSED}),
    Stage.HELD: frozenset({Stage.THANKED, Stage.CLOSED}),
    Stage.THANKED: frozenset({Stage.CLOSED}),
    Stage.DECLINED: frozenset({Stage.IDEA, Stage.CLOSED}),
    Stage.NO_REPLY: frozenset({Stage.REQUESTED, Stage.IDEA, Stage.CLOSED}),
    Stage.CLOSED: frozenset({Stage.IDEA}),
}

# The timestamp each stage stamps when an interview reaches it.
_STAMPS: dict[Stage, str] = {
    Stage.REQUESTED: "requested_at",
    Stage.HELD: "held_at",
    Stage.THANKED: "thanked_at",
    Stage.CLOSED: "closed_at",
}


def parse_stage(value: str | Stage) -> Stage:
    try:
        return Stage(value)
    except ValueError:
        choices = ", ".join(s.value for s in Stage)
        raise Invalid("stage", f"{value!r} is not a stage; use one of {choices}") from None


def parse_focus(value: str | Focus) -> Focus:
    try:
        return Focus(value)
    except ValueError:
        choices = ", ".join(f.value for f in Focus)
        raise Invalid("focus", f"{value!r} is not a focus; use one of {choices}") from None


def new_interview(
    session: Session,
    *,
    owner: User,
    person_id: int,
    focus: str | Focus = Focus.COMPANY,
    goal: str = "",
    organization_id: int | None = None,
    career_id: int | None = None,
) -> Interview:
    """An interview idea with a person; the focus company defaults to where they work."""
    person = get_owned(session, Person, person_id, owner, "person")
    chosen_focus = parse_focus(focus)
    if organization_id is not None:
        get_owned(session, Organization, organization_id, owner, "organization")
    if career_id is not None:
        get_owned(session, Career, career_id, owner, "career")
    if len(goal) > 2000:
        raise Invalid("goal", "must be at most 2,000 characters")
    interview = Interview(
        owner_id=owner.id,
        person_id=person.id,
        focus=chosen_focus.value,
        goal=goal.strip(),
        organization_id=organization_id or person.organization_id,
        career_id=career_id,
        stage=Stage.IDEA.value,
        takeaways=[],
    )
    session.add(interview)
    session.flush()
    return interview


def get_interview(session: Session, *, owner: User, interview_id: int) -> Interview:
    return get_owned(session, Interview, interview_id, owner, "interview")


def list_interviews(
    session: Session,
    *,
    owner: User,
    stage: str | Stage | None = None,
    person_id: int | None = None,
) -> list[Interview]:
    """Interviews, the most recently changed first, optionally in one stage or with one person."""
    statement = (
        owned(Interview, owner)
        .options(selectinload(Interview.person), selectinload(Interview.organization))
        .order_by(Interview.stage_changed_at.desc(), Interview.id.desc())
    )
    if stage is not None:
        statement = statement.where(Interview.stage == parse_stage(stage).value)
    if person_id is not None:
        statement = statement.where(Interview.person_id == person_id)
    return list(session.scalars(statement))


def move_interview(
    session: Session,
    *,
    owner: User,
    interview_id: int,
    stage: str | Stage,
    at: datetime | None = None,
) -> Interview:
    """Move to ``stage`` if the pipeline allows it, stamping when it happened."""
    interview = get_interview(session, owner=owner, interview_id=interview_id)
    target = parse_stage(stage)
    current = Stage(interview.stage)
    if target is current:
        return interview
    if target not in ALLOWED_MOVES[current]:
        allowed = ", ".join(sorted(s.value for s in ALLOWED_MOVES[current]))
        raise Invalid(
            "stage", f"cannot move from {current.value} to {target.value}; from here: {allowed}"
        )
    when = at or utcnow()
    stamp = _STAMPS.get(target)
    if stamp is not None:
        setattr(interview, stamp, when)
    interview.stage = target.value
    interview.stage_changed_at = when
    session.flush()
    return interview
