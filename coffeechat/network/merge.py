"""Merging two records of one person into one, losing nothing of either."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from coffeechat.errors import Invalid
from coffeechat.models import (
    ContactPoint,
    Employment,
    Fact,
    HowMet,
    Interview,
    Message,
    Person,
    PersonTag,
    Source,
    User,
)
from coffeechat.scoping import get_owned
from coffeechat.search import write_documents


def merge_people(session: Session, *, owner: User, keep_id: int, other_id: int) -> Person:
    """Fold person ``other_id`` into ``keep_id`` and remove it.

    Interviews, messages, facts, sources, past jobs and the people they referred move over; emails,
    phones, URLs and tags are united; empty fields of the kept person are filled and
    notes are joined.
    """
    if keep_id == other_id:
        raise Invalid("person", "cannot merge a person with themselves")
    keep = get_owned(session, Person, keep_id, owner, "person")
    other = get_owned(session, Person, other_id, owner, "person")
    _fill_fields(keep, other)
    _unite_contacts(keep, other, owner)
    for model in (Interview, Message, Fact, Source, Employment):
        session.execute(
            update(model).where(model.person_id == other.id).values(person_id=keep.id),
            execution_options={"synchronize_session": "fetch"},
        )
    session.execute(
        update(Person)
        .where(Person.referred_by_id == other.id, Person.id != keep.id)
        .values(referred_by_id=keep.id),
        execution_options={"synchronize_session": "fetch"},
    )
    session.delete(other)
    session.flush()
    # Interview titles carry the person's name; rows moved by plain UPDATEs need new documents.
    moved = set(session.scalars(select(Interview.id).where(Interview.person_id == keep.id)))
    write_documents(session.connection(), "interview", moved)
    session.refresh(keep)
    return keep


def _fill_fields(keep: Person, other: Person) -> None:
    keep.title = keep.title or other.title
    keep.organization_id = keep.organization_id or other.organization_id
    keep.location = keep.location or other.location
    keep.connected_on = keep.connected_on or other.connected_on
    keep.keep_in_touch_days = keep.keep_in_touch_days or other.keep_in_touch_days
    if keep.how_met == HowMet.OTHER.value:
        keep.how_met = other.how_met
    if keep.referred_by_id in (None, other.id):
        referrer = other.referred_by_id
        keep.referred_by_id = None if referrer in (keep.id, other.id) else referrer
    keep.notes = join_notes(keep.notes, other.notes)


def join_notes(first: str, second: str) -> str:
    """Both notes, once each, separated by a blank line."""
    first, second = first.strip(), second.strip()
    if not second or second in first:
        return first
    if not first or first in second:
        return second
    return f"{first}\n\n{second}"


def _unite_contacts(keep: Person, other: Person, owner: User) -> None:
    known = {(c.kind, c.value_key) for c in keep.contacts}
    for contact in other.contacts:
        if (contact.kind, contact.value_key) not in known:
            known.add((contact.kind, contact.value_key))
            keep.contacts.append(
                ContactPoint(
                    owner_id=owner.id,
                    kind=contact.kind,
                    value=contact.value,
                    value_key=contact.value_key,
                    label=contact.label,
                )
            )
    tags = set(keep.tag_names)
    keep.tags.extend(
        PersonTag(tag=t.tag, owner_id=owner.id) for t in other.tags if t.tag not in tags
    )
