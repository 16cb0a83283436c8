from __future__ import annotations

import json
from datetime import timedelta

from coffeechat.db import open_database
from coffeechat.models import Interview, Stage, utcnow
from tests.conftest import Cli


def test_paths_lists_people_there_and_second_degree_paths(cli: Cli) -> None:
    cli("people", "add", "Ann Friend", "--org", "Beta")
    cli("people", "add", "Bea Inside", "--org", "Acme", "--title", "Analyst", "--referred-by", "1")
    result = cli("paths", "acme")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Warm paths into Acme:",
        " 1. Bea Inside (Analyst at Acme): works at Acme",
        " 2. Ann Friend (Beta) → Bea Inside: referred you to Bea Inside (works at Acme)",
    ]
    data = json.loads(cli("paths", "Acme", "--json").stdout)
    assert data["organization"] == {"id": 2, "name": "Acme"}
    assert data["total"] == 2 and data["introducers"] == [] and data["next_contact"] is None
    assert data["paths"][1] == {
        "kind": "through_referral",
        "length": 2,
        "score": 0,
        "alumni": False,
        "pattern": "unknown",
        "ask": {"id": 1, "name": "Ann Friend", "title": None, "organization": "Beta"},
        "insider": {"id": 2, "name": "Bea Inside", "title": "Analyst", "organization": "Acme"},
        "reasons": ["referred you to Bea Inside (works at Acme)"],
    }


def test_nobody_near_is_a_helpful_answer_not_an_error(cli: Cli) -> None:
    cli("me", "--school", "Lakeshore State")
    cli("orgs", "add", "Zeta")
    cli("people", "add", "Al Alum", "--how-met", "alumni")
    result = cli("paths", "Zeta")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Nobody in your network works or worked at Zeta yet.",
        "Ask one of these people for an introduction:",
        " - Al Alum: a fellow alum (how you met)",
    ]


def test_an_empty_network_says_what_to_add(cli: Cli) -> None:
    cli("orgs", "add", "Zeta")
    result = cli("paths", "Zeta")
    assert result.stdout.splitlines()[1] == (
        "Add people you know (coffeechat people add) and your schools "
        "(coffeechat me --school ...) to find someone who can introduce you."
    )


def test_an_unknown_organization_exits_2(cli: Cli) -> None:
    result = cli("paths", "Nowhere")
    assert result.exit_code == 2
    assert result.stderr == "Error: organization: no organization named 'Nowhere'\n"


def test_paths_show_whom_to_ask_next_after_a_silent_request(cli: Cli) -> None:
    cli("people", "add", "First Asked", "--org", "Acme")
    cli("people", "add", "Next Best", "--org", "Acme")
    database = open_database(cli.env["COFFEECHAT_DATABASE_URL"])
    with database.session() as session:
        session.add(
            Interview(
                owner_id=1,
                person_id=1,
                organization_id=1,
                stage=Stage.REQUESTED.value,
                requested_at=utcnow() - timedelta(days=14),
                takeaways=[],
            )
        )
    database.engine.dispose()
    lines = cli("paths", "Acme").stdout.splitlines()
    assert lines[-1].startswith("Next: No reply from First Asked at Acme since ")
    assert lines[-1].endswith(": write to Next Best next.")
    data = json.loads(cli("paths", "Acme", "--json").stdout)
    assert data["next_contact"]["waiting_on"]["name"] == "First Asked"
    assert data["next_contact"]["suggestion"]["ask"]["name"] == "Next Best"
