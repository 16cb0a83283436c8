from __future__ import annotations

import pytest

from coffeechat.errors import Invalid
from coffeechat.meetings.when import parse_when, show_time
from tests.meetings.conftest import utc

NOW = utc(2026, 11, 27, 18)  # Friday, noon in Chicago


def test_iso_times_without_an_offset_are_read_in_the_users_zone() -> None:
    moment = parse_when("2026-11-25 10:00", timezone="America/Chicago", now=NOW)
    assert moment == utc(2026, 11, 25, 16)


def test_iso_times_with_an_offset_keep_it() -> None:
    assert parse_when("2026-11-25T10:00+01:00", timezone="America/Chicago", now=NOW) == utc(
        2026, 11, 25, 9
    )


def test_natural_phrases_are_read_relative_to_now_in_the_users_zone() -> None:
    moment = parse_when("yesterday 3pm", timezone="America/Chicago", now=NOW)
    assert moment == utc(2026, 11, 26, 21)
    assert show_time(moment, "America/Chicago") == "Thu 26 Nov 2026 15:00 (America/Chicago)"


def test_an_unreadable_time_names_the_field() -> None:
    with pytest.raises(Invalid) as error:
        parse_when("the other day-ish", timezone="UTC", now=NOW)
    assert error.value.field == "at"
    assert "cannot read 'the other day-ish' as a time" in str(error.value)


def test_a_record_of_something_done_cannot_be_in_the_future() -> None:
    with pytest.raises(Invalid, match="in the future"):
        parse_when("2026-12-25 10:00", timezone="UTC", now=NOW)
    assert parse_when("tomorrow", timezone="UTC", now=NOW, past_only=False) > NOW
