"""A realistic sample network, so a newcomer sees Coffeechat working in one command."""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib import resources
from typing import Any

from sqlalchemy.orm import Session

from coffeechat.meetings.pipeline import new_interview
from coffeechat.models import Career, Fact, Message, Person, Source, User, utcnow
from coffeechat.network.organizations import add_organization
from coffeechat.network.people import ContactChanges, add_person
from coffeechat.network.profile import update_profile
from coffeechat.vocab import MessageKind, Stage

_STAMPS = {
    "requested": "requested_at",
    "scheduled": "scheduled_at",
    "held": "held_at",
    "thanked": "thanked_at",
    "closed": "closed_at",
}


@dataclass(frozen=True)
class DemoSummary:
    people: int
    organizations: int
    interviews: int
    facts: int


def _data() -> dict[str, Any]:
    text = resources.files("coffeechat.demo").joinpath("network.toml").read_text("utf-8")
    return tomllib.loads(text)


def build_demo(session: Session, *, owner: User, now: datetime | None = None) -> DemoSummary:
    """Fill an empty database with the demo network, dated around ``now``."""
    now = now or utcnow()
    data = _data()
    update_profile(session, owner=owner, **data["me"])
    orgs = {o["name"]: add_organization(session, owner=owner, **o) for o in data["organizations"]}
    careers = {
        c["title"]: Career(owner_id=owner.id, onet_code=c["code"], title=c["title"])
        for c in data["careers"]
    }
    session.add_all(careers.values())
    people: dict[str, Person] = {}
    for entry in data["people"]:
        referrer = people[entry["referred_by"]].id if "referred_by" in entry else None
        people[entry["name"]] = add_person(
            session,
            owner=owner,
            name=entry["name"],
            org=entry.get("org"),
            title=entry.get("title"),
            contacts=ContactChanges(emails=[entry["email"]] if "email" in entry else []),
            how_met=entry["how_met"],
            referred_by=referrer,
            tags=entry.get("tags", []),
            location=entry.get("location"),
            notes=entry.get("notes", ""),
        )
    session.flush()
    for entry in data["interviews"]:
        _add_interview(session, owner, entry, people, careers, now)
    facts = sum(_add_source(session, owner, entry, orgs) for entry in data["sources"])
    session.flush()
    return DemoSummary(len(people), len(orgs), len(data["interviews"]), facts)


def _add_interview(
    session: Session,
    owner: User,
    entry: dict[str, Any],
    people: dict[str, Person],
    careers: dict[str, Career],
    now: datetime,
) -> None:
    person = people[entry["person"]]
    career = careers.get(entry.get("career", ""))
    interview = new_interview(
        session,
        owner=owner,
        person_id=person.id,
        focus=entry["focus"],
        goal=entry["goal"],
        career_id=career.id if career else None,
    )
    hour = now.replace(hour=15, minute=0, second=0, microsecond=0)
    for key, column in _STAMPS.items():
        if key in entry:
            setattr(interview, column, hour + timedelta(days=entry[key]))
    interview.stage = Stage(entry["stage"]).value
    interview.stage_changed_at = max(
        (getattr(interview, c) for c in _STAMPS.values() if getattr(interview, c)),
        default=now,
    )
    if interview.scheduled_at:
        interview.duration_minutes = 30
    interview.venue = entry.get("venue")
    interview.place = entry.get("place")
    interview.link = entry.get("link")
    interview.notes = entry.get("notes", "")
    interview.takeaways = list(entry.get("takeaways", []))
    if interview.requested_at:
        session.add(
            Message(
                owner_id=owner.id,
                interview_id=interview.id,
                person_id=person.id,
                kind=MessageKind.OUTREACH.value,
                subject="Would you share 20 minutes of advice?",
                sent_at=interview.requested_at,
                replied_at=interview.scheduled_at and interview.requested_at + timedelta(days=2),
            )
        )
    if interview.thanked_at:
        session.add(
            Message(
                owner_id=owner.id,
                interview_id=interview.id,
                person_id=person.id,
                kind=MessageKind.THANK_YOU.value,
                subject="Thank you for your time",
                sent_at=interview.thanked_at,
            )
        )


def _add_source(session: Session, owner: User, entry: dict[str, Any], orgs: dict[str, Any]) -> int:
    org = orgs[entry["org"]]
    text: str = entry["text"]
    source = Source(
        owner_id=owner.id,
        organization_id=org.id,
        url=entry["url"],
        title=entry["title"],
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        media_type="text/html",
    )
    for kind, sentence in entry["facts"]:
        start = text.index(sentence)
        source.facts.append(
            Fact(
                owner_id=owner.id,
                organization_id=org.id,
                kind=kind,
                text=sentence,
                start=start,
                end=start + len(sentence),
                confidence=0.9,
                status="confirmed",
            )
        )
    session.add(source)
    return len(entry["facts"])
