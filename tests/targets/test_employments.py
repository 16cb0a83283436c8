from __future__ import annotations

from sqlalchemy.orm import Session

from coffeechat.models import Employment, User
from coffeechat.network.people import edit_person
from coffeechat.scoping import owned
from tests.factories import make_person


def jobs(session: Session, owner: User) -> list[tuple[str, str | None]]:
    rows = session.scalars(owned(Employment, owner).order_by(Employment.id))
    return [(row.organization.name, row.title) for row in rows]


def test_moving_to_another_organization_keeps_the_old_job(session: Session, owner: User) -> None:
    ada = make_person(session, owner, "Ada", org="Acme", title="Analyst")
    edit_person(session, owner=owner, person_id=ada.id, org="Beta", title="Lead")
    assert jobs(session, owner) == [("Acme", "Analyst")]
    (job,) = session.scalars(owned(Employment, owner)).all()
    assert job.person_id == ada.id and job.end_year is not None


def test_clearing_the_organization_keeps_the_old_job(session: Session, owner: User) -> None:
    ada = make_person(session, owner, "Ada", org="Acme")
    edit_person(session, owner=owner, person_id=ada.id, org="")
    assert jobs(session, owner) == [("Acme", None)]


def test_naming_the_same_organization_again_records_nothing(session: Session, owner: User) -> None:
    ada = make_person(session, owner, "Ada", org="Acme")
    edit_person(session, owner=owner, person_id=ada.id, org="ACME", title="Lead")
    edit_person(session, owner=owner, person_id=ada.id, name="Ada L.")
    assert jobs(session, owner) == []


def test_a_first_organization_is_not_a_past_job(session: Session, owner: User) -> None:
    ada = make_person(session, owner, "Ada")
    edit_person(session, owner=owner, person_id=ada.id, org="Acme")
    assert jobs(session, owner) == []


def test_merging_two_records_keeps_the_past_jobs_of_both(session: Session, owner: User) -> None:
    from coffeechat.network.merge import merge_people

    ada = make_person(session, owner, "Ada", org="Acme")
    edit_person(session, owner=owner, person_id=ada.id, org="Beta")
    copy = make_person(session, owner, "Ada L.", org="Cobalt")
    edit_person(session, owner=owner, person_id=copy.id, org="Beta")
    merge_people(session, owner=owner, keep_id=ada.id, other_id=copy.id)
    rows = session.scalars(owned(Employment, owner).order_by(Employment.id)).all()
    assert [(row.person_id, row.organization.name) for row in rows] == [
        (ada.id, "Acme"),
        (ada.id, "Cobalt"),
    ]
