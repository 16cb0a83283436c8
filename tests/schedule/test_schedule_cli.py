from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from tests.conftest import Cli

CHICAGO = ZoneInfo("America/Chicago")


def _interview(cli: Cli) -> None:
    assert cli("me", "--timezone", "America/Chicago").exit_code == 0
    assert cli("people", "add", "Ada Lovelace", "--org", "Acme").exit_code == 0
    assert cli("interviews", "new", "1").exit_code == 0


def _stored(cli: Cli) -> dict[str, object]:
    result = cli("interviews", "show", "1", "--json")
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_schedule_echoes_the_time_in_the_users_zone(cli: Cli) -> None:
    _interview(cli)
    result = cli(
        "interviews",
        "schedule",
        "1",
        "--at",
        "2030-12-03 3pm",
        "--minutes",
        "45",
        "--venue",
        "coffee",
        "--place",
        "Blue Bottle, 5th Ave",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Scheduled interview 1 with Ada Lovelace: Tuesday 3 December 2030, 15:00–15:45 CST "
        "(America/Chicago), coffee at Blue Bottle, 5th Ave.\n"
    )
    stored = _stored(cli)
    assert stored["stage"] == "scheduled"
    assert stored["scheduled_at"] == "2030-12-03T21:00:00+00:00"


def test_natural_phrases_resolve_to_the_coming_day_and_time(cli: Cli) -> None:
    _interview(cli)
    result = cli(
        "interviews", "schedule", "1", "--at", "next Tuesday 3pm", "--venue", "video", "--json"
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    local = datetime.fromisoformat(data["local_start"])
    now = datetime.now(CHICAGO)
    assert (local.strftime("%A"), local.hour, local.minute) == ("Tuesday", 15, 0)
    assert now < local < now + timedelta(days=15)
    assert data["timezone"] == "America/Chicago"
    assert data["resolved"].startswith("Tuesday ") and "15:00–15:30" in data["resolved"]
    assert data["warnings"] == ["No video link yet; add it later with --link."]
    assert result.stderr == "Warning: No video link yet; add it later with --link.\n"


def test_rescheduling_says_so_and_keeps_the_venue(cli: Cli) -> None:
    _interview(cli)
    cli("interviews", "schedule", "1", "--at", "2030-12-03 15:00", "--venue", "phone")
    result = cli("interviews", "schedule", "1", "--at", "2030-12-04 09:30")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Rescheduled interview 1 with Ada Lovelace: Wednesday 4 December 2030, 09:30–10:00 CST "
        "(America/Chicago), phone call.\n"
    )


def test_bad_input_exits_2_names_the_field_and_writes_nothing(cli: Cli) -> None:
    _interview(cli)
    cases = [
        (["--at", "whenever suits"], "Error: at: cannot read 'whenever suits' as a time"),
        (["--at", "yesterday 3pm"], "is in the past; add --force to record it anyway"),
        (["--at", "2030-12-03 3pm", "--link", "ftp://x.example.com"], "Error: link: "),
        (["--at", "2030-12-03 3pm", "--link", "meet.example.com/x", "--minutes", "0"], "minutes"),
    ]
    for options, message in cases:
        result = cli("interviews", "schedule", "1", "--venue", "video", *options)
        assert result.exit_code == 2, options
        assert message in result.stderr
        assert result.stdout == ""
    stored = _stored(cli)
    assert (stored["stage"], stored["scheduled_at"], stored["venue"], stored["link"]) == (
        "idea",
        None,
        None,
        None,
    )


def test_force_records_a_past_meeting_with_a_warning(cli: Cli) -> None:
    _interview(cli)
    result = cli(
        "interviews", "schedule", "1", "--at", "2020-03-02 10:00", "--venue", "office", "--force"
    )
    assert result.exit_code == 0
    assert result.stderr == (
        "Warning: Monday 2 March 2020, 10:00 CST is in the past; recorded because of --force.\n"
    )
    assert _stored(cli)["scheduled_at"] == "2020-03-02T16:00:00+00:00"


def test_scheduling_an_unknown_interview_exits_2(cli: Cli) -> None:
    result = cli("interviews", "schedule", "9", "--at", "2030-12-03 3pm", "--venue", "video")
    assert result.exit_code == 2
    assert result.stderr == "Error: No interview with id 9.\n"
