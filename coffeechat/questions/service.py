"""The plan of questions saved on an interview: plan, reorder, drop, star, add, lint."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from coffeechat.errors import Invalid, NotFound
from coffeechat.meetings.pipeline import get_interview
from coffeechat.models import Interview, PlannedQuestion, User
from coffeechat.network.organizations import resolve_organization
from coffeechat.questions.bank import BankQuestion, fill, placeholders_in
from coffeechat.questions.context import (
    current_bank,
    known_for_interview,
    org_names,
    organization_facts,
    plan_context,
)
from coffeechat.questions.facts import trusted
from coffeechat.questions.linter import Finding, check_question, lint
from coffeechat.questions.planner import choose, question_count, slots_for
from coffeechat.scoping import get_owned

STATES = ("planned", "asked", "skipped")
_STAGE_ORDER = {"opening": 0, "core": 1, "closing": 2}


@dataclass(frozen=True)
class AddedQuestion:
    question: PlannedQuestion
    findings: list[Finding]


def plan_questions(
    session: Session,
    *,
    owner: User,
    interview_id: int,
    count: int | None = None,
    minutes: int | None = None,
    bank: Sequence[BankQuestion] | None = None,
) -> list[PlannedQuestion]:
    """Choose questions for the interview and save them, keeping starred and own questions.

    Questions already asked or skipped in this interview stay too: they are its history.
    """
    interview = get_interview(session, owner=owner, interview_id=interview_id)
    context = plan_context(session, owner=owner, interview=interview)
    total = question_count(count, minutes, interview.duration_minutes)
    kept = [q for q in interview.questions if _keeps(q)]
    for question in list(interview.questions):
        if not _keeps(question):
            interview.questions.remove(question)
    slots = slots_for(total, [q.stage for q in kept])
    choices = choose(
        current_bank() if bank is None else bank,
        context,
        slots,
        exclude=frozenset(q.bank_id for q in kept if q.bank_id),
    )
    fresh = [
        PlannedQuestion(
            owner_id=owner.id,
            bank_id=c.question.id,
            text=c.text,
            category=c.question.category,
            stage=c.question.stage,
            why=c.why,
            position=0,
        )
        for c in choices
    ]
    # Stable sort: within a stage, kept questions keep their place ahead of new ones.
    ordered = sorted(kept + fresh, key=lambda q: _STAGE_ORDER.get(q.stage, 1))
    interview.questions[:] = ordered
    _renumber(interview)
    session.flush()
    return list(interview.questions)


def _keeps(question: PlannedQuestion) -> bool:
    return question.starred or question.bank_id is None or question.state != "planned"


def _renumber(interview: Interview) -> None:
    for position, question in enumerate(interview.questions, start=1):
        question.position = position


def questions_of(session: Session, *, owner: User, interview_id: int) -> list[PlannedQuestion]:
    return list(get_interview(session, owner=owner, interview_id=interview_id).questions)


def _question(
    session: Session, owner: User, interview_id: int, question_id: int
) -> tuple[Interview, PlannedQuestion]:
    interview = get_interview(session, owner=owner, interview_id=interview_id)
    question = get_owned(session, PlannedQuestion, question_id, owner, "planned question")
    if question.interview_id != interview.id:
        raise NotFound(f"planned question of interview {interview.id}", question_id)
    return interview, question


def move_question(
    session: Session, *, owner: User, interview_id: int, question_id: int, position: int
) -> list[PlannedQuestion]:
    """Put a question at ``position`` (1 is first); the others close up around it."""
    interview, question = _question(session, owner, interview_id, question_id)
    size = len(interview.questions)
    if not 1 <= position <= size:
        raise Invalid("position", f"must be between 1 and {size}")
    rows = [q for q in interview.questions if q.id != question.id]
    rows.insert(position - 1, question)
    interview.questions[:] = rows
    _renumber(interview)
    session.flush()
    return list(interview.questions)


def drop_question(session: Session, *, owner: User, interview_id: int, question_id: int) -> None:
    interview, question = _question(session, owner, interview_id, question_id)
    interview.questions.remove(question)
    _renumber(interview)
    session.flush()


def star_question(
    session: Session, *, owner: User, interview_id: int, question_id: int, starred: bool = True
) -> PlannedQuestion:
    """Starred questions are must-asks: re-planning keeps them."""
    _, question = _question(session, owner, interview_id, question_id)
    question.starred = starred
    session.flush()
    return question


def mark_question(
    session: Session, *, owner: User, interview_id: int, question_id: int, state: str
) -> PlannedQuestion:
    """Record that a question was asked or skipped (asked ones are not planned again)."""
    if state not in STATES:
        raise Invalid("state", f"{state!r} is not one of {', '.join(STATES)}")
    _, question = _question(session, owner, interview_id, question_id)
    question.state = state
    session.flush()
    return question


def add_question(
    session: Session,
    *,
    owner: User,
    interview_id: int,
    text: str,
    position: int | None = None,
) -> AddedQuestion:
    """Add the user's own question (placeholders filled), with the linter's findings.

    It goes just before the closing questions unless a position is given.
    """
    interview = get_interview(session, owner=owner, interview_id=interview_id)
    context = plan_context(session, owner=owner, interview=interview)
    cleaned = check_question(text)
    for name in placeholders_in(cleaned, where="question"):
        if name not in context.values:
            raise Invalid("question", f"nothing is known yet to fill {{{name}}}")
    filled = check_question(fill(cleaned, context.values))
    findings = lint(filled, facts=context.facts, org_names=context.org_names)
    rows = list(interview.questions)
    if position is None:
        closing = [i for i, q in enumerate(rows) if q.stage == "closing"]
        index = closing[0] if closing else len(rows)
    elif 1 <= position <= len(rows) + 1:
        index = position - 1
    else:
        raise Invalid("position", f"must be between 1 and {len(rows) + 1}")
    question = PlannedQuestion(
        owner_id=owner.id,
        text=filled,
        category="custom",
        stage="core",
        why="Your own question.",
        position=0,
    )
    rows.insert(index, question)
    interview.questions[:] = rows
    _renumber(interview)
    session.flush()
    return AddedQuestion(question, findings)


def lint_question(
    session: Session,
    *,
    owner: User,
    text: str,
    organization: str | None = None,
    interview_id: int | None = None,
) -> list[Finding]:
    """Lint a question against what the research knows about an organization or interview."""
    if organization is not None and interview_id is not None:
        raise Invalid("org", "give either an organization or an interview, not both")
    if interview_id is not None:
        interview = get_interview(session, owner=owner, interview_id=interview_id)
        facts = known_for_interview(session, owner=owner, interview=interview)
        names = org_names(interview.organization)
        return lint(text, facts=facts, org_names=names)
    if organization is not None:
        org = resolve_organization(session, owner=owner, ref=organization)
        facts = trusted(organization_facts(session, owner=owner, organization=org))
        return lint(text, facts=facts, org_names=org_names(org))
    return lint(text)
