"""Fixtures for the questions feature: an interview with research behind it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pytest
from sqlalchemy.orm import Session

from coffeechat.models import Fact, Interview, Organization, Person, Source, User
from tests.factories import make_interview, make_org, make_person


def add_fact(
    session: Session,
    owner: User,
    org: Organization,
    kind: str,
    text: str,
    *,
    confidence: float = 0.9,
    status: str = "new",
    title: str = "About Brightwell",
    url: str = "https://brightwell.test/about",
) -> Fact:
    source = Source(
        owner_id=owner.id,
        organization_id=org.id,
        content_hash=hashlib.sha256(f"{kind}{text}".encode()).hexdigest(),
        url=url,
        title=title,
        text=text,
    )
    fact = Fact(
        owner_id=owner.id,
        organization_id=org.id,
        kind=kind,
        text=text,
        start=0,
        end=len(text),
        confidence=confidence,
        status=status,
    )
    source.facts.append(fact)
    session.add(source)
    session.flush()
    return fact


@dataclass
class Researched:
    org: Organization
    person: Person
    interview: Interview


@pytest.fixture
def researched(session: Session, owner: User) -> Researched:
    """A company interview with a senior analyst at Brightwell, whose mission is known."""
    org = make_org(session, owner, "Brightwell Energy", industry="Renewable energy")
    person = make_person(
        session, owner, "Priya Raman", org="Brightwell Energy", title="Senior Data Analyst"
    )
    interview = make_interview(
        session, owner, person, focus="company", goal="Understand the team culture"
    )
    interview.duration_minutes = 30
    add_fact(
        session,
        owner,
        org,
        "mission",
        "Our mission is to make rooftop solar affordable for every household.",
        status="confirmed",
    )
    return Researched(org, person, interview)
