from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from coffeechat.errors import Invalid
from coffeechat.meetings.aftermath import log_meeting
from coffeechat.meetings.thanks import (
    NoteKind,
    draft_note,
    draft_thank_you,
    record_note_sent,
    set_keep_in_touch,
)
from coffeechat.models import Interview, Stage, User
from tests.factories import make_interview, make_person
from tests.meetings.conftest import chicago_profile, utc
from tests.meetings.test_outreach import JOB_WORDS


def _held(session: Session, owner: User, **log: object) -> Interview:
    chicago_profile(session, owner)
    ada = make_person(session, owner, "Ada Lovelace", org="Northwind")
    interview = make_interview(session, owner, ada)
    log_meeting(session, owner=owner, interview_id=interview.id, at=utc(2026, 11, 24, 16), **log)
    return interview


def test_the_thank_you_names_the_takeaways_and_the_referrals(session: Session, owner: User) -> None:
    interview = _held(
        session,
        owner,
        takeaways=["Learn SQL before Python.", "The ops team hires from nursing", "Third"],
        referrals=["Dana Lee, Head of Data at Globex"],
    )
    draft = draft_thank_you(session, owner=owner, interview_id=interview.id)
    assert (
        "Two things you said have stayed with me: “Learn SQL before Python” and "
        "“The ops team hires from nursing”." in draft.body
    )
    assert "Third" not in draft.body  # one or two, not a list
    assert "I'll be in touch with Dana Lee" in draft.body
    assert "Thank you for your time on Tuesday." in draft.body
    assert "putting your advice into practice" in draft.body
    assert draft.words < 100
    assert draft.warnings == ()


@pytest.mark.parametrize("kind", list(NoteKind))
def test_notes_after_the_meeting_ask_for_nothing(
    session: Session, owner: User, kind: NoteKind
) -> None:
    interview = _held(session, owner, takeaways=["Talk to the data stewards"])
    draft = draft_note(session, owner=owner, interview_id=interview.id, kind=kind)
    assert "?" not in draft.body
    assert not JOB_WORDS.search(draft.body)
    for request in ("could you", "would you", "can you", "please"):
        assert request not in draft.body.lower()
    assert draft.words < 90


def test_the_update_note_says_which_advice_was_followed(session: Session, owner: User) -> None:
    interview = _held(session, owner, takeaways=["Talk to the data stewards."])
    draft = draft_note(session, owner=owner, interview_id=interview.id, kind="update")
    assert "I followed your advice, “Talk to the data stewards”, and" in draft.body


def test_a_thank_you_without_takeaways_shows_a_placeholder_and_a_warning(
    session: Session, owner: User
) -> None:
    interview = _held(session, owner)
    draft = draft_thank_you(session, owner=owner, interview_id=interview.id)
    assert "[something specific they said]" in draft.body
    assert any("--takeaway" in w for w in draft.warnings)


def test_sending_the_thank_you_moves_the_interview_to_thanked(
    session: Session, owner: User
) -> None:
    interview = _held(session, owner, takeaways=["A"])
    message = record_note_sent(
        session, owner=owner, interview_id=interview.id, at=utc(2026, 11, 25, 1)
    )
    assert interview.stage == Stage.THANKED.value and interview.thanked_at == utc(2026, 11, 25, 1)
    assert message.kind == "thank_you" and message.person_id == interview.person_id
    with pytest.raises(Invalid, match="already thanked"):
        record_note_sent(session, owner=owner, interview_id=interview.id)
    update = record_note_sent(session, owner=owner, interview_id=interview.id, kind="update")
    assert update.kind == "update" and interview.stage == Stage.THANKED.value


def test_no_thanks_before_the_meeting(session: Session, owner: User) -> None:
    interview = make_interview(session, owner)
    with pytest.raises(Invalid, match="log the meeting first: coffeechat interviews log"):
        record_note_sent(session, owner=owner, interview_id=interview.id)
    held = _held(session, owner)
    with pytest.raises(Invalid, match="before the meeting"):
        record_note_sent(session, owner=owner, interview_id=held.id, at=utc(2026, 11, 1))


def test_keep_in_touch_cadence_is_set_per_person(session: Session, owner: User) -> None:
    ada = make_person(session, owner)
    assert (
        set_keep_in_touch(session, owner=owner, person_id=ada.id, days=30).keep_in_touch_days == 30
    )
    assert (
        set_keep_in_touch(session, owner=owner, person_id=ada.id, days=None).keep_in_touch_days
        is None
    )
    with pytest.raises(Invalid, match="days: must be between 0"):
        set_keep_in_touch(session, owner=owner, person_id=ada.id, days=-1)
