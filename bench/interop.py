"""Import and dedupe speed (issue 7), against a plain csv + sqlite3 baseline in the same run.

    .venv/bin/python bench/interop.py

1. Import a 20,000-row LinkedIn Connections.csv into an empty database: under 3 s and
   within 4x of a baseline that parses the same file with the csv module and inserts the
   same people and profile URLs with sqlite3's executemany.
2. Dedupe 20,000 incoming people against 20,000 stored ones: under 10 s.
"""

from __future__ import annotations

import csv
import random
import sqlite3
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from coffeechat.db import local_owner, open_database  # noqa: E402
from coffeechat.interop.linkedin import parse_linkedin  # noqa: E402
from coffeechat.interop.records import read_text  # noqa: E402
from coffeechat.interop.service import ImportOptions, import_parsed  # noqa: E402
from coffeechat.network.dedupe import Candidate, DedupeIndex, stored_candidates  # noqa: E402

ROWS = 20_000
FIRST = (
    "Ada Zoë Marcus Priya Léa Jordan Noor Mateo Aiko Tomás Ingrid Kwame Sofia Ravi Hana Luca "
    "Amara Jonas Mei Diego Fatima Oskar Elif Nikhil Chloé Yusuf Greta Andrés Leila Sven Imani "
    "Kenji Olivia Rafael Anya Tariq Bianca Emeka Freya Hugo Salma Viktor Nadia Pablo Ayumi "
    "Idris Camille Mateus Ilse Joaquín Zara Felix Rosa Arjun Maren Kofi Lucía Henrik Sana"
).split()
LAST = (
    "Lovelace Ünal Oyelaran Raman François Ellis Haddad García Tanaka Müller Mensah Rossi "
    "Sharma Kim Bianchi Okafor Novak Chen Álvarez Nowak Johansson Yılmaz Patel Dubois Demir "
    "Schmidt Fernández Hosseini Andersen Abara Sato Brown Costa Petrova Rahman Moretti Eze "
    "Larsen Martin Aziz Ivanov Navarro Popescu Díaz Nakamura Wójcik Lindqvist Obi Morales "
    "Kowalski Jensen Ortega Varga Singh Bauer Nieminen Cruz Horvat Ahmed Keller Silva Park"
).split()
WORDS = "North Lake Blue River Summit Harbor Pine Bright Cedar Stone Silver Maple".split()
KINDS = "Health Robotics Analytics Legal Capital Foods Energy Labs Media Logistics".split()
TITLES = "Engineer,Analyst,Product Manager,Director of Analytics,Designer,Counsel".split(",")
NOTES = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    'connections to see or download their email address using this setting."\n\n'
)


def write_connections(path: Path, seed: int) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        handle.write(NOTES)
        writer = csv.writer(handle)
        writer.writerow(
            ["First Name", "Last Name", "URL", "Email Address", "Company", "Position"]
            + ["Connected On"]
        )
        for n in range(ROWS):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            slug = f"{first}-{last}-{seed}{n:05d}".lower()
            email = f"{slug}@mail.example" if rng.random() < 0.15 else ""
            org = f"{rng.choice(WORDS)} {rng.choice(KINDS)}"
            if rng.random() < 0.3:
                org += ", Inc."
            day = date(2015, 1, 1) + timedelta(days=rng.randrange(3600))
            writer.writerow(
                [first, last, f"https://www.linkedin.com/in/{slug}", email, org]
                + [rng.choice(TITLES), day.strftime("%d %b %Y")]
            )


def baseline(path: Path, url: str) -> float:
    """csv module + sqlite3 executemany into the same tables; no dedupe, no search index."""
    started = time.perf_counter()
    connection = sqlite3.connect(url.removeprefix("sqlite:///"))
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        for row in reader:
            if row[:2] == ["First Name", "Last Name"]:
                break
        rows = list(reader)
    owner = connection.execute("INSERT INTO users (username, is_admin, created_at) VALUES ('b', 0, datetime('now'))").lastrowid
    start_id = connection.execute("SELECT coalesce(max(id), 0) FROM people").fetchone()[0] + 1
    connection.executemany(
        "INSERT INTO people (id, owner_id, full_name, title, how_met, notes, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, 'linkedin', '', datetime('now'), datetime('now'))",
        [(start_id + i, owner, f"{r[0]} {r[1]}", r[5]) for i, r in enumerate(rows)],
    )
    connection.executemany(
        "INSERT INTO contact_points (owner_id, person_id, kind, value, value_key)"
        " VALUES (?, ?, 'url', ?, ?)",
        [(owner, start_id + i, r[2], r[2].lower()) for i, r in enumerate(rows)],
    )
    connection.commit()
    connection.close()
    return time.perf_counter() - started


def import_file(path: Path, url: str, options: ImportOptions) -> tuple[float, int]:
    database = open_database(url)
    started = time.perf_counter()
    with database.session() as session:
        owner = local_owner(session)
        parsed = parse_linkedin(path, read_text(path, kind="CSV", max_bytes=1 << 30))
        report = import_parsed(
            session, owner=owner, parsed=parsed, file=path.name, options=options
        )
    elapsed = time.perf_counter() - started
    database.engine.dispose()
    return elapsed, report.added + len(report.merges)


def dedupe(url: str, second: Path) -> tuple[float, int]:
    """Match 20,000 new rows against the 20,000 people stored (no writing)."""
    database = open_database(url)
    parsed = parse_linkedin(second, read_text(second, kind="CSV", max_bytes=1 << 30))
    started = time.perf_counter()
    with database.session() as session:
        owner = local_owner(session)
        index = DedupeIndex(90)
        index.extend(stored_candidates(session, owner=owner))
        matched = 0
        for record in parsed.records:
            key = record.urls[0][0].lower().split("linkedin.com", 1)[1]
            probe = Candidate(-record.row, record.name, record.org, urls=frozenset([key]))
            matched += index.match(probe) is not None
    elapsed = time.perf_counter() - started
    database.engine.dispose()
    return elapsed, matched


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        first, second = root / "Connections.csv", root / "Connections-2.csv"
        write_connections(first, seed=1)
        write_connections(second, seed=2)
        base_url = f"sqlite:///{root / 'baseline.sqlite3'}"
        open_database(base_url).engine.dispose()
        base = baseline(first, base_url)
        url = f"sqlite:///{root / 'coffeechat.sqlite3'}"
        ours, count = import_file(first, url, ImportOptions())
        print(f"import {ROWS:,} LinkedIn rows: {ours:.2f} s ({count:,} people; limit 3 s)")
        print(f"baseline csv + sqlite3 executemany: {base:.2f} s; ratio {ours / base:.1f}x (limit 4x)")
        took, matched = dedupe(url, second)
        print(f"dedupe {ROWS:,} against {ROWS:,}: {took:.2f} s ({matched:,} fuzzy matches; limit 10 s)")
        again, merged = import_file(first, url, ImportOptions())
        print(f"re-import the same {ROWS:,} rows (all merged): {again:.2f} s ({merged:,} merged)")
        ok = ours < 3 and ours / base <= 4 and took < 10
        print("PASS" if ok else "FAIL")
        if not ok:
            sys.exit(1)


if __name__ == "__main__":
    main()
