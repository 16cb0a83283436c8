"""The careers a user explores, and which interviews they belong to."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coffeechat.careers.dossier import occupation
from coffeechat.models import Career, Interview, User
from coffeechat.scoping import get_owned, owned, scope


@dataclass(frozen=True)
class CareerSummary:
    id: int
    code: str | None
    title: str
    interviews: int


def career_for_code(session: Session, *, owner: User, code: str) -> Career:
    """The owner's Career for an O*NET occupation, created on first use."""
    found = occupation(session, code)
    career = session.scalars(owned(Career, owner).where(Career.onet_code == found.code)).first()
    if career is None:
        career = Career(owner_id=owner.id, onet_code=found.code, title=found.title)
        session.add(career)
        session.flush()
    return career


def link_career(session: Session, *, owner: User, interview_id: int, code: str) -> Interview:
    """Tie an interview to the career (O*NET occupation) it is meant to explore."""
    interview = get_owned(session, Interview, interview_id, owner, "interview")
    career = career_for_code(session, owner=owner, code=code)
    interview.career = career
    session.flush()
    return interview


def list_careers(session: Session, *, owner: User) -> list[CareerSummary]:
    """The owner's careers, each with the number of interviews linked to it."""
    counts = scope(
        select(Interview.career_id, func.count(Interview.id)).group_by(Interview.career_id),
        Interview,
        owner,
    )
    linked = {career_id: count for career_id, count in session.execute(counts)}
    careers = session.scalars(owned(Career, owner).order_by(Career.title, Career.id)).all()
    return [CareerSummary(c.id, c.onet_code, c.title, linked.get(c.id, 0)) for c in careers]
