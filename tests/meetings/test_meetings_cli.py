from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Cli


def _setup(cli: Cli) -> None:
    assert cli("me", "--name", "Jordan Reyes", "--timezone", "America/Chicago").exit_code == 0
    cli("people", "add", "Ada Lovelace", "--org", "Northwind", "--email", "ada@northwind.example")
    cli("interviews", "new", "1")


def test_outreach_draft_prints_the_note_and_its_word_count(cli: Cli) -> None:
    _setup(cli)
    result = cli("outreach", "draft", "1")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(
        "To: Ada Lovelace <ada@northwind.example>\nSubject: A question about your field\n\n"
        "Dear Ada Lovelace,\n\nI'm writing because of your work at Northwind."
    )
    assert result.stdout.endswith("Thank you,\nJordan Reyes\n\n(55 words)\n")


def test_outreach_draft_json_has_the_documented_shape(cli: Cli) -> None:
    _setup(cli)
    result = cli("outreach", "draft", "1", "--variant", "event", "--json")
    draft = json.loads(result.stdout)
    assert set(draft) == {
        "interview",
        "kind",
        "variant",
        "to",
        "subject",
        "body",
        "words",
        "warnings",
    }
    assert draft["to"] == {"name": "Ada Lovelace", "emails": ["ada@northwind.example"]}
    assert draft["kind"] == "outreach" and draft["variant"] == "event"
    assert draft["warnings"] == ["Name the event with --event to make the opening specific."]


def test_recording_a_backdated_request_echoes_the_resolved_time(cli: Cli) -> None:
    _setup(cli)
    result = cli("outreach", "sent", "1", "--at", "2025-11-26 09:30")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Request to Ada Lovelace recorded as sent Wednesday 26 November 2025, 09:30 CST; "
        "interview 1 is requested.\n"
    )
    shown = json.loads(cli("interviews", "show", "1", "--json").stdout)
    assert shown["stage"] == "requested"
    assert shown["requested_at"] == "2025-11-26T15:30:00+00:00"


def test_a_natural_time_is_accepted(cli: Cli) -> None:
    _setup(cli)
    result = cli("outreach", "sent", "1", "--at", "yesterday 3pm")
    assert result.exit_code == 0, result.output
    assert ", 15:00 CST; interview 1 is requested." in result.stdout


def test_an_unreadable_time_exits_2_and_records_nothing(cli: Cli) -> None:
    _setup(cli)
    result = cli("outreach", "sent", "1", "--at", "whenever")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: at: cannot read 'whenever' as a time; try 'next Tuesday 3pm', 'tomorrow 9:30' "
        "or '2026-12-01 15:00'\n"
    )
    assert json.loads(cli("interviews", "show", "1", "--json").stdout)["stage"] == "idea"


def test_replied_and_follow_up_commands(cli: Cli) -> None:
    _setup(cli)
    cli("outreach", "sent", "1", "--at", "2025-11-26 09:30")
    follow = cli("outreach", "sent", "1", "--follow-up", "--at", "2025-12-08 09:00")
    assert follow.stdout.startswith(
        "Follow-up to Ada Lovelace recorded as sent Monday 8 December 2025, 09:00 CST"
    )
    replied = cli("outreach", "replied", "1", "--at", "2025-12-09 11:00")
    assert replied.stdout == (
        "Ada Lovelace replied Tuesday 9 December 2025, 11:00 CST; "
        "schedule it: coffeechat interviews schedule 1 --at WHEN.\n"
    )


def test_interviews_log_records_notes_takeaways_and_referrals(cli: Cli, tmp_path: Path) -> None:
    _setup(cli)
    notes = tmp_path / "notes.md"
    notes.write_text("Started in nursing; moved to data.\n", encoding="utf-8")
    result = cli(
        "interviews",
        "log",
        "1",
        "--notes",
        str(notes),
        "--takeaway",
        "Learn SQL before Python",
        "--referral",
        "Dana Lee, Head of Data at Globex",
        "--at",
        "2025-11-20 15:00",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Logged interview 1 with Ada Lovelace: held Thursday 20 November 2025, 15:00 CST.\n"
        "  1 takeaway(s), 0 question(s) marked asked.\n"
        "  Referral: Dana Lee (person 2, new), new interview idea 2\n"
        "Next: coffeechat thanks draft 1\n"
    )
    dana = json.loads(cli("people", "show", "2", "--json").stdout)
    assert dana["referred_by"] == {"id": 1, "name": "Ada Lovelace"}
    assert dana["interviews"] == [{"id": 2, "stage": "idea"}]
    shown = json.loads(cli("interviews", "show", "1", "--json").stdout)
    assert shown["notes"] == "Started in nursing; moved to data."


def test_interviews_log_reads_notes_from_standard_input_and_prints_json(cli: Cli) -> None:
    _setup(cli)
    result = cli("interviews", "log", "1", "--notes", "-", "--json", input="From stdin.\n")
    data = json.loads(result.stdout)
    assert data["notes"] == "From stdin." and data["stage"] == "held" and data["held_now"]
    assert data["referrals"] == [] and data["asked"] == []


def test_a_bad_referral_line_exits_2_and_writes_nothing(cli: Cli) -> None:
    _setup(cli)
    result = cli(
        "interviews", "log", "1", "--takeaway", "kept?", "--referral", "Dana Lee from Globex"
    )
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: referral: 'Dana Lee from Globex' cannot be read; "
        'write it as "NAME[, TITLE] at ORG"\n'
    )
    shown = json.loads(cli("interviews", "show", "1", "--json").stdout)
    assert shown["stage"] == "idea" and shown["takeaways"] == []


def test_a_missing_notes_file_exits_2(cli: Cli, tmp_path: Path) -> None:
    _setup(cli)
    result = cli("interviews", "log", "1", "--notes", str(tmp_path / "nope.md"))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: notes: no file")


def test_thanks_draft_and_sent(cli: Cli) -> None:
    _setup(cli)
    cli("interviews", "log", "1", "--takeaway", "Learn SQL first", "--at", "2025-11-20 15:00")
    draft = json.loads(cli("thanks", "draft", "1", "--json").stdout)
    assert "Learn SQL first" in draft["body"] and draft["kind"] == "thank_you"
    sent = cli("thanks", "sent", "1", "--at", "2025-11-20 19:00")
    assert sent.stdout == (
        "Thank-you note to Ada Lovelace recorded as sent Thursday 20 November 2025, 19:00 CST.\n"
    )
    assert json.loads(cli("interviews", "show", "1", "--json").stdout)["stage"] == "thanked"
    early = cli("thanks", "sent", "1", "--kind", "update", "--at", "2025-11-01 10:00")
    assert early.exit_code == 2
    assert early.stderr == (
        "Error: at: a note after the meeting cannot be sent before the meeting\n"
    )


def test_thanks_cadence(cli: Cli) -> None:
    _setup(cli)
    assert cli("thanks", "cadence", "1", "30").stdout == (
        "Keep in touch with Ada Lovelace every 30 days.\n"
    )
    assert cli("thanks", "cadence", "1", "0").stdout == (
        "No keep-in-touch reminders for Ada Lovelace.\n"
    )
    assert cli("thanks", "cadence", "1", "default").stdout == (
        "Keep in touch with Ada Lovelace every 90 days.\n"
    )
    bad = cli("thanks", "cadence", "1", "often")
    assert bad.exit_code == 2
    assert bad.stderr == "Error: days: 'often' is not a number of days (or \"default\")\n"


def test_agenda_json_items_have_the_documented_shape(cli: Cli) -> None:
    _setup(cli)
    cli("interviews", "log", "1", "--at", "2025-11-20 15:00")
    result = cli("agenda", "--json", "--drafts")
    assert result.exit_code == 0, result.output
    (item,) = [i for i in json.loads(result.stdout) if i["kind"] == "thank_you"]
    assert set(item) == {
        "kind",
        "due",
        "overdue",
        "interview",
        "person",
        "title",
        "action",
        "readiness",
        "draft",
    }
    assert item["overdue"] is True
    assert item["due"] == "2025-11-21T21:00:00+00:00"
    assert item["person"] == {"id": 1, "name": "Ada Lovelace"}
    assert item["action"] == "coffeechat thanks draft 1"
    assert item["draft"]["subject"] == "Thank you for your time"


def test_agenda_for_a_given_date(cli: Cli) -> None:
    _setup(cli)
    cli("outreach", "sent", "1", "--at", "2025-11-26 09:30")  # Wednesday before Thanksgiving
    assert json.loads(cli("agenda", "--date", "2025-12-01", "--json").stdout) == []
    day = json.loads(cli("agenda", "--date", "2025-12-02", "--json").stdout)
    assert [(i["kind"], i["overdue"]) for i in day] == [("next_contact", False)]
    text = cli("agenda", "--date", "2025-11-28")
    assert text.stdout == (
        "Agenda for Friday 28 November 2025\n"
        "Nothing due. A good day to add someone: coffeechat people add NAME --org ORG\n"
    )
    bad = cli("agenda", "--date", "someday maybe")
    assert bad.exit_code == 2 and bad.stderr.startswith("Error: date: cannot read")


def test_agenda_moves_requests_silent_after_the_follow_up_to_no_reply(cli: Cli) -> None:
    _setup(cli)
    cli("outreach", "sent", "1", "--at", "2025-10-01 09:00")
    cli("outreach", "sent", "1", "--follow-up", "--at", "2025-10-10 09:00")
    result = cli("agenda")
    assert result.stdout.startswith(
        "No answer from Ada Lovelace after a follow-up: interview 1 moved to no_reply.\n"
    )
    assert json.loads(cli("interviews", "show", "1", "--json").stdout)["stage"] == "no_reply"


def test_unknown_interview_exits_2(cli: Cli) -> None:
    result = cli("thanks", "draft", "9")
    assert result.exit_code == 2 and result.stderr == "Error: No interview with id 9.\n"


def test_a_scheduled_meeting_appears_to_prepare(cli: Cli) -> None:
    _setup(cli)
    scheduled = cli("interviews", "schedule", "1", "--at", "tomorrow 3pm", "--venue", "video")
    assert scheduled.exit_code == 0, scheduled.output
    items = json.loads(cli("agenda", "--json").stdout)
    assert [(i["kind"], i["interview"], i["action"]) for i in items] == [
        ("prepare", 1, "coffeechat brief 1")
    ]
    assert items[0]["overdue"] is False


def test_meetings_to_prepare_carry_the_research_readiness_score(cli: Cli) -> None:
    _setup(cli)
    cli("interviews", "schedule", "1", "--at", "tomorrow 3pm", "--venue", "video")
    (item,) = json.loads(cli("agenda", "--json").stdout)
    readiness = json.loads(cli("interviews", "readiness", "1", "--json").stdout)
    assert item["kind"] == "prepare"
    assert isinstance(item["readiness"], int) and 0 <= item["readiness"] <= 100
    assert item["readiness"] == readiness["score"]
    assert f"(readiness {item['readiness']}%)" in cli("agenda").stdout
