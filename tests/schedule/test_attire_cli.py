from __future__ import annotations

import json

from tests.conftest import Cli


def _meeting(cli: Cli, venue: str = "video") -> None:
    assert cli("orgs", "add", "Northwind", "--industry", "Investment banking").exit_code == 0
    assert cli("people", "add", "Ada Lovelace", "--org", "Northwind").exit_code == 0
    assert cli("interviews", "new", "1").exit_code == 0
    result = cli("interviews", "schedule", "1", "--at", "2030-12-03 15:00", "--venue", venue)
    assert result.exit_code == 0, result.stderr


def test_attire_prints_the_level_reasons_and_checklist(cli: Cli) -> None:
    _meeting(cli, "coffee")
    result = cli("attire", "1")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Wear: business professional (interview 1)"
    assert (
        "  - One step above their everyday business casual shows respect without looking like "
        "a job interview." in lines
    )
    assert "  [ ] You invited them, so you pay for the coffee; have a card ready." in lines
    assert lines[-1] == "Save your choice: coffeechat attire 1 --choose business-professional"


def test_attire_json_has_the_documented_shape(cli: Cli) -> None:
    _meeting(cli)
    data = json.loads(cli("attire", "1", "--json").stdout)
    assert set(data) == {
        "interview_id",
        "level",
        "label",
        "outfit",
        "everyday_level",
        "reasons",
        "checklist",
        "chosen",
    }
    assert data["reasons"][0] == {
        "factor": "industry",
        "text": "Finance dresses business casual or better day to day, and visitors are "
        "expected in a suit.",
        "level": "business_casual",
        "evidence": {
            "kind": "industry",
            "text": "Northwind: Investment banking",
            "fact_id": None,
            "source_title": None,
            "source_url": None,
        },
    }
    assert data["chosen"] is None


def test_choose_saves_the_choice_for_the_interview(cli: Cli) -> None:
    _meeting(cli)
    result = cli("attire", "1", "--choose", "business-casual")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "Your choice: business casual."
    shown = json.loads(cli("interviews", "show", "1", "--json").stdout)
    assert shown["attire"] == "business_casual"


def test_a_bad_choice_exits_2_and_saves_nothing(cli: Cli) -> None:
    _meeting(cli)
    result = cli("attire", "1", "--choose", "tuxedo")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: level: 'tuxedo' is not a dress level; use one of: business formal, "
        "business professional, business casual, smart casual, casual\n"
    )
    assert json.loads(cli("interviews", "show", "1", "--json").stdout)["attire"] is None


def test_attire_for_an_unknown_interview_exits_2(cli: Cli) -> None:
    result = cli("attire", "5")
    assert (result.exit_code, result.stderr) == (2, "Error: No interview with id 5.\n")
