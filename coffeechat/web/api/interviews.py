"""/api/v1/interviews"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from coffeechat.meetings.board import interviews_page
from coffeechat.meetings.pipeline import (
    get_interview,
    move_interview,
    new_interview,
)
from coffeechat.research.readiness import readiness
from coffeechat.vocab import Stage
from coffeechat.web.api.schemas import (
    InterviewIn,
    InterviewOut,
    InterviewsPage,
    ReadinessItemOut,
    ReadinessOut,
    StageMove,
    problem,
)
from coffeechat.web.deps import ApiCsrf, Db

router = APIRouter(prefix="/interviews", tags=["interviews"])
NOT_FOUND = problem(404, "No such interview.")


@router.get("", response_model=InterviewsPage)
def list_all(
    work: Db,
    stage: Stage | None = None,
    person_id: int | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> InterviewsPage:
    """Interviews, the most recently moved first, optionally in one stage or with one person."""
    page = interviews_page(
        work.session,
        owner=work.owner,
        stage=stage,
        person_id=person_id,
        limit=limit,
        offset=offset,
    )
    return InterviewsPage(
        items=[InterviewOut.of(i) for i in page.interviews],
        offset=page.offset,
        limit=page.limit,
        has_more=page.has_more,
    )


@router.post(
    "", response_model=InterviewOut, status_code=201, responses=NOT_FOUND, dependencies=[ApiCsrf]
)
def create(body: InterviewIn, work: Db) -> InterviewOut:
    interview = new_interview(
        work.session,
        owner=work.owner,
        person_id=body.person_id,
        focus=body.focus,
        goal=body.goal,
        organization_id=body.organization_id,
        career_id=body.career_id,
    )
    return InterviewOut.of(interview)


@router.get("/{interview_id}", response_model=InterviewOut, responses=NOT_FOUND)
def read(interview_id: int, work: Db) -> InterviewOut:
    return InterviewOut.of(get_interview(work.session, owner=work.owner, interview_id=interview_id))


@router.post(
    "/{interview_id}/stage",
    response_model=InterviewOut,
    responses=NOT_FOUND,
    dependencies=[ApiCsrf],
)
def move(interview_id: int, body: StageMove, work: Db) -> InterviewOut:
    """Move along the pipeline; a move the pipeline does not allow is a 422 on ``stage``."""
    interview = move_interview(
        work.session, owner=work.owner, interview_id=interview_id, stage=body.stage
    )
    return InterviewOut.of(interview)


@router.get("/{interview_id}/readiness", response_model=ReadinessOut, responses=NOT_FOUND)
def ready(interview_id: int, work: Db) -> ReadinessOut:
    """The preparation checklist and a 0-100 score."""
    found = readiness(work.session, owner=work.owner, interview_id=interview_id)
    return ReadinessOut(
        interview_id=found.interview_id,
        focus=found.focus,
        score=found.score,
        items=[
            ReadinessItemOut(key=i.key, group=i.group, label=i.label, done=i.done, found=i.found)
            for i in found.items
        ],
    )
