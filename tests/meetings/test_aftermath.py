from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coffeechat.errors import Invalid
from coffeechat.meetings.aftermath import log_meeting, parse_referral
from coffeechat.meetings.pipeline import move_interview
from coffeechat.models import Interview, Person, PlannedQuestion, Stage, User
from tests.factories import make_interview, make_person
from tests.meetings.conftest import utc


def test_a_referral_line_reads_name_title_and_organization() -> None:
    line = parse_referral("Dana Lee, Head of Data at Globex")
    assert (line.name, line.title, line.org) == ("Dana Lee", "Head of Data", "Globex")
    plain = parse_referral("  Sam   Ng at Data at Scale ")
    assert (plain.name, plain.title, plain.org) == ("Sam Ng at Data", None, "Scale")


@pytest.mark.parametrize(
    "line", ["Dana Lee", "Dana Lee at ", " at Globex", "Dana Lee, at Globex", "Globex"]
)
def test_an_unreadable_referral_line_is_refused(line: str) -> None:
    with pytest.raises(Invalid) as error:
        parse_referral(line)
    assert error.value.field == "referral"
    assert 'write it as "NAME[, TITLE] at ORG"' in str(error.value)


def test_logging_a_scheduled_meeting_marks_it_held_at_its_time(
    session: Session, owner: User
) -> None:
    interview = make_interview(session, owner)
    move_interview(session, owner=owner, interview_id=interview.id, stage=Stage.SCHEDULED)
    interview.scheduled_at = utc(2026, 11, 20, 15)
    log = log_meeting(
        session,
        owner=owner,
        interview_id=interview.id,
        notes="They started in nursing.",
        takeaways=["Learn SQL before Python", "  The ops team  hires analysts. "],
    )
    assert log.held_now
    assert interview.stage == Stage.HELD.value
    assert interview.held_at == utc(2026, 11, 20, 15)
    assert interview.notes == "They started in nursing."
    assert interview.takeaways == ["Learn SQL before Python", "The ops team hires analysts."]


def test_logging_a_never_scheduled_meeting_is_allowed_and_sets_held(
    session: Session, owner: User
) -> None:
    interview = make_interview(session, owner)
    move_interview(session, owner=owner, interview_id=interview.id, stage=Stage.REQUESTED)
    log_meeting(session, owner=owner, interview_id=interview.id, at=utc(2026, 11, 26, 20))
    assert interview.stage == Stage.HELD.value
    assert interview.held_at == utc(2026, 11, 26, 20)


def test_logging_again_adds_notes_and_new_takeaways_only(session: Session, owner: User) -> None:
    interview = make_interview(session, owner)
    log_meeting(session, owner=owner, interview_id=interview.id, notes="One.", takeaways=["A"])
    log = log_meeting(
        session, owner=owner, interview_id=interview.id, notes="Two.", takeaways=["a", "B"]
    )
    assert not log.held_now
    assert interview.notes == "One.\n\nTwo."
    assert interview.takeaways == ["A", "B"]


def test_each_referral_becomes_a_person_referred_by_the_interviewee_with_an_idea(
    session: Session, owner: User
) -> None:
    ada = make_person(session, owner, "Ada Lovelace", org="Northwind")
    interview = make_interview(session, owner, ada)
    log = log_meeting(
        session,
        owner=owner,
        interview_id=interview.id,
        referrals=["Dana Lee, Head of Data at Globex", "Sam Ng at Northwind"],
    )
    dana, sam = (r.person for r in log.referrals)
    assert dana.referred_by_id == ada.id and dana.how_met == "referral"
    assert dana.title == "Head of Data" and dana.organization
    assert dana.organization.name == "Globex"
    assert sam.organization_id == ada.organization_id
    for referral in log.referrals:
        assert referral.new_person and referral.new_interview and referral.interview
        assert referral.interview.stage == Stage.IDEA.value
        assert referral.interview.goal == "Suggested by Ada Lovelace."


def test_a_referral_to_someone_already_known_reuses_them(session: Session, owner: User) -> None:
    ada = make_person(session, owner, "Ada Lovelace", org="Northwind")
    known = make_person(session, owner, "Dana Lee", org="Globex")
    open_idea = make_interview(session, owner, known)
    interview = make_interview(session, owner, ada)
    log = log_meeting(
        session, owner=owner, interview_id=interview.id, referrals=["dana  LEE, CTO at GLOBEX"]
    )
    (referral,) = log.referrals
    assert referral.person.id == known.id and not referral.new_person
    assert referral.interview is not None and referral.interview.id == open_idea.id
    assert not referral.new_interview
    assert known.referred_by_id == ada.id and known.title == "CTO"
    # Logging the same referral twice adds nobody.
    log_meeting(session, owner=owner, interview_id=interview.id, referrals=["Dana Lee at Globex"])
    count = session.scalar(
        select(func.count()).select_from(Person).where(Person.owner_id == owner.id)
    )
    assert count == 2


def test_the_same_name_at_another_organization_is_another_person(
    session: Session, owner: User
) -> None:
    make_person(session, owner, "Dana Lee", org="Globex")
    interview = make_interview(session, owner)
    log = log_meeting(
        session, owner=owner, interview_id=interview.id, referrals=["Dana Lee at Initech"]
    )
    assert log.referrals[0].new_person


def test_a_bad_referral_line_leaves_the_interview_untouched(session: Session, owner: User) -> None:
    interview = make_interview(session, owner)
    with pytest.raises(Invalid, match="referral"):
        log_meeting(
            session,
            owner=owner,
            interview_id=interview.id,
            takeaways=["Kept?"],
            referrals=["Dana Lee at Globex", "nobody in particular"],
        )
    assert interview.stage == Stage.IDEA.value and interview.held_at is None
    assert interview.takeaways == []
    assert session.scalar(select(func.count()).select_from(Person)) == 1


def test_asked_questions_are_marked_and_foreign_ones_refused(session: Session, owner: User) -> None:
    interview = make_interview(session, owner)
    other = make_interview(session, owner)
    mine = PlannedQuestion(owner_id=owner.id, position=1, text="How did you start?")
    theirs = PlannedQuestion(owner_id=owner.id, position=1, text="What surprised you?")
    interview.questions.append(mine)
    other.questions.append(theirs)
    session.flush()
    with pytest.raises(Invalid, match=f"question {theirs.id} is not on interview"):
        log_meeting(session, owner=owner, interview_id=interview.id, asked=[theirs.id])
    assert interview.held_at is None
    log_meeting(session, owner=owner, interview_id=interview.id, asked=[mine.id])
    assert mine.state == "asked" and theirs.state == "planned"


def test_empty_or_overlong_takeaways_are_refused(session: Session, owner: User) -> None:
    interview = make_interview(session, owner)
    with pytest.raises(Invalid, match="takeaway: must not be empty"):
        log_meeting(session, owner=owner, interview_id=interview.id, takeaways=["  "])
    with pytest.raises(Invalid, match="at most 500"):
        log_meeting(session, owner=owner, interview_id=interview.id, takeaways=["x" * 501])
    assert session.get(Interview, interview.id) is interview and interview.held_at is None
