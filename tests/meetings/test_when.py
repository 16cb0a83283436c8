"""Reading the times of things already done (``--at`` on sent, replied, log, thanks)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from coffeechat.errors import Invalid
from coffeechat.meetings.when import describe_when, parse_past
from tests.meetings.conftest import utc

NOW = utc(2026, 11, 27, 18)  # Friday, noon in Chicago
CHICAGO = ZoneInfo("America/Chicago")


def test_iso_times_without_an_offset_are_read_in_the_users_zone() -> None:
    assert parse_past("2026-11-25 10:00", zone=CHICAGO, now=NOW) == utc(2026, 11, 25, 16)


def test_iso_times_with_an_offset_keep_it() -> None:
    assert parse_past("2026-11-25T10:00+01:00", zone=CHICAGO, now=NOW) == utc(2026, 11, 25, 9)


def test_natural_phrases_are_read_relative_to_now_in_the_users_zone() -> None:
    moment = parse_past("yesterday 3pm", zone=CHICAGO, now=NOW)
    assert moment == utc(2026, 11, 26, 21)
    assert describe_when(moment, CHICAGO) == "Thursday 26 November 2026, 15:00 CST"


def test_a_weekday_means_the_last_one() -> None:
    # "Tuesday" said on a Friday is three days ago, not next week.
    assert parse_past("tuesday 9am", zone=CHICAGO, now=NOW) == utc(2026, 11, 24, 15)


def test_an_unreadable_time_names_the_field() -> None:
    with pytest.raises(Invalid) as error:
        parse_past("the other day-ish", zone=CHICAGO, now=NOW)
    assert error.value.field == "at"
    assert "cannot read 'the other day-ish' as a time" in str(error.value)


def test_a_record_of_something_done_cannot_be_in_the_future() -> None:
    with pytest.raises(Invalid, match="in the future"):
        parse_past("2026-12-25 10:00", zone=CHICAGO, now=NOW)
