from __future__ import annotations

import json

from tests.conftest import Cli


def test_stats_counts_what_the_user_did(cli: Cli) -> None:
    cli("people", "add", "Ada", "--org", "Acme")
    cli("people", "add", "Bob", "--referred-by", "1")
    cli("interviews", "new", "1")
    for stage in ("requested", "scheduled", "held", "thanked"):
        cli("interviews", "move", "1", stage)
    result = cli("stats", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert {k: v for k, v in data.items() if k != "new_contacts_per_month"} == {
        "requests_sent": 1,
        "replies": 1,
        "reply_rate": 1.0,
        "meetings_held": 1,
        "thank_yous": {
            "within_hours": 24,
            "due": 1,
            "on_time": 1,
            "late": 0,
            "missing": 0,
            "pending": 0,
            "on_time_rate": 1.0,
        },
        "referrals_gained": 1,
        "referrals_per_meeting": 1.0,
        "organizations_with_conversation": ["Acme"],
    }
    months = data["new_contacts_per_month"]
    assert len(months) == 12 and months[-1]["count"] == 2


def test_stats_text_reads_as_a_summary(cli: Cli) -> None:
    cli("people", "add", "Ada", "--org", "Acme")
    lines = cli("stats").stdout.splitlines()
    assert lines[:7] == [
        "Requests sent            0",
        "Replies                  0",
        "Meetings held            0",
        "Thank-yous on time       0 of 0, within 24 h; 0 late, 0 missing",
        "Referrals gained         0",
        "Organizations talked to  0",
        "New contacts per month:",
    ]
    assert lines[-1].endswith("  1  ####################")


def test_the_thank_you_window_follows_the_setting(cli: Cli) -> None:
    cli.env["COFFEECHAT_THANK_YOU_DUE_HOURS"] = "48"
    data = json.loads(cli("stats", "--json").stdout)
    assert data["thank_yous"]["within_hours"] == 48
