"""Warm paths into an organization on a large network, beside a plain in-memory BFS.

Target (issue 8): 20,000 people and 40,000 referral/employment edges, warm paths for
an organization under 50 ms at the 95th percentile. The baseline is a breadth-first
search with networkx over the same edges held in memory (organization -> the people who
work or worked there -> the people tied to them by a referral), measured in the same run.
The baseline only finds who is reachable; warm paths also read each person's requests,
replies and meetings, spot fellow alumni, and rank the paths. Both must reach the same
people, which the script checks.

Run: .venv/bin/python bench/paths.py [--people N] [--orgs N] [--queries N] [--url URL]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import networkx as nx
from sqlalchemy import insert, select, update

from coffeechat.db import local_owner, open_database
from coffeechat.models import Employment, Interview, Organization, Person, Profile
from coffeechat.network.paths import warm_paths

TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 18, 0, tzinfo=UTC)
SCHOOL = "Lakeshore State"


def _org_sizes(rng: random.Random, orgs: int, employees: int) -> list[int]:
    """Which organization each employee works at: a few big employers, a long tail."""
    weights = [1 / (rank + 1) for rank in range(orgs)]
    return rng.choices(range(orgs), weights=weights, k=employees)


def _fill(url: str, people: int, orgs: int, rng: random.Random) -> dict[str, Any]:
    """Build the network; returns the edges for the in-memory baseline."""
    employed = int(people * 0.9)
    past_jobs = int(people * 0.6)
    referrals = 40_000 - employed - past_jobs
    database = open_database(url)
    with database.session() as session:
        owner = local_owner(session)
        session.add(
            Profile(
                owner_id=owner.id,
                schools=[SCHOOL],
                employers=[],
                fields=[],
                country="US",
                timezone="America/Chicago",
            )
        )
        session.execute(
            insert(Organization),
            [
                {"owner_id": owner.id, "name": f"Org {i}", "name_key": f"org {i}", "aliases": []}
                for i in range(1, orgs + 1)
            ],
        )
        org_ids = list(session.scalars(select(Organization.id).order_by(Organization.id)))
        employer = _org_sizes(rng, orgs, employed)
        rows = []
        for index in range(people):
            rows.append(
                {
                    "owner_id": owner.id,
                    "full_name": f"Person {index:05d}",
                    "organization_id": org_ids[employer[index]] if index < employed else None,
                    "how_met": "alumni" if rng.random() < 0.05 else "linkedin",
                    "notes": "",
                }
            )
        session.execute(insert(Person), rows)
        person_ids = list(session.scalars(select(Person.id).order_by(Person.id)))
        # Referrals: each tie points from the referred person to an earlier contact.
        referred = rng.sample(range(1, people), referrals)
        ties = [(person_ids[i], person_ids[rng.randrange(0, i)]) for i in referred]
        session.execute(
            update(Person), [{"id": pid, "referred_by_id": referrer} for pid, referrer in ties]
        )
        jobs = [
            {
                "owner_id": owner.id,
                "person_id": rng.choice(person_ids),
                "organization_id": org_ids[rng.choice(employer)],
                "end_year": rng.randint(2010, 2025),
            }
            for _ in range(past_jobs)
        ]
        session.execute(insert(Employment), jobs)
        interviews = []
        for pid in rng.sample(person_ids, people // 5):
            requested = NOW - timedelta(days=rng.randint(1, 400))
            replied = rng.random() < 0.6
            held = replied and rng.random() < 0.7
            interviews.append(
                {
                    "owner_id": owner.id,
                    "person_id": pid,
                    "stage": "held" if held else "scheduled" if replied else "requested",
                    "focus": "company",
                    "goal": "",
                    "notes": "",
                    "takeaways": [],
                    "requested_at": requested,
                    "replied_at": requested + timedelta(days=rng.randint(0, 9))
                    if replied
                    else None,
                    "held_at": requested + timedelta(days=12) if held else None,
                }
            )
        session.execute(insert(Interview), interviews)
        current = [
            (r["organization_id"], pid)
            for r, pid in zip(rows, person_ids, strict=True)
            if r["organization_id"] is not None
        ]
    if database.engine.dialect.name == "postgresql":
        # Autovacuum would gather these statistics soon after a bulk load; do it now.
        with database.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")
    database.engine.dispose()
    return {
        "org_ids": org_ids,
        "employment": current + [(j["organization_id"], j["person_id"]) for j in jobs],
        "referrals": ties,
    }


def _graph(edges: dict[str, Any]) -> nx.Graph:
    graph = nx.Graph()
    graph.add_edges_from((("org", o), ("person", p)) for o, p in edges["employment"])
    graph.add_edges_from((("person", a), ("person", b)) for a, b in edges["referrals"])
    return graph


def _bfs(graph: nx.Graph, org_id: int) -> set[int]:
    node = ("org", org_id)
    if node not in graph:
        return set()
    reached = nx.single_source_shortest_path_length(graph, node, cutoff=2)
    return {key for kind, key in reached if kind == "person"}


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--orgs", type=int, default=1_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--url", help="database URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    rng = random.Random(8)
    with tempfile.TemporaryDirectory() as folder:
        url = args.url or f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        started = time.perf_counter()
        edges = _fill(url, args.people, args.orgs, rng)
        total_edges = len(edges["employment"]) + len(edges["referrals"])
        print(
            f"network: {args.people:,} people, {args.orgs:,} organizations, "
            f"{total_edges:,} referral/employment edges (built in "
            f"{time.perf_counter() - started:.1f} s)"
        )
        queries = rng.sample(edges["org_ids"], min(args.queries, len(edges["org_ids"])))
        build = time.perf_counter()
        graph = _graph(edges)
        print(f"baseline graph held in memory in {(time.perf_counter() - build) * 1000:.0f} ms")

        database = open_database(url)
        ours: list[float] = []
        theirs: list[float] = []
        mismatches = 0
        biggest = 0
        with database.session() as session:
            owner = local_owner(session)
            organizations = {
                o.id: o
                for o in session.scalars(select(Organization).where(Organization.id.in_(queries)))
            }
            warm_paths(session, owner=owner, organization=organizations[queries[0]], on=TODAY)
            for org_id in queries:
                tick = time.perf_counter()
                found = warm_paths(
                    session, owner=owner, organization=organizations[org_id], on=TODAY
                )
                ours.append((time.perf_counter() - tick) * 1000)
                tick = time.perf_counter()
                reached = _bfs(graph, org_id)
                theirs.append((time.perf_counter() - tick) * 1000)
                biggest = max(biggest, found.total)
                if {p.ask.id for p in found.paths} != reached:
                    mismatches += 1
        database.engine.dispose()

    p50, p95 = statistics.median(ours), _percentile(ours, 0.95)
    b50, b95 = statistics.median(theirs), _percentile(theirs, 0.95)
    print(f"queries: {len(queries)} organizations; largest answer {biggest:,} paths")
    print(f"{'':24}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    print(f"{'warm paths (database)':24}{p50:>10.2f}{p95:>10.2f}{max(ours):>10.2f}")
    print(f"{'networkx BFS (memory)':24}{b50:>10.2f}{b95:>10.2f}{max(theirs):>10.2f}")
    print(f"ratio warm paths / BFS at p95: {p95 / b95:.1f}x")
    print(f"same people reached as the BFS: {'yes' if mismatches == 0 else f'NO ({mismatches})'}")
    verdict = "met" if p95 < 50 else "MISSED"
    print(f"target p95 < 50 ms: {verdict} ({p95:.1f} ms)")
    if mismatches or p95 >= 50:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
