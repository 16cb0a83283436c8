"""A picture of the network: people as dots grouped by organization, referrals as lines.

Only geometry is decided here; the web page draws it as SVG. Clusters are laid out in rows,
each a disc of people on rings around the centre, so the picture needs no physics and comes
out the same every time.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coffeechat.models import Organization, Person, User
from coffeechat.scoping import owned, scope

WIDTH = 960
DOT = 9.0
GAP = 24.0
PADDING = 28.0
# Rough width of one character of a cluster's label, to keep labels from overlapping.
LETTER = 7.2
MAX_LABEL = 28


@dataclass(frozen=True)
class Node:
    id: int
    name: str
    x: float
    y: float
    warmth: int | None


@dataclass(frozen=True)
class Cluster:
    name: str
    organization_id: int | None
    x: float
    y: float
    radius: float
    people: int


@dataclass(frozen=True)
class Edge:
    source: Node
    target: Node


@dataclass(frozen=True)
class Picture:
    width: int
    height: int
    clusters: list[Cluster]
    nodes: list[Node]
    edges: list[Edge]
    shown: int
    total: int


def _rings(count: int) -> list[tuple[float, float]]:
    """Offsets for ``count`` dots: one in the middle, then rings of growing size."""
    spots: list[tuple[float, float]] = [(0.0, 0.0)]
    ring = 1
    while len(spots) < count:
        radius = ring * GAP
        seats = max(6, int(2 * math.pi * radius / GAP))
        for seat in range(seats):
            angle = 2 * math.pi * seat / seats + ring * 0.4
            spots.append((radius * math.cos(angle), radius * math.sin(angle)))
        ring += 1
    return spots[:count]


WarmthOf = Callable[[Sequence[int]], Mapping[int, int]]


def network_picture(
    session: Session, *, owner: User, warmth_of: WarmthOf | None = None, limit: int = 400
) -> Picture:
    """The ``limit`` people with the most ties (referrals either way), grouped by organization.

    ``warmth_of`` scores the people shown (people it leaves out have no known warmth).
    """
    total = session.scalar(scope(select(func.count(Person.id)), Person, owner)) or 0
    referrer = owned(Person, owner).subquery()
    ties = (
        select(Person.id, Person.full_name, Person.organization_id, Person.referred_by_id)
        .where(Person.owner_id == owner.id)
        .order_by(
            (Person.referred_by_id.is_not(None)).desc(),
            select(func.count(referrer.c.id))
            .where(referrer.c.referred_by_id == Person.id)
            .scalar_subquery()
            .desc(),
            Person.id,
        )
        .limit(limit)
    )
    rows = session.execute(ties).all()
    names = dict(
        session.execute(
            scope(select(Organization.id, Organization.name), Organization, owner).where(
                Organization.id.in_({r.organization_id for r in rows if r.organization_id})
            )
        ).all()
    )
    groups: dict[int | None, list[tuple[int, str, int | None]]] = {}
    for row in rows:
        groups.setdefault(row.organization_id, []).append(
            (row.id, row.full_name, row.referred_by_id)
        )
    ordered = sorted(groups.items(), key=lambda g: (-len(g[1]), names.get(g[0] or 0, "~")))
    warmth = warmth_of([row.id for row in rows]) if warmth_of and rows else {}
    clusters, nodes, by_id = _place(ordered, names, warmth)
    edges = [
        Edge(by_id[ref], by_id[pid])
        for group in groups.values()
        for pid, _name, ref in group
        if ref is not None and ref in by_id
    ]
    height = int(max((c.y + c.radius for c in clusters), default=0) + PADDING)
    return Picture(WIDTH, max(height, 120), clusters, nodes, edges, len(rows), total)


def _place(
    ordered: list[tuple[int | None, list[tuple[int, str, int | None]]]],
    names: Mapping[int, str],
    warmth: Mapping[int, int],
) -> tuple[list[Cluster], list[Node], dict[int, Node]]:
    clusters: list[Cluster] = []
    nodes: list[Node] = []
    by_id: dict[int, Node] = {}
    x, y, row_height = PADDING, PADDING + 14, 0.0
    for org_id, members in ordered:
        spots = _rings(len(members))
        radius = max(max(math.hypot(dx, dy) for dx, dy in spots) + DOT + 12, 36.0)
        label = names.get(org_id, "No organization") if org_id else "No organization"
        cell = max(2 * radius, LETTER * min(len(label), MAX_LABEL))
        if x + cell > WIDTH - PADDING and x > PADDING:
            x, y, row_height = PADDING, y + row_height + 40, 0.0
        cx, cy = x + cell / 2, y + radius
        clusters.append(Cluster(label, org_id, cx, cy, radius, len(members)))
        for (pid, name, _ref), (dx, dy) in zip(members, spots, strict=True):
            node = Node(pid, name, round(cx + dx, 1), round(cy + dy, 1), warmth.get(pid))
            nodes.append(node)
            by_id[pid] = node
        x += cell + 24
        row_height = max(row_height, 2 * radius)
    return clusters, nodes, by_id
