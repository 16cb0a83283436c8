from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from coffeechat.errors import Invalid, NotFound
from coffeechat.meetings.pipeline import move_interview
from coffeechat.meetings.schedule import describe_where, schedule_interview
from coffeechat.models import User
from tests.factories import make_interview
from tests.schedule.builders import NOW

LATER = datetime(2026, 12, 1, 21, 0, tzinfo=UTC)


def test_scheduling_an_idea_moves_it_to_scheduled_with_time_and_place(
    session: Session, owner: User
) -> None:
    interview = make_interview(session, owner)
    done = schedule_interview(
        session,
        owner=owner,
        interview_id=interview.id,
        at=LATER,
        minutes=25,
        venue="coffee",
        place="  Blue   Bottle ",
        now=NOW,
    )
    assert done.rescheduled is False and done.warnings == ()
    assert interview.stage == "scheduled"
    assert (interview.scheduled_at, interview.duration_minutes) == (LATER, 25)
    assert (interview.venue, interview.place, interview.link) == ("coffee", "Blue Bottle", None)
    assert describe_where(interview) == "coffee at Blue Bottle"


def test_a_requested_interview_can_be_scheduled(session: Session, owner: User) -> None:
    interview = make_interview(session, owner)
    move_interview(session, owner=owner, interview_id=interview.id, stage="requested")
    schedule_interview(
        session, owner=owner, interview_id=interview.id, at=LATER, venue="phone", now=NOW
    )
    assert interview.stage == "scheduled"
    assert interview.duration_minutes == 30


def test_rescheduling_keeps_the_stage_and_what_was_not_changed(
    session: Session, owner: User
) -> None:
    interview = make_interview(session, owner)
    schedule_interview(
        session,
        owner=owner,
        interview_id=interview.id,
        at=LATER,
        minutes=20,
        venue="office",
        place="1 Main St",
        now=NOW,
    )
    moved_at = interview.stage_changed_at
    done = schedule_interview(
        session, owner=owner, interview_id=interview.id, at=LATER + timedelta(days=1), now=NOW
    )
    assert done.rescheduled is True
    assert interview.stage == "scheduled" and interview.stage_changed_at == moved_at
    assert (interview.duration_minutes, interview.venue, interview.place) == (
        20,
        "office",
        "1 Main St",
    )
    assert interview.scheduled_at == LATER + timedelta(days=1)


def test_switching_to_video_drops_the_old_address(session: Session, owner: User) -> None:
    interview = make_interview(session, owner)
    schedule_interview(
        session,
        owner=owner,
        interview_id=interview.id,
        at=LATER,
        venue="coffee",
        place="Blue Bottle",
        now=NOW,
    )
    done = schedule_interview(
        session,
        owner=owner,
        interview_id=interview.id,
        at=LATER,
        venue="video",
        link="meet.example.com/abc-def",
        now=NOW,
    )
    assert (interview.place, interview.link) == (None, "https://meet.example.com/abc-def")
    assert done.warnings == ()


def test_video_without_a_link_is_allowed_with_a_warning(session: Session, owner: User) -> None:
    interview = make_interview(session, owner)
    done = schedule_interview(
        session, owner=owner, interview_id=interview.id, at=LATER, venue="video", now=NOW
    )
    assert done.warnings == ("No video link yet; add it later with --link.",)


def test_a_time_in_the_past_is_refused_and_nothing_changes(session: Session, owner: User) -> None:
    interview = make_interview(session, owner)
    with pytest.raises(Invalid) as raised:
        schedule_interview(
            session,
            owner=owner,
            interview_id=interview.id,
            at=NOW - timedelta(hours=1),
            venue="coffee",
            now=NOW,
        )
    assert raised.value.field == "at"
    assert "--force" in raised.value.message
    assert (interview.stage, interview.scheduled_at, interview.venue) == ("idea", None, None)


def test_a_time_in_the_past_is_kept_with_force_and_a_warning(session: Session, owner: User) -> None:
    interview = make_interview(session, owner)
    done = schedule_interview(
        session,
        owner=owner,
        interview_id=interview.id,
        at=datetime(2026, 11, 26, 21, 0, tzinfo=UTC),
        venue="coffee",
        force=True,
        now=NOW,
    )
    assert interview.stage == "scheduled"
    assert done.warnings == (
        "Thursday 26 November 2026, 21:00 UTC is in the past; recorded because of --force.",
    )


@pytest.mark.parametrize(
    "link",
    [
        "ftp://files.example.com/x",
        "mailto:ada@example.com",
        "javascript:alert(1)",
        "zoommtg://zoom.us/join?confno=1",
        "not a link",
    ],
)
def test_a_link_that_is_not_http_is_refused(session: Session, owner: User, link: str) -> None:
    interview = make_interview(session, owner)
    with pytest.raises(Invalid) as raised:
        schedule_interview(
            session,
            owner=owner,
            interview_id=interview.id,
            at=LATER,
            venue="video",
            link=link,
            now=NOW,
        )
    assert raised.value.field == "link"
    assert interview.stage == "idea"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"minutes": 0}, "minutes"),
        ({"minutes": 600}, "minutes"),
        ({"venue": "rooftop"}, "venue"),
        ({"venue": None}, "venue"),
        ({"place": "x" * 501}, "place"),
    ],
)
def test_bad_details_name_their_field(
    session: Session, owner: User, change: dict[str, object], field: str
) -> None:
    interview = make_interview(session, owner)
    arguments: dict[str, object] = {"venue": "coffee", **change}
    with pytest.raises(Invalid) as raised:
        schedule_interview(
            session,
            owner=owner,
            interview_id=interview.id,
            at=LATER,
            now=NOW,
            **arguments,  # type: ignore[arg-type]
        )
    assert raised.value.field == field
    assert interview.stage == "idea"


@pytest.mark.parametrize("stage", ["held", "closed"])
def test_a_meeting_already_held_or_closed_cannot_be_scheduled(
    session: Session, owner: User, stage: str
) -> None:
    interview = make_interview(session, owner)
    move_interview(session, owner=owner, interview_id=interview.id, stage=stage)
    with pytest.raises(Invalid) as raised:
        schedule_interview(
            session, owner=owner, interview_id=interview.id, at=LATER, venue="coffee", now=NOW
        )
    assert raised.value.field == "stage"
    assert interview.scheduled_at is None


def test_it_cannot_schedule_another_owners_interview(
    session: Session, owner: User, stranger: User
) -> None:
    theirs = make_interview(session, stranger)
    with pytest.raises(NotFound):
        schedule_interview(
            session, owner=owner, interview_id=theirs.id, at=LATER, venue="coffee", now=NOW
        )
    assert theirs.stage == "idea"
