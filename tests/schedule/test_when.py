from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.orm import Session

from coffeechat.errors import Invalid
from coffeechat.meetings.when import describe_span, describe_when, owner_zone, parse_when
from coffeechat.models import User
from tests.schedule.builders import NOW, set_zone

CHICAGO = ZoneInfo("America/Chicago")


def test_it_reads_next_tuesday_3pm_in_the_users_zone() -> None:
    moment = parse_when("next Tuesday 3pm", zone=CHICAGO, now=NOW)
    assert moment == datetime(2026, 12, 1, 21, 0, tzinfo=UTC)


def test_it_follows_daylight_saving_time_of_the_zone() -> None:
    moment = parse_when("2027-07-06 15:00", zone=CHICAGO, now=NOW)
    assert moment == datetime(2027, 7, 6, 20, 0, tzinfo=UTC)


def test_an_explicit_offset_wins_over_the_users_zone() -> None:
    moment = parse_when("2026-12-03T15:00:00Z", zone=CHICAGO, now=NOW)
    assert moment == datetime(2026, 12, 3, 15, 0, tzinfo=UTC)


def test_a_bare_weekday_means_the_coming_one_for_meetings_and_the_last_one_for_records() -> None:
    coming = parse_when("Tuesday 10am", zone=CHICAGO, now=NOW)
    last = parse_when("Tuesday 10am", zone=CHICAGO, now=NOW, prefer="past")
    assert coming.astimezone(CHICAGO).date().isoformat() == "2026-12-01"
    assert last.astimezone(CHICAGO).date().isoformat() == "2026-11-24"


def test_a_day_without_a_time_is_accepted_unless_a_time_is_needed() -> None:
    assert parse_when("yesterday", zone=CHICAGO, now=NOW, prefer="past").date().isoformat() == (
        "2026-11-26"
    )
    with pytest.raises(Invalid) as raised:
        parse_when("Tuesday", zone=CHICAGO, now=NOW, need_time=True)
    assert raised.value.field == "at"
    assert (
        raised.value.message == "found no time of day in 'Tuesday'; add one, like '3pm' or '15:00'"
    )


@pytest.mark.parametrize("phrase", ["Tuesday at 3", "tomorrow", "2026-12-02"])
def test_a_phrase_read_as_midnight_by_accident_is_refused_when_a_time_is_needed(
    phrase: str,
) -> None:
    with pytest.raises(Invalid, match="found no time of day"):
        parse_when(phrase, zone=CHICAGO, now=NOW, need_time=True)


@pytest.mark.parametrize("phrase", ["midnight tomorrow", "2026-12-02 00:00", "Dec 2 12am"])
def test_midnight_asked_for_on_purpose_is_kept(phrase: str) -> None:
    moment = parse_when(phrase, zone=CHICAGO, now=NOW, need_time=True)
    assert moment.astimezone(CHICAGO).hour == 0


@pytest.mark.parametrize("phrase", ["in two hours", "tomorrow morning", "tomorrow at noon"])
def test_words_for_times_of_day_are_understood(phrase: str) -> None:
    moment = parse_when(phrase, zone=CHICAGO, now=NOW, need_time=True)
    assert moment.astimezone(CHICAGO).hour in (9, 12)


def test_a_date_a_century_away_is_taken_as_a_misreading() -> None:
    with pytest.raises(Invalid, match="2115, 00:00 CST, which looks wrong"):
        parse_when("1 Dec 15h", zone=CHICAGO, now=NOW)


@pytest.mark.parametrize("phrase", ["banana", "", "   ", "the thirty-second of Smarch"])
def test_it_names_the_field_when_it_cannot_read_a_time(phrase: str) -> None:
    with pytest.raises(Invalid) as raised:
        parse_when(phrase, zone=CHICAGO, now=NOW, field="when")
    assert raised.value.field == "when"


def test_times_are_described_in_the_users_zone() -> None:
    start = datetime(2026, 12, 1, 21, 0, tzinfo=UTC)
    assert describe_when(start, CHICAGO) == "Tuesday 1 December 2026, 15:00 CST"
    assert describe_span(start, 45, CHICAGO) == "Tuesday 1 December 2026, 15:00–15:45 CST"


def test_the_zone_comes_from_the_profile_and_defaults_to_utc(session: Session, owner: User) -> None:
    assert owner_zone(session, owner).key == "UTC"
    set_zone(session, owner, "Europe/Berlin")
    assert owner_zone(session, owner).key == "Europe/Berlin"


def test_meeting_times_are_cut_to_the_minute() -> None:
    now = datetime(2026, 11, 27, 16, 17, 42, 123456, tzinfo=UTC)
    assert parse_when("in two hours", zone=CHICAGO, now=now, need_time=True) == datetime(
        2026, 11, 27, 18, 17, tzinfo=UTC
    )
    assert parse_when("in two hours", zone=CHICAGO, now=now).second == 42
