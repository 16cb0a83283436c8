"""The request for a meeting: drafting it, the one follow-up, and recording what happened.

The request follows the short-email advice in DOMAIN.md section 3: under 100 words, the
connection first, one specific reason, a small clear ask that ends in a question, and no
mention of jobs.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import or_
from sqlalchemy.orm import Session

from coffeechat.errors import Conflict, Invalid
from coffeechat.meetings.drafts import Draft, Parties, parties, shorten, strip_end, word_count
from coffeechat.meetings.pipeline import get_interview, move_interview
from coffeechat.models import (
    Fact,
    FactStatus,
    HowMet,
    Interview,
    Message,
    MessageKind,
    Stage,
    User,
    utcnow,
)
from coffeechat.scoping import owned

MAX_WORDS = 99
# Research that makes a good reason to write, best first.
_REASON_KINDS = ("background", "news", "product", "goal", "mission", "value", "culture", "vision")


class Variant(enum.StrEnum):
    ALUMNI = "alumni"
    REFERRAL = "referral"
    EVENT = "event"
    COLD = "cold"


def variant_for(parts: Parties) -> Variant:
    """The connection to lead with, from how the user knows the person."""
    person = parts.person
    if person.how_met == HowMet.REFERRAL.value or person.referred_by_id is not None:
        return Variant.REFERRAL
    if person.how_met == HowMet.ALUMNI.value:
        return Variant.ALUMNI
    if person.how_met == HowMet.EVENT.value:
        return Variant.EVENT
    return Variant.COLD


def best_fact(session: Session, *, owner: User, interview: Interview) -> Fact | None:
    """The research sentence most worth mentioning: confirmed, about them, then the org."""
    person_id = interview.person_id
    org_id = interview.organization_id
    if person_id is None and org_id is None:
        return None
    about = []
    if person_id is not None:
        about.append(Fact.person_id == person_id)
    if org_id is not None:
        about.append(Fact.organization_id == org_id)
    statement = owned(Fact, owner).where(
        or_(*about), Fact.status != FactStatus.REJECTED.value, Fact.kind.in_(_REASON_KINDS)
    )
    facts = list(session.scalars(statement))

    def rank(fact: Fact) -> tuple[int, int, int, float, int]:
        return (
            0 if fact.status == FactStatus.CONFIRMED.value else 1,
            0 if fact.person_id == person_id else 1,
            _REASON_KINDS.index(fact.kind),
            -fact.confidence,
            fact.id,
        )

    return min(facts, key=rank, default=None)


def _connection(parts: Parties, variant: Variant, event: str | None) -> tuple[str, str, list[str]]:
    """The opening line, the subject, and any warnings about missing details."""
    person, topic, warnings = parts.person, parts.topic, []
    if variant is Variant.ALUMNI:
        school = parts.my_schools[0] if parts.my_schools else None
        if school is None:
            warnings.append('Add your school to name it: coffeechat me --school "Your School"')
            return (
                "As a fellow alum, I hope a note from me is welcome.",
                (f"Fellow alum with a question about {topic}"),
                warnings,
            )
        return (
            f"As a fellow {school} graduate, I hope a note from me is welcome.",
            f"Fellow {school} alum with a question about {topic}",
            warnings,
        )
    if variant is Variant.REFERRAL:
        referrer = person.referred_by.full_name if person.referred_by else None
        if referrer is None:
            warnings.append("Name who referred you: coffeechat people edit ID --referred-by ID")
            return (
                "A mutual contact suggested I get in touch with you.",
                (f"Introduced by a mutual contact: {topic}"),
                warnings,
            )
        return (
            f"{referrer} suggested I get in touch with you.",
            f"Introduced by {referrer}: a question about {topic}",
            warnings,
        )
    if variant is Variant.EVENT:
        if event:
            return (
                f"It was good to meet you at {event}.",
                f"Good to meet you at {event}",
                warnings,
            )
        warnings.append("Name the event with --event to make the opening specific.")
        return "It was good to meet you recently.", "Good to meet you", warnings
    where = " at ".join(p for p in (person.title, parts.org) if p)
    opening = (
        f"I'm writing because of your work as {where}."
        if person.title
        else (
            f"I'm writing because of your work at {parts.org}."
            if parts.org
            else ("I'm writing because your work caught my attention.")
        )
    )
    return opening, f"A question about {topic}", warnings


def _reason(parts: Parties, variant: Variant, fact: Fact | None, budget: int) -> str:
    """One specific, genuine reason to write, from research if there is any."""
    if fact is not None and budget >= 8:
        about = "your path" if fact.person_id is not None else (parts.org or "your work")
        lead = f"Something I read about {about} stayed with me:"
        room = min(20, budget - word_count(lead) - 1)
        if room >= 5:
            return f"{lead} “{shorten(fact.shown_text, room)}”"
    # The cold opening already names their title; don't say it twice.
    if parts.person.title and variant is not Variant.COLD:
        return f"Your path to {parts.person.title} is one I would like to understand."
    if parts.org:
        return f"I'd value hearing how {parts.org} looks from the inside."
    return "I'd value your perspective from the inside."


_ASK = (
    "Would you have 15–30 minutes in the coming weeks to share your perspective, "
    "by phone, video or over coffee, whenever suits you best?"
)


def draft_outreach(
    session: Session,
    *,
    owner: User,
    interview_id: int,
    variant: str | Variant | None = None,
    event: str | None = None,
) -> Draft:
    """The first request for a meeting, under 100 words, led by the connection."""
    interview = get_interview(session, owner=owner, interview_id=interview_id)
    parts = parties(session, owner=owner, interview=interview)
    chosen = _variant(variant) if variant is not None else variant_for(parts)
    opening, subject, warnings = _connection(parts, chosen, (event or "").strip() or None)
    interest = (
        f"I'm exploring {parts.topic}, and {parts.org} in particular."
        if parts.org
        else f"I'm exploring {parts.topic}."
    )
    frame = [parts.greeting(), opening, interest, _ASK, parts.signature()]
    budget = MAX_WORDS - sum(word_count(p) for p in frame)
    reason = _reason(parts, chosen, best_fact(session, owner=owner, interview=interview), budget)
    body = f"{parts.greeting()}\n\n{opening} {reason} {interest}\n\n{_ASK}\n\n{parts.signature()}"
    return parts.draft(
        MessageKind.OUTREACH,
        subject,
        body,
        variant=chosen.value,
        warnings=parts.warnings + tuple(warnings),
    )


def _variant(value: str | Variant) -> Variant:
    try:
        return Variant(value)
    except ValueError:
        choices = ", ".join(v.value for v in Variant)
        raise Invalid("variant", f"{value!r} is not one of {choices}") from None


def _sent(session: Session, interview: Interview, kind: MessageKind) -> list[Message]:
    """Notes of ``kind`` sent for the current request (older rounds don't count)."""
    since = interview.requested_at
    return [
        m
        for m in interview.messages
        if m.kind == kind.value
        and m.sent_at is not None
        and (since is None or kind is MessageKind.OUTREACH or m.sent_at >= since)
    ]


def draft_follow_up(session: Session, *, owner: User, interview_id: int) -> Draft:
    """The single, gentle follow-up to a request that got no answer."""
    interview = get_interview(session, owner=owner, interview_id=interview_id)
    parts = parties(session, owner=owner, interview=interview)
    sent = _sent(session, interview, MessageKind.OUTREACH)
    subject = sent[-1].subject if sent and sent[-1].subject else f"A question about {parts.topic}"
    when = ""
    if interview.requested_at is not None:
        from coffeechat.meetings.followup import local_date

        day = local_date(interview.requested_at, parts.timezone)
        when = f" from {day.strftime('%A %d %B').replace(' 0', ' ')}"
    body = (
        f"{parts.greeting()}\n\n"
        f"I'm bringing my note{when} back to the top of your inbox in case it slipped past. "
        f"I'd still value 15–20 minutes of your perspective on {parts.topic}, whenever and "
        "however is easiest for you. If this is a busy time, I completely understand.\n\n"
        f"{parts.signature()}"
    )
    return parts.draft(
        MessageKind.FOLLOW_UP,
        subject if subject.startswith("Re: ") else f"Re: {strip_end(subject)}",
        body,
    )


def record_sent(
    session: Session,
    *,
    owner: User,
    interview_id: int,
    at: datetime | None = None,
    follow_up: bool = False,
) -> Message:
    """Record that the request (or its follow-up) went out; the interview becomes "requested"."""
    interview = get_interview(session, owner=owner, interview_id=interview_id)
    when = at or utcnow()
    if follow_up:
        return _record_follow_up(session, owner, interview, when)
    if interview.stage == Stage.REQUESTED.value:
        sent_on = interview.requested_at.date().isoformat() if interview.requested_at else "?"
        raise Conflict(
            f"The request to interview {interview.id} was already recorded as sent ({sent_on}); "
            f"to record a follow-up use: coffeechat outreach sent {interview.id} --follow-up"
        )
    if interview.stage not in (Stage.IDEA.value, Stage.NO_REPLY.value):
        raise Invalid(
            "stage",
            f"interview {interview.id} is {interview.stage}; a request goes out from the "
            "idea stage (or again after no reply)",
        )
    draft = draft_outreach(session, owner=owner, interview_id=interview.id)
    move_interview(session, owner=owner, interview_id=interview.id, stage=Stage.REQUESTED, at=when)
    interview.replied_at = None
    return _add_message(session, owner, interview, draft, when)


def _record_follow_up(
    session: Session, owner: User, interview: Interview, when: datetime
) -> Message:
    if interview.stage != Stage.REQUESTED.value or interview.requested_at is None:
        raise Invalid(
            "stage",
            f"interview {interview.id} is {interview.stage}; a follow-up goes after a request "
            f"(record it with: coffeechat outreach sent {interview.id})",
        )
    if interview.replied_at is not None:
        raise Conflict(f"Interview {interview.id} already has a reply; no follow-up needed.")
    if when < interview.requested_at:
        raise Invalid("at", "the follow-up cannot be sent before the request itself")
    if _sent(session, interview, MessageKind.FOLLOW_UP):
        raise Conflict(
            "A follow-up was already recorded; follow up only once, then move on "
            "to someone else at the organization."
        )
    draft = draft_follow_up(session, owner=owner, interview_id=interview.id)
    return _add_message(session, owner, interview, draft, when)


def _add_message(
    session: Session, owner: User, interview: Interview, draft: Draft, when: datetime
) -> Message:
    message = Message(
        owner_id=owner.id,
        interview_id=interview.id,
        person_id=interview.person_id,
        kind=draft.kind,
        subject=draft.subject,
        body=draft.body,
        sent_at=when,
    )
    interview.messages.append(message)
    session.flush()
    return message


def record_replied(
    session: Session,
    *,
    owner: User,
    interview_id: int,
    at: datetime | None = None,
    declined: bool = False,
) -> Interview:
    """Record their answer; follow-up reminders stop. A late answer revives a "no reply"."""
    interview = get_interview(session, owner=owner, interview_id=interview_id)
    when = at or utcnow()
    if interview.stage not in (Stage.REQUESTED.value, Stage.NO_REPLY.value):
        raise Invalid(
            "stage",
            f"interview {interview.id} is {interview.stage}; only a sent request can be "
            f"answered (record it with: coffeechat outreach sent {interview.id})",
        )
    if interview.requested_at is not None and when < interview.requested_at:
        raise Invalid("at", "the reply cannot come before the request was sent")
    if interview.stage == Stage.NO_REPLY.value:
        move_interview(
            session, owner=owner, interview_id=interview.id, stage=Stage.REQUESTED, at=when
        )
    interview.replied_at = when
    for message in interview.messages:
        answered = message.kind in (MessageKind.OUTREACH.value, MessageKind.FOLLOW_UP.value)
        if answered and message.sent_at is not None and message.replied_at is None:
            message.replied_at = when
    if declined:
        move_interview(
            session, owner=owner, interview_id=interview.id, stage=Stage.DECLINED, at=when
        )
    session.flush()
    return interview


def sent_messages(session: Session, *, owner: User, interview_id: int) -> list[Message]:
    """Every note recorded as sent for one interview, oldest first."""
    get_interview(session, owner=owner, interview_id=interview_id)
    statement = (
        owned(Message, owner)
        .where(Message.interview_id == interview_id, Message.sent_at.is_not(None))
        .order_by(Message.sent_at, Message.id)
    )
    return list(session.scalars(statement))
