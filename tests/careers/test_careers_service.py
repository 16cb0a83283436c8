"""Linking interviews to careers, and the owner's list of careers."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from coffeechat.careers.onet_import import ImportReport
from coffeechat.careers.service import CareerSummary, link_career, list_careers
from coffeechat.errors import NotFound
from coffeechat.models import User
from tests.careers.conftest import DEV, NURSE
from tests.factories import make_interview


def test_linking_creates_the_career_once_and_sets_it_on_the_interview(
    session: Session, owner: User, release: ImportReport
) -> None:
    first = make_interview(session, owner)
    second = make_interview(session, owner)
    link_career(session, owner=owner, interview_id=first.id, code=DEV)
    link_career(session, owner=owner, interview_id=second.id, code="15-1252")
    assert first.career is not None and first.career is second.career
    assert (first.career.onet_code, first.career.title) == (DEV, "Software Developers")
    assert list_careers(session, owner=owner) == [
        CareerSummary(first.career.id, DEV, "Software Developers", 2)
    ]


def test_relinking_moves_the_interview_to_the_new_career(
    session: Session, owner: User, release: ImportReport
) -> None:
    interview = make_interview(session, owner)
    link_career(session, owner=owner, interview_id=interview.id, code=DEV)
    link_career(session, owner=owner, interview_id=interview.id, code=NURSE)
    summaries = {c.code: c.interviews for c in list_careers(session, owner=owner)}
    assert summaries == {DEV: 0, NURSE: 1}


def test_it_cannot_link_another_owners_interview(
    session: Session, owner: User, stranger: User, release: ImportReport
) -> None:
    theirs = make_interview(session, stranger)
    with pytest.raises(NotFound, match="interview"):
        link_career(session, owner=owner, interview_id=theirs.id, code=DEV)


def test_each_owner_sees_only_their_careers(
    session: Session, owner: User, stranger: User, release: ImportReport
) -> None:
    link_career(session, owner=owner, interview_id=make_interview(session, owner).id, code=DEV)
    assert list_careers(session, owner=stranger) == []
