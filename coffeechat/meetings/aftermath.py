"""After the meeting: notes, takeaways, the questions asked, and the people they suggested.

Each referral becomes a person "referred by" the interviewee (reusing someone already in
the network with the same name at the same organization) with a new interview idea.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from coffeechat.errors import Invalid
from coffeechat.meetings.pipeline import (
    ALLOWED_MOVES,
    get_interview,
    move_interview,
    new_interview,
)
from coffeechat.models import Interview, Person, PlannedQuestion, Stage, User, utcnow
from coffeechat.network.organizations import find_organization
from coffeechat.network.people import add_person
from coffeechat.scoping import owned

MAX_NOTES = 100_000
MAX_TAKEAWAY = 500
_OPEN_STAGES = (Stage.IDEA.value, Stage.REQUESTED.value, Stage.SCHEDULED.value)


@dataclass(frozen=True)
class ReferralLine:
    """One "NAME[, TITLE] at ORG" line, read."""

    name: str
    title: str | None
    org: str


def parse_referral(line: str) -> ReferralLine:
    """Read "Dana Lee, Head of Data at Globex"; the last " at " separates the organization."""
    cleaned = " ".join(line.split())
    lowered = cleaned.casefold()
    cut = lowered.rfind(" at ")
    problem = f'{line!r} cannot be read; write it as "NAME[, TITLE] at ORG"'
    if cut <= 0:
        raise Invalid("referral", problem)
    who, org = cleaned[:cut].strip(), cleaned[cut + 4 :].strip()
    name, _, title = (part.strip() for part in who.partition(","))
    if not name or not org or ("," in who and not title):
        raise Invalid("referral", problem)
    if len(name) > 200 or len(org) > 200 or len(title) > 200:
        raise Invalid("referral", f"{line[:40]!r}…: each part must be at most 200 characters")
    return ReferralLine(name=name, title=title or None, org=org)


@dataclass(frozen=True)
class Referral:
    """A referral as stored: the person, and their interview idea."""

    person: Person
    interview: Interview | None
    new_person: bool
    new_interview: bool


@dataclass(frozen=True)
class MeetingLog:
    interview: Interview
    held_now: bool
    referrals: tuple[Referral, ...]
    asked: tuple[PlannedQuestion, ...]


def log_meeting(
    session: Session,
    *,
    owner: User,
    interview_id: int,
    notes: str | None = None,
    takeaways: Sequence[str] = (),
    referrals: Sequence[str] = (),
    asked: Sequence[int] = (),
    at: datetime | None = None,
) -> MeetingLog:
    """Record what happened; a meeting not logged before becomes "held" (at ``at``).

    Everything is checked before anything is written, so a bad referral line leaves
    the interview as it was.
    """
    interview = get_interview(session, owner=owner, interview_id=interview_id)
    lines = [parse_referral(line) for line in referrals]
    cleaned_takeaways = [_takeaway(t) for t in takeaways]
    questions = _questions(interview, asked)
    if notes is not None and len(notes) > MAX_NOTES:
        raise Invalid("notes", f"must be at most {MAX_NOTES:,} characters")
    person = interview.person
    if lines and person is None:
        raise Invalid("referral", "this interview has no person any more to refer from")

    held_now = interview.held_at is None
    if held_now:
        _mark_held(session, owner, interview, at or _default_held(interview))
    elif at is not None:
        interview.held_at = at
    if notes is not None and notes.strip():
        interview.notes = f"{interview.notes.rstrip()}\n\n{notes.strip()}".strip()
    known = {t.casefold() for t in interview.takeaways}
    added = [t for t in dict.fromkeys(cleaned_takeaways) if t.casefold() not in known]
    interview.takeaways = [*interview.takeaways, *added]
    for question in questions:
        question.state = "asked"
    stored = tuple(_refer(session, owner, person, line) for line in lines) if person else ()
    session.flush()
    return MeetingLog(interview, held_now, stored, tuple(questions))


def _takeaway(text: str) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise Invalid("takeaway", "must not be empty")
    if len(cleaned) > MAX_TAKEAWAY:
        raise Invalid("takeaway", f"must be at most {MAX_TAKEAWAY} characters")
    return cleaned


def _questions(interview: Interview, ids: Sequence[int]) -> list[PlannedQuestion]:
    planned = {q.id: q for q in interview.questions}
    missing = [i for i in ids if i not in planned]
    if missing:
        raise Invalid(
            "asked",
            f"question {missing[0]} is not on interview {interview.id}'s plan "
            f"(its questions: {', '.join(str(i) for i in planned) or 'none yet'})",
        )
    return [planned[i] for i in dict.fromkeys(ids)]


def _default_held(interview: Interview) -> datetime:
    """When the meeting happened if not told: its scheduled time if past, else now."""
    now = utcnow()
    scheduled = interview.scheduled_at
    return scheduled if scheduled is not None and scheduled <= now else now


def _mark_held(session: Session, owner: User, interview: Interview, when: datetime) -> None:
    """Walk the pipeline's allowed moves to "held" (a meeting can happen unscheduled)."""
    path = _path_to_held(Stage(interview.stage))
    if path is None:
        raise Invalid("stage", f"interview {interview.id} is {interview.stage}; cannot log it")
    for stage in path:
        move_interview(session, owner=owner, interview_id=interview.id, stage=stage, at=when)
    interview.held_at = when


def _path_to_held(start: Stage) -> list[Stage] | None:
    paths: deque[list[Stage]] = deque([[start]])
    seen = {start}
    while paths:
        path = paths.popleft()
        if path[-1] is Stage.HELD:
            return path[1:]
        for following in sorted(ALLOWED_MOVES[path[-1]] - seen):
            if following is Stage.CLOSED:
                continue
            seen.add(following)
            paths.append([*path, following])
    return None


def _refer(session: Session, owner: User, referrer: Person, line: ReferralLine) -> Referral:
    existing = _same_person(session, owner, line)
    new_person = existing is None
    if existing is None:
        person = add_person(
            session,
            owner=owner,
            name=line.name,
            title=line.title,
            org=line.org,
            referred_by=referrer.id,
        )
    else:
        person = existing
        if person.referred_by_id is None and person.id != referrer.id:
            person.referred_by_id = referrer.id
        if line.title and not person.title:
            person.title = line.title
    interview = _open_interview(session, owner, person)
    if interview is not None:
        return Referral(person, interview, new_person, new_interview=False)
    created = new_interview(
        session,
        owner=owner,
        person_id=person.id,
        goal=f"Suggested by {referrer.full_name}.",
    )
    return Referral(person, created, new_person, new_interview=True)


def _same_person(session: Session, owner: User, line: ReferralLine) -> Person | None:
    organization = find_organization(session, owner=owner, name=line.org)
    if organization is None:
        return None
    wanted = line.name.casefold()
    statement = owned(Person, owner).where(Person.organization_id == organization.id)
    for person in session.scalars(statement):
        if " ".join(person.full_name.split()).casefold() == wanted:
            return person
    return None


def _open_interview(session: Session, owner: User, person: Person) -> Interview | None:
    statement = (
        owned(Interview, owner)
        .where(Interview.person_id == person.id, Interview.stage.in_(_OPEN_STAGES))
        .order_by(Interview.id)
    )
    found: Interview | None = session.scalars(statement).first()
    return found
