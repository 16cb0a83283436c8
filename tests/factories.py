"""Test data builders: functions with sensible defaults that any test can override."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from coffeechat.meetings.pipeline import new_interview
from coffeechat.models import Interview, Organization, Person, User
from coffeechat.network.organizations import add_organization
from coffeechat.network.people import ContactChanges, add_person


def make_user(session: Session, username: str = "owner") -> User:
    user = User(username=username)
    session.add(user)
    session.flush()
    return user


def make_org(session: Session, owner: User, name: str = "Acme", **over: Any) -> Organization:
    return add_organization(session, owner=owner, name=name, **over)


def make_person(
    session: Session,
    owner: User,
    name: str = "Ada Lovelace",
    *,
    emails: list[str] | None = None,
    **over: Any,
) -> Person:
    return add_person(
        session, owner=owner, name=name, contacts=ContactChanges(emails=emails or []), **over
    )


def make_interview(
    session: Session, owner: User, person: Person | None = None, **over: Any
) -> Interview:
    person = person or make_person(session, owner)
    return new_interview(session, owner=owner, person_id=person.id, **over)
