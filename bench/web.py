"""Web pages under load: Today, People and a person page with 10,000 people and 2,000 interviews.

The server is the real ``coffeechat serve`` (uvicorn) in its own process; this script is the
HTTP client. Each page's p50/p95 is printed beside a bare constant endpoint of the same app
(``/ping``), whose time is the floor of HTTP, the event loop and our middleware: the ratio is
what our pages cost on top. Target: every page under 50 ms at p95.

Run alone: ``.venv/bin/python bench/web.py``
"""

from __future__ import annotations

import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import httpx
from sqlalchemy import insert, select

from coffeechat.db import local_owner, open_database
from coffeechat.models import (
    ContactPoint,
    Interview,
    Organization,
    Person,
    PersonTag,
    utcnow,
)
from coffeechat.search import reindex_owner
from coffeechat.vocab import HowMet, Stage

PEOPLE = 10_000
INTERVIEWS = 2_000
ORGANIZATIONS = 300
REQUESTS = 200
WARM_UP = 20
TARGET_MS = 50.0

FIRST = ["Ada", "Priya", "Elena", "Marcus", "Aisha", "Tomás", "Grace", "Yuki", "Nora", "Samir"]
LAST = ["Lovelace", "Natarajan", "Sokolova", "Oyelaran", "Bello", "Álvarez", "Hopper", "Tanaka"]
TITLES = ["Data Analyst", "Product Manager", "UX Researcher", "Engineer", "Director"]
TAGS = ["alumni", "data", "design", "finance", "healthcare", "startup", "leadership"]


def build(url: str) -> int:
    """Fill the database; return the id of a well-connected person for the person page."""
    database = open_database(url)
    rng = random.Random(7)
    now = utcnow()
    with database.session() as session:
        owner = local_owner(session)
        session.execute(
            insert(Organization),
            [
                {"owner_id": owner.id, "name": f"Org {n}", "name_key": f"org {n}", "aliases": []}
                for n in range(ORGANIZATIONS)
            ],
        )
        org_ids = list(session.scalars(select(Organization.id)))
        session.execute(
            insert(Person),
            [
                {
                    "owner_id": owner.id,
                    "full_name": f"{rng.choice(FIRST)} {rng.choice(LAST)} {n}",
                    "title": rng.choice(TITLES),
                    "organization_id": rng.choice(org_ids),
                    "how_met": rng.choice(list(HowMet)).value,
                    "notes": "Met at the spring meetup; follow up about the analytics team.",
                }
                for n in range(PEOPLE)
            ],
        )
        person_ids = list(session.scalars(select(Person.id).order_by(Person.id)))
        hub = person_ids[0]
        session.execute(
            insert(PersonTag),
            [
                {"owner_id": owner.id, "person_id": pid, "tag": tag}
                for pid in person_ids
                for tag in rng.sample(TAGS, 2)
            ],
        )
        session.execute(
            insert(ContactPoint),
            [
                {
                    "owner_id": owner.id,
                    "person_id": pid,
                    "kind": "email",
                    "value": f"p{pid}@example.com",
                    "value_key": f"p{pid}@example.com",
                }
                for pid in person_ids
            ],  # fmt: skip
        )
        session.query(Person).filter(Person.id.in_(person_ids[1:40])).update(
            {Person.referred_by_id: hub}, synchronize_session=False
        )
        stages = list(Stage)
        rows = []
        for n in range(INTERVIEWS):
            stage = rng.choice(stages)
            pid = hub if n < 12 else rng.choice(person_ids)
            rows.append(
                {
                    "owner_id": owner.id,
                    "person_id": pid,
                    "stage": stage.value,
                    "goal": f"Learn about role {n}",
                    "takeaways": [],
                    "stage_changed_at": now - timedelta(hours=n),
                    "scheduled_at": now + timedelta(days=n % 30)
                    if stage is Stage.SCHEDULED
                    else None,
                }
            )
        session.execute(insert(Interview), rows)
        reindex_owner(session, owner)
    database.engine.dispose()
    return hub


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def measure(client: httpx.Client, paths: list[str]) -> dict[str, list[float]]:
    """Milliseconds per request for each path, taken in turns so that a burst of load on
    this shared machine falls on every page alike rather than on one."""
    for path in paths:
        for _ in range(WARM_UP):
            client.get(path).raise_for_status()
    times: dict[str, list[float]] = {path: [] for path in paths}
    for _ in range(REQUESTS):
        for path in paths:
            start = time.perf_counter()
            response = client.get(path)
            times[path].append((time.perf_counter() - start) * 1000)
            response.raise_for_status()
    return times


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1]


def main() -> int:
    with tempfile.TemporaryDirectory() as home:
        started = time.perf_counter()
        hub = build(f"sqlite:///{Path(home) / 'coffeechat.sqlite3'}")
        print(f"built {PEOPLE:,} people and {INTERVIEWS:,} interviews "
              f"in {time.perf_counter() - started:.1f} s")  # fmt: skip
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "coffeechat", "serve", "--port", str(port)],
            env={**os.environ, "COFFEECHAT_HOME": home, "COFFEECHAT_DATABASE_URL": ""},
            stdout=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            with httpx.Client(base_url=base, timeout=10) as client:
                for _ in range(200):
                    try:
                        client.get("/ping")
                        break
                    except httpx.TransportError:
                        time.sleep(0.05)
                pages = [("Today /", "/"), ("People /people", "/people"),
                         (f"Person /people/{hub}", f"/people/{hub}")]  # fmt: skip
                times = measure(client, ["/ping"] + [path for _, path in pages])
                baseline = times["/ping"]
                base_p95 = p95(baseline)
                print(f"{'page':<22}{'p50 ms':>9}{'p95 ms':>9}{'× /ping':>9}  target")
                print(f"{'/ping (constant)':<22}{statistics.median(baseline):>9.2f}"
                      f"{base_p95:>9.2f}{1:>9.1f}")  # fmt: skip
                failed = False
                for name, path in pages:
                    took = times[path]
                    ok = p95(took) < TARGET_MS
                    failed |= not ok
                    print(f"{name:<22}{statistics.median(took):>9.2f}{p95(took):>9.2f}"
                          f"{p95(took) / base_p95:>9.1f}  {'ok' if ok else 'OVER'} "
                          f"(< {TARGET_MS:.0f} ms)")  # fmt: skip
        finally:
            server.terminate()
            server.wait(timeout=10)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
