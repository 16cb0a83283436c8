from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from coffeechat.errors import Invalid, NotFound
from coffeechat.meetings.pipeline import get_interview
from coffeechat.models import User
from coffeechat.network.people import (
    ContactChanges,
    add_person,
    edit_person,
    get_person,
    list_people,
    referrals_of,
    remove_person,
)
from tests.factories import make_interview, make_person


def test_it_adds_a_person_with_contacts_tags_and_organization(
    session: Session, owner: User
) -> None:
    person = add_person(
        session,
        owner=owner,
        name="  Grace   Hopper ",
        org="Navy Labs",
        title="Rear Admiral",
        contacts=ContactChanges(
            emails=["Grace@Navy.example"], phones=["+1 202 555 0143"], urls=["navy.example/grace"]
        ),
        how_met="event",
        tags=["Mentor", "compilers", "mentor"],
    )
    assert person.full_name == "Grace Hopper"
    assert person.organization is not None and person.organization.name == "Navy Labs"
    assert person.emails == ["Grace@navy.example"]
    assert person.phones == ["+1 202-555-0143"]
    assert person.urls == ["https://navy.example/grace"]
    assert person.how_met == "event"
    assert person.tag_names == ["compilers", "mentor"]


def test_it_reuses_an_organization_whatever_the_case(session: Session, owner: User) -> None:
    first = make_person(session, owner, "Ann", org="Acme")
    second = make_person(session, owner, "Bob", org="  ACME ")
    assert first.organization_id == second.organization_id


@pytest.mark.parametrize(
    ("contacts", "field"),
    [
        (ContactChanges(emails=["not-an-email"]), "email"),
        (ContactChanges(phones=["12"]), "phone"),
        (ContactChanges(urls=["ftp://files.example"]), "url"),
    ],
)
def test_it_rejects_invalid_contact_details(
    session: Session, owner: User, contacts: ContactChanges, field: str
) -> None:
    with pytest.raises(Invalid) as raised:
        add_person(session, owner=owner, name="Ann", contacts=contacts)
    assert raised.value.field == field


def test_it_rejects_an_empty_name(session: Session, owner: User) -> None:
    with pytest.raises(Invalid) as raised:
        add_person(session, owner=owner, name="   ")
    assert raised.value.field == "name"


def test_a_referral_sets_how_met_and_links_both_ways(session: Session, owner: User) -> None:
    priya = make_person(session, owner, "Priya")
    marcus = make_person(session, owner, "Marcus", referred_by=priya.id)
    assert marcus.how_met == "referral"
    assert marcus.referred_by is priya
    assert referrals_of(session, owner=owner, person_id=priya.id) == [marcus]


def test_it_hides_other_owners_people(session: Session, owner: User, stranger: User) -> None:
    theirs = make_person(session, stranger, "Their Contact", org="Acme")
    make_person(session, owner, "My Contact", org="Acme")
    assert [p.full_name for p in list_people(session, owner=owner)] == ["My Contact"]
    assert [p.full_name for p in list_people(session, owner=owner, org="acme")] == ["My Contact"]
    with pytest.raises(NotFound):
        get_person(session, owner=owner, person_id=theirs.id)
    with pytest.raises(NotFound):
        make_person(session, owner, "Sneaky", referred_by=theirs.id)


def test_it_filters_by_organization_tag_and_how_met(session: Session, owner: User) -> None:
    make_person(session, owner, "Ann", org="Acme", tags=["data"], how_met="alumni")
    make_person(session, owner, "Bob", org="Acme", tags=["design"])
    make_person(session, owner, "Cy", org="Globex", tags=["data"])
    assert [p.full_name for p in list_people(session, owner=owner, org="ACME")] == ["Ann", "Bob"]
    assert [p.full_name for p in list_people(session, owner=owner, tag="Data")] == ["Ann", "Cy"]
    assert [p.full_name for p in list_people(session, owner=owner, how_met="alumni")] == ["Ann"]
    assert list_people(session, owner=owner, org="Nowhere") == []


def test_edit_replaces_lists_and_clears_fields(session: Session, owner: User) -> None:
    person = make_person(
        session,
        owner,
        "Ann",
        org="Acme",
        title="Analyst",
        tags=["a", "b"],
        emails=["ann@acme.example"],
    )
    edit_person(
        session,
        owner=owner,
        person_id=person.id,
        org="",
        title="",
        tags=["b", "c"],
        contacts=ContactChanges(emails=["ann@new.example"]),
    )
    assert person.organization is None and person.title is None
    assert person.tag_names == ["b", "c"]
    assert person.emails == ["ann@new.example"]


def test_a_failed_edit_changes_nothing(session: Session, owner: User) -> None:
    person = make_person(session, owner, "Ann", emails=["ann@acme.example"])
    with pytest.raises(Invalid):
        edit_person(
            session,
            owner=owner,
            person_id=person.id,
            contacts=ContactChanges(emails=["ok@acme.example", "broken"]),
        )
    session.refresh(person)
    assert person.emails == ["ann@acme.example"]


def test_a_person_cannot_refer_themselves(session: Session, owner: User) -> None:
    person = make_person(session, owner)
    with pytest.raises(Invalid):
        edit_person(session, owner=owner, person_id=person.id, referred_by=person.id)


def test_removing_a_person_keeps_their_interviews(session: Session, owner: User) -> None:
    interview = make_interview(session, owner, goal="Learn about compilers")
    assert interview.person_id is not None
    remove_person(session, owner=owner, person_id=interview.person_id)
    session.expire_all()
    kept = get_interview(session, owner=owner, interview_id=interview.id)
    assert kept.person_id is None
    assert kept.goal == "Learn about compilers"
