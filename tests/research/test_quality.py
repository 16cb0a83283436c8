"""Mission precision and recall on the labelled pages in tests/data/research/.

Each page was written for this set (invented organizations, varied shapes); expected.json
lists the facts a careful reader would mark. Precision matters most: a wrong mission
misleads the user more than a missing one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from coffeechat.research.documents import RawInput
from coffeechat.research.ingest import Analysis, analyse_raw

DATA = Path(__file__).parents[1] / "data" / "research"
EXPECTED: dict[str, dict[str, list[str] | str]] = json.loads(
    (DATA / "expected.json").read_text(encoding="utf-8")
)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _analyse(name: str) -> Analysis:
    path = DATA / "pages" / name
    return analyse_raw(RawInput(path.read_bytes(), name=name))


def _found(analysis: Analysis, kind: str) -> list[str]:
    text = analysis.extracted.text
    return [text[f.start : f.end] for f in analysis.facts if f.kind == kind]


def _matches(found: str, expected: str) -> bool:
    a, b = _norm(found), _norm(expected)
    return a == b or (len(a) > 20 and (a in b or b in a))


def _scores(kind: str) -> tuple[float, float, list[str]]:
    true_positive = predicted = relevant = 0
    problems: list[str] = []
    for name, labels in EXPECTED.items():
        expected = list(labels.get(kind, []))
        found = _found(_analyse(name), kind)
        predicted += len(found)
        relevant += len(expected)
        hits = [f for f in found if any(_matches(f, e) for e in expected)]
        true_positive += len(hits)
        problems += [f"{name}: wrongly found {f!r}" for f in found if f not in hits]
        problems += [
            f"{name}: missed {e!r}" for e in expected if not any(_matches(f, e) for f in found)
        ]
    precision = true_positive / predicted if predicted else 1.0
    recall = true_positive / relevant if relevant else 1.0
    return precision, recall, problems


def test_the_labelled_set_is_large_and_varied() -> None:
    assert len(EXPECTED) >= 25
    shapes = " ".join(str(labels["shape"]) for labels in EXPECTED.values())
    for shape in ("corporate", "startup", "nonprofit", "public", "university", "no mission"):
        assert shape in shapes or shape.replace("university", "college") in shapes
    assert sum(1 for labels in EXPECTED.values() if not labels["mission"]) >= 5


def test_mission_precision_is_at_least_090_and_recall_at_least_080() -> None:
    precision, recall, problems = _scores("mission")
    print(f"\nmission precision {precision:.2f}, recall {recall:.2f}")
    for problem in problems:
        print("  " + problem)
    assert precision >= 0.9, problems
    assert recall >= 0.8, problems


def test_values_dress_cues_and_news_are_mostly_found() -> None:
    for kind in ("value", "dress_cue", "news"):
        precision, recall, problems = _scores(kind)
        print(f"\n{kind} recall {recall:.2f}")
        assert recall >= 0.8, (kind, problems)


def test_every_fact_is_the_exact_text_at_its_offsets() -> None:
    for name in EXPECTED:
        analysis = _analyse(name)
        data = analysis.as_json()
        facts = data["facts"]
        assert isinstance(facts, list)
        for fact in facts:
            assert fact["text"] == analysis.extracted.text[fact["start"] : fact["end"]]
            assert fact["text"] == fact["text"].strip() and fact["text"]
            assert 0.0 < fact["confidence"] <= 1.0


def test_cookie_banners_menus_and_footers_are_dropped() -> None:
    for name in EXPECTED:
        text = _analyse(name).extracted.text
        assert "By continuing you agree" not in text, name
        assert "All rights reserved" not in text, name
        assert "Privacy policy" not in text, name
