"""Is the user ready for an interview? A checklist of what is known and what is missing.

Company focus asks for the organization's mission, goals, culture, products and recent
news (from its research facts, rejected ones excluded); career focus asks for the
career's qualifications, workplace and typical day (from the linked career's O*NET
dossier, or from facts about the career); "both" asks for both. Every interview also
needs the interviewee's background, at least three prepared questions, a time and
place, and an outfit. Each missing item names the command that fills it; the score is
the share of items done.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coffeechat.errors import CoffeechatError
from coffeechat.models import (
    Career,
    Fact,
    FactKind,
    FactStatus,
    Focus,
    Interview,
    Organization,
    Profile,
    User,
)
from coffeechat.scoping import get_owned, scope

MIN_QUESTIONS = 3

# Readiness item → the fact kinds that satisfy it.
COMPANY_ITEMS: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("mission", "Mission", frozenset({FactKind.MISSION, FactKind.VISION})),
    ("goals", "Goals and objectives", frozenset({FactKind.GOAL})),
    ("culture", "Culture", frozenset({FactKind.CULTURE, FactKind.VALUE})),
    ("products", "Products or services", frozenset({FactKind.PRODUCT})),
    ("news", "Recent news", frozenset({FactKind.NEWS})),
)
CAREER_ITEMS: tuple[tuple[str, str, str], ...] = (
    ("qualifications", "Qualifications", FactKind.QUALIFICATION),
    ("workplace", "Where the work happens", FactKind.WORKPLACE),
    ("typical_day", "A typical day", FactKind.TYPICAL_DAY),
)


@dataclass(frozen=True)
class ReadinessItem:
    key: str
    group: str  # company, career, person or logistics
    label: str
    done: bool
    # What was found ("2 facts", "Job Zone 4 in O*NET") or why it is missing.
    found: str
    # The command that fills the item; None when done.
    how: str | None
    # A word on the command's placeholders or a second step.
    note: str = ""


@dataclass(frozen=True)
class Readiness:
    interview_id: int
    focus: str
    score: int
    items: tuple[ReadinessItem, ...]

    @property
    def missing(self) -> tuple[ReadinessItem, ...]:
        return tuple(item for item in self.items if not item.done)


def _facts(count: int) -> str:
    return f"{count} fact{'s' if count != 1 else ''}"


def _counted(key: str, group: str, label: str, count: int, how: str, note: str) -> ReadinessItem:
    """An item that is done once at least one fact backs it."""
    done = count > 0
    return ReadinessItem(
        key, group, label, done, _facts(count), None if done else how, "" if done else note
    )


def _fact_counts(session: Session, owner: User, *conditions: object) -> Counter[str]:
    statement = scope(
        select(Fact.kind, func.count(Fact.id))
        .where(Fact.status != FactStatus.REJECTED.value, *conditions)  # type: ignore[arg-type]
        .group_by(Fact.kind),
        Fact,
        owner,
    )
    return Counter({kind: count for kind, count in session.execute(statement)})


def _company(
    session: Session, owner: User, interview: Interview, organization: Organization | None
) -> list[ReadinessItem]:
    if organization is None:
        person = interview.person_id or "PERSON_ID"
        how = f"coffeechat people edit {person} --org NAME"
        return [
            ReadinessItem(key, "company", label, False, "no organization for this interview", how)
            for key, label, _kinds in COMPANY_ITEMS
        ]
    counts = _fact_counts(session, owner, Fact.organization_id == organization.id)
    items = []
    for key, label, kinds in COMPANY_ITEMS:
        count = sum(counts[kind] for kind in kinds)
        if key == "news":
            command, note = f"coffeechat research add {organization.id} URL", "URL: a news page"
        else:
            command = f"coffeechat research site {organization.id} URL"
            note = "URL: their home page"
        items.append(_counted(key, "company", label, count, command, note))
    return items


def _dossier_sections(session: Session, career: Career) -> dict[str, str]:
    """Which career items the O*NET dossier covers, each with a word on what it holds."""
    from coffeechat.careers.dossier import career_dossier

    if not career.onet_code:
        return {}
    try:
        dossier = career_dossier(session, code=career.onet_code)
    except CoffeechatError:
        return {}  # O*NET not loaded, or the code is not in this release
    sections = {}
    if dossier.job_zone is not None:
        sections["qualifications"] = f"O*NET: Job Zone {dossier.job_zone.level}"
    elif dossier.education:
        sections["qualifications"] = "O*NET: education reported"
    if dossier.workplace:
        sections["workplace"] = f"O*NET: {len(dossier.workplace)} work-context ratings"
    if dossier.tasks:
        sections["typical_day"] = f"O*NET: {len(dossier.tasks)} tasks"
    return sections


def _career(session: Session, owner: User, interview: Interview) -> list[ReadinessItem]:
    career = interview.career
    if career is None:
        how = "coffeechat careers search TEXT"
        note = f"then: coffeechat careers link {interview.id} CODE"
        return [
            ReadinessItem(key, "career", label, False, "no career linked", how, note)
            for key, label, _kind in CAREER_ITEMS
        ]
    sections = _dossier_sections(session, career)
    counts = _fact_counts(session, owner, Fact.career_id == career.id)
    items = []
    for key, label, kind in CAREER_ITEMS:
        if key in sections:
            items.append(ReadinessItem(key, "career", label, True, sections[key], None))
        elif counts[kind]:
            items.append(ReadinessItem(key, "career", label, True, _facts(counts[kind]), None))
        else:
            if career.onet_code:
                how, note = "coffeechat careers import-onet", "loads the O*NET career data"
            else:
                how, note = f"coffeechat careers link {interview.id} CODE", "an O*NET code"
            items.append(ReadinessItem(key, "career", label, False, "nothing yet", how, note))
    return items


def _person(session: Session, owner: User, interview: Interview) -> ReadinessItem:
    label = "Their background"
    if interview.person_id is None:
        how = "coffeechat interviews new PERSON_ID"
        note = "the person was removed from your network"
        return ReadinessItem("background", "person", label, False, "no person", how, note)
    count = _fact_counts(session, owner, Fact.person_id == interview.person_id)[FactKind.BACKGROUND]
    command = f"coffeechat research bio {interview.person_id} FILE"
    note = "FILE: a pasted bio or a profile saved as PDF; - reads stdin"
    return _counted("background", "person", label, count, command, note)


def _zone(session: Session, owner: User) -> ZoneInfo:
    """The user's time zone from their profile (UTC until they set one)."""
    profile = session.get(Profile, owner.id)
    try:
        return ZoneInfo(profile.timezone if profile else "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _logistics(interview: Interview, zone: ZoneInfo) -> list[ReadinessItem]:
    questions = sum(1 for q in interview.questions if q.state != "skipped")
    where = interview.place or interview.link
    when = interview.scheduled_at
    if when and where:
        local = when.astimezone(zone)
        placed = f"{local:%a %Y-%m-%d %H:%M} {local.tzname()}, {where}"
    else:
        placed = "no time yet" if not when else "no place or link yet"
    schedule = f"coffeechat interviews schedule {interview.id} --at WHEN --venue VENUE --place TEXT"
    schedule_note = "for a video call give --link URL instead of --place"
    return [
        ReadinessItem(
            "questions",
            "logistics",
            f"At least {MIN_QUESTIONS} prepared questions",
            questions >= MIN_QUESTIONS,
            f"{questions} planned",
            None if questions >= MIN_QUESTIONS else f"coffeechat questions plan {interview.id}",
        ),
        ReadinessItem(
            "time_place",
            "logistics",
            "Time and place",
            bool(when and where),
            placed,
            None if when and where else schedule,
            "" if when and where else schedule_note,
        ),
        ReadinessItem(
            "attire",
            "logistics",
            "Attire chosen",
            bool(interview.attire),
            interview.attire.replace("_", " ").replace("-", " ")
            if interview.attire
            else "not chosen",
            None if interview.attire else f"coffeechat attire {interview.id} --choose LEVEL",
            "" if interview.attire else f"see the advice first: coffeechat attire {interview.id}",
        ),
    ]


def readiness(session: Session, *, owner: User, interview_id: int) -> Readiness:
    """The interview's preparation checklist and a 0-100 score."""
    interview = get_owned(session, Interview, interview_id, owner, "interview")
    organization = interview.organization or (
        interview.person.organization if interview.person else None
    )
    items: list[ReadinessItem] = []
    if interview.focus in (Focus.COMPANY, Focus.BOTH):
        items += _company(session, owner, interview, organization)
    if interview.focus in (Focus.CAREER, Focus.BOTH):
        items += _career(session, owner, interview)
    items.append(_person(session, owner, interview))
    items += _logistics(interview, _zone(session, owner))
    done = sum(item.done for item in items)
    return Readiness(interview.id, interview.focus, round(100 * done / len(items)), tuple(items))
