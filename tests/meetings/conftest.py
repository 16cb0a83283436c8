"""Builders for the meetings tests: research facts and a profile in a real time zone."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from coffeechat.models import Fact, FactStatus, Organization, Source, User
from coffeechat.network.profile import update_profile


def add_fact(
    session: Session,
    owner: User,
    org: Organization,
    text: str,
    *,
    kind: str = "news",
    status: FactStatus = FactStatus.CONFIRMED,
) -> Fact:
    source = Source(
        owner_id=owner.id, organization_id=org.id, content_hash=str(hash(text)), text=text
    )
    fact = Fact(
        owner_id=owner.id,
        organization_id=org.id,
        kind=kind,
        text=text,
        start=0,
        end=len(text),
        status=status.value,
    )
    source.facts.append(fact)
    session.add(source)
    session.flush()
    return fact


def chicago_profile(session: Session, owner: User) -> None:
    update_profile(
        session,
        owner=owner,
        name="Jordan Reyes",
        schools=["Lakeshore State"],
        fields=["health analytics"],
        country="US",
        timezone="America/Chicago",
    )


def utc(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)
