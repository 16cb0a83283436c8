"""The linter against a labelled set of questions written for it: precision and recall per code."""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from coffeechat.questions.facts import known_fact
from coffeechat.questions.linter import CODES, lint

DATA = tomllib.loads(
    (Path(__file__).parents[1] / "data" / "questions" / "labelled.toml").read_text("utf-8")
)
CASES: list[dict[str, Any]] = DATA["cases"]
FACTS = [known_fact(f["kind"], f["text"], f["title"], f["url"]) for f in DATA["fact"]]
MIN_PRECISION, MIN_RECALL = 0.85, 0.8
# Codes that catch the same kind of mistake; each family is also scored as a whole.
FAMILIES = {
    "research": ("answered_by_research", "searchable"),
    "form": ("closed", "double", "too_long", "leading"),
    "asks": ("job_ask", "favour_ask", "salary_first"),
    "personal": ("too_personal", "negative_press"),
}


def _scores() -> tuple[Counter[str], Counter[str], Counter[str], list[str]]:
    hits: Counter[str] = Counter()
    false_alarms: Counter[str] = Counter()
    misses: Counter[str] = Counter()
    wrong: list[str] = []
    for case in CASES:
        found = lint(
            case["text"], facts=FACTS, org_names=DATA["org"], opening=case.get("opening", False)
        )
        got, want = {f.code for f in found}, set(case["codes"])
        hits.update(got & want)
        false_alarms.update(got - want)
        misses.update(want - got)
        if got != want:
            wrong.append(f"{case['text'][:70]!r}: want {sorted(want)}, got {sorted(got)}")
    return hits, false_alarms, misses, wrong


HITS, FALSE_ALARMS, MISSES, WRONG = _scores()


def test_the_set_is_big_enough_and_covers_every_code_and_clean_questions() -> None:
    assert len(CASES) >= 120
    labelled = Counter(code for case in CASES for code in case["codes"])
    assert set(labelled) == set(CODES)
    assert all(count >= 6 for count in labelled.values()), labelled
    assert sum(1 for case in CASES if not case["codes"]) >= 30


@pytest.mark.parametrize("code", CODES)
def test_each_code_is_precise_and_finds_most_of_its_cases(code: str) -> None:
    found = HITS[code] + FALSE_ALARMS[code]
    labelled = HITS[code] + MISSES[code]
    precision = HITS[code] / found if found else 0.0
    recall = HITS[code] / labelled
    report = "\n".join(line for line in WRONG if code in line)
    assert precision >= MIN_PRECISION, f"{code} precision {precision:.2f}\n{report}"
    assert recall >= MIN_RECALL, f"{code} recall {recall:.2f}\n{report}"


@pytest.mark.parametrize("family", FAMILIES)
def test_each_code_family_is_precise_and_finds_most_of_its_cases(family: str) -> None:
    codes = FAMILIES[family]
    hits = sum(HITS[c] for c in codes)
    precision = hits / (hits + sum(FALSE_ALARMS[c] for c in codes))
    recall = hits / (hits + sum(MISSES[c] for c in codes))
    assert precision >= MIN_PRECISION and recall >= MIN_RECALL, (family, precision, recall)


def test_the_families_cover_every_code_once() -> None:
    assert sorted(c for codes in FAMILIES.values() for c in codes) == sorted(CODES)


def test_clean_questions_get_no_findings() -> None:
    clean = [case["text"] for case in CASES if not case["codes"]]
    flagged = [text for text in clean if lint(text, facts=FACTS, org_names=DATA["org"])]
    assert len(flagged) / len(clean) <= 0.05, flagged
