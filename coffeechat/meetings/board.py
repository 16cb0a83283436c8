"""The pipeline board: interviews by stage, a few per column, and the meetings coming up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from coffeechat.meetings.pipeline import ALLOWED_MOVES, parse_stage
from coffeechat.models import Interview, Stage, User, utcnow
from coffeechat.scoping import owned, scope

# Columns in the order a conversation moves; the dead ends come last.
BOARD_STAGES: tuple[Stage, ...] = (
    Stage.IDEA,
    Stage.REQUESTED,
    Stage.SCHEDULED,
    Stage.HELD,
    Stage.THANKED,
    Stage.CLOSED,
    Stage.DECLINED,
    Stage.NO_REPLY,
)


@dataclass(frozen=True)
class Card:
    interview: Interview
    # Where the interview may go next, in board order.
    moves: tuple[Stage, ...]


@dataclass(frozen=True)
class Column:
    stage: Stage
    total: int
    cards: tuple[Card, ...]


def next_moves(stage: str) -> tuple[Stage, ...]:
    allowed = ALLOWED_MOVES[Stage(stage)]
    return tuple(s for s in BOARD_STAGES if s in allowed)


def board(session: Session, *, owner: User, per_stage: int = 12) -> list[Column]:
    """Every stage with its count and its ``per_stage`` most recently moved interviews.

    Three queries whatever the number of interviews: counts, the chosen ids, their rows.
    """
    counts = dict(
        session.execute(
            scope(select(Interview.stage, func.count()).group_by(Interview.stage), Interview, owner)
        ).all()
    )
    ranked = scope(
        select(
            Interview.id,
            func.row_number()
            .over(
                partition_by=Interview.stage,
                order_by=(Interview.stage_changed_at.desc(), Interview.id.desc()),
            )
            .label("rank"),
        ),
        Interview,
        owner,
    ).subquery()
    chosen = select(ranked.c.id).where(ranked.c.rank <= per_stage)
    rows = session.scalars(
        owned(Interview, owner)
        .where(Interview.id.in_(chosen))
        .options(selectinload(Interview.person), selectinload(Interview.organization))
        .order_by(Interview.stage_changed_at.desc(), Interview.id.desc())
    ).all()
    by_stage: dict[str, list[Card]] = {}
    for interview in rows:
        by_stage.setdefault(interview.stage, []).append(
            Card(interview, next_moves(interview.stage))
        )
    return [
        Column(stage, counts.get(stage.value, 0), tuple(by_stage.get(stage.value, [])))
        for stage in BOARD_STAGES
    ]


def upcoming(
    session: Session, *, owner: User, limit: int = 8, now: datetime | None = None
) -> list[Interview]:
    """Scheduled meetings still ahead (or under way this hour), soonest first."""
    since = (now or utcnow()).replace(minute=0, second=0, microsecond=0)
    statement = (
        owned(Interview, owner)
        .where(Interview.stage == Stage.SCHEDULED.value, Interview.scheduled_at >= since)
        .options(selectinload(Interview.person), selectinload(Interview.organization))
        .order_by(Interview.scheduled_at, Interview.id)
        .limit(limit)
    )
    return list(session.scalars(statement))


@dataclass(frozen=True)
class InterviewPage:
    interviews: list[Interview]
    offset: int
    limit: int
    has_more: bool


def interviews_page(
    session: Session,
    *,
    owner: User,
    stage: str | Stage | None = None,
    person_id: int | None = None,
    limit: int = 50,
    offset: int = 0,
) -> InterviewPage:
    """A page of interviews, the most recently moved first (as ``list_interviews`` orders)."""
    statement = (
        owned(Interview, owner)
        .options(
            selectinload(Interview.person),
            selectinload(Interview.organization),
            selectinload(Interview.career),
        )
        .order_by(Interview.stage_changed_at.desc(), Interview.id.desc())
        .offset(offset)
        .limit(limit + 1)
    )
    if stage is not None:
        statement = statement.where(Interview.stage == parse_stage(stage).value)
    if person_id is not None:
        statement = statement.where(Interview.person_id == person_id)
    rows = list(session.scalars(statement))
    return InterviewPage(rows[:limit], offset, limit, len(rows) > limit)
