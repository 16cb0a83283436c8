"""What to wear: a dress level for one interview, the reasons behind it, and a checklist.

The rule of thumb is one step above what the person you meet wears on an ordinary day.
That everyday level comes from dress cues found in research when there are any (they are
about this employer), otherwise from the usual norm of the industry. The venue then
adjusts it: nobody sees you on the phone, and a weekend coffee is more relaxed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session, selectinload

from coffeechat.errors import Invalid
from coffeechat.meetings.attire_rules import (
    CHECKLIST_IN_PERSON,
    CHECKLIST_PAY,
    CHECKLIST_PHONE,
    CHECKLIST_VIDEO,
    LEVEL_LABELS,
    LEVEL_OUTFITS,
    LEVELS,
    cue_level,
    industry_norm,
)
from coffeechat.meetings.pipeline import get_interview
from coffeechat.meetings.when import owner_zone
from coffeechat.models import Fact, FactKind, FactStatus, Interview, Source, User, Venue
from coffeechat.scoping import owned

BUSINESS_CASUAL = LEVELS.index("business_casual")
SMART_CASUAL = LEVELS.index("smart_casual")


@dataclass(frozen=True)
class Evidence:
    """What a reason rests on: a research fact with its source, or a field of ours."""

    kind: str  # "fact", "industry", "venue", "time" or "default"
    text: str
    fact_id: int | None = None
    source_title: str | None = None
    source_url: str | None = None


@dataclass(frozen=True)
class Reason:
    factor: str  # "research", "industry", "rule", "venue"
    text: str
    level: str | None
    evidence: Evidence | None


@dataclass(frozen=True)
class AttireAdvice:
    interview_id: int
    level: str
    label: str
    outfit: str
    everyday_level: str | None
    reasons: tuple[Reason, ...]
    checklist: tuple[str, ...]
    chosen: str | None


def parse_level(value: str) -> str:
    """A dress level from what a user types: "smart casual", "smart-casual", "Smart_Casual"."""
    slug = re.sub(r"[\s\-]+", "_", value.strip().lower())
    if slug not in LEVELS:
        choices = ", ".join(LEVEL_LABELS[level] for level in reversed(LEVELS))
        raise Invalid("level", f"{value!r} is not a dress level; use one of: {choices}")
    return slug


def choose_attire(session: Session, *, owner: User, interview_id: int, level: str) -> Interview:
    """Save the user's choice (it counts toward the interview's readiness)."""
    interview = get_interview(session, owner=owner, interview_id=interview_id)
    interview.attire = parse_level(level)
    session.flush()
    return interview


def advise(session: Session, *, owner: User, interview_id: int) -> AttireAdvice:
    """The recommended dress level for an interview, each reason citing its evidence."""
    interview = get_interview(session, owner=owner, interview_id=interview_id)
    reasons: list[Reason] = []
    everyday = _everyday_level(session, owner, interview, reasons)

    if everyday is None:
        level = BUSINESS_CASUAL
        reasons.append(
            Reason(
                "rule",
                "With nothing to go on, business casual is the safe middle: "
                "rarely out of place, easy to dress up or down.",
                LEVELS[level],
                Evidence("default", "no industry and no dress cues recorded"),
            )
        )
    else:
        level = min(everyday + 1, len(LEVELS) - 1)
        reasons.append(
            Reason(
                "rule",
                f"One step above their everyday {LEVEL_LABELS[LEVELS[everyday]]} shows respect "
                "without looking like a job interview.",
                LEVELS[level],
                None,
            )
        )
    level = _adjust_for_venue(session, owner, interview, level, reasons)
    return AttireAdvice(
        interview_id=interview.id,
        level=LEVELS[level],
        label=LEVEL_LABELS[LEVELS[level]],
        outfit=LEVEL_OUTFITS[LEVELS[level]],
        everyday_level=None if everyday is None else LEVELS[everyday],
        reasons=tuple(reasons),
        checklist=_checklist(interview),
        chosen=interview.attire,
    )


def _dress_cues(session: Session, owner: User, organization_id: int) -> list[Fact]:
    statement = (
        owned(Fact, owner)
        .where(
            Fact.organization_id == organization_id,
            Fact.kind == FactKind.DRESS_CUE.value,
            Fact.status != FactStatus.REJECTED.value,
        )
        .options(selectinload(Fact.source))
        .order_by(Fact.id)
    )
    return list(session.scalars(statement))


def _everyday_level(
    session: Session, owner: User, interview: Interview, reasons: list[Reason]
) -> int | None:
    """What the person probably wears on a normal workday, as an index into LEVELS."""
    organization = interview.organization
    norm = industry_norm(organization.industry) if organization else None
    cue_levels: list[int] = []
    if organization is not None:
        for fact in _dress_cues(session, owner, organization.id):
            source: Source = fact.source
            evidence = Evidence(
                "fact",
                fact.shown_text,
                fact_id=fact.id,
                source_title=source.title or None,
                source_url=source.url,
            )
            level = cue_level(fact.shown_text)
            if level is None:
                text = "A dress cue from your research that does not name a level; read it."
            else:
                cue_levels.append(LEVELS.index(level))
                text = (
                    f"Your research suggests people at {organization.name} dress "
                    f"{LEVEL_LABELS[level]} day to day."
                )
            reasons.append(Reason("research", text, level, evidence))
    if norm is not None and organization is not None:
        industry_evidence = Evidence("industry", f"{organization.name}: {organization.industry}")
        outweighed = " Your research about this employer outweighs it." if cue_levels else ""
        reasons.append(
            Reason(
                "industry",
                f"{norm.note}{outweighed}",
                norm.everyday,
                industry_evidence,
            )
        )
    if cue_levels:
        # The most common cue wins; a tie goes to the more formal reading.
        counts = Counter(cue_levels)
        return max(counts, key=lambda lvl: (counts[lvl], lvl))
    return None if norm is None else LEVELS.index(norm.everyday)


def _adjust_for_venue(
    session: Session, owner: User, interview: Interview, level: int, reasons: list[Reason]
) -> int:
    venue = Venue(interview.venue) if interview.venue else None
    if venue is Venue.PHONE:
        reasons.append(
            Reason(
                "venue",
                "It is a phone call, so nobody sees you; dressing a little up still helps "
                "you sound composed.",
                "smart_casual",
                Evidence("venue", "phone"),
            )
        )
        return SMART_CASUAL
    if venue is Venue.VIDEO:
        reasons.append(
            Reason(
                "venue",
                "On video they see you from the chest up, but dress fully: you may need to "
                "stand or move.",
                None,
                Evidence("venue", "video"),
            )
        )
        return level
    weekend = _is_weekend(session, owner, interview.scheduled_at)
    if venue in (Venue.COFFEE, Venue.MEAL) and weekend:
        relaxed = max(level - 1, SMART_CASUAL)
        reasons.append(
            Reason(
                "venue",
                "A weekend coffee or meal is more relaxed; one notch down is fine, but still neat.",
                LEVELS[relaxed],
                Evidence("time", f"{venue.value} on a weekend"),
            )
        )
        return relaxed
    if level < BUSINESS_CASUAL:
        if venue is None:
            text = "No venue yet, so assume an in-person meeting on a workday: "
            evidence = Evidence("venue", "not set yet")
        else:
            text = "Meeting in person on a workday: "
            evidence = Evidence("venue", f"{venue.value}, on a workday")
        reasons.append(
            Reason(
                "venue",
                text + "do not go below business casual, even where people dress down.",
                "business_casual",
                evidence,
            )
        )
        return BUSINESS_CASUAL
    return level


def _is_weekend(session: Session, owner: User, moment: datetime | None) -> bool:
    if moment is None:
        return False
    return moment.astimezone(owner_zone(session, owner)).weekday() >= 5


def _checklist(interview: Interview) -> tuple[str, ...]:
    venue = Venue(interview.venue) if interview.venue else None
    minutes = interview.duration_minutes
    keep_time = (
        f"Keep to the {minutes} minutes you agreed; offer to stop when time is up."
        if minutes
        else "Keep to the time you agreed; offer to stop when time is up."
    )
    if venue is Venue.VIDEO:
        return (*CHECKLIST_VIDEO, keep_time)
    if venue is Venue.PHONE:
        return (*CHECKLIST_PHONE, keep_time)
    items = list(CHECKLIST_IN_PERSON)
    if venue in (Venue.COFFEE, Venue.MEAL):
        items.append(CHECKLIST_PAY[venue.value])
    return (*items, keep_time)
