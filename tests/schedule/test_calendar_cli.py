from __future__ import annotations

from pathlib import Path

import icalendar
import vobject

from tests.conftest import Cli


def _two_meetings(cli: Cli) -> None:
    assert cli("me", "--name", "Jordan Reyes", "--email", "jordan@example.com").exit_code == 0
    assert cli("people", "add", "Ada Lovelace", "--email", "ada@acme.example").exit_code == 0
    assert cli("people", "add", "Grace Hopper").exit_code == 0
    for person in ("1", "2", "2"):
        assert cli("interviews", "new", person, "--goal", "Learn the ropes").exit_code == 0
    for interview, when in (("1", "2030-12-03 15:00"), ("2", "2030-12-02 09:00")):
        result = cli("interviews", "schedule", interview, "--at", when, "--venue", "coffee")
        assert result.exit_code == 0, result.stderr


def test_export_ics_writes_every_scheduled_meeting_to_a_file(cli: Cli, tmp_path: Path) -> None:
    _two_meetings(cli)
    target = tmp_path / "meetings.ics"
    result = cli("export", "ics", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"Exported 2 meetings to {target}.\n"
    data = target.read_bytes()
    summaries = [str(e["summary"]) for e in icalendar.Calendar.from_ical(data).walk("VEVENT")]
    assert summaries == [
        "Informational interview with Grace Hopper",
        "Informational interview with Ada Lovelace",
    ]
    assert len(list(vobject.readOne(data.decode()).vevent_list)) == 2


def test_exporting_twice_gives_the_same_file(cli: Cli, tmp_path: Path) -> None:
    _two_meetings(cli)
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    cli("export", "ics", "-o", str(first))
    cli("export", "ics", "-o", str(second))
    assert first.read_bytes() == second.read_bytes()


def test_export_ics_prints_chosen_meetings_to_standard_output(cli: Cli) -> None:
    _two_meetings(cli)
    result = cli("export", "ics", "1")
    assert result.exit_code == 0
    event = icalendar.Calendar.from_ical(result.stdout_bytes).walk("VEVENT")[0]
    assert str(event["attendee"]) == "mailto:ada@acme.example"
    assert result.stderr == "Exported 1 meeting.\n"


def test_without_an_email_the_export_explains_how_to_add_attendees(cli: Cli) -> None:
    assert cli("people", "add", "Ada Lovelace").exit_code == 0
    assert cli("interviews", "new", "1").exit_code == 0
    cli("interviews", "schedule", "1", "--at", "2030-12-03 15:00", "--venue", "video")
    result = cli("export", "ics")
    assert result.exit_code == 0
    assert "Note: set your email (coffeechat me --email" in result.stderr


def test_a_meeting_without_a_time_is_refused_and_no_file_is_written(
    cli: Cli, tmp_path: Path
) -> None:
    _two_meetings(cli)
    target = tmp_path / "meetings.ics"
    result = cli("export", "ics", "1", "3", "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: id: interview 3 has no time yet;")
    assert not target.exists()
    missing = cli("export", "ics", "42")
    assert (missing.exit_code, missing.stderr) == (2, "Error: id: no interview with id 42\n")


def test_a_missing_output_folder_is_named(cli: Cli, tmp_path: Path) -> None:
    result = cli("export", "ics", "-o", str(tmp_path / "nowhere" / "x.ics"))
    assert result.exit_code == 2
    assert result.stderr == f"Error: output: folder {tmp_path / 'nowhere'} does not exist\n"


def test_with_nothing_scheduled_the_calendar_is_empty_but_valid(cli: Cli) -> None:
    result = cli("export", "ics")
    assert result.exit_code == 0
    assert icalendar.Calendar.from_ical(result.stdout_bytes).walk("VEVENT") == []
    assert vobject.readOne(result.stdout).name == "VCALENDAR"
    assert result.stderr == (
        "Exported 0 meetings.\n"
        "Nothing is scheduled yet: coffeechat interviews schedule ID --at WHEN\n"
    )
