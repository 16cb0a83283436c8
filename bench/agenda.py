"""Agenda time on a large network, beside the bare SQL that fetches the same rows.

Target (issue 5): the agenda for 20,000 people and 5,000 interviews in under 100 ms.
The baseline runs, with the plain sqlite3 module, the same row-fetching queries the agenda
makes (requests, follow-ups, meetings, thank-yous, updates, keep-in-touch), so the ratio
shows what the business-day rules and the priority sorting cost on top of the reads.

Run: .venv/bin/python bench/agenda.py [--people N] [--interviews N] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, insert

from coffeechat.db import local_owner, open_database
from coffeechat.meetings.agenda import build_agenda
from coffeechat.models import Interview, Message, Organization, Person, Profile

NOW = datetime(2026, 11, 27, 18, 0, tzinfo=UTC)


def _stage(age: float, rng: random.Random) -> str:
    """A stage that fits an interview's age: recent ones are open, old ones settled."""
    if age < 14:
        return rng.choice(["idea", "requested"])
    if age < 45:
        return rng.choices(
            ["idea", "requested", "scheduled", "held", "thanked"], [15, 30, 15, 10, 30]
        )[0]
    return rng.choices(["idea", "thanked", "closed", "no_reply", "declined"], [5, 45, 30, 15, 5])[0]


def _fill(url: str, people: int, interviews: int, rng: random.Random) -> None:
    """A network built over about three years of use, written with bulk Core inserts."""
    database = open_database(url)
    with database.session() as session:
        owner = local_owner(session)
        session.add(
            Profile(
                owner_id=owner.id,
                schools=[],
                employers=[],
                fields=[],
                country="US",
                timezone="America/Chicago",
            )
        )
        session.flush()
        orgs = [
            {"owner_id": owner.id, "name": f"Org {i}", "name_key": f"org {i}", "aliases": []}
            for i in range(1, 1001)
        ]
        session.execute(insert(Organization), orgs)
        session.execute(
            insert(Person),
            [
                {
                    "owner_id": owner.id,
                    "full_name": f"Person {i}",
                    "organization_id": rng.randint(1, 1000),
                    "how_met": "cold",
                    "notes": "",
                    "keep_in_touch_days": rng.choice([None] * 8 + [30, 0]),
                }
                for i in range(1, people + 1)
            ],
        )
        rows, messages = [], []
        for i in range(1, interviews + 1):
            age = rng.uniform(0, 1000)
            stage = _stage(age, rng)
            asked = NOW - timedelta(days=age)
            row: dict[str, object] = {
                "id": i,
                "owner_id": owner.id,
                "person_id": rng.randint(1, people),
                "organization_id": rng.randint(1, 1000),
                "stage": stage,
                "focus": "company",
                "goal": "",
                "notes": "",
                "takeaways": [],
                "stage_changed_at": NOW,
                "requested_at": None if stage == "idea" else asked,
                "scheduled_at": None,
                "held_at": None,
                "thanked_at": None,
                "replied_at": None,
            }
            if stage == "scheduled":
                row["scheduled_at"] = NOW + timedelta(days=rng.uniform(-1, 10))
                row["replied_at"] = asked + timedelta(days=2)
            if stage in ("held", "thanked", "closed"):
                held = min(asked + timedelta(days=rng.uniform(5, 20)), NOW - timedelta(hours=2))
                row["held_at"] = held
                row["replied_at"] = asked + timedelta(days=2)
                if stage != "held":
                    row["thanked_at"] = held + timedelta(hours=20)
            rows.append(row)
            messages.extend(_messages(owner.id, row, rng))
        session.execute(insert(Interview), rows)
        session.execute(insert(Message), messages)
    database.engine.dispose()


def _messages(owner_id: int, row: dict[str, object], rng: random.Random) -> list[dict[str, object]]:
    out = []
    asked, thanked = row["requested_at"], row["thanked_at"]
    if isinstance(asked, datetime):
        out.append(_message(owner_id, row, "outreach", asked))
        silent = row["stage"] in ("requested", "no_reply") and asked < NOW - timedelta(days=10)
        if silent and rng.random() < 0.5:
            out.append(_message(owner_id, row, "follow_up", asked + timedelta(days=9)))
    if isinstance(thanked, datetime):
        out.append(_message(owner_id, row, "thank_you", thanked))
        if thanked < NOW - timedelta(days=22) and rng.random() < 0.7:
            out.append(_message(owner_id, row, "update", thanked + timedelta(days=22)))
        if thanked < NOW - timedelta(days=120) and rng.random() < 0.6:
            later = NOW - timedelta(days=rng.uniform(0, 120))
            out.append(_message(owner_id, row, "keep_in_touch", later))
    return out


def _message(owner_id: int, row: dict[str, object], kind: str, at: datetime) -> dict[str, object]:
    return {
        "owner_id": owner_id,
        "interview_id": row["id"],
        "person_id": row["person_id"],
        "kind": kind,
        "subject": "",
        "body": "",
        "sent_at": at,
    }


def _capture(engine: Engine, action: Callable[[], object]) -> list[tuple[str, Any]]:
    """The SQL ``action`` sends, recorded to be replayed bare as the baseline."""
    statements: list[tuple[str, Any]] = []

    def record(_c: Any, _cur: Any, statement: str, parameters: Any, _ctx: Any, _many: bool) -> None:
        statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return statements


def _replay(connection: sqlite3.Connection, statements: list[tuple[str, Any]]) -> int:
    return sum(len(connection.execute(sql, params).fetchall()) for sql, params in statements)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--interviews", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        started = time.perf_counter()
        _fill(f"sqlite:///{path}", args.people, args.interviews, rng)
        print(
            f"network: {args.people:,} people, {args.interviews:,} interviews "
            f"(built in {time.perf_counter() - started:.1f} s)"
        )
        database = open_database(f"sqlite:///{path}")
        with database.session() as session:
            owner = local_owner(session)
            build_agenda(session, owner=owner, now=NOW)  # warm-up: holiday tables, caches
            session.expire_all()
            statements = _capture(
                database.engine, lambda: build_agenda(session, owner=owner, now=NOW)
            )
            items = build_agenda(session, owner=owner, now=NOW)
            bare = sqlite3.connect(path)
            rows = _replay(bare, statements)
            kinds = Counter(item.kind for item in items)
            agenda_ms, base_ms = [], []
            for _ in range(args.runs):  # interleaved, so both see the same machine load
                session.expire_all()
                start = time.perf_counter()
                build_agenda(session, owner=owner, now=NOW)
                agenda_ms.append((time.perf_counter() - start) * 1000)
                start = time.perf_counter()
                _replay(bare, statements)
                base_ms.append((time.perf_counter() - start) * 1000)
            bare.close()
        database.engine.dispose()
    median, best = statistics.median(agenda_ms), min(agenda_ms)
    p95 = sorted(agenda_ms)[max(0, int(0.95 * len(agenda_ms)) - 1)]
    base, base_best = statistics.median(base_ms), min(base_ms)
    print(f"items: {len(items)} ({', '.join(f'{k} {n}' for k, n in kinds.most_common())})")
    print(f"agenda:   median {median:6.1f} ms, best {best:6.1f} ms, p95 {p95:6.1f} ms")
    print(
        f"bare SQL: median {base:6.1f} ms, best {base_best:6.1f} ms "
        f"({len(statements)} statements, {rows} rows, plain sqlite3)"
    )
    print(f"ratio agenda / bare SQL: median {median / base:.2f}x, best {best / base_best:.2f}x")
    print(f"target < 100 ms (median): {'met' if median < 100 else 'NOT met'}")
    load = os.getloadavg()[0]
    print(
        f"(load average {load:.1f} on {os.cpu_count()} cores: 'best' is the figure least "
        "affected by other work on the machine)"
    )


if __name__ == "__main__":
    main()
