from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy.orm import Session

from coffeechat.errors import Invalid, NotFound
from coffeechat.meetings.pipeline import (
    ALLOWED_MOVES,
    get_interview,
    list_interviews,
    move_interview,
    new_interview,
)
from coffeechat.models import User
from coffeechat.vocab import Stage
from tests.conftest import Cli
from tests.factories import make_interview, make_person


def test_a_new_interview_is_an_idea_at_the_persons_organization(
    session: Session, owner: User
) -> None:
    person = make_person(session, owner, "Priya", org="Northwind")
    interview = new_interview(session, owner=owner, person_id=person.id, goal=" Learn ")
    assert interview.stage == "idea" and interview.goal == "Learn"
    assert interview.organization_id == person.organization_id


def test_moving_through_the_pipeline_stamps_each_step(session: Session, owner: User) -> None:
    interview = make_interview(session, owner)
    when = datetime(2026, 11, 2, 15, 0, tzinfo=UTC)
    for stage in ("requested", "scheduled", "held", "thanked", "closed"):
        move_interview(session, owner=owner, interview_id=interview.id, stage=stage, at=when)
    assert interview.stage == "closed"
    assert interview.requested_at == interview.held_at == interview.thanked_at == when
    assert interview.closed_at == when


def test_thanked_before_held_is_refused_and_nothing_changes(session: Session, owner: User) -> None:
    interview = make_interview(session, owner)
    move_interview(session, owner=owner, interview_id=interview.id, stage="requested")
    with pytest.raises(Invalid) as raised:
        move_interview(session, owner=owner, interview_id=interview.id, stage="thanked")
    assert raised.value.field == "stage"
    assert "cannot move from requested to thanked" in str(raised.value)
    assert interview.stage == "requested" and interview.thanked_at is None


def test_every_stage_can_be_closed_and_every_stage_is_reachable() -> None:
    reachable = set().union(*ALLOWED_MOVES.values())
    assert reachable == set(Stage)
    assert all(
        Stage.CLOSED in moves for stage, moves in ALLOWED_MOVES.items() if stage is not Stage.CLOSED
    )


def test_an_unknown_stage_is_refused(session: Session, owner: User) -> None:
    interview = make_interview(session, owner)
    with pytest.raises(Invalid, match="'interviewed' is not a stage"):
        move_interview(session, owner=owner, interview_id=interview.id, stage="interviewed")


def test_interviews_of_other_owners_are_invisible(
    session: Session, owner: User, stranger: User
) -> None:
    theirs = make_interview(session, stranger)
    mine = make_interview(session, owner)
    assert list_interviews(session, owner=owner) == [mine]
    with pytest.raises(NotFound):
        get_interview(session, owner=owner, interview_id=theirs.id)
    with pytest.raises(NotFound):
        new_interview(session, owner=owner, person_id=theirs.person_id or 0)


def test_list_filters_by_stage(session: Session, owner: User) -> None:
    first = make_interview(session, owner)
    make_interview(session, owner)
    move_interview(session, owner=owner, interview_id=first.id, stage="requested")
    assert list_interviews(session, owner=owner, stage="requested") == [first]


def test_the_cli_walks_an_interview_through_its_stages(cli: Cli) -> None:
    cli("people", "add", "Priya Natarajan", "--org", "Northwind Health")
    created = cli("interviews", "new", "1", "--goal", "Learn about analytics")
    assert created.stdout == "Interview 1 with Priya Natarajan, Northwind Health: stage idea.\n"
    moved = cli("interviews", "move", "1", "requested")
    assert moved.exit_code == 0
    assert moved.stdout == "Interview 1 with Priya Natarajan, Northwind Health: stage requested.\n"
    shown = json.loads(cli("interviews", "show", "1", "--json").stdout)
    assert shown["stage"] == "requested" and shown["requested_at"] is not None
    assert shown["person"] == {"id": 1, "name": "Priya Natarajan"}
    listed = json.loads(cli("interviews", "list", "--stage", "requested", "--json").stdout)
    assert [i["id"] for i in listed] == [1]


def test_the_cli_refuses_a_move_the_pipeline_does_not_allow(cli: Cli) -> None:
    cli("people", "add", "Priya")
    cli("interviews", "new", "1")
    result = cli("interviews", "move", "1", "thanked")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: stage: cannot move from idea to thanked; from here: closed, held, requested, "
        "scheduled\n"
    )
    assert json.loads(cli("interviews", "show", "1", "--json").stdout)["stage"] == "idea"


def test_the_cli_refuses_an_unknown_stage_and_an_unknown_interview(cli: Cli) -> None:
    cli("people", "add", "Priya")
    cli("interviews", "new", "1")
    unknown_stage = cli("interviews", "move", "1", "interviewed")
    assert unknown_stage.exit_code == 2 and "interviewed" in unknown_stage.stderr
    unknown_id = cli("interviews", "show", "9")
    assert unknown_id.exit_code == 2 and unknown_id.stderr == "Error: No interview with id 9.\n"
    unknown_person = cli("interviews", "new", "5")
    assert unknown_person.exit_code == 2 and "No person with id 5" in unknown_person.stderr
