"""Targets and past jobs survive a JSON backup and restore."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.orm import Session

from coffeechat.errors import Invalid
from coffeechat.interop.backup import backup_json, parse_backup
from coffeechat.interop.restore import restore_backup
from coffeechat.models import Employment, User
from coffeechat.network.people import edit_person
from coffeechat.network.targets import add_target, list_targets
from coffeechat.scoping import owned
from tests.factories import make_person


def test_targets_and_past_jobs_come_back_after_a_restore(
    session: Session, owner: User, stranger: User
) -> None:
    ada = make_person(session, owner, "Ada", org="Acme", title="Analyst")
    edit_person(session, owner=owner, person_id=ada.id, org="Beta")
    add_target(session, owner=owner, ref="Acme", motivation=3, postings=2, notes="data team")
    add_target(session, owner=owner, ref="Actuary", career=True, create=True, motivation=1)
    text = backup_json(session, owner=owner)
    restore_backup(session, owner=stranger, backup=parse_backup(text))
    rows = list_targets(session, owner=stranger)
    assert [(r.name, r.kind, r.target.motivation, r.target.postings) for r in rows] == [
        ("Acme", "organization", 3, 2),
        ("Actuary", "career", 1, None),
    ]
    (job,) = session.scalars(owned(Employment, stranger)).all()
    assert (job.person.full_name, job.organization.name, job.title) == ("Ada", "Acme", "Analyst")
    assert (
        json.loads(backup_json(session, owner=stranger))["targets"] == json.loads(text)["targets"]
    )


def test_a_backup_from_before_targets_existed_still_restores(
    session: Session, owner: User, stranger: User
) -> None:
    make_person(session, owner, "Ada", org="Acme")
    data = json.loads(backup_json(session, owner=owner))
    del data["targets"], data["employments"]
    restore_backup(session, owner=stranger, backup=parse_backup(json.dumps(data)))
    assert list_targets(session, owner=stranger) == []


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        ({"motivation": 7}, "targets.0.motivation: Input should be less than or equal to 3"),
        ({"organization": None}, "give exactly one of organization or career"),
        ({"organization": 9}, "targets[0].organization: no organization with ref 9"),
    ],
)
def test_a_damaged_target_in_a_backup_is_refused_by_place(
    session: Session, owner: User, target: dict[str, object], problem: str
) -> None:
    add_target(session, owner=owner, ref="Acme", create=True)
    data = json.loads(backup_json(session, owner=owner))
    data["targets"][0].update(target)
    with pytest.raises(Invalid) as caught:
        parse_backup(json.dumps(data))
    assert problem in str(caught.value)
