from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime

from sqlalchemy.orm import Session

from coffeechat.meetings.aftermath import log_meeting
from coffeechat.meetings.agenda import AgendaItem, AgendaRules, build_agenda, item_draft
from coffeechat.meetings.outreach import record_replied, record_sent
from coffeechat.meetings.pipeline import move_interview
from coffeechat.meetings.thanks import record_note_sent, set_keep_in_touch
from coffeechat.models import Interview, Stage, User
from coffeechat.network.people import remove_person
from tests.factories import make_interview, make_person
from tests.meetings.conftest import chicago_profile, utc


def _agenda(
    session: Session, owner: User, day: date, now: datetime | None = None, **kw: object
) -> list[AgendaItem]:
    moment = now or utc(day.year, day.month, day.day, 18)
    return build_agenda(session, owner=owner, day=day, now=moment, **kw)  # type: ignore[arg-type]


def _kinds(items: list[AgendaItem]) -> list[tuple[str, bool]]:
    return [(i.kind, i.overdue) for i in items]


def _requested(session: Session, owner: User, name: str, org: str, at: datetime) -> Interview:
    interview = make_interview(session, owner, make_person(session, owner, name, org=org))
    record_sent(session, owner=owner, interview_id=interview.id, at=at)
    return interview


def test_a_silent_request_follows_3b7_in_business_days(session: Session, owner: User) -> None:
    chicago_profile(session, owner)
    # Wednesday before Thanksgiving, 10:00 in Chicago.
    interview = _requested(session, owner, "Ada Lovelace", "Northwind", utc(2026, 11, 25, 16))
    assert _agenda(session, owner, date(2026, 11, 30)) == []
    items = _agenda(session, owner, date(2026, 12, 1))
    assert _kinds(items) == [("next_contact", False)]
    assert items[0].title == "Reach out to another person at Northwind"
    assert items[0].action == 'coffeechat people list --org "Northwind"'
    assert items[0].due == utc(2026, 12, 1, 15)  # 09:00 in Chicago
    items = _agenda(session, owner, date(2026, 12, 7))
    assert _kinds(items) == [("follow_up", False), ("next_contact", True)]
    assert items[0].title == "Follow up with Ada Lovelace (Northwind)"
    assert items[0].action == f"coffeechat outreach draft {interview.id} --follow-up"
    assert items[0].person_name == "Ada Lovelace"


def test_a_silent_organization_suggests_the_next_best_person_there(
    session: Session, owner: User
) -> None:
    chicago_profile(session, owner)
    _requested(session, owner, "Ada Lovelace", "Northwind", utc(2026, 11, 25, 16))
    make_person(session, owner, "Grace Hopper", org="Northwind", title="Director")
    (item,) = _agenda(session, owner, date(2026, 12, 1))
    assert item.kind == "next_contact"
    assert item.title == "Reach out to another person at Northwind: try Grace Hopper"
    assert item.action == 'coffeechat paths "Northwind"'


def test_writing_to_someone_else_there_clears_the_next_contact_reminder(
    session: Session, owner: User
) -> None:
    chicago_profile(session, owner)
    _requested(session, owner, "Ada Lovelace", "Northwind", utc(2026, 11, 25, 16))
    _requested(session, owner, "Sam Ng", "Northwind", utc(2026, 12, 1, 16))
    assert _kinds(_agenda(session, owner, date(2026, 12, 2))) == []


def test_after_the_follow_up_only_the_move_on_reminder_remains(
    session: Session, owner: User
) -> None:
    chicago_profile(session, owner)
    interview = _requested(session, owner, "Ada Lovelace", "Northwind", utc(2026, 11, 25, 16))
    record_sent(
        session, owner=owner, interview_id=interview.id, at=utc(2026, 12, 7, 16), follow_up=True
    )
    assert _kinds(_agenda(session, owner, date(2026, 12, 15))) == []
    items = _agenda(session, owner, date(2026, 12, 16))
    assert _kinds(items) == [("no_reply", False)]
    assert items[0].action == f"coffeechat interviews move {interview.id} no_reply"


def test_a_reply_clears_every_request_reminder(session: Session, owner: User) -> None:
    chicago_profile(session, owner)
    interview = _requested(session, owner, "Ada Lovelace", "Northwind", utc(2026, 11, 25, 16))
    record_replied(session, owner=owner, interview_id=interview.id, at=utc(2026, 11, 26))
    assert _agenda(session, owner, date(2026, 12, 31)) == []


def test_the_thank_you_is_due_within_24_hours_and_overdue_after(
    session: Session, owner: User
) -> None:
    chicago_profile(session, owner)
    interview = make_interview(session, owner)
    log_meeting(session, owner=owner, interview_id=interview.id, at=utc(2026, 11, 26, 20))
    on_time = _agenda(session, owner, date(2026, 11, 27), now=utc(2026, 11, 27, 19))
    assert _kinds(on_time) == [("thank_you", False)]
    assert on_time[0].due == utc(2026, 11, 27, 20)
    assert on_time[0].title == "Thank Ada Lovelace for the meeting"
    late = _agenda(session, owner, date(2026, 11, 27), now=utc(2026, 11, 27, 21))
    assert _kinds(late) == [("thank_you", True)]
    strict = _agenda(
        session,
        owner,
        date(2026, 11, 27),
        now=utc(2026, 11, 27, 19),
        rules=AgendaRules(thank_you_due_hours=12),
    )
    assert _kinds(strict) == [("thank_you", True)]


def test_three_weeks_after_the_thanks_comes_the_update_note(session: Session, owner: User) -> None:
    chicago_profile(session, owner)
    interview = make_interview(session, owner)
    log_meeting(session, owner=owner, interview_id=interview.id, at=utc(2026, 11, 2, 16))
    record_note_sent(session, owner=owner, interview_id=interview.id, at=utc(2026, 11, 2, 22))
    assert _kinds(_agenda(session, owner, date(2026, 11, 22))) == []
    assert _kinds(_agenda(session, owner, date(2026, 11, 23))) == [("update", False)]
    record_note_sent(
        session, owner=owner, interview_id=interview.id, kind="update", at=utc(2026, 11, 23, 18)
    )
    assert _kinds(_agenda(session, owner, date(2026, 11, 24))) == []


def test_keep_in_touch_every_90_days_or_as_set_per_person(session: Session, owner: User) -> None:
    chicago_profile(session, owner)
    ada = make_person(session, owner, "Ada Lovelace")
    sam = make_person(session, owner, "Sam Ng")
    for person in (ada, sam):
        interview = make_interview(session, owner, person)
        log_meeting(session, owner=owner, interview_id=interview.id, at=utc(2026, 6, 1, 16))
        record_note_sent(session, owner=owner, interview_id=interview.id, at=utc(2026, 6, 2, 16))
        record_note_sent(
            session, owner=owner, interview_id=interview.id, kind="update", at=utc(2026, 6, 25, 16)
        )
    set_keep_in_touch(session, owner=owner, person_id=sam.id, days=30)
    items = _agenda(session, owner, date(2026, 7, 25))
    assert [(i.kind, i.person_name) for i in items] == [("keep_in_touch", "Sam Ng")]
    items = _agenda(session, owner, date(2026, 9, 23))
    # The longest-overdue first.
    assert [(i.person_name, i.overdue) for i in items] == [
        ("Sam Ng", True),
        ("Ada Lovelace", False),
    ]
    set_keep_in_touch(session, owner=owner, person_id=sam.id, days=0)
    assert [i.person_name for i in _agenda(session, owner, date(2026, 9, 23))] == ["Ada Lovelace"]


def test_coming_meetings_carry_a_readiness_score_and_past_ones_ask_to_be_logged(
    session: Session, owner: User
) -> None:
    chicago_profile(session, owner)
    soon = make_interview(session, owner, make_person(session, owner, "Ada Lovelace"))
    past = make_interview(session, owner, make_person(session, owner, "Sam Ng"))
    later = make_interview(session, owner, make_person(session, owner, "Lin Wu"))
    for interview, at in (
        (soon, utc(2026, 11, 28, 21)),
        (past, utc(2026, 11, 27, 15)),
        (later, utc(2026, 12, 10, 15)),
    ):
        move_interview(session, owner=owner, interview_id=interview.id, stage=Stage.SCHEDULED)
        interview.scheduled_at = at
    session.flush()

    def readiness(_s: Session, _o: User, ids: Sequence[int]) -> Mapping[int, int]:
        return {i: 70 for i in ids}

    items = _agenda(
        session, owner, date(2026, 11, 27), now=utc(2026, 11, 27, 18), readiness=readiness
    )
    assert [(i.kind, i.interview_id, i.readiness) for i in items] == [
        ("log", past.id, None),
        ("prepare", soon.id, 70),
    ]
    assert items[1].title == "Prepare for Ada Lovelace, Sat 28 Nov 15:00"
    assert items[1].action == f"coffeechat brief {soon.id}"


def test_items_come_in_priority_order(session: Session, owner: User) -> None:
    chicago_profile(session, owner)
    _requested(session, owner, "Ada Lovelace", "Northwind", utc(2026, 11, 2, 16))
    thanked = make_interview(session, owner, make_person(session, owner, "Sam Ng"))
    log_meeting(session, owner=owner, interview_id=thanked.id, at=utc(2026, 10, 1, 16))
    record_note_sent(session, owner=owner, interview_id=thanked.id, at=utc(2026, 10, 1, 22))
    held = make_interview(session, owner, make_person(session, owner, "Lin Wu"))
    log_meeting(session, owner=owner, interview_id=held.id, at=utc(2026, 11, 27, 15))
    kinds = [i.kind for i in _agenda(session, owner, date(2026, 11, 27))]
    assert kinds == ["thank_you", "follow_up", "next_contact", "update"]


def test_the_agenda_shows_only_the_owners_interviews(
    session: Session, owner: User, stranger: User
) -> None:
    chicago_profile(session, owner)
    _requested(session, stranger, "Ada Lovelace", "Northwind", utc(2026, 11, 2, 16))
    assert _agenda(session, owner, date(2026, 12, 31)) == []


def test_an_interview_whose_person_was_removed_still_shows_without_a_draft(
    session: Session, owner: User
) -> None:
    chicago_profile(session, owner)
    ada = make_person(session, owner, "Ada Lovelace")
    interview = make_interview(session, owner, ada)
    log_meeting(session, owner=owner, interview_id=interview.id, at=utc(2026, 11, 26, 20))
    remove_person(session, owner=owner, person_id=ada.id)
    session.expire_all()
    (item,) = _agenda(session, owner, date(2026, 11, 27))
    assert item.kind == "thank_you" and item.person_id is None
    assert item.title == "Thank your contact for the meeting"
    assert item_draft(session, owner=owner, item=item) is None
