"""The ``coffeechat questions`` commands: exact output, JSON shapes and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Cli


def _interview(cli: Cli) -> None:
    assert (
        cli("people", "add", "Priya Raman", "--org", "Brightwell", "--title", "Analyst").exit_code
        == 0
    )
    assert cli("interviews", "new", "1", "--focus", "company").exit_code == 0


def test_plan_json_lists_questions_with_why(cli: Cli) -> None:
    _interview(cli)
    result = cli("questions", "plan", "1", "--minutes", "20", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["interview"] == 1
    assert len(data["questions"]) == 5
    first = data["questions"][0]
    assert {"id", "text", "category", "stage", "why"} <= set(first)
    assert first["stage"] == "opening" and first["why"].startswith("Opens with their story")
    assert data["questions"][-1]["category"] == "closing"


def test_plan_prints_numbered_questions_with_their_reason(cli: Cli) -> None:
    _interview(cli)
    result = cli("questions", "plan", "1", "--count", "4")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Questions for interview 1 (4)"
    assert lines[1] == " 1. How did you find your way into the work you do now?"
    assert lines[2].startswith("    #1 their story, opening: Opens with their story")


def test_move_star_drop_and_list_edit_the_saved_plan(cli: Cli) -> None:
    _interview(cli)
    cli("questions", "plan", "1", "--count", "4")
    assert cli("questions", "move", "1", "4", "1").stdout == "Question 4 is now number 1.\n"
    assert cli("questions", "star", "1", "2").stdout == "Question 2 starred.\n"
    assert cli("questions", "drop", "1", "3").stdout == "Question 3 dropped.\n"
    data = json.loads(cli("questions", "list", "1", "--json").stdout)["questions"]
    assert [(q["id"], q["position"], q["starred"]) for q in data] == [
        (4, 1, False),
        (1, 2, False),
        (2, 3, True),
    ]


def test_add_saves_the_question_and_shows_the_findings(cli: Cli) -> None:
    _interview(cli)
    result = cli("questions", "add", "1", "Do you like working at {org}?")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:2] == [
        "Added question 1 at number 1.",
        "closed: This can be answered with yes or no, which stalls the conversation.",
    ]
    assert "What do you like most about working at Brightwell?" in result.stdout


def test_lint_json_gives_code_message_suggestion_and_evidence(cli: Cli) -> None:
    result = cli("questions", "lint", "Are you hiring?", "--json")
    assert result.exit_code == 0
    (finding,) = json.loads(result.stdout)
    assert set(finding) == {"code", "message", "suggestion", "evidence"}
    assert finding["code"] == "job_ask"


def test_a_clean_question_lints_clean(cli: Cli) -> None:
    result = cli("questions", "lint", "What has surprised you most about this work?")
    assert result.stdout == "Good question: no findings.\n"
    assert json.loads(cli("questions", "lint", "What surprised you?", "--json").stdout) == []


def test_bad_input_exits_2_with_the_problem_on_stderr(cli: Cli) -> None:
    assert cli("questions", "lint", "  ").stderr == (
        "Error: question: is empty; write the question you want to ask\n"
    )
    long = cli("questions", "lint", "Why " * 300)
    assert long.exit_code == 2 and "1,199 characters long" in long.stderr
    missing = cli("questions", "plan", "9")
    assert missing.exit_code == 2 and missing.stderr == "Error: No interview with id 9.\n"
    _interview(cli)
    assert cli("people", "remove", "1", "--yes").exit_code == 0
    orphan = cli("questions", "plan", "1")
    assert orphan.exit_code == 2
    assert "has no person" in orphan.stderr


def test_a_custom_bank_is_used_and_a_broken_one_is_named(cli: Cli, tmp_path: Path) -> None:
    _interview(cli)
    bank = tmp_path / "mine.toml"
    entries = []
    for qid, category, stage in [
        ("o", "their_story", "opening"),
        ("c", "skills", "core"),
        ("r", "referrals", "closing"),
        ("k", "closing", "closing"),
    ]:
        entries.append(
            f'[[question]]\nid = "{qid}"\ntext = "Which {category} question fits {{org}} best?"\n'
            f'category = "{category}"\nfocus = "both"\nstage = "{stage}"\n'
            'needs = ["org"]\nredundant_if = []\n'
        )
    bank.write_text("\n".join(entries), encoding="utf-8")
    cli.env["COFFEECHAT_QUESTION_BANK"] = str(bank)
    data = json.loads(cli("questions", "plan", "1", "--count", "4", "--json").stdout)
    assert [q["text"] for q in data["questions"]][
        0
    ] == "Which their_story question fits Brightwell best?"
    bank.write_text(entries[0].replace('"opening"', '"middle"'), encoding="utf-8")
    broken = cli("questions", "plan", "1")
    assert broken.exit_code == 2
    assert "entry 1 (id 'o'), field 'stage': 'middle' is not one of" in broken.stderr
