from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from coffeechat.errors import Conflict, Invalid, NotFound
from coffeechat.models import Career, Organization, Target, User
from coffeechat.network.profile import update_profile
from coffeechat.network.targets import (
    add_target,
    add_targets,
    drop_target,
    list_targets,
    remove_target,
    rescore,
    score_target,
)
from coffeechat.scoping import owned
from tests.factories import make_interview, make_org, make_person
from tests.targets.conftest import ask


def order(session: Session, owner: User) -> list[str]:
    return [row.name for row in list_targets(session, owner=owner)]


def test_it_adds_a_known_organization_with_its_scores(session: Session, owner: User) -> None:
    make_org(session, owner, "Acme")
    target = add_target(session, owner=owner, ref="acme", motivation=3, postings=2, notes=" big ")
    assert (target.name, target.motivation, target.postings, target.notes) == (
        "Acme",
        3,
        2,
        "big",
    )


def test_postings_stay_empty_and_motivation_zero_until_scored(
    session: Session, owner: User
) -> None:
    make_org(session, owner, "Acme")
    target = add_target(session, owner=owner, ref="Acme")
    assert (target.motivation, target.postings) == (0, None)
    assert list_targets(session, owner=owner)[0].scored is False


@pytest.mark.parametrize(
    ("field", "scores", "message"),
    [
        ("motivation", {"motivation": 4}, "motivation: must be 0, 1, 2 or 3 (got 4)"),
        ("motivation", {"motivation": -1}, "motivation: must be 0, 1, 2 or 3 (got -1)"),
        ("postings", {"postings": 0}, "postings: must be 1, 2 or 3 (got 0)"),
    ],
)
def test_scores_out_of_range_are_refused(
    session: Session, owner: User, field: str, scores: dict[str, int], message: str
) -> None:
    make_org(session, owner, "Acme")
    with pytest.raises(Invalid) as caught:
        add_target(session, owner=owner, ref="Acme", **scores)
    assert caught.value.field == field and str(caught.value) == message
    assert list_targets(session, owner=owner) == []


def test_an_unknown_organization_is_refused_with_the_closest_name(
    session: Session, owner: User
) -> None:
    make_org(session, owner, "Acme Bank")
    with pytest.raises(Invalid) as caught:
        add_target(session, owner=owner, ref="Acme Bnak")
    assert (
        str(caught.value)
        == "organization: no organization named 'Acme Bnak'; did you mean 'Acme Bank'?"
    )
    assert session.scalars(owned(Organization, owner)).all()[0].name == "Acme Bank"


def test_create_adds_an_unknown_organization(session: Session, owner: User) -> None:
    target = add_target(session, owner=owner, ref="Cobalt Labs", create=True, motivation=1)
    assert target.organization is not None and target.organization.name == "Cobalt Labs"


def test_an_alias_finds_the_organization(session: Session, owner: User) -> None:
    org = make_org(session, owner, "International Widgets")
    org.aliases = ["IW"]
    session.flush()
    assert add_target(session, owner=owner, ref="iw").organization_id == org.id


def test_the_same_organization_cannot_be_added_twice(session: Session, owner: User) -> None:
    make_org(session, owner, "Acme")
    add_target(session, owner=owner, ref="Acme")
    with pytest.raises(Conflict, match="Acme is on your target list already"):
        add_target(session, owner=owner, ref="ACME")


def test_careers_are_targets_too(session: Session, owner: User) -> None:
    target = add_target(session, owner=owner, ref="Data Scientist", career=True, create=True)
    assert target.career is not None and target.name == "Data Scientist"
    again = session.scalars(owned(Career, owner)).one()
    assert again.id == target.career_id
    with pytest.raises(Invalid, match="career: no career called 'Actuary'"):
        add_target(session, owner=owner, ref="Actuary", career=True)


def test_the_list_puts_advocacy_before_motivation_before_postings(
    session: Session, owner: User
) -> None:
    update_profile(session, owner=owner, schools=["Lakeshore State"])
    for name in ("Advocated", "Alumni", "Keen", "Keen Hiring", "Unscored"):
        make_org(session, owner, name)
    ada = make_person(session, owner, "Ada", org="Advocated")
    ask(session, owner, ada, "2026-11-16", replied="2026-11-17")
    make_person(session, owner, "Al", org="Alumni", how_met="alumni")
    add_target(session, owner=owner, ref="Unscored")
    add_target(session, owner=owner, ref="Keen", motivation=3, postings=1)
    add_target(session, owner=owner, ref="Keen Hiring", motivation=3, postings=3)
    add_target(session, owner=owner, ref="Alumni", motivation=0, postings=1)
    add_target(session, owner=owner, ref="Advocated", motivation=0, postings=1)
    rows = list_targets(session, owner=owner)
    assert [(r.name, r.advocacy) for r in rows] == [
        ("Advocated", 2),
        ("Alumni", 1),
        ("Keen Hiring", 0),
        ("Keen", 0),
        ("Unscored", 0),
    ]
    assert [c.name for c in rows[0].advocates] == ["Ada"]
    assert [c.name for c in rows[1].alumni] == ["Al"]


def test_a_contact_there_who_never_answered_is_no_advocate(session: Session, owner: User) -> None:
    make_org(session, owner, "Acme")
    ask(session, owner, make_person(session, owner, "Sam", org="Acme"), "2026-11-02")
    add_target(session, owner=owner, ref="Acme")
    assert list_targets(session, owner=owner)[0].advocacy == 0


def test_a_career_target_counts_people_asked_about_that_career(
    session: Session, owner: User
) -> None:
    target = add_target(session, owner=owner, ref="Actuary", career=True, create=True)
    ada = make_person(session, owner, "Ada")
    interview = make_interview(session, owner, ada, career_id=target.career_id, focus="career")
    interview.held_at = interview.created_at
    session.flush()
    (row,) = list_targets(session, owner=owner)
    assert row.kind == "career" and [c.name for c in row.advocates] == ["Ada"]


def test_scoring_and_removing_a_target(session: Session, owner: User) -> None:
    make_org(session, owner, "Acme")
    add_target(session, owner=owner, ref="Acme")
    scored = score_target(session, owner=owner, ref="Acme", motivation=2, postings=3)
    assert (scored.motivation, scored.postings) == (2, 3)
    with pytest.raises(Invalid, match="postings: must be 1, 2 or 3"):
        score_target(session, owner=owner, ref="Acme", postings=5)
    with pytest.raises(Invalid, match="scores: give --motivation, --postings or both"):
        score_target(session, owner=owner, ref="Acme")
    assert remove_target(session, owner=owner, ref="Acme") == "Acme"
    assert list_targets(session, owner=owner) == []
    assert session.scalars(owned(Organization, owner)).one().name == "Acme"


def test_scoring_an_organization_not_on_the_list_is_refused(session: Session, owner: User) -> None:
    make_org(session, owner, "Acme")
    with pytest.raises(Invalid, match="target: Acme is not on your target list"):
        score_target(session, owner=owner, ref="Acme", motivation=1)


def test_another_owners_organization_cannot_be_targeted(
    session: Session, owner: User, stranger: User
) -> None:
    theirs = make_org(session, stranger, "Acme")
    with pytest.raises(NotFound):
        add_target(session, owner=owner, ref=str(theirs.id))
    with pytest.raises(Invalid):
        add_target(session, owner=owner, ref="Acme")
    add_target(session, owner=stranger, ref="Acme")
    assert list_targets(session, owner=owner) == []


def test_the_database_itself_refuses_scores_out_of_range(session: Session, owner: User) -> None:
    org = make_org(session, owner, "Acme")
    session.add(Target(owner_id=owner.id, organization_id=org.id, motivation=7, notes=""))
    with pytest.raises(IntegrityError), session.begin_nested():
        session.flush()


def test_rescoring_by_id_sets_both_scores_and_can_clear_postings(
    session: Session, owner: User
) -> None:
    make_org(session, owner, "Acme")
    target = add_target(session, owner=owner, ref="Acme", motivation=1, postings=2)
    rescore(session, owner=owner, target_id=target.id, motivation=3, postings=None, notes=" n ")
    assert (target.motivation, target.postings, target.notes) == (3, None, "n")
    with pytest.raises(Invalid, match="motivation: must be 0, 1, 2 or 3"):
        rescore(session, owner=owner, target_id=target.id, motivation=9, postings=None)


def test_rescoring_another_owners_target_is_not_found(
    session: Session, owner: User, stranger: User
) -> None:
    make_org(session, stranger, "Acme")
    theirs = add_target(session, owner=stranger, ref="Acme")
    with pytest.raises(NotFound):
        rescore(session, owner=owner, target_id=theirs.id, motivation=1, postings=1)
    with pytest.raises(NotFound):
        drop_target(session, owner=owner, target_id=theirs.id)


def test_adding_a_batch_skips_targets_already_listed(session: Session, owner: User) -> None:
    for name in ("Acme", "Beta"):
        make_org(session, owner, name)
    add_target(session, owner=owner, ref="Acme")
    added = add_targets(session, owner=owner, names=["acme", "Beta", " ", "beta"])
    assert [t.name for t in added] == ["Beta"]
    assert sorted(order(session, owner)) == ["Acme", "Beta"]


def test_a_batch_with_unknown_names_is_refused_whole_unless_creating(
    session: Session, owner: User
) -> None:
    make_org(session, owner, "Acme")
    with pytest.raises(Invalid) as caught:
        add_targets(session, owner=owner, names=["Acme", "Zeta", "Acmee"])
    assert caught.value.field == "names"
    assert caught.value.message == ("no organization named 'Zeta', 'Acmee' (did you mean 'Acme'?)")
    assert list_targets(session, owner=owner) == []
    added = add_targets(session, owner=owner, names=["Acme", "Zeta"], create=True)
    assert [t.name for t in added] == ["Acme", "Zeta"]
