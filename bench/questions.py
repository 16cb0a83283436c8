"""Question planning and linting with 200 facts known, beside loading the bank alone.

Targets (issue 4): planning for an interview with 200 facts under 50 ms; linting one
question with 200 facts under 20 ms. The baseline is parsing and checking the shipped
question bank, measured in the same run.

Run: .venv/bin/python bench/questions.py [--facts N] [--runs N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import tomllib
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from coffeechat.db import local_owner, open_database
from coffeechat.meetings.pipeline import new_interview
from coffeechat.models import Fact, Source
from coffeechat.network.people import add_person
from coffeechat.questions.bank import parse_bank
from coffeechat.questions.facts import content_words
from coffeechat.questions.service import lint_question, plan_questions
from coffeechat.vocab import FactKind

SUBJECTS = ["The team", "Our company", "Brightwell", "The analytics group", "Every office"]
VERBS = ["builds", "ships", "reviews", "measures", "plans", "funds", "supports", "tests"]
OBJECTS = [
    "rooftop solar for households",
    "home batteries with long guarantees",
    "grid forecasts for utilities",
    "training for new installers",
    "community energy projects",
    "data pipelines for field crews",
]
PLACES = ["in Leeds", "across the north", "in Manchester", "for rural towns", "with partners"]
QUESTION = "Which product does Brightwell build for households in Leeds?"


def _sentences(count: int, rng: random.Random) -> list[str]:
    return [
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
        f"{rng.choice(PLACES)} since {2000 + i % 25}."
        for i in range(count)
    ]


def _timed(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median and 95th percentile in milliseconds, after one warm-up call."""
    action()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=200)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    rng = random.Random(4)
    kinds = [k.value for k in FactKind]
    bank_text = resources.files("coffeechat.questions").joinpath("bank.toml").read_text("utf-8")

    with tempfile.TemporaryDirectory() as folder:
        database = open_database(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        with database.session() as session:
            owner = local_owner(session)
            person = add_person(
                session, owner=owner, name="Priya Raman", org="Brightwell", title="Senior Analyst"
            )
            interview = new_interview(
                session,
                owner=owner,
                person_id=person.id,
                focus="both",
                goal="Understand how analysts choose projects and which skills matter most",
            )
            interview.duration_minutes = 30
            source = Source(
                owner_id=owner.id,
                organization_id=person.organization_id,
                content_hash="bench",
                title="Brightwell site",
                url="https://brightwell.test",
            )
            for i, text in enumerate(_sentences(args.facts, rng)):
                source.facts.append(
                    Fact(
                        owner_id=owner.id,
                        organization_id=person.organization_id,
                        kind=kinds[i % len(kinds)],
                        text=text,
                        start=0,
                        end=len(text),
                        confidence=0.6 + 0.4 * rng.random(),
                        status=rng.choice(["new", "confirmed", "rejected"]),
                    )
                )
            session.add(source)
            session.flush()

            baseline = _timed(lambda: parse_bank(tomllib.loads(bank_text), "bank.toml"), args.runs)
            planning = _timed(
                lambda: plan_questions(session, owner=owner, interview_id=interview.id),
                args.runs,
            )
            linting = _timed(
                lambda: lint_question(
                    session, owner=owner, text=QUESTION, interview_id=interview.id
                ),
                args.runs,
            )

            def lint_cold() -> object:
                # As the first lint in a fresh process: no fact words cached yet.
                content_words.cache_clear()
                return lint_question(session, owner=owner, text=QUESTION, interview_id=interview.id)

            cold = _timed(lint_cold, args.runs)
        database.engine.dispose()

    rows = [
        ("load the bank alone (baseline)", baseline, None),
        (f"plan questions, {args.facts} facts", planning, 50.0),
        (f"lint one question, {args.facts} facts", linting, 20.0),
        ("  same, word cache cleared each time", cold, 20.0),
    ]
    print(f"{'measure':40} {'median ms':>10} {'p95 ms':>8} {'x base':>7}  target")
    for label, (median, p95), target in rows:
        ratio = median / baseline[0]
        verdict = (
            "" if target is None else f"< {target:.0f} ms " + ("ok" if p95 < target else "MISSED")
        )
        print(f"{label:40} {median:10.2f} {p95:8.2f} {ratio:7.2f}  {verdict}")


if __name__ == "__main__":
    main()
