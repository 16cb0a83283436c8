from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from coffeechat.models import Message, MessageKind, User
from coffeechat.network.patterns import (
    BusinessCalendar,
    Pattern,
    contact_patterns,
    person_pattern,
)
from coffeechat.network.profile import update_profile
from tests.factories import make_person
from tests.targets.conftest import ask, at

# 2026-11-16 is a Monday; Thursday 2026-11-26 is Thanksgiving in the US.
FRIDAY_AFTER = date(2026, 12, 4)


def pattern_of(session: Session, owner: User, person_id: int, on: date = FRIDAY_AFTER) -> Pattern:
    return contact_patterns(session, owner=owner, on=on, person_ids=[person_id])[person_id].pattern


def test_a_prompt_reply_followed_by_a_meeting_makes_a_booster(
    session: Session, owner: User
) -> None:
    ada = make_person(session, owner, "Ada")
    ask(session, owner, ada, "2026-11-16", replied="2026-11-19", held="2026-11-24")
    assert pattern_of(session, owner, ada.id) is Pattern.BOOSTER


def test_a_reply_after_three_business_days_is_late(session: Session, owner: User) -> None:
    ada = make_person(session, owner, "Ada")
    ask(session, owner, ada, "2026-11-16", replied="2026-11-20", held="2026-11-24")
    assert pattern_of(session, owner, ada.id) is Pattern.LATE


def test_a_quick_reply_that_only_came_after_a_follow_up_is_late(
    session: Session, owner: User
) -> None:
    ada = make_person(session, owner, "Ada")
    ask(
        session,
        owner,
        ada,
        "2026-11-16",
        follow_up="2026-11-17",
        replied="2026-11-18",
        held="2026-11-20",
    )
    assert pattern_of(session, owner, ada.id) is Pattern.LATE


def test_no_reply_is_silent_only_once_three_business_days_have_passed(
    session: Session, owner: User
) -> None:
    ada = make_person(session, owner, "Ada")
    ask(session, owner, ada, "2026-11-16")
    assert pattern_of(session, owner, ada.id, on=date(2026, 11, 19)) is Pattern.UNKNOWN
    assert pattern_of(session, owner, ada.id, on=date(2026, 11, 20)) is Pattern.SILENT


def test_someone_never_asked_is_unknown(session: Session, owner: User) -> None:
    ada = make_person(session, owner, "Ada")
    found = contact_patterns(session, owner=owner, on=FRIDAY_AFTER, person_ids=[ada.id])
    assert found[ada.id].pattern is Pattern.UNKNOWN
    assert found[ada.id].reason == "no request sent yet"


def test_a_prompt_reply_without_a_meeting_yet_is_not_a_booster(
    session: Session, owner: User
) -> None:
    ada = make_person(session, owner, "Ada")
    ask(session, owner, ada, "2026-11-16", replied="2026-11-17")
    found = contact_patterns(session, owner=owner, on=FRIDAY_AFTER, person_ids=[ada.id])
    assert (found[ada.id].pattern, found[ada.id].reason) == (
        Pattern.UNKNOWN,
        "replied promptly; not met yet",
    )


def test_the_users_public_holidays_do_not_count_as_business_days(
    session: Session, owner: User
) -> None:
    # Asked Tuesday before Thanksgiving; answered the next Monday.
    ada = make_person(session, owner, "Ada")
    ask(session, owner, ada, "2026-11-24", replied="2026-11-30", held="2026-12-02")
    update_profile(session, owner=owner, country="US")
    assert pattern_of(session, owner, ada.id) is Pattern.BOOSTER
    # In the UK that Thursday is a working day, so Monday is one day too late.
    update_profile(session, owner=owner, country="GB")
    assert pattern_of(session, owner, ada.id) is Pattern.LATE


def test_business_days_skip_the_weekend() -> None:
    calendar = BusinessCalendar("US", "UTC")
    assert calendar.add(date(2026, 11, 13), 3) == date(2026, 11, 18)
    assert calendar.add(date(2026, 11, 24), 3) == date(2026, 11, 30)


def test_the_reply_window_is_counted_in_the_users_time_zone(session: Session, owner: User) -> None:
    # 03:00 UTC on Tuesday is still Monday evening in Chicago.
    ada = make_person(session, owner, "Ada")
    interview = ask(session, owner, ada, "2026-11-17", replied="2026-11-20", held="2026-11-24")
    interview.requested_at = at("2026-11-17", hour=3)
    session.flush()
    assert pattern_of(session, owner, ada.id) is Pattern.BOOSTER
    update_profile(session, owner=owner, timezone="America/Chicago")
    assert pattern_of(session, owner, ada.id) is Pattern.LATE


def test_outreach_messages_outside_an_interview_count_as_requests(
    session: Session, owner: User
) -> None:
    ada = make_person(session, owner, "Ada")
    bob = make_person(session, owner, "Bob")
    for person, replied in ((ada, at("2026-11-23")), (bob, None)):
        session.add(
            Message(
                owner_id=owner.id,
                person_id=person.id,
                kind=MessageKind.OUTREACH.value,
                sent_at=at("2026-11-16"),
                replied_at=replied,
            )
        )
    session.flush()
    found = contact_patterns(session, owner=owner, on=FRIDAY_AFTER)
    assert found[ada.id].pattern is Pattern.LATE
    assert found[bob.id].pattern is Pattern.SILENT


def test_other_owners_requests_are_not_read(session: Session, owner: User, stranger: User) -> None:
    theirs = make_person(session, stranger, "Ada")
    ask(session, stranger, theirs, "2026-11-16")
    assert contact_patterns(session, owner=owner, on=FRIDAY_AFTER) == {}


def test_one_persons_pattern_has_a_label_and_a_reason(session: Session, owner: User) -> None:
    ada = make_person(session, owner, "Ada")
    ask(session, owner, ada, "2026-11-16", replied="2026-11-17", held="2026-11-20")
    found = person_pattern(session, owner=owner, person_id=ada.id, on=FRIDAY_AFTER)
    assert (found.label, found.reason) == ("Booster", "replied within 3 business days and met you")
    bob = make_person(session, owner, "Bob")
    unknown = person_pattern(session, owner=owner, person_id=bob.id)
    assert (unknown.person_id, unknown.label, unknown.reason) == (
        bob.id,
        "Not known yet",
        "no request sent yet",
    )
