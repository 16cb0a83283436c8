"""Benchmark: full O*NET import and `careers search` latency.

Writes a synthetic O*NET text release of full size (about 1,000 occupations, 56,000
alternate titles, 19,000 tasks with 170,000 task ratings, 300,000 work-context rows…)
into a temporary folder, in the real tab-delimited format, then measures:

- the import into a fresh SQLite database, beside a baseline that only reads the same
  files with the csv module (our overhead over bare parsing);
- `careers search` p50/p95 over 20 realistic queries (some misspelt), beside a plain
  SQL ``LIKE`` query per word on the same tables.

Targets from the issue: import under 60 s, search p95 under 20 ms.
Run: .venv/bin/python bench/careers.py
(with COFFEECHAT_BENCH_POSTGRES_URL=postgresql://… it also times the import on PostgreSQL,
in a throwaway schema).
"""

from __future__ import annotations

import csv
import os
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from coffeechat.careers.onet_files import open_folder
from coffeechat.careers.onet_import import import_onet
from coffeechat.careers.search import search_careers
from coffeechat.config import normalise_url
from coffeechat.db import make_engine, open_database

OCCUPATIONS = 1016
TITLES_PER_OCCUPATION = 55
TASKS_PER_OCCUPATION = 19
TECHNOLOGIES_PER_OCCUPATION = 32
RELATED_PER_OCCUPATION = 20
CONTEXT_ELEMENTS = 57
SPECIALTY_WORDS = 14000

# Occupation names written for this benchmark; the rest are built from word lists.
KNOWN = [
    "Software Developers",
    "Registered Nurses",
    "Accountants and Auditors",
    "Electricians",
    "Graphic Designers",
    "Data Scientists",
    "Civil Engineers",
    "Elementary School Teachers",
    "Marketing Managers",
    "Pharmacists",
    "Web Developers",
    "Physical Therapists",
    "Lawyers",
    "Police Patrol Officers",
    "Chefs and Head Cooks",
    "Financial Analysts",
    "Mechanical Engineers",
    "Dental Hygienists",
    "Project Management Specialists",
    "Human Resources Specialists",
]
QUERIES = [
    "software developer",
    "registered nurse",
    "acountant",
    "electrician",
    "graphic designer",
    "data scientist",
    "civil engineer",
    "teacher",
    "marketing manager",
    "pharmacist",
    "web developr",
    "physical therapist",
    "lawyer",
    "police officer",
    "chef",
    "financial analyst",
    "mechanical enginer",
    "dental hygienist",
    "project manager",
    "human resources specialist",
]
FIELDS = [
    "agricultural",
    "aerospace",
    "biomedical",
    "chemical",
    "clinical",
    "commercial",
    "computer",
    "construction",
    "dental",
    "environmental",
    "financial",
    "forensic",
    "geological",
    "industrial",
    "insurance",
    "legal",
    "marine",
    "medical",
    "mining",
    "museum",
    "nuclear",
    "petroleum",
    "public",
    "radiology",
    "retail",
    "security",
    "social",
    "statistical",
    "surgical",
    "transit",
    "veterinary",
    "water",
    "wildlife",
]
ROLES = [
    "analysts",
    "assistants",
    "clerks",
    "coordinators",
    "inspectors",
    "installers",
    "mechanics",
    "operators",
    "planners",
    "repairers",
    "scientists",
    "specialists",
    "supervisors",
    "technicians",
    "technologists",
    "workers",
]
MODIFIERS = [
    "senior",
    "junior",
    "lead",
    "staff",
    "associate",
    "assistant",
    "chief",
    "principal",
    "field",
    "shift",
]
VERBS = [
    "analyze",
    "prepare",
    "inspect",
    "maintain",
    "review",
    "plan",
    "record",
    "coordinate",
    "test",
    "advise",
]
OBJECTS = [
    "reports",
    "equipment",
    "schedules",
    "budgets",
    "samples",
    "records",
    "plans",
    "systems",
    "designs",
]


def _pseudo_words(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct made-up words ("Tavomer", "Kelisan"…) to give titles a real-size
    vocabulary."""
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"] + ["ter", "lan", "mor", "sen"]
    found: set[str] = set()
    while len(found) < count:
        found.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).title())
    return sorted(found)


def _write(folder: Path, name: str, header: list[str], rows: list[list[object]]) -> int:
    with (folder / name).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return len(rows)


def write_release(folder: Path, seed: int = 7) -> dict[str, int]:
    """A full-size synthetic O*NET text release in ``folder``; returns rows per file."""
    rng = random.Random(seed)
    codes = [f"{11 + i // 40:02d}-{1000 + i:04d}.{i % 3:02d}" for i in range(OCCUPATIONS)]
    titles = [
        KNOWN[i] if i < len(KNOWN) else f"{rng.choice(FIELDS).title()} {rng.choice(ROLES).title()}"
        for i in range(OCCUPATIONS)
    ]
    counts: dict[str, int] = {}
    occupation_rows: list[list[object]] = [
        [c, t, f"Plan and carry out the work of {t.lower()}."]
        for c, t in zip(codes, titles, strict=True)
    ]
    counts["Occupation Data.txt"] = _write(
        folder, "Occupation Data.txt", ["O*NET-SOC Code", "Title", "Description"], occupation_rows
    )
    alternates = []
    # Real alternate titles use some 15,000 different words; so do these.
    specialties = _pseudo_words(rng, SPECIALTY_WORDS)
    for code, title in zip(codes, titles, strict=True):
        singular = title.rstrip("s")
        for _ in range(TITLES_PER_OCCUPATION):
            words = [rng.choice(MODIFIERS), rng.choice(specialties), singular]
            if rng.random() < 0.4:
                words.append(rng.choice(ROLES).rstrip("s").title())
            alternates.append([code, " ".join(words[rng.randint(0, 1) :]), "n/a", "08"])
    counts["Alternate Titles.txt"] = _write(
        folder,
        "Alternate Titles.txt",
        ["O*NET-SOC Code", "Alternate Title", "Short Title", "Source(s)"],
        alternates,
    )
    tasks, ratings = [], []
    task_id = 1
    for code in codes:
        for _ in range(TASKS_PER_OCCUPATION):
            sentence = f"{rng.choice(VERBS).title()} {rng.choice(OBJECTS)} for the team."
            tasks.append([code, task_id, sentence, "Core", 20, "08/2025", "Incumbent"])
            tail = ["n/a", "n/a", "n/a", "N", "08/2025", "Incumbent"]
            ratings.append([code, task_id, "IM", "n/a", round(rng.uniform(2, 5), 2), 20, *tail])
            ratings.append([code, task_id, "RT", "n/a", round(rng.uniform(40, 100), 2), 20, *tail])
            for category in range(1, 8):
                ratings.append([code, task_id, "FT", category, 14.29, 20, *tail])
            task_id += 1
    counts["Task Statements.txt"] = _write(
        folder,
        "Task Statements.txt",
        [
            "O*NET-SOC Code",
            "Task ID",
            "Task",
            "Task Type",
            "Incumbents Responding",
            "Date",
            "Domain Source",
        ],
        tasks,
    )
    rating_header = ["O*NET-SOC Code", "Task ID", "Scale ID", "Category", "Data Value", "N"]
    rating_header += [
        "Standard Error",
        "Lower CI Bound",
        "Upper CI Bound",
        "Recommend Suppress",
        "Date",
        "Domain Source",
    ]
    counts["Task Ratings.txt"] = _write(folder, "Task Ratings.txt", rating_header, ratings)
    counts["Job Zones.txt"] = _write(
        folder,
        "Job Zones.txt",
        ["O*NET-SOC Code", "Job Zone", "Date", "Domain Source"],
        [[c, rng.randint(1, 5), "08/2025", "Analyst"] for c in codes],
    )
    counts["Job Zone Reference.txt"] = _write(
        folder,
        "Job Zone Reference.txt",
        ["Job Zone", "Name", "Experience", "Education", "Job Training", "Examples", "SVP Range"],
        [
            [z, f"Level {z}", "Some.", "Some.", "Some.", "Some.", "(4.0 to < 6.0)"]
            for z in range(1, 6)
        ],
    )
    ete, ete_categories = [], []
    scales = {"RL": ("2.D.1", 12), "RW": ("3.A.1", 11), "PT": ("3.A.2", 9), "OJ": ("3.A.3", 9)}
    for scale, (element, size) in scales.items():
        for category in range(1, size + 1):
            ete_categories.append([element, "Element", scale, category, f"Level {category}"])
    for code in codes:
        for scale, (element, size) in scales.items():
            for category in range(1, size + 1):
                ete.append(
                    [code, element, "Element", scale, category, round(100 / size, 2), 26]
                    + ["n/a"] * 4
                    + ["08/2025", "Occupational Expert"]
                )
    ete_header = ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Category"]
    ete_header += ["Data Value", "N", "Standard Error", "Lower CI Bound", "Upper CI Bound"]
    ete_header += ["Recommend Suppress", "Date", "Domain Source"]
    counts["Education, Training, and Experience.txt"] = _write(
        folder, "Education, Training, and Experience.txt", ete_header, ete
    )
    category_header = ["Element ID", "Element Name", "Scale ID", "Category", "Category Description"]
    counts["Education, Training, and Experience Categories.txt"] = _write(
        folder,
        "Education, Training, and Experience Categories.txt",
        category_header,
        ete_categories,
    )
    names = [
        "Indoors, Environmentally Controlled",
        "Outdoors, Exposed to All Weather Conditions",
        "Duration of Typical Work Week",
        "Physical Proximity",
        "E-Mail",
        "Spend Time Sitting",
    ]
    names += [f"Context Element {i}" for i in range(CONTEXT_ELEMENTS - len(names))]
    context, context_categories = [], []
    for index, name in enumerate(names):
        for category in range(1, 6):
            context_categories.append([f"4.C.{index}", name, "CXP", category, f"Answer {category}"])
    for code in codes:
        for index, name in enumerate(names):
            element = f"4.C.{index}"
            tail = ["n/a"] * 3 + ["N", "n/a", "08/2025", "Incumbent"]
            context.append(
                [code, element, name, "CX", "n/a", round(rng.uniform(1, 5), 2), 20, *tail]
            )
            for category in range(1, 6):
                context.append([code, element, name, "CXP", category, 20.0, 20, *tail])
    context_header = ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Category"]
    context_header += ["Data Value", "N", "Standard Error", "Lower CI Bound", "Upper CI Bound"]
    context_header += ["Recommend Suppress", "Not Relevant", "Date", "Domain Source"]
    counts["Work Context.txt"] = _write(folder, "Work Context.txt", context_header, context)
    counts["Work Context Categories.txt"] = _write(
        folder, "Work Context Categories.txt", category_header, context_categories
    )
    technologies = [
        [code, f"Tool {rng.randint(1, 4000)}", 43232202, "Document management software"]
        + [rng.choice("YN"), rng.choice("NNNY")]
        for code in codes
        for _ in range(TECHNOLOGIES_PER_OCCUPATION)
    ]
    counts["Technology Skills.txt"] = _write(
        folder,
        "Technology Skills.txt",
        ["O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title"]
        + ["Hot Technology", "In Demand"],
        technologies,
    )
    related = []
    for i, code in enumerate(codes):
        for rank in range(1, RELATED_PER_OCCUPATION + 1):
            tier = (
                "Primary-Short" if rank <= 5 else "Primary-Long" if rank <= 10 else "Supplemental"
            )
            related.append([code, codes[(i + rank * 7) % len(codes)], tier, rank])
    counts["Related Occupations.txt"] = _write(
        folder,
        "Related Occupations.txt",
        ["O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index"],
        related,
    )
    return counts


def read_with_csv_only(folder: Path) -> int:
    """Baseline: parse every file with the csv module, storing nothing."""
    rows = 0
    for path in sorted(folder.glob("*.txt")):
        with path.open(encoding="utf-8", newline="") as handle:
            for _row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                rows += 1
    return rows


def _timed(run: Callable[[str], object], rounds: int = 5) -> list[float]:
    """Milliseconds of each call of ``run`` over every query, ``rounds`` times."""
    times = []
    for _round in range(rounds):
        for query in QUERIES:
            started = time.perf_counter()
            run(query)
            times.append((time.perf_counter() - started) * 1000)
    return times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "db_synthetic_text"
        folder.mkdir()
        started = time.perf_counter()
        counts = write_release(folder)
        written = time.perf_counter() - started
        print(f"Synthetic O*NET release: {sum(counts.values()):,} rows in {len(counts)} files")
        print(
            f"  {counts['Occupation Data.txt']:,} occupations, "
            f"{counts['Alternate Titles.txt']:,} alternate titles, "
            f"{counts['Task Statements.txt']:,} tasks, "
            f"{counts['Work Context.txt']:,} work-context rows (written in {written:.1f} s)"
        )

        started = time.perf_counter()
        baseline_rows = read_with_csv_only(folder)
        baseline = time.perf_counter() - started

        database = open_database(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        started = time.perf_counter()
        with database.session() as session:
            report = import_onet(session, open_folder(folder), source=str(folder))
        imported = time.perf_counter() - started
        stored = sum(v for k, v in report.counts.items() if k != "Task Ratings.txt")
        print("\nFull O*NET import (SQLite, one transaction)")
        print(f"  import-onet:          {imported:7.2f} s  ({stored:,} rows stored)")
        print(f"  baseline, csv only:   {baseline:7.2f} s  ({baseline_rows:,} rows read)")
        print(f"  ratio import/csv:     {imported / baseline:7.1f}x")
        print(f"  target < 60 s:        {'PASS' if imported < 60 else 'FAIL'}")
        postgres = os.environ.get("COFFEECHAT_BENCH_POSTGRES_URL")
        if postgres:
            print(f"  import-onet on PostgreSQL: {_postgres_import(postgres, folder):.2f} s")

        with database.session() as session:
            started = time.perf_counter()
            search_careers(session, "warm up")
            cold = time.perf_counter() - started
            # Each method in its own loop: interleaved, the LIKE scans evict the index
            # from the CPU caches and slow both down.
            ours = _timed(lambda query: search_careers(session, query))
            like = _timed(lambda query: _like(session, query))
            found = sum(
                1
                for query, known in zip(QUERIES, KNOWN, strict=True)
                if search_careers(session, query)[0].title == known
            )
        database.engine.dispose()
        p95, like95 = percentile(ours, 0.95), percentile(like, 0.95)
        print(f"\ncareers search over {len(QUERIES)} queries x 5 rounds (warm index)")
        print(f"  first query (builds the index): {cold * 1000:7.1f} ms")
        print(f"  careers search  p50 {statistics.median(ours):6.2f} ms  p95 {p95:6.2f} ms")
        print(f"  SQL LIKE        p50 {statistics.median(like):6.2f} ms  p95 {like95:6.2f} ms")
        print(f"  ratio p95 search/LIKE: {p95 / like95:5.2f}x")
        print(
            f"  top hit is the intended occupation: {found}/{len(QUERIES)} (LIKE has no typo help)"
        )
        print(f"  target p95 < 20 ms: {'PASS' if p95 < 20 else 'FAIL'}")


def _postgres_import(url: str, folder: Path) -> float:
    """Seconds to import ``folder`` into a fresh schema of the PostgreSQL database at ``url``."""
    base = normalise_url(url)
    schema = f"cc_bench_{uuid.uuid4().hex[:8]}"
    admin = make_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        separator = "&" if "?" in base else "?"
        database = open_database(f"{base}{separator}options=-csearch_path%3D{schema}")
        started = time.perf_counter()
        with database.session() as session:
            import_onet(session, open_folder(folder), source=str(folder))
        elapsed = time.perf_counter() - started
        database.engine.dispose()
        return elapsed
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _like(session: object, query: str) -> list[object]:
    """Baseline: every word as a case-insensitive substring of a title, in SQL."""
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    words = query.lower().split()
    where = " AND ".join(f"lower(t.title) LIKE :w{i}" for i in range(len(words)))
    params = {f"w{i}": f"%{w}%" for i, w in enumerate(words)}
    statement = text(
        "SELECT o.code, o.title FROM onet_titles t JOIN onet_occupations o ON o.code = t.code "
        f"WHERE {where} GROUP BY o.code, o.title LIMIT 10"
    )
    return list(session.execute(statement, params))


if __name__ == "__main__":
    main()
