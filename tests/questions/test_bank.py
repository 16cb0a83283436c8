"""The question bank: every shipped entry is well formed, and broken banks say where."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from coffeechat.errors import Invalid
from coffeechat.questions.bank import (
    CATEGORIES,
    FOCI,
    PLACEHOLDERS,
    STAGES,
    BankQuestion,
    fill,
    load_bank,
    parse_bank,
)
from coffeechat.questions.facts import known_fact
from coffeechat.questions.linter import lint

BANK = load_bank()

# Typical fills: what a researched interview with a company and a career provides.
FILLS = {
    "first_name": "Priya",
    "org": "Brightwell Energy",
    "role": "Senior Data Analyst",
    "field": "data scientist work",
    "mission": "make rooftop solar affordable for every household",
    "vision": "a grid that runs on clean power all year round",
    "value": "Say what you see",
    "goal": "halve installation times by 2028",
    "culture": "Small teams own their results from start to finish",
    "product": "Brightwell sells home batteries and solar panels to homeowners",
    "news": "Brightwell opened a second office in Leeds this spring",
    "workplace": "Most staff work from the office three days a week",
    "typical_day": "spend much of the day cleaning and checking data",
    "qualification": "a degree in statistics or a related subject",
    "outlook": "employment is projected to grow much faster than average",
}
FACTS = [
    known_fact(kind, value + ".", "Brightwell site", "https://brightwell.test")
    for kind, value in FILLS.items()
    if kind not in ("first_name", "org", "role", "field")
]

ENTRY = """
[[question]]
id = "x-1"
text = "How did you start at {org}?"
category = "their_story"
focus = "company"
stage = "opening"
needs = ["org"]
redundant_if = []
"""


def test_the_shipped_bank_has_at_least_150_questions_covering_every_category() -> None:
    assert len(BANK) >= 150
    assert {q.category for q in BANK} == set(CATEGORIES)
    assert len({q.id for q in BANK}) == len(BANK)


@pytest.mark.parametrize("question", BANK, ids=lambda q: q.id)
def test_every_entry_is_well_formed(question: BankQuestion) -> None:
    assert question.category in CATEGORIES
    assert question.focus in FOCI and question.stage in STAGES
    assert set(question.placeholders) <= PLACEHOLDERS
    assert set(question.placeholders) <= set(question.needs)
    assert question.text.endswith("?")


@pytest.mark.parametrize("question", BANK, ids=lambda q: q.id)
def test_every_entry_passes_the_linter_with_typical_fills(question: BankQuestion) -> None:
    text = fill(question.text, FILLS)
    findings = lint(
        text, facts=FACTS, org_names=["Brightwell Energy"], opening=question.stage == "opening"
    )
    assert findings == [], text


def test_the_planner_has_an_opener_and_both_kinds_of_close_for_every_focus() -> None:
    for focus in ("company", "career"):
        fits = [q for q in BANK if q.focus in (focus, "both") and not q.needs]
        assert any(q.stage == "opening" for q in fits)
        assert any(q.category == "referrals" for q in fits)
        assert any(q.category == "closing" for q in fits)


def _broken(entry: str) -> str:
    with pytest.raises(Invalid) as error:
        parse_bank(tomllib.loads(entry), "mine.toml")
    return str(error.value)


def test_an_unknown_placeholder_names_the_entry_and_the_field() -> None:
    message = _broken(ENTRY.replace("{org}?", "{company}?"))
    assert "mine.toml, entry 1 (id 'x-1'), field 'text'" in message
    assert "unknown placeholder {company}" in message


def test_a_missing_field_names_the_entry_and_the_field() -> None:
    message = _broken(ENTRY.replace('stage = "opening"\n', ""))
    assert "entry 1 (id 'x-1'), field 'stage': is missing" in message


def test_a_bad_category_names_the_entry_and_the_field() -> None:
    message = _broken(ENTRY + ENTRY.replace("x-1", "x-2").replace("their_story", "gossip"))
    assert "entry 2 (id 'x-2'), field 'category': 'gossip' is not one of" in message


def test_a_placeholder_missing_from_needs_is_refused() -> None:
    assert "field 'needs'" in _broken(ENTRY.replace('needs = ["org"]', "needs = []"))


def test_a_repeated_id_and_an_unknown_field_are_refused() -> None:
    assert "'x-1' is used twice" in _broken(ENTRY + ENTRY)
    assert "field 'colour': is not a known field" in _broken(ENTRY + 'colour = "red"\n')


def test_a_custom_bank_file_loads_and_a_broken_one_is_named(tmp_path: Path) -> None:
    good = tmp_path / "bank.toml"
    good.write_text(ENTRY, encoding="utf-8")
    assert [q.id for q in load_bank(good)] == ["x-1"]
    bad = tmp_path / "bad.toml"
    bad.write_text("[[question]\n", encoding="utf-8")
    with pytest.raises(Invalid, match="not valid TOML"):
        load_bank(bad)
    with pytest.raises(Invalid, match="cannot read"):
        load_bank(tmp_path / "missing.toml")
