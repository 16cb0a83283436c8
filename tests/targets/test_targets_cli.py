from __future__ import annotations

import json

from tests.conftest import Cli


def test_adding_scoring_listing_and_removing_targets(cli: Cli) -> None:
    cli("orgs", "add", "Acme")
    cli("orgs", "add", "Beta")
    added = cli("targets", "add", "acme", "--motivation", "2")
    assert added.exit_code == 0
    assert added.stdout == "Added Acme to your targets (motivation 2, postings not scored).\n"
    assert cli("targets", "add", "Beta", "--motivation", "3", "--postings", "3").exit_code == 0
    cli("people", "add", "Ada Lovelace", "--org", "Acme", "--how-met", "alumni")
    scored = cli("targets", "score", "Acme", "--motivation", "1", "--postings", "2")
    assert scored.stdout == "Scored Acme: motivation 1, postings 2.\n"
    listed = cli("targets", "list")
    assert listed.exit_code == 0
    assert [line.rstrip() for line in listed.stdout.splitlines()] == [
        "Target  Advocacy  Motivation  Postings  People there",
        "Acme    alumni    1           2         Ada Lovelace (alumni)",
        "Beta    -         3           3",
    ]
    removed = cli("targets", "remove", "Beta")
    assert removed.stdout == "Removed Beta from your targets.\n"
    assert [t["name"] for t in json.loads(cli("targets", "list", "--json").stdout)] == ["Acme"]


def test_the_json_list_shows_scores_and_the_people_behind_advocacy(cli: Cli) -> None:
    cli(
        "people",
        "add",
        "Ada Lovelace",
        "--org",
        "Acme",
        "--title",
        "Analyst",
        "--how-met",
        "alumni",
    )
    cli("targets", "add", "Acme", "--postings", "1", "--notes", "fintech team")
    (row,) = json.loads(cli("targets", "list", "--json").stdout)
    assert row == {
        "id": 1,
        "kind": "organization",
        "name": "Acme",
        "organization": {"id": 1, "name": "Acme"},
        "career": None,
        "motivation": 0,
        "postings": 1,
        "notes": "fintech team",
        "created_at": row["created_at"],
        "advocacy": 1,
        "advocates": [],
        "alumni": [{"id": 1, "name": "Ada Lovelace", "title": "Analyst", "organization": "Acme"}],
        "scored": True,
    }


def test_an_unknown_organization_exits_2_and_suggests_new(cli: Cli) -> None:
    cli("orgs", "add", "Acme")
    result = cli("targets", "add", "Acmee")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: organization: no organization named 'Acmee'; did you mean 'Acme'? "
        "(add --new to create it)\n"
    )
    created = cli("targets", "add", "Cobalt", "--new")
    assert created.exit_code == 0
    assert [o["name"] for o in json.loads(cli("orgs", "list", "--json").stdout)] == [
        "Acme",
        "Cobalt",
    ]


def test_scores_out_of_range_exit_2_and_write_nothing(cli: Cli) -> None:
    result = cli("targets", "add", "Acme", "--new", "--motivation", "5")
    assert result.exit_code == 2
    assert result.stderr == "Error: motivation: must be 0, 1, 2 or 3 (got 5)\n"
    assert json.loads(cli("orgs", "list", "--json").stdout) == []
    cli("targets", "add", "Acme", "--new")
    bad = cli("targets", "score", "Acme", "--postings", "0")
    assert (bad.exit_code, bad.stderr) == (2, "Error: postings: must be 1, 2 or 3 (got 0)\n")


def test_scoring_or_removing_an_unknown_organization_exits_2(cli: Cli) -> None:
    for command in (("score", "Nowhere", "--motivation", "1"), ("remove", "Nowhere")):
        result = cli("targets", *command)
        assert result.exit_code == 2
        assert result.stderr == "Error: organization: no organization named 'Nowhere'\n"


def test_a_career_target(cli: Cli) -> None:
    result = cli("targets", "add", "Actuary", "--career", "--new", "--motivation", "3")
    assert result.exit_code == 0
    assert cli("targets", "list").stdout.splitlines()[1].split() == [
        "Actuary",
        "(career)",
        "-",
        "3",
        "?",
    ]


def test_an_empty_list_says_how_to_start(cli: Cli) -> None:
    assert cli("targets", "list").stdout == (
        "No targets yet. Add one: coffeechat targets add Acme --new --motivation 3\n"
    )
