"""Search latency on a large network, beside the same FTS query run directly with sqlite3.

Target (issue 2): with 50,000 people and 100,000 notes, p95 under 20 ms and within 2x of
the direct query. Also times `coffeechat --help` against `python -c pass`.

Run: .venv/bin/python bench/search.py [--people N] [--notes N]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert

from coffeechat.db import local_owner, open_database
from coffeechat.models import Interview, Organization, Person
from coffeechat.search import reindex_owner, search

QUERIES = [
    "analyst",
    "anal",
    "data sci",
    "product manager",
    "nurse",
    "priya",
    "chicago",
    "readmission",
    "mentor",
    "finance",
    "startup found",
    "research study",
    "teacher",
    "portfolio",
    "python",
    "marketing",
    "zoe alvarez",
    "cafe",
    "grant writing",
    "policy",
]
FIRST = [
    "Priya",
    "Marcus",
    "Elena",
    "Tomás",
    "Grace",
    "Samir",
    "Hannah",
    "Daniel",
    "Rosa",
    "Owen",
    "Aisha",
    "Lukas",
    "Zoë",
    "Nora",
    "Jamal",
    "Ingrid",
    "Felipe",
    "Chloé",
    "Ben",
]
LAST = [
    "Natarajan",
    "Oyelaran",
    "Sokolova",
    "Álvarez",
    "Kim",
    "Haddad",
    "Whitfield",
    "Mwangi",
    "Delgado",
    "Brennan",
    "Bello",
    "Brandt",
    "Fitzgerald",
    "Carter",
    "Larsen",
    "Moreno",
]
TITLES = [
    "Data Analyst",
    "Product Manager",
    "Registered Nurse",
    "UX Researcher",
    "Financial Analyst",
    "Teacher",
    "Marketing Manager",
    "Policy Advisor",
    "Engineer",
    "Data Scientist",
    "Grant Writer",
    "Startup Founder",
    "Recruiter",
    "Designer",
]
CITIES = ["Chicago, IL", "Austin, TX", "Portland, OR", "New York, NY", "Minneapolis, MN"]
# Notes draw on a Zipf-distributed vocabulary, as real prose does: a few words are in
# almost every note, most are rare. Domain words sit at middling ranks.
DOMAIN = [
    "clinicians",
    "dashboards",
    "portfolio",
    "python",
    "sql",
    "project",
    "grant",
    "writing",
    "policy",
    "cafe",
    "mentor",
    "newcomers",
    "finance",
    "reporting",
    "readmission",
    "startup",
    "founders",
    "curiosity",
    "research",
    "study",
    "teacher",
    "analyst",
    "analytics",
    "marketing",
    "nurse",
    "product",
    "manager",
    "design",
    "interview",
    "referral",
    "advice",
    "hiring",
    "budget",
    "roadmap",
    "discovery",
    "stakeholders",
    "certificate",
    "course",
    "conference",
    "newsletter",
    "podcast",
    "association",
    "volunteer",
    "internship",
    "salary",
    "benefits",
    "remote",
    "hybrid",
    "office",
    "travel",
    "deadline",
    "quarterly",
    "forecast",
    "model",
    "pipeline",
    "experiment",
]
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ren",
    "tu",
    "sa",
    "vel",
    "dor",
    "pin",
    "qua",
    "bri",
    "zen",
    "mo",
    "ta",
    "lin",
    "gor",
    "fe",
    "shu",
    "ar",
    "nix",
]


def _vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    common = [
        "the",
        "a",
        "and",
        "to",
        "of",
        "in",
        "she",
        "he",
        "said",
        "we",
        "they",
        "with",
        "for",
        "on",
        "that",
        "was",
        "it",
        "is",
        "about",
    ]
    made = {"".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(6000)}
    words = common + sorted(made)
    for index, word in enumerate(DOMAIN):
        words.insert(len(common) + 40 + index * 37, word)
    weights = [1 / (rank + 1) ** 1.07 for rank in range(len(words))]
    return words, weights


def _fill(url: str, people: int, notes: int) -> None:
    rng = random.Random(7)
    words, weights = _vocabulary(rng)
    database = open_database(url)
    now = datetime.now(UTC)
    with database.session() as session:
        owner = local_owner(session)
        connection = session.connection()
        connection.execute(
            insert(Organization),
            [
                {
                    "owner_id": owner.id,
                    "name": f"Org {i}",
                    "name_key": f"org {i}",
                    "aliases": [],
                    "notes": "",
                    "industry": rng.choice(["healthcare", "finance", "technology"]),
                }
                for i in range(2000)
            ],
        )
        connection.execute(
            insert(Person),
            [
                {
                    "owner_id": owner.id,
                    "full_name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                    "title": rng.choice(TITLES),
                    "organization_id": rng.randint(1, 2000),
                    "location": rng.choice(CITIES),
                    "how_met": "linkedin",
                    "notes": "",
                }
                for _ in range(people)
            ],
        )
        connection.execute(
            insert(Interview),
            [
                {
                    "owner_id": owner.id,
                    "person_id": rng.randint(1, people),
                    "focus": "company",
                    "stage": "held",
                    "goal": "",
                    "takeaways": [],
                    "stage_changed_at": now,
                    "notes": " ".join(rng.choices(words, weights, k=60)),
                }
                for _ in range(notes)
            ],
        )
        reindex_owner(session, owner)
    database.engine.dispose()


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.95) - 1]


def _time_search(url: str, path: Path, rounds: int) -> tuple[list[float], list[float]]:
    database = open_database(url)
    ours: list[float] = []
    direct: list[float] = []
    with database.session() as session:
        owner = local_owner(session)
        direct_connection = sqlite3.connect(path)
        for _ in range(rounds):
            for query in QUERIES:
                started = time.perf_counter()
                search(session, owner=owner, query=query)
                ours.append((time.perf_counter() - started) * 1000)
                words = " ".join(f'"{w}"*' for w in query.lower().split())
                started = time.perf_counter()
                direct_connection.execute(
                    "SELECT d.kind, d.ref_id, d.title, d.body, d.folded FROM search_fts "
                    "JOIN search_documents AS d ON d.id = search_fts.rowid "
                    "WHERE search_fts MATCH ? AND d.owner_id = ? "
                    "ORDER BY bm25(search_fts, 4.0, 1.0) LIMIT 20",
                    (words, owner.id),
                ).fetchall()
                direct.append((time.perf_counter() - started) * 1000)
        direct_connection.close()
    database.engine.dispose()
    return ours, direct


def _startup(command: list[str], runs: int = 10) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        url = f"sqlite:///{path}"
        started = time.perf_counter()
        _fill(url, args.people, args.notes)
        print(
            f"filled {args.people:,} people and {args.notes:,} notes "
            f"in {time.perf_counter() - started:.1f} s"
        )
        ours, direct = _time_search(url, path, args.rounds)
    our_median, our_p95 = _percentiles(ours)
    direct_median, direct_p95 = _percentiles(direct)
    print(f"search ({len(QUERIES)} queries x {args.rounds}):")
    print(f"  coffeechat search  median {our_median:6.2f} ms   p95 {our_p95:6.2f} ms")
    print(f"  direct sqlite3     median {direct_median:6.2f} ms   p95 {direct_p95:6.2f} ms")
    print(
        f"  ratio              median {our_median / direct_median:5.2f}x     "
        f"p95 {our_p95 / direct_p95:5.2f}x   (target: p95 < 20 ms, ratio <= 2x)"
    )
    help_time = _startup([sys.executable, "-m", "coffeechat", "--help"])
    bare_time = _startup([sys.executable, "-c", "pass"])
    print(
        f"startup: coffeechat --help {help_time * 1000:.0f} ms, python -c pass "
        f"{bare_time * 1000:.0f} ms, ratio {help_time / bare_time:.1f}x (target: < 300 ms)"
    )


if __name__ == "__main__":
    main()
