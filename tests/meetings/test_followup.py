from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from coffeechat.meetings.followup import FollowUpRules, calendar_for, settle_silences
from coffeechat.meetings.outreach import record_replied, record_sent
from coffeechat.models import Stage, User
from tests.factories import make_interview
from tests.meetings.conftest import chicago_profile, utc


def test_three_business_days_after_a_monday_is_thursday() -> None:
    assert calendar_for("US").add_business_days(date(2026, 11, 2), 3) == date(2026, 11, 5)


def test_business_days_skip_the_weekend() -> None:
    us = calendar_for("US")
    assert us.add_business_days(date(2026, 11, 19), 3) == date(2026, 11, 24)  # Thu → Tue
    assert us.add_business_days(date(2026, 11, 20), 1) == date(2026, 11, 23)  # Fri → Mon
    # A request written on Saturday counts from the Monday after.
    assert us.add_business_days(date(2026, 11, 21), 1) == date(2026, 11, 23)


def test_a_request_sent_the_day_before_us_thanksgiving_skips_the_holiday() -> None:
    us = calendar_for("US")
    sent = date(2026, 11, 25)  # Wednesday; Thanksgiving is Thursday 26 November
    assert not us.is_business_day(date(2026, 11, 26))
    assert us.add_business_days(sent, 3) == date(2026, 12, 1)  # Fri 27, Mon 30, Tue 1
    assert us.add_business_days(sent, 7) == date(2026, 12, 7)


def test_the_day_after_thanksgiving_is_a_working_day_in_the_us_but_not_in_germany() -> None:
    assert calendar_for("US").is_business_day(date(2026, 11, 27))
    # German Christmas: 25 and 26 December are both holidays.
    assert calendar_for("DE").add_business_days(date(2026, 12, 24), 1) == date(2026, 12, 28)
    assert calendar_for("US").add_business_days(date(2026, 12, 24), 1) == date(2026, 12, 28)
    assert calendar_for("US").add_business_days(date(2026, 12, 23), 1) == date(2026, 12, 24)
    assert calendar_for("DE").add_business_days(date(2026, 12, 23), 1) == date(2026, 12, 24)


def test_new_year_crossing_counts_the_holiday_of_the_next_year() -> None:
    assert calendar_for("US").add_business_days(date(2026, 12, 31), 1) == date(2027, 1, 4)


def test_a_silent_request_moves_to_no_reply_seven_business_days_after_the_follow_up(
    session: Session, owner: User
) -> None:
    chicago_profile(session, owner)
    interview = make_interview(session, owner)
    record_sent(session, owner=owner, interview_id=interview.id, at=utc(2026, 11, 2, 15))
    record_sent(
        session, owner=owner, interview_id=interview.id, at=utc(2026, 11, 11, 15), follow_up=True
    )

    def settle(today: date) -> list[int]:
        moved = settle_silences(
            session,
            owner=owner,
            country="US",
            timezone="America/Chicago",
            today=today,
            rules=FollowUpRules(),
        )
        return [i.id for i in moved]

    # Wed 11 Nov (Veterans Day falls on it) + 7 business days = Fri 20 Nov.
    assert settle(date(2026, 11, 19)) == []
    assert interview.stage == Stage.REQUESTED.value
    assert settle(date(2026, 11, 20)) == [interview.id]
    assert interview.stage == Stage.NO_REPLY.value


def test_a_reply_stops_the_clock(session: Session, owner: User) -> None:
    chicago_profile(session, owner)
    interview = make_interview(session, owner)
    record_sent(session, owner=owner, interview_id=interview.id, at=utc(2026, 11, 2, 15))
    record_sent(
        session, owner=owner, interview_id=interview.id, at=utc(2026, 11, 11, 15), follow_up=True
    )
    record_replied(session, owner=owner, interview_id=interview.id, at=utc(2026, 11, 12, 15))
    moved = settle_silences(
        session, owner=owner, country="US", timezone="America/Chicago", today=date(2026, 12, 31)
    )
    assert moved == []
    assert interview.stage == Stage.REQUESTED.value


def test_settling_leaves_other_owners_alone(session: Session, owner: User, stranger: User) -> None:
    interview = make_interview(session, stranger)
    record_sent(session, owner=stranger, interview_id=interview.id, at=utc(2026, 11, 2))
    record_sent(
        session, owner=stranger, interview_id=interview.id, at=utc(2026, 11, 3), follow_up=True
    )
    moved = settle_silences(
        session, owner=owner, country="US", timezone="UTC", today=date(2026, 12, 31)
    )
    assert moved == [] and interview.stage == Stage.REQUESTED.value
