from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from coffeechat.errors import Invalid
from coffeechat.meetings.calendar import (
    DueEvent,
    build_calendar,
    calendar_bytes,
    interviews_for_export,
    scheduled_interviews,
)
from coffeechat.meetings.pipeline import move_interview
from coffeechat.meetings.schedule import schedule_interview
from coffeechat.models import Interview, User
from coffeechat.network.people import ContactChanges, add_person
from tests.factories import make_interview, make_person
from tests.schedule.builders import NOW, add_question, set_zone

START = datetime(2026, 12, 1, 21, 0, tzinfo=UTC)


def _scheduled(
    session: Session, owner: User, name: str = "Ada Lovelace", **details: object
) -> Interview:
    person = make_person(
        session, owner, name, org="Acme", title="Analyst", emails=["ada@acme.example"]
    )
    interview = make_interview(session, owner, person, goal="Learn how analysts start out")
    options: dict[str, object] = {"venue": "coffee", "place": "Blue Bottle, 5th Ave", **details}
    schedule_interview(
        session,
        owner=owner,
        interview_id=interview.id,
        at=START,
        minutes=30,
        now=NOW,
        **options,  # type: ignore[arg-type]
    )
    return interview


def _one_event(data: bytes) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event: icalendar.Event = events[0]
    return event


def test_an_interview_round_trips_through_icalendar(session: Session, owner: User) -> None:
    set_zone(session, owner, name="Jordan Reyes", email="jordan@example.com")
    interview = _scheduled(session, owner)
    add_question(session, interview, "How did you get started in this field?", starred=True)
    add_question(session, interview, "What does a typical week look like?")
    add_question(session, interview, "A question I dropped", state="skipped")

    event = _one_event(calendar_bytes(session, owner=owner, interviews=[interview]))

    assert event.decoded("dtstart") == START
    assert event.decoded("dtend") == START + timedelta(minutes=30)
    assert str(event["summary"]) == "Informational interview with Ada Lovelace (Acme)"
    assert str(event["location"]) == "Blue Bottle, 5th Ave"
    assert str(event["organizer"]) == "mailto:jordan@example.com"
    assert event["organizer"].params["CN"] == "Jordan Reyes"
    assert str(event["attendee"]) == "mailto:ada@acme.example"
    assert event["attendee"].params["CN"] == "Ada Lovelace"
    description = str(event["description"])
    assert "Goal: Learn how analysts start out" in description
    assert "1. How did you get started in this field? (must ask)" in description
    assert "2. What does a typical week look like?" in description
    assert "dropped" not in description
    alarms = event.walk("VALARM")
    assert [a.decoded("trigger") for a in alarms] == [timedelta(days=-1), timedelta(hours=-1)]
    assert all(str(a["action"]) == "DISPLAY" and str(a["description"]) for a in alarms)


def test_the_same_calendar_reads_the_same_in_vobject(session: Session, owner: User) -> None:
    set_zone(session, owner, name="Jordan Reyes", email="jordan@example.com")
    interview = _scheduled(session, owner)
    add_question(session, interview, "Which skills matter most; and why, today?")

    parsed = vobject.readOne(calendar_bytes(session, owner=owner, interviews=[interview]).decode())
    event = parsed.vevent

    assert event.uid.value.startswith(f"interview-{interview.id}-")
    assert event.dtstart.value == START
    assert event.dtend.value == START + timedelta(minutes=30)
    assert event.location.value == "Blue Bottle, 5th Ave"
    assert event.organizer.value == "mailto:jordan@example.com"
    assert event.attendee.value == "mailto:ada@acme.example"
    assert event.attendee.params["CN"] == ["Ada Lovelace"]
    assert "1. Which skills matter most; and why, today?" in event.description.value
    assert [a.trigger.value for a in event.valarm_list] == [
        timedelta(days=-1),
        timedelta(hours=-1),
    ]


def test_uids_are_stable_per_interview_and_differ_between_accounts(
    session: Session, owner: User, stranger: User
) -> None:
    mine = _scheduled(session, owner)
    theirs = _scheduled(session, stranger)
    first = _one_event(calendar_bytes(session, owner=owner, interviews=[mine]))["uid"]
    schedule_interview(
        session, owner=owner, interview_id=mine.id, at=START + timedelta(days=2), now=NOW
    )
    again = _one_event(calendar_bytes(session, owner=owner, interviews=[mine]))["uid"]
    other = _one_event(calendar_bytes(session, owner=stranger, interviews=[theirs]))["uid"]
    assert first == again
    assert first != other


def test_a_video_meeting_carries_its_link_as_url_and_location(
    session: Session, owner: User
) -> None:
    interview = _scheduled(
        session, owner, venue="video", place=None, link="https://meet.example.com/abc"
    )
    event = _one_event(calendar_bytes(session, owner=owner, interviews=[interview]))
    assert str(event["url"]) == "https://meet.example.com/abc"
    assert str(event["location"]) == "https://meet.example.com/abc"
    assert "Link: https://meet.example.com/abc" in str(event.walk("VALARM")[1]["description"])


def test_a_phone_call_shows_the_persons_number(session: Session, owner: User) -> None:
    person = add_person(
        session,
        owner=owner,
        name="Grace Hopper",
        contacts=ContactChanges(phones=["+1 202 555 0143"]),
    )
    interview = make_interview(session, owner, person)
    schedule_interview(
        session, owner=owner, interview_id=interview.id, at=START, venue="phone", now=NOW
    )
    event = _one_event(calendar_bytes(session, owner=owner, interviews=[interview]))
    assert str(event["location"]) == "Phone call: +1 202-555-0143"


def test_without_the_users_email_there_is_no_organizer_or_attendee(
    session: Session, owner: User
) -> None:
    interview = _scheduled(session, owner)
    event = _one_event(calendar_bytes(session, owner=owner, interviews=[interview]))
    assert "organizer" not in event and "attendee" not in event
    assert "With Ada Lovelace, Analyst at Acme" in str(event["description"])


def test_due_actions_become_all_day_events(session: Session, owner: User) -> None:
    due = DueEvent(
        key="thank-you-7",
        day=date(2026, 12, 2),
        summary="Send a thank-you to Ada Lovelace",
        description="Mention the referral to Grace.",
        stamp=NOW,
    )
    data = calendar_bytes(session, owner=owner, interviews=[], extra_events=[due])
    event = _one_event(data)
    assert event.decoded("dtstart") == date(2026, 12, 2)
    assert event.decoded("dtend") == date(2026, 12, 3)
    assert str(event["transp"]) == "TRANSPARENT"
    assert str(event["uid"]).startswith("thank-you-7-")
    assert vobject.readOne(data.decode()).vevent.dtstart.value == date(2026, 12, 2)


def test_only_scheduled_interviews_are_exported_by_default(
    session: Session, owner: User, stranger: User
) -> None:
    later = _scheduled(session, owner, "Later Person")
    schedule_interview(
        session, owner=owner, interview_id=later.id, at=START + timedelta(days=3), now=NOW
    )
    sooner = _scheduled(session, owner, "Sooner Person")
    held = _scheduled(session, owner, "Held Person")
    move_interview(session, owner=owner, interview_id=held.id, stage="held")
    make_interview(session, owner)  # an idea with no time
    _scheduled(session, stranger, "Not Mine")
    assert scheduled_interviews(session, owner=owner) == [sooner, later]
    assert interviews_for_export(session, owner=owner) == [sooner, later]


def test_chosen_interviews_must_exist_be_mine_and_have_a_time(
    session: Session, owner: User, stranger: User
) -> None:
    held = _scheduled(session, owner)
    move_interview(session, owner=owner, interview_id=held.id, stage="held")
    assert interviews_for_export(session, owner=owner, interview_ids=[held.id]) == [held]
    idea = make_interview(session, owner)
    theirs = _scheduled(session, stranger)
    with pytest.raises(Invalid, match="has no time yet") as untimed:
        interviews_for_export(session, owner=owner, interview_ids=[held.id, idea.id])
    with pytest.raises(Invalid, match=f"no interview with id {theirs.id}") as foreign:
        interviews_for_export(session, owner=owner, interview_ids=[theirs.id])
    assert untimed.value.field == foreign.value.field == "id"


def test_a_calendar_refuses_interviews_of_another_owner(
    session: Session, owner: User, stranger: User
) -> None:
    theirs = _scheduled(session, stranger)
    with pytest.raises(ValueError):
        build_calendar(session, owner=owner, interviews=[theirs])


_text = (
    st.text(
        alphabet=st.characters(exclude_categories=("Cs", "Cc"), include_characters="\n"),
        min_size=1,
        max_size=120,
    )
    .map(str.strip)
    .filter(bool)
    # icalendar reads a literal backslash-N as the RFC 5545 line-break escape, by design.
    .filter(lambda text: "\\N" not in text)
)
_line = _text.map(lambda text: " ".join(text.split())).filter(bool)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(goal=_text, place=_line)
def test_any_goal_and_place_survive_both_parsers(
    session: Session, owner: User, goal: str, place: str
) -> None:
    interview = _cached_interview(session, owner)
    interview.goal, interview.place = goal, place
    data = calendar_bytes(session, owner=owner, interviews=[interview])
    event = _one_event(data)
    assert str(event["location"]) == place
    assert f"Goal: {goal}" in str(event["description"])
    parsed = vobject.readOne(data.decode()).vevent
    assert parsed.location.value == place
    assert f"Goal: {goal}" in parsed.description.value


def _cached_interview(session: Session, owner: User) -> Interview:
    existing = session.info.get("calendar-test-interview")
    if existing is None:
        existing = session.info["calendar-test-interview"] = _scheduled(session, owner)
    assert isinstance(existing, Interview)
    return existing
