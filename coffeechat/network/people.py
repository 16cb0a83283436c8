"""People of the network: add, edit, list, show, remove."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import exists
from sqlalchemy.orm import Session, selectinload

from coffeechat.errors import Invalid
from coffeechat.models import (
    ContactKind,
    ContactPoint,
    Employment,
    HowMet,
    Person,
    PersonTag,
    User,
    utcnow,
)
from coffeechat.network.contacts import clean_name, normalise
from coffeechat.network.organizations import find_or_create_organization, find_organization
from coffeechat.network.profile import get_profile
from coffeechat.scoping import get_owned, owned

_UNSET: object = object()


@dataclass(frozen=True)
class ContactChanges:
    """Replacement lists of emails, phones and URLs; None leaves a list as it is."""

    emails: Sequence[str] | None = None
    phones: Sequence[str] | None = None
    urls: Sequence[str] | None = None


def _how_met(value: str | HowMet) -> str:
    try:
        return HowMet(value).value
    except ValueError:
        choices = ", ".join(h.value for h in HowMet)
        raise Invalid("how_met", f"{value!r} is not one of {choices}") from None


def _clean_tags(tags: Sequence[str]) -> list[str]:
    cleaned = sorted({" ".join(t.split()).lower() for t in tags} - {""})
    for tag in cleaned:
        if len(tag) > 60:
            raise Invalid("tag", f"{tag[:20]!r}… is longer than 60 characters")
    return cleaned


def _set_contacts(
    session: Session, person: Person, owner: User, kind: ContactKind, values: Sequence[str]
) -> None:
    region = get_profile(session, owner=owner).country
    keep = [c for c in person.contacts if c.kind != kind.value]
    seen: set[str] = set()
    for raw in values:
        shown, key = normalise(kind, raw, region)
        if key not in seen:
            seen.add(key)
            keep.append(
                ContactPoint(owner_id=owner.id, kind=kind.value, value=shown, value_key=key)
            )
    person.contacts = keep


def _apply_contacts(session: Session, person: Person, owner: User, changes: ContactChanges) -> None:
    for kind, values in (
        (ContactKind.EMAIL, changes.emails),
        (ContactKind.PHONE, changes.phones),
        (ContactKind.URL, changes.urls),
    ):
        if values is not None:
            _set_contacts(session, person, owner, kind, values)


def _referrer(
    session: Session, owner: User, referred_by: int | None, person_id: int | None
) -> int | None:
    if referred_by is None:
        return None
    if referred_by == person_id:
        raise Invalid("referred_by", "a person cannot refer themselves")
    return get_owned(session, Person, referred_by, owner, "person (referred by)").id


def add_person(
    session: Session,
    *,
    owner: User,
    name: str,
    org: str | None = None,
    title: str | None = None,
    contacts: ContactChanges = ContactChanges(),
    how_met: str | HowMet | None = None,
    referred_by: int | None = None,
    tags: Sequence[str] = (),
    location: str | None = None,
    notes: str = "",
) -> Person:
    """A new person; an ``org`` name reuses an existing organization in any case."""
    person = Person(
        owner_id=owner.id,
        full_name=clean_name(name),
        title=(title or "").strip() or None,
        location=(location or "").strip() or None,
        notes=notes,
        referred_by_id=_referrer(session, owner, referred_by, None),
        contacts=[],
        tags=[],
    )
    session.add(person)
    if how_met is not None:
        person.how_met = _how_met(how_met)
    elif referred_by is not None:
        person.how_met = HowMet.REFERRAL.value
    if org and org.strip():
        person.organization = find_or_create_organization(session, owner=owner, name=org)
    _apply_contacts(session, person, owner, contacts)
    person.tags = [PersonTag(tag=t, owner_id=owner.id) for t in _clean_tags(tags)]
    session.flush()
    return person


def edit_person(
    session: Session,
    *,
    owner: User,
    person_id: int,
    name: str | None = None,
    org: str | None = None,
    title: str | None = None,
    contacts: ContactChanges = ContactChanges(),
    how_met: str | HowMet | None = None,
    referred_by: int | None | object = _UNSET,
    tags: Sequence[str] | None = None,
    location: str | None = None,
    notes: str | None = None,
) -> Person:
    """Change the given fields; an empty ``org`` or ``title`` clears it, lists are replaced."""
    person = get_person(session, owner=owner, person_id=person_id)
    if name is not None:
        person.full_name = clean_name(name)
    if org is not None:
        previous, previous_title = person.organization, person.title
        person.organization = (
            find_or_create_organization(session, owner=owner, name=org) if org.strip() else None
        )
        if previous is not None and person.organization is not previous:
            _record_past_job(session, owner, person, previous.id, previous_title)
    if title is not None:
        person.title = title.strip() or None
    if location is not None:
        person.location = location.strip() or None
    if notes is not None:
        person.notes = notes
    if how_met is not None:
        person.how_met = _how_met(how_met)
    if referred_by is not _UNSET:
        assert referred_by is None or isinstance(referred_by, int)
        person.referred_by_id = _referrer(session, owner, referred_by, person.id)
    _apply_contacts(session, person, owner, contacts)
    if tags is not None:
        wanted = _clean_tags(tags)
        person.tags = [t for t in person.tags if t.tag in wanted] + [
            PersonTag(tag=t, owner_id=owner.id) for t in wanted if t not in person.tag_names
        ]
    session.flush()
    return person


def _record_past_job(
    session: Session, owner: User, person: Person, organization_id: int, title: str | None
) -> None:
    # Warm paths look for people who used to work somewhere, so a move keeps the old job.
    session.add(
        Employment(
            owner_id=owner.id,
            person_id=person.id,
            organization_id=organization_id,
            title=title,
            end_year=utcnow().year,
        )
    )


def get_person(session: Session, *, owner: User, person_id: int) -> Person:
    return get_owned(session, Person, person_id, owner, "person")


def remove_person(session: Session, *, owner: User, person_id: int) -> None:
    """Delete a person; their interviews stay, without a person."""
    session.delete(get_person(session, owner=owner, person_id=person_id))
    session.flush()


def list_people(
    session: Session,
    *,
    owner: User,
    org: str | None = None,
    tag: str | None = None,
    how_met: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[Person]:
    """People by name, optionally only those at ``org``, with ``tag`` or met a certain way."""
    statement = (
        owned(Person, owner)
        .options(
            selectinload(Person.organization),
            selectinload(Person.contacts),
            selectinload(Person.tags),
        )
        .order_by(Person.full_name, Person.id)
    )
    if org is not None:
        organization = find_organization(session, owner=owner, name=org)
        if organization is None:
            return []
        statement = statement.where(Person.organization_id == organization.id)
    if tag is not None:
        statement = statement.where(
            exists().where(
                PersonTag.person_id == Person.id, PersonTag.tag == " ".join(tag.split()).lower()
            )
        )
    if how_met is not None:
        statement = statement.where(Person.how_met == _how_met(how_met))
    statement = statement.offset(offset)
    if limit is not None:
        statement = statement.limit(limit)
    return list(session.scalars(statement))


def referrals_of(session: Session, *, owner: User, person_id: int) -> list[Person]:
    """The people ``person_id`` referred the user to."""
    statement = owned(Person, owner).where(Person.referred_by_id == person_id).order_by(Person.id)
    return list(session.scalars(statement))
