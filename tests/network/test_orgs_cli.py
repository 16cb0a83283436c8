from __future__ import annotations

import json

from tests.conftest import Cli


def test_orgs_add_list_and_show(cli: Cli) -> None:
    added = cli("orgs", "add", "Acme", "--website", "www.acme.example/", "--industry", "finance")
    assert added.exit_code == 0 and added.stdout == "Added Acme as organization 1.\n"
    cli("people", "add", "Ada", "--org", "ACME")
    listed = json.loads(cli("orgs", "list", "--json").stdout)
    assert listed == [
        {
            "id": 1,
            "name": "Acme",
            "website": "https://www.acme.example/",
            "domain": "acme.example",
            "industry": "finance",
            "location": None,
            "created_at": listed[0]["created_at"],
            "people": 1,
        }
    ]
    shown = json.loads(cli("orgs", "show", "1", "--json").stdout)
    assert shown["people_list"] == [{"id": 1, "name": "Ada", "title": None}]


def test_adding_an_existing_organization_in_another_case_is_refused(cli: Cli) -> None:
    cli("orgs", "add", "Acme")
    result = cli("orgs", "add", "ACME")
    assert result.exit_code == 2
    assert result.stderr == "Error: An organization named 'Acme' exists already (id 1).\n"


def test_a_bad_website_is_refused(cli: Cli) -> None:
    result = cli("orgs", "add", "Acme", "--website", "javascript:alert(1)")
    assert result.exit_code == 2
    assert "website" in result.stderr
    assert json.loads(cli("orgs", "list", "--json").stdout) == []


def test_unknown_organization_exits_2(cli: Cli) -> None:
    result = cli("orgs", "show", "7")
    assert result.exit_code == 2 and result.stderr == "Error: No organization with id 7.\n"


def test_an_organization_named_nowhere_is_reported_by_name(cli: Cli) -> None:
    result = cli("research", "facts", "Nowhere Inc")
    assert result.exit_code == 2
    assert result.stderr == "Error: No organization named 'Nowhere Inc'.\n"
