"""What the database knows about an interview, in the shape the planner and linter need."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session, joinedload

from coffeechat.config import get_settings
from coffeechat.errors import Invalid
from coffeechat.models import (
    Fact,
    Interview,
    Organization,
    PlannedQuestion,
    Profile,
    Source,
    User,
)
from coffeechat.questions.bank import BankQuestion, load_bank
from coffeechat.questions.facts import TRUSTED_CONFIDENCE, KnownFact, known_fact
from coffeechat.questions.patterns import fold
from coffeechat.questions.planner import PlanContext, fact_values, field_of_career, seniority_of
from coffeechat.scoping import scope


def current_bank() -> tuple[BankQuestion, ...]:
    """The custom bank when one is set, else the one shipped with Coffeechat."""
    return load_bank(get_settings().question_bank)


_BEST_FIRST = (case((Fact.status == "confirmed", 0), else_=1), Fact.confidence.desc(), Fact.id)


def _about(interview: Interview) -> list[ColumnElement[bool]]:
    """Conditions for facts about the interview's organization, person or career."""
    conditions: list[ColumnElement[bool]] = []
    if interview.organization_id is not None:
        conditions.append(Fact.organization_id == interview.organization_id)
    if interview.person_id is not None:
        conditions.append(Fact.person_id == interview.person_id)
    if interview.career_id is not None:
        conditions.append(Fact.career_id == interview.career_id)
    return conditions


def interview_facts(session: Session, *, owner: User, interview: Interview) -> list[Fact]:
    """Every fact about the interview's organization, person or career, best first."""
    conditions = []
    if interview.organization_id is not None:
        conditions.append(Fact.organization_id == interview.organization_id)
    if interview.person_id is not None:
        conditions.append(Fact.person_id == interview.person_id)
    if interview.career_id is not None:
        conditions.append(Fact.career_id == interview.career_id)
    if not conditions:
        return []
    statement = scope(
        select(Fact)
        .options(joinedload(Fact.source))
        .where(or_(*conditions))
        .order_by(case((Fact.status == "confirmed", 0), else_=1), Fact.confidence.desc(), Fact.id),
        Fact,
        owner,
    )
    return list(session.scalars(statement).unique())


def organization_facts(session: Session, *, owner: User, organization: Organization) -> list[Fact]:
    statement = scope(
        select(Fact)
        .options(joinedload(Fact.source))
        .where(Fact.organization_id == organization.id)
        .order_by(Fact.id),
        Fact,
        owner,
    )
    return list(session.scalars(statement).unique())


def org_names(organization: Organization | None) -> tuple[str, ...]:
    if organization is None:
        return ()
    return (organization.name, *organization.aliases)


def plan_context(session: Session, *, owner: User, interview: Interview) -> PlanContext:
    """Everything the planner weighs for this interview; ``Invalid`` without a person."""
    person = interview.person
    if person is None:
        raise Invalid(
            "interview",
            f"interview {interview.id} has no person; questions are planned for someone",
        )
    organization = interview.organization or person.organization
    known = known_for_interview(session, owner=owner, interview=interview)
    values = fact_values(known)
    values["first_name"] = person.first_name
    if organization is not None:
        values["org"] = organization.name
    if person.title:
        values["role"] = person.title
    field = _field(session, owner, interview, organization)
    if field:
        values["field"] = field
    asked_ids, asked_texts = _asked_before(session, owner, interview)
    return PlanContext(
        focus=interview.focus,
        seniority=seniority_of(person.title),
        goal=interview.goal,
        values=values,
        facts=tuple(known),
        org_names=org_names(organization),
        asked_ids=asked_ids,
        asked_texts=asked_texts,
    )


def _field(
    session: Session, owner: User, interview: Interview, organization: Organization | None
) -> str | None:
    if interview.career is not None:
        return field_of_career(interview.career.title)
    if organization is not None and organization.industry:
        industry = organization.industry.strip()
        return industry if industry.isupper() else industry.lower()
    profile = session.get(Profile, owner.id)
    fields: Sequence[str] = profile.fields if profile else ()
    return fields[0] if fields else None


def _asked_before(
    session: Session, owner: User, interview: Interview
) -> tuple[frozenset[str], frozenset[str]]:
    """Bank ids and texts already asked to this person in earlier interviews."""
    statement = scope(
        select(PlannedQuestion.bank_id, PlannedQuestion.text)
        .join(Interview, Interview.id == PlannedQuestion.interview_id)
        .where(
            Interview.person_id == interview.person_id,
            Interview.id != interview.id,
            PlannedQuestion.state == "asked",
        ),
        PlannedQuestion,
        owner,
    )
    rows = session.execute(statement).all()
    return (
        frozenset(bank_id for bank_id, _ in rows if bank_id),
        frozenset(fold(text) for _, text in rows),
    )


def known_for_interview(session: Session, *, owner: User, interview: Interview) -> list[KnownFact]:
    """The trusted facts of an interview, best first, read as plain rows (no ORM objects)."""
    conditions = _about(interview)
    if not conditions:
        return []
    trusted_only = or_(
        Fact.status == "confirmed",
        and_(Fact.status == "new", Fact.confidence >= TRUSTED_CONFIDENCE),
    )
    statement = scope(
        select(
            Fact.kind,
            func.coalesce(Fact.edited_text, Fact.text),
            func.coalesce(Source.title, ""),
            func.coalesce(Source.url, ""),
        )
        .join(Source, Source.id == Fact.source_id)
        .where(or_(*conditions), trusted_only)
        .order_by(*_BEST_FIRST),
        Fact,
        owner,
    )
    return [
        known_fact(kind, text, title, url) for kind, text, title, url in session.execute(statement)
    ]
