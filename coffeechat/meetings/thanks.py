"""Appreciation: the thank-you, the update note three weeks on, and keeping in touch.

A thank-you names one or two things they said, the people they suggested, and how the
user will act on the advice; it is short and asks for nothing (DOMAIN.md section 4).
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy.orm import Session

from coffeechat.errors import Invalid
from coffeechat.meetings.drafts import Draft, Parties, join_names, parties, strip_end
from coffeechat.meetings.followup import local_date
from coffeechat.meetings.pipeline import get_interview, move_interview
from coffeechat.models import Interview, Message, MessageKind, Person, Stage, User, utcnow
from coffeechat.network.people import get_person, referrals_of

MAX_KEEP_IN_TOUCH_DAYS = 3650


class NoteKind(enum.StrEnum):
    THANK_YOU = "thank-you"
    UPDATE = "update"
    KEEP_IN_TOUCH = "keep-in-touch"

    @property
    def message_kind(self) -> MessageKind:
        return {
            NoteKind.THANK_YOU: MessageKind.THANK_YOU,
            NoteKind.UPDATE: MessageKind.UPDATE,
            NoteKind.KEEP_IN_TOUCH: MessageKind.KEEP_IN_TOUCH,
        }[self]


def parse_note_kind(value: str | NoteKind) -> NoteKind:
    try:
        return NoteKind(value)
    except ValueError:
        choices = ", ".join(k.value for k in NoteKind)
        raise Invalid("kind", f"{value!r} is not one of {choices}") from None


_TAKEAWAY_PLACEHOLDER = "[something specific they said]"


def _quoted(takeaway: str) -> str:
    # Quoted, the user's own wording reads naturally mid-sentence, capitals and all.
    return f"“{strip_end(takeaway)}”"


def _takeaway_sentence(takeaways: list[str]) -> str:
    picked = [_quoted(t) for t in takeaways[:2]]
    if len(picked) == 2:
        return f"Two things you said have stayed with me: {picked[0]} and {picked[1]}."
    return f"One thing you said has stayed with me: {picked[0]}."


def _when_we_met(parts: Parties) -> str:
    held = parts.interview.held_at
    if held is None:
        return "recently"
    return f"on {local_date(held, parts.timezone).strftime('%A')}"


def _referral_sentence(referred: list[Person]) -> str:
    if not referred:
        return ""
    names = join_names([p.full_name for p in referred[:3]])
    return f" As you suggested, I'll be in touch with {names}."


def draft_thank_you(session: Session, *, owner: User, interview_id: int) -> Draft:
    """A short thank-you: their words, the referrals you'll contact, your next step."""
    interview = get_interview(session, owner=owner, interview_id=interview_id)
    parts = parties(session, owner=owner, interview=interview)
    warnings = list(parts.warnings)
    takeaways = list(interview.takeaways)
    if not takeaways:
        takeaways = [_TAKEAWAY_PLACEHOLDER]
        warnings.append(
            f'Add a takeaway to name: coffeechat interviews log {interview.id} --takeaway "…"'
        )
    referred = referrals_of(session, owner=owner, person_id=parts.person.id)
    body = (
        f"{parts.greeting()}\n\n"
        f"Thank you for your time {_when_we_met(parts)}. {_takeaway_sentence(takeaways)}"
        f"{_referral_sentence(referred)}\n\n"
        "I'm already putting your advice into practice, and I'll let you know how it goes.\n\n"
        f"{parts.signature('With thanks,')}"
    )
    return parts.draft(MessageKind.THANK_YOU, "Thank you for your time", body, warnings=warnings)


def draft_update(session: Session, *, owner: User, interview_id: int) -> Draft:
    """The note a few weeks later that closes the loop: "I followed your advice …"."""
    interview = get_interview(session, owner=owner, interview_id=interview_id)
    parts = parties(session, owner=owner, interview=interview)
    warnings = list(parts.warnings)
    advice = _quoted(interview.takeaways[0]) if interview.takeaways else _TAKEAWAY_PLACEHOLDER
    if not interview.takeaways:
        warnings.append("No takeaway recorded; name the advice you followed.")
    referred = referrals_of(session, owner=owner, person_id=parts.person.id)
    spoke = f" with {join_names([p.full_name for p in referred[:2]])}" if referred else ""
    body = (
        f"{parts.greeting()}\n\n"
        f"A short update since we spoke: I followed your advice, {advice}, "
        f"and it has already helped. [One line on what happened.]"
        f"{f' I also had a good conversation{spoke}, thanks to you.' if spoke else ''}\n\n"
        "Thank you again for your generosity.\n\n"
        f"{parts.signature('Warm regards,')}"
    )
    return parts.draft(MessageKind.UPDATE, "An update, with thanks", body, warnings=warnings)


def draft_keep_in_touch(session: Session, *, owner: User, interview_id: int) -> Draft:
    """A brief hello that gives rather than asks: news, or something they might enjoy."""
    interview = get_interview(session, owner=owner, interview_id=interview_id)
    parts = parties(session, owner=owner, interview=interview)
    where = f" at {parts.org}" if parts.org else ""
    body = (
        f"{parts.greeting()}\n\n"
        f"I hope all is well{where}. I came across [an article or news] and thought of our "
        "conversation. On my side, [a line on what you've been doing].\n\n"
        "No need to reply; I simply wanted to say hello.\n\n"
        f"{parts.signature('Best,')}"
    )
    return parts.draft(MessageKind.KEEP_IN_TOUCH, "Thinking of our conversation", body)


def draft_note(
    session: Session, *, owner: User, interview_id: int, kind: str | NoteKind = NoteKind.THANK_YOU
) -> Draft:
    chosen = parse_note_kind(kind)
    if chosen is NoteKind.UPDATE:
        return draft_update(session, owner=owner, interview_id=interview_id)
    if chosen is NoteKind.KEEP_IN_TOUCH:
        return draft_keep_in_touch(session, owner=owner, interview_id=interview_id)
    return draft_thank_you(session, owner=owner, interview_id=interview_id)


def record_note_sent(
    session: Session,
    *,
    owner: User,
    interview_id: int,
    kind: str | NoteKind = NoteKind.THANK_YOU,
    at: datetime | None = None,
) -> Message:
    """Record a note as sent; a thank-you moves the interview to "thanked"."""
    chosen = parse_note_kind(kind)
    interview = get_interview(session, owner=owner, interview_id=interview_id)
    when = at or utcnow()
    _check_after_meeting(interview, when)
    if chosen is NoteKind.THANK_YOU:
        if interview.stage == Stage.THANKED.value:
            raise Invalid("stage", f"interview {interview.id} is already thanked")
        draft = draft_thank_you(session, owner=owner, interview_id=interview.id)
        move_interview(
            session, owner=owner, interview_id=interview.id, stage=Stage.THANKED, at=when
        )
    else:
        draft = draft_note(session, owner=owner, interview_id=interview.id, kind=chosen)
    message = Message(
        owner_id=owner.id,
        interview_id=interview.id,
        person_id=interview.person_id,
        kind=chosen.message_kind.value,
        subject=draft.subject,
        body=draft.body,
        sent_at=when,
    )
    interview.messages.append(message)
    session.flush()
    return message


def _check_after_meeting(interview: Interview, when: datetime) -> None:
    if interview.held_at is None:
        raise Invalid(
            "stage",
            f"interview {interview.id} is {interview.stage}; log the meeting first: "
            f"coffeechat interviews log {interview.id}",
        )
    if when < interview.held_at:
        raise Invalid("at", "a note after the meeting cannot be sent before the meeting")


def set_keep_in_touch(session: Session, *, owner: User, person_id: int, days: int | None) -> Person:
    """Remind every ``days`` days for this person; 0 turns reminders off, None uses the default."""
    person = get_person(session, owner=owner, person_id=person_id)
    if days is not None and not 0 <= days <= MAX_KEEP_IN_TOUCH_DAYS:
        raise Invalid("days", f"must be between 0 (never) and {MAX_KEEP_IN_TOUCH_DAYS}")
    person.keep_in_touch_days = days
    session.flush()
    return person
