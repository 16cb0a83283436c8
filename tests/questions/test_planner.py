"""Planning questions for an interview: shape, fit, research, history and edits."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from coffeechat.errors import Invalid, NotFound
from coffeechat.models import User
from coffeechat.network.people import remove_person
from coffeechat.questions.bank import load_bank
from coffeechat.questions.planner import question_count, seniority_of
from coffeechat.questions.service import (
    add_question,
    drop_question,
    mark_question,
    move_question,
    plan_questions,
    questions_of,
    star_question,
)
from tests.factories import make_interview, make_person
from tests.questions.conftest import Researched, add_fact

BANK = {q.id: q for q in load_bank()}


def plan(session: Session, owner: User, interview_id: int, **kwargs: int) -> list[str]:
    return [
        q.bank_id or "custom"
        for q in plan_questions(session, owner=owner, interview_id=interview_id, **kwargs)
    ]


def test_about_one_question_every_four_minutes_unless_a_count_is_given() -> None:
    assert question_count(None, None, 30) == 7
    assert question_count(None, 20, 30) == 5
    assert question_count(None, None, None) == 7
    assert question_count(9, 20, 30) == 9
    with pytest.raises(Invalid, match="count"):
        question_count(1, None, None)


def test_seniority_is_read_from_the_title() -> None:
    assert seniority_of("Senior Data Analyst") == "senior"
    assert seniority_of("Director of Operations") == "senior"
    assert seniority_of("Junior Designer") == "junior"
    assert seniority_of("Policy Analyst") == "mid"
    assert seniority_of(None) == "mid"


def test_a_plan_opens_with_their_story_and_closes_with_referrals_then_staying_in_touch(
    session: Session, owner: User, researched: Researched
) -> None:
    questions = plan_questions(session, owner=owner, interview_id=researched.interview.id)
    assert len(questions) == 7
    assert questions[0].category == "their_story" and questions[0].stage == "opening"
    assert [q.category for q in questions[-2:]] == ["referrals", "closing"]
    assert questions[-1].bank_id == "close-in-touch"
    assert [q.position for q in questions] == list(range(1, 8))
    assert all(q.why for q in questions)


def test_core_questions_spread_over_different_categories(
    session: Session, owner: User, researched: Researched
) -> None:
    questions = plan_questions(session, owner=owner, interview_id=researched.interview.id, count=8)
    core = [q.category for q in questions if q.stage == "core"]
    assert len(core) == 5 and len(set(core)) == 5


def test_a_company_meeting_gets_no_career_only_questions_and_the_reverse(
    session: Session, owner: User, researched: Researched
) -> None:
    company = plan(session, owner, researched.interview.id, count=12)
    assert all(BANK[i].focus in ("company", "both") for i in company)
    career = make_interview(session, owner, researched.person, focus="career")
    chosen = plan(session, owner, career.id, count=12)
    assert all(BANK[i].focus in ("career", "both") for i in chosen)


def test_placeholders_are_filled_from_the_interview_and_trusted_research(
    session: Session, owner: User, researched: Researched
) -> None:
    questions = plan_questions(session, owner=owner, interview_id=researched.interview.id, count=12)
    text = " ".join(q.text for q in questions)
    assert "{" not in text
    assert "Brightwell Energy" in text
    assert "make rooftop solar affordable for every household" in text
    research = [q for q in questions if "rooftop" in q.text]
    assert "About Brightwell" in research[0].why


def test_rejected_and_unsure_facts_are_never_quoted(
    session: Session, owner: User, researched: Researched
) -> None:
    add_fact(
        session, owner, researched.org, "news", "Brightwell bought a wind farm.", status="rejected"
    )
    add_fact(session, owner, researched.org, "value", "We say what we see.", confidence=0.5)
    add_fact(
        session, owner, researched.org, "culture", "Small teams own their results.", confidence=0.8
    )
    questions = plan_questions(session, owner=owner, interview_id=researched.interview.id, count=20)
    text = " ".join(q.text for q in questions)
    assert "wind farm" not in text and "say what we see" not in text
    assert "Small teams own their results" in text


def test_a_question_the_research_answers_is_not_asked(
    session: Session, owner: User, researched: Researched
) -> None:
    assert "culture-describe" in plan(session, owner, researched.interview.id, count=20)
    add_fact(session, owner, researched.org, "culture", "People here work in small, trusted teams.")
    assert "culture-describe" not in plan(session, owner, researched.interview.id, count=20)


def test_senior_people_get_questions_for_their_level_and_juniors_do_not(
    session: Session, owner: User, researched: Researched
) -> None:
    senior = plan(session, owner, researched.interview.id, count=20)
    assert any(BANK[i].seniority == ("senior",) for i in senior)
    junior = make_person(
        session, owner, "Sam Ortiz", org="Brightwell Energy", title="Junior Analyst"
    )
    interview = make_interview(session, owner, junior, focus="both")
    chosen = plan(session, owner, interview.id, count=20)
    assert not any(
        "senior" in BANK[i].seniority and "junior" not in BANK[i].seniority for i in chosen
    )


def test_the_goal_steers_the_plan_and_the_why_says_so(
    session: Session, owner: User, researched: Researched
) -> None:
    interview = make_interview(
        session,
        owner,
        researched.person,
        focus="career",
        goal="Which books and podcasts should I read before switching into analytics?",
    )
    questions = plan_questions(session, owner=owner, interview_id=interview.id, count=5)
    resources = [q for q in questions if q.category == "resources"]
    assert resources and "your goal (books" in resources[0].why


def test_nothing_already_asked_to_this_person_is_planned_again(
    session: Session, owner: User, researched: Researched
) -> None:
    first = plan_questions(session, owner=owner, interview_id=researched.interview.id)
    for question in first:
        mark_question(
            session,
            owner=owner,
            interview_id=researched.interview.id,
            question_id=question.id,
            state="asked",
        )
    again = make_interview(session, owner, researched.person, focus="company")
    second = plan_questions(session, owner=owner, interview_id=again.id)
    assert {q.bank_id for q in first}.isdisjoint({q.bank_id for q in second})
    other = make_interview(
        session, owner, make_person(session, owner, "Lee Park", org="Brightwell Energy")
    )
    assert first[0].bank_id in plan(session, owner, other.id)


def test_re_planning_keeps_starred_and_own_questions(
    session: Session, owner: User, researched: Researched
) -> None:
    interview_id = researched.interview.id
    questions = plan_questions(session, owner=owner, interview_id=interview_id)
    star_question(session, owner=owner, interview_id=interview_id, question_id=questions[2].id)
    own = add_question(
        session,
        owner=owner,
        interview_id=interview_id,
        text="How does {org} choose which towns to serve first?",
    )
    again = plan_questions(session, owner=owner, interview_id=interview_id, count=7)
    assert len(again) == 7
    texts = [q.text for q in again]
    assert questions[2].text in texts
    assert own.question.text == "How does Brightwell Energy choose which towns to serve first?"
    assert own.question.text in texts
    assert [q.category for q in again[-2:]] == ["referrals", "closing"]


def test_the_user_can_move_and_drop_questions(
    session: Session, owner: User, researched: Researched
) -> None:
    interview_id = researched.interview.id
    questions = plan_questions(session, owner=owner, interview_id=interview_id)
    last = questions[-1]
    move_question(session, owner=owner, interview_id=interview_id, question_id=last.id, position=1)
    drop_question(session, owner=owner, interview_id=interview_id, question_id=questions[0].id)
    now = questions_of(session, owner=owner, interview_id=interview_id)
    assert now[0].id == last.id
    assert questions[0].id not in [q.id for q in now]
    assert [q.position for q in now] == list(range(1, 7))
    with pytest.raises(Invalid, match="position"):
        move_question(
            session, owner=owner, interview_id=interview_id, question_id=last.id, position=9
        )


def test_an_added_question_is_linted_and_placed_before_the_close(
    session: Session, owner: User, researched: Researched
) -> None:
    interview_id = researched.interview.id
    plan_questions(session, owner=owner, interview_id=interview_id)
    added = add_question(session, owner=owner, interview_id=interview_id, text="Are you hiring?")
    assert [f.code for f in added.findings] == ["job_ask"]
    assert added.question.position == 6
    assert questions_of(session, owner=owner, interview_id=interview_id)[-1].category == "closing"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("  ", "empty"),
        ("Why? " * 201, "1,004 characters"),
        ("What about {salary}?", "unknown placeholder"),
    ],
)
def test_bad_questions_are_refused_with_a_clear_error(
    session: Session, owner: User, researched: Researched, text: str, message: str
) -> None:
    with pytest.raises(Invalid, match=message):
        add_question(session, owner=owner, interview_id=researched.interview.id, text=text)


def test_an_interview_without_a_person_cannot_be_planned(
    session: Session, owner: User, researched: Researched
) -> None:
    remove_person(session, owner=owner, person_id=researched.person.id)
    session.expire_all()
    with pytest.raises(Invalid, match="has no person"):
        plan_questions(session, owner=owner, interview_id=researched.interview.id)


def test_another_users_interview_and_questions_are_not_found(
    session: Session, owner: User, stranger: User, researched: Researched
) -> None:
    questions = plan_questions(session, owner=owner, interview_id=researched.interview.id)
    with pytest.raises(NotFound):
        plan_questions(session, owner=stranger, interview_id=researched.interview.id)
    mine = make_interview(session, stranger, make_person(session, stranger, "Kim"))
    with pytest.raises(NotFound):
        drop_question(session, owner=stranger, interview_id=mine.id, question_id=questions[0].id)
