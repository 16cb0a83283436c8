"""Import and dedupe speed (issue 7), against a plain csv + sqlite3 baseline in the same run.

    .venv/bin/python bench/interop.py

1. Import a 20,000-row LinkedIn Connections.csv into an empty database: under 3 s and
   within 4x of a baseline that parses the same file with the csv module and writes the
   same rows with sqlite3's executemany (organizations, people, their URLs and emails,
   and one search document per person, which SQLite's FTS triggers index as they do for
   Coffeechat), without any validation or duplicate matching.
2. Dedupe 20,000 incoming people against 20,000 stored ones: under 10 s.

Also shown: re-importing the same file, where every row merges into someone stored.
Timings are the best of a few runs, as the machine may be busy with other work.
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
FIRST = [
    "Ada",
    "Zoë",
    "Marcus",
    "Priya",
    "Léa",
    "Jordan",
    "Noor",
    "Mateo",
    "Aiko",
    "Tomás",
    "Ingrid",
    "Kwame",
    "Sofia",
    "Ravi",
    "Hana",
    "Luca",
    "Amara",
    "Jonas",
    "Mei",
    "Diego",
    "Fatima",
    "Oskar",
    "Elif",
    "Nikhil",
    "Chloé",
    "Yusuf",
    "Greta",
    "Andrés",
    "Leila",
    "Sven",
    "Imani",
    "Kenji",
    "Olivia",
    "Rafael",
    "Anya",
    "Tariq",
    "Bianca",
    "Emeka",
    "Freya",
    "Hugo",
    "Salma",
    "Viktor",
    "Nadia",
    "Pablo",
    "Ayumi",
    "Idris",
    "Camille",
    "Mateus",
    "Ilse",
    "Joaquín",
    "Zara",
    "Felix",
    "Rosa",
    "Arjun",
    "Maren",
    "Kofi",
    "Lucía",
    "Henrik",
    "Sana",
]
LAST = [
    "Lovelace",
    "Ünal",
    "Oyelaran",
    "Raman",
    "François",
    "Ellis",
    "Haddad",
    "García",
    "Tanaka",
    "Müller",
    "Mensah",
    "Rossi",
    "Sharma",
    "Kim",
    "Bianchi",
    "Okafor",
    "Novak",
    "Chen",
    "Álvarez",
    "Nowak",
    "Johansson",
    "Yılmaz",
    "Patel",
    "Dubois",
    "Demir",
    "Schmidt",
    "Fernández",
    "Hosseini",
    "Andersen",
    "Abara",
    "Sato",
    "Brown",
    "Costa",
    "Petrova",
    "Rahman",
    "Moretti",
    "Eze",
    "Larsen",
    "Martin",
    "Aziz",
    "Ivanov",
    "Navarro",
    "Popescu",
    "Díaz",
    "Nakamura",
    "Wójcik",
    "Lindqvist",
    "Obi",
    "Morales",
    "Kowalski",
    "Jensen",
    "Ortega",
    "Varga",
    "Singh",
    "Bauer",
    "Nieminen",
    "Cruz",
    "Horvat",
    "Ahmed",
    "Keller",
    "Silva",
    "Park",
]
WORDS = [
    "North",
    "Lake",
    "Blue",
    "River",
    "Summit",
    "Harbor",
    "Pine",
    "Bright",
    "Cedar",
    "Stone",
    "Silver",
    "Maple",
]
KINDS = [
    "Health",
    "Robotics",
    "Analytics",
    "Legal",
    "Capital",
    "Foods",
    "Energy",
    "Labs",
    "Media",
    "Logistics",
]
TITLES = ["Engineer", "Analyst", "Product Manager", "Director of Analytics", "Designer", "Counsel"]
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
    """The same stored rows with nothing but csv and sqlite3: no validation, no dedupe.

    Organizations, people, their profile URLs and emails, and one search document per
    person (SQLite's FTS triggers index it, as they do for Coffeechat).
    """
    started = time.perf_counter()
    connection = sqlite3.connect(url.removeprefix("sqlite:///"))
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        for row in reader:
            if row[:2] == ["First Name", "Last Name"]:
                break
        rows = list(reader)
    now = "2026-01-01 00:00:00.000000"
    owner = connection.execute(
        "INSERT INTO users (username, is_admin, created_at) VALUES ('b', 0, ?)", (now,)
    ).lastrowid
    orgs: dict[str, int] = {}
    for row in rows:
        orgs.setdefault(row[4], len(orgs) + 1)
    connection.executemany(
        "INSERT INTO organizations (id, owner_id, name, name_key, aliases, notes, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, '[]', '', ?, ?)",
        [(oid, owner, name, name.lower(), now, now) for name, oid in orgs.items()],
    )
    people = [
        (n, owner, f"{r[0]} {r[1]}", r[5], orgs[r[4]], r[6], now, now)
        for n, r in enumerate(rows, start=1)
    ]
    connection.executemany(
        "INSERT INTO people (id, owner_id, full_name, title, organization_id, how_met, notes,"
        " connected_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'linkedin', '', ?, ?, ?)",
        people,
    )
    contacts = [(owner, n, "url", r[2], r[2].lower()) for n, r in enumerate(rows, start=1)]
    contacts += [(owner, n, "email", r[3], r[3].lower()) for n, r in enumerate(rows, 1) if r[3]]
    connection.executemany(
        "INSERT INTO contact_points (owner_id, person_id, kind, value, value_key)"
        " VALUES (?, ?, ?, ?, ?)",
        contacts,
    )
    documents = []
    for n, r in enumerate(rows, start=1):
        title, body = f"{r[0]} {r[1]}", f"{r[5]} at {r[4]}"
        documents.append((owner, n, title, body, f"{title}\n{body}".lower()))
    connection.executemany(
        "INSERT INTO search_documents (owner_id, kind, ref_id, title, body, folded)"
        " VALUES (?, 'person', ?, ?, ?, ?)",
        documents,
    )
    connection.commit()
    connection.close()
    return time.perf_counter() - started


def fresh(root: Path, name: str) -> str:
    url = f"sqlite:///{root / name}"
    open_database(url).engine.dispose()
    return url


def import_file(path: Path, url: str, options: ImportOptions) -> tuple[float, int]:
    database = open_database(url)
    started = time.perf_counter()
    with database.session() as session:
        owner = local_owner(session)
        parsed = parse_linkedin(path, read_text(path, kind="CSV", max_bytes=1 << 30))
        report = import_parsed(session, owner=owner, parsed=parsed, file=path.name, options=options)
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
        # Best of a few runs each: the machine may be busy with other work.
        base = min(baseline(first, fresh(root, f"base{n}.sqlite3")) for n in range(3))
        runs = [
            import_file(first, fresh(root, f"ours{n}.sqlite3"), ImportOptions()) for n in (0, 1)
        ]
        ours, count = min(runs)
        print(f"import {ROWS:,} LinkedIn rows: {ours:.2f} s ({count:,} people; limit 3 s)")
        print(
            f"baseline csv + sqlite3 executemany: {base:.2f} s; ratio {ours / base:.1f}x (limit 4x)"
        )
        url = f"sqlite:///{root / 'ours0.sqlite3'}"
        took, matched = dedupe(url, second)
        print(f"dedupe {ROWS:,} against {ROWS:,}: {took:.2f} s ({matched:,} matched; limit 10 s)")
        again, merged = import_file(first, url, ImportOptions())
        print(f"re-import the same {ROWS:,} rows (all merged): {again:.2f} s ({merged:,} merged)")
        ok = ours < 3 and ours / base <= 4 and took < 10
        print("PASS" if ok else "FAIL")
        if not ok:
            sys.exit(1)


if __name__ == "__main__":
    main()
