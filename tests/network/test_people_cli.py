from __future__ import annotations

import json

from tests.conftest import Cli


def test_adding_a_person_prints_their_id(cli: Cli) -> None:
    result = cli(
        "people", "add", "Ada Lovelace", "--org", "Analytical Engines", "--title", "Analyst"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == "Added Ada Lovelace (Analyst at Analytical Engines) as person 1.\n"


def test_people_list_json_has_the_documented_shape(cli: Cli) -> None:
    cli(
        "people",
        "add",
        "Ada Lovelace",
        "--org",
        "Acme",
        "--email",
        "ada@acme.example",
        "--tag",
        "math",
        "--how-met",
        "alumni",
    )
    cli("people", "add", "Charles Babbage", "--org", "acme", "--referred-by", "1")
    result = cli("people", "list", "--json")
    assert result.exit_code == 0
    people = json.loads(result.stdout)
    assert [p["name"] for p in people] == ["Ada Lovelace", "Charles Babbage"]
    ada, charles = people
    assert set(ada) == {
        "id",
        "name",
        "title",
        "organization",
        "emails",
        "phones",
        "urls",
        "how_met",
        "referred_by",
        "tags",
        "location",
        "notes",
        "connected_on",
        "created_at",
        "updated_at",
    }
    assert ada["organization"] == charles["organization"] == {"id": 1, "name": "Acme"}
    assert ada["emails"] == ["ada@acme.example"] and ada["tags"] == ["math"]
    assert charles["referred_by"] == {"id": 1, "name": "Ada Lovelace"}
    assert charles["how_met"] == "referral"
    assert ada["created_at"].endswith("+00:00")


def test_people_list_filters_by_tag(cli: Cli) -> None:
    cli("people", "add", "Ada", "--tag", "math")
    cli("people", "add", "Bob", "--tag", "art")
    result = cli("people", "list", "--tag", "math", "--json")
    assert [p["name"] for p in json.loads(result.stdout)] == ["Ada"]


def test_show_lists_interviews_and_referrals(cli: Cli) -> None:
    cli("people", "add", "Ada")
    cli("people", "add", "Bob", "--referred-by", "1")
    cli("interviews", "new", "1", "--goal", "Learn")
    result = cli("people", "show", "1", "--json")
    shown = json.loads(result.stdout)
    assert shown["referred"] == [{"id": 2, "name": "Bob"}]
    assert shown["interviews"] == [{"id": 1, "stage": "idea"}]


def test_an_invalid_email_exits_2_names_the_field_and_writes_nothing(cli: Cli) -> None:
    result = cli("people", "add", "Ada", "--email", "ada-at-example")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: email: 'ada-at-example' is not a valid email address")
    assert result.stdout == ""
    assert json.loads(cli("people", "list", "--json").stdout) == []


def test_an_invalid_phone_exits_2(cli: Cli) -> None:
    result = cli("people", "add", "Ada", "--phone", "call me maybe")
    assert result.exit_code == 2
    assert "Error: phone: 'call me maybe' is not a valid phone number" in result.stderr


def test_an_empty_name_exits_2(cli: Cli) -> None:
    result = cli("people", "add", " ")
    assert result.exit_code == 2
    assert result.stderr == "Error: name: must not be empty\n"


def test_an_unknown_id_exits_2(cli: Cli) -> None:
    for args in (
        ["people", "show", "42"],
        ["people", "edit", "42", "--title", "x"],
        ["people", "remove", "42", "--yes"],
    ):
        result = cli(*args)
        assert result.exit_code == 2, args
        assert result.stderr == "Error: No person with id 42.\n"


def test_an_unknown_how_met_is_refused(cli: Cli) -> None:
    result = cli("people", "add", "Ada", "--how-met", "carrier-pigeon")
    assert result.exit_code == 2
    assert "--how-met" in result.stderr


def test_edit_changes_only_what_is_given(cli: Cli) -> None:
    cli("people", "add", "Ada", "--org", "Acme", "--title", "Analyst", "--tag", "math")
    result = cli("people", "edit", "1", "--title", "Lead Analyst", "--json")
    assert result.exit_code == 0
    edited = json.loads(result.stdout)
    assert edited["title"] == "Lead Analyst"
    assert edited["organization"]["name"] == "Acme" and edited["tags"] == ["math"]


def test_remove_asks_first_and_yes_skips_the_question(cli: Cli) -> None:
    cli("people", "add", "Ada")
    declined = cli("people", "remove", "1", input="n\n")
    assert declined.exit_code == 1
    assert len(json.loads(cli("people", "list", "--json").stdout)) == 1
    removed = cli("people", "remove", "1", "--yes")
    assert removed.exit_code == 0 and removed.stdout == "Removed Ada.\n"
    assert json.loads(cli("people", "list", "--json").stdout) == []


def test_an_empty_list_tells_a_newcomer_what_to_do(cli: Cli) -> None:
    result = cli("people", "list")
    assert result.exit_code == 0
    assert "coffeechat people add" in result.stdout
