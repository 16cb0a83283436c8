"""/api/v1/interviews/{id}/questions and /api/v1/questions/lint"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from coffeechat.models import PlannedQuestion
from coffeechat.questions.linter import Finding
from coffeechat.questions.service import (
    add_question,
    drop_question,
    lint_question,
    mark_question,
    move_question,
    plan_questions,
    questions_of,
    star_question,
)
from coffeechat.web.api.schemas import (
    AddedQuestionOut,
    FindingOut,
    QuestionIn,
    QuestionOut,
    QuestionPatch,
    QuestionPlanIn,
    problem,
)
from coffeechat.web.deps import ApiCsrf, Db

router = APIRouter(tags=["questions"])
NOT_FOUND = problem(404, "No such interview or question.")
BASE = "/interviews/{interview_id}/questions"


def _out(question: PlannedQuestion) -> QuestionOut:
    return QuestionOut(
        id=question.id,
        position=question.position,
        bank_id=question.bank_id,
        text=question.text,
        category=question.category,
        stage=question.stage,
        why=question.why,
        starred=question.starred,
        state=question.state,
    )


def _finding(finding: Finding) -> FindingOut:
    return FindingOut(
        code=finding.code,
        message=finding.message,
        suggestion=finding.suggestion,
        evidence=finding.evidence,
    )


@router.get(BASE, response_model=list[QuestionOut], responses=NOT_FOUND)
def list_questions(interview_id: int, work: Db) -> list[QuestionOut]:
    """The interview's questions in order."""
    return [
        _out(q) for q in questions_of(work.session, owner=work.owner, interview_id=interview_id)
    ]


@router.post(
    f"{BASE}/plan", response_model=list[QuestionOut], responses=NOT_FOUND, dependencies=[ApiCsrf]
)
def plan(interview_id: int, body: QuestionPlanIn, work: Db) -> list[QuestionOut]:
    """Choose questions from the bank; starred, own, asked and skipped questions stay."""
    rows = plan_questions(
        work.session,
        owner=work.owner,
        interview_id=interview_id,
        count=body.count,
        minutes=body.minutes,
    )
    return [_out(q) for q in rows]


@router.post(
    BASE,
    response_model=AddedQuestionOut,
    status_code=201,
    responses=NOT_FOUND,
    dependencies=[ApiCsrf],
)
def add(interview_id: int, body: QuestionIn, work: Db) -> AddedQuestionOut:
    """Add your own question; it is saved whatever the linter finds."""
    added = add_question(
        work.session,
        owner=work.owner,
        interview_id=interview_id,
        text=body.text,
        position=body.position,
    )
    return AddedQuestionOut(
        question=_out(added.question), findings=[_finding(f) for f in added.findings]
    )


@router.patch(
    BASE + "/{question_id}",
    response_model=QuestionOut,
    responses=NOT_FOUND,
    dependencies=[ApiCsrf],
)
def change(interview_id: int, question_id: int, body: QuestionPatch, work: Db) -> QuestionOut:
    if body.position is not None:
        move_question(
            work.session,
            position=body.position,
            owner=work.owner,
            interview_id=interview_id,
            question_id=question_id,
        )
    if body.starred is not None:
        star_question(
            work.session,
            starred=body.starred,
            owner=work.owner,
            interview_id=interview_id,
            question_id=question_id,
        )
    question = None
    if body.state is not None:
        question = mark_question(
            work.session,
            state=body.state,
            owner=work.owner,
            interview_id=interview_id,
            question_id=question_id,
        )
    rows = questions_of(work.session, owner=work.owner, interview_id=interview_id)
    question = question or next(q for q in rows if q.id == question_id)
    return _out(question)


@router.delete(
    BASE + "/{question_id}", status_code=204, responses=NOT_FOUND, dependencies=[ApiCsrf]
)
def drop(interview_id: int, question_id: int, work: Db) -> Response:
    drop_question(
        work.session, owner=work.owner, interview_id=interview_id, question_id=question_id
    )
    return Response(status_code=204)


@router.get("/questions/lint", response_model=list[FindingOut])
def lint(
    work: Db,
    text: Annotated[str, Query(min_length=1, max_length=1000)],
    interview_id: int | None = None,
    organization_id: int | None = None,
) -> list[FindingOut]:
    """Review a question (against an interview's or organization's research when given).

    An empty list means it is good to ask. Nothing is saved.
    """
    findings = lint_question(
        work.session,
        owner=work.owner,
        text=text,
        interview_id=interview_id,
        organization=str(organization_id) if organization_id is not None else None,
    )
    return [_finding(f) for f in findings]
