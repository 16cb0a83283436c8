from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from sqlalchemy.orm import Session

from coffeechat.errors import Conflict, Invalid
from coffeechat.meetings.outreach import (
    Variant,
    draft_follow_up,
    draft_outreach,
    record_replied,
    record_sent,
)
from coffeechat.models import FactStatus, HowMet, Interview, Organization, Stage, User
from tests.factories import make_interview, make_org, make_person
from tests.meetings.conftest import add_fact, chicago_profile, utc

# Stricter than the linter's job_ask rule (tests/meetings/test_drafts_job_ask.py): a request
# should not mention jobs at all, so the drafts are also held to this list of job words.
JOB_WORDS = re.compile(
    r"\b(jobs?|hiring|hire|positions?|openings?|internships?|r[ée]sum[ée]s?|vacanc\w*|"
    r"apply|application|employment|recruit\w*)\b",
    re.IGNORECASE,
)

LONG_FACT = (
    "Northwind Health opened a new clinical data platform this spring that links forty "
    "regional hospitals, cuts reporting delays from weeks to hours, and gives nurses "
    "dashboards they helped design themselves across every ward and every shift."
)


Build = Callable[[HowMet], tuple[Organization, Interview]]


@pytest.fixture
def interview_with(session: Session, owner: User) -> Build:
    chicago_profile(session, owner)

    def build(how_met: HowMet) -> tuple[Organization, Interview]:
        org = make_org(session, owner, "Northwind Health")
        referrer = make_person(session, owner, "Priya Raman")
        ada = make_person(
            session,
            owner,
            "Ada Lovelace-Montgomery",
            org="Northwind Health",
            title="Director of Clinical Analytics and Reporting",
            how_met=how_met,
            referred_by=referrer.id if how_met is HowMet.REFERRAL else None,
        )
        return org, make_interview(session, owner, ada)

    return build


@pytest.mark.parametrize("how_met", list(HowMet))
def test_every_variant_stays_under_100_words_without_a_job_ask(
    session: Session, owner: User, interview_with: Build, how_met: HowMet
) -> None:
    org, interview = interview_with(how_met)
    add_fact(session, owner, org, LONG_FACT)
    for variant in Variant:
        draft = draft_outreach(
            session, owner=owner, interview_id=interview.id, variant=variant, event="DataConf 2026"
        )
        assert draft.words < 100, (variant, draft.words, draft.body)
        assert not JOB_WORDS.search(draft.body + draft.subject), draft.body
        # The small, clear ask is a question, with time and medium left to them.
        assert "15–30 minutes" in draft.body and "whenever suits you" in draft.body
        assert draft.body.count("?") == 1


def test_the_connection_comes_first(session: Session, owner: User, interview_with: Build) -> None:
    _, interview = interview_with(HowMet.REFERRAL)
    draft = draft_outreach(session, owner=owner, interview_id=interview.id)
    assert draft.variant == "referral"
    assert draft.subject == "Introduced by Priya Raman: a question about health analytics"
    opening = draft.body.split("\n\n")[1]
    assert opening.startswith("Priya Raman suggested I get in touch with you.")


def test_alumni_and_event_variants_name_the_school_and_the_event(
    session: Session, owner: User, interview_with: Build
) -> None:
    _, interview = interview_with(HowMet.ALUMNI)
    alumni = draft_outreach(session, owner=owner, interview_id=interview.id)
    assert alumni.subject.startswith("Fellow Lakeshore State alum")
    assert "As a fellow Lakeshore State graduate" in alumni.body
    event = draft_outreach(
        session, owner=owner, interview_id=interview.id, variant="event", event="DataConf"
    )
    assert "It was good to meet you at DataConf." in event.body
    cold = draft_outreach(session, owner=owner, interview_id=interview.id, variant="cold")
    assert "your work as Director of Clinical Analytics and Reporting at Northwind" in cold.body
    assert cold.body.count("Director of Clinical") == 1


def test_the_reason_quotes_confirmed_research(
    session: Session, owner: User, interview_with: Build
) -> None:
    org, interview = interview_with(HowMet.COLD)
    add_fact(session, owner, org, "Northwind cut its reporting delay to one day.", kind="news")
    add_fact(
        session,
        owner,
        org,
        "Northwind rejected this sentence.",
        kind="news",
        status=FactStatus.REJECTED,
    )
    draft = draft_outreach(session, owner=owner, interview_id=interview.id)
    assert "“Northwind cut its reporting delay to one day”" in draft.body
    assert "rejected" not in draft.body


def test_missing_details_become_warnings_not_gaps(session: Session, owner: User) -> None:
    interview = make_interview(
        session, owner, make_person(session, owner, "Ada", how_met=HowMet.ALUMNI)
    )
    draft = draft_outreach(session, owner=owner, interview_id=interview.id)
    assert "[your name]" in draft.body
    assert any("coffeechat me --name" in w for w in draft.warnings)
    assert any("--school" in w for w in draft.warnings)


def test_an_unknown_variant_is_refused(session: Session, owner: User) -> None:
    interview = make_interview(session, owner)
    with pytest.raises(Invalid, match="variant: 'warm' is not one of alumni, referral"):
        draft_outreach(session, owner=owner, interview_id=interview.id, variant="warm")


def test_recording_the_request_moves_the_interview_and_keeps_the_text(
    session: Session, owner: User
) -> None:
    interview = make_interview(session, owner)
    message = record_sent(session, owner=owner, interview_id=interview.id, at=utc(2026, 11, 25))
    assert interview.stage == Stage.REQUESTED.value
    assert interview.requested_at == utc(2026, 11, 25)
    assert message.kind == "outreach" and message.sent_at == utc(2026, 11, 25)
    assert "15–30 minutes" in message.body


def test_a_second_request_is_refused_and_points_to_the_follow_up(
    session: Session, owner: User
) -> None:
    interview = make_interview(session, owner)
    record_sent(session, owner=owner, interview_id=interview.id, at=utc(2026, 11, 25))
    with pytest.raises(Conflict, match="--follow-up"):
        record_sent(session, owner=owner, interview_id=interview.id)


def test_you_follow_up_only_once_and_never_before_the_request(
    session: Session, owner: User
) -> None:
    interview = make_interview(session, owner)
    with pytest.raises(Invalid, match="a follow-up goes after a request"):
        record_sent(session, owner=owner, interview_id=interview.id, follow_up=True)
    record_sent(session, owner=owner, interview_id=interview.id, at=utc(2026, 11, 25))
    with pytest.raises(Invalid, match="before the request"):
        record_sent(
            session, owner=owner, interview_id=interview.id, at=utc(2026, 11, 1), follow_up=True
        )
    record_sent(
        session, owner=owner, interview_id=interview.id, at=utc(2026, 12, 7), follow_up=True
    )
    with pytest.raises(Conflict, match="follow up only once"):
        record_sent(
            session, owner=owner, interview_id=interview.id, at=utc(2026, 12, 8), follow_up=True
        )


def test_the_follow_up_is_short_replies_to_the_request_and_asks_for_no_job(
    session: Session, owner: User
) -> None:
    chicago_profile(session, owner)
    interview = make_interview(session, owner)
    sent = record_sent(session, owner=owner, interview_id=interview.id, at=utc(2026, 11, 25, 16))
    draft = draft_follow_up(session, owner=owner, interview_id=interview.id)
    assert draft.subject == f"Re: {sent.subject}"
    assert "my note from Wednesday 25 November" in draft.body
    assert draft.words < 75
    assert not JOB_WORDS.search(draft.body)


def test_a_reply_is_recorded_and_a_decline_closes_the_request(
    session: Session, owner: User
) -> None:
    interview = make_interview(session, owner)
    with pytest.raises(Invalid, match="only a sent request can be answered"):
        record_replied(session, owner=owner, interview_id=interview.id)
    record_sent(session, owner=owner, interview_id=interview.id, at=utc(2026, 11, 25))
    with pytest.raises(Invalid, match="before the request"):
        record_replied(session, owner=owner, interview_id=interview.id, at=utc(2026, 11, 24))
    record_replied(
        session, owner=owner, interview_id=interview.id, at=utc(2026, 11, 26), declined=True
    )
    assert interview.replied_at == utc(2026, 11, 26)
    assert interview.stage == Stage.DECLINED.value
    assert interview.messages[0].replied_at == utc(2026, 11, 26)


def test_a_late_reply_revives_a_request_marked_no_reply(session: Session, owner: User) -> None:
    interview = make_interview(session, owner)
    record_sent(session, owner=owner, interview_id=interview.id, at=utc(2026, 11, 2))
    interview.stage = Stage.NO_REPLY.value
    record_replied(session, owner=owner, interview_id=interview.id, at=utc(2026, 12, 1))
    assert interview.stage == Stage.REQUESTED.value and interview.replied_at == utc(2026, 12, 1)


def test_drafts_of_another_owner_are_not_found(
    session: Session, owner: User, stranger: User
) -> None:
    interview = make_interview(session, stranger)
    with pytest.raises(Exception, match="No interview with id"):
        draft_outreach(session, owner=owner, interview_id=interview.id)


def test_a_fresh_request_after_no_reply_gets_its_own_follow_up(
    session: Session, owner: User
) -> None:
    interview = make_interview(session, owner)
    record_sent(session, owner=owner, interview_id=interview.id, at=utc(2026, 9, 1))
    record_sent(
        session, owner=owner, interview_id=interview.id, at=utc(2026, 9, 10), follow_up=True
    )
    interview.stage = Stage.NO_REPLY.value
    record_sent(session, owner=owner, interview_id=interview.id, at=utc(2026, 11, 2))
    assert interview.stage == Stage.REQUESTED.value
    assert interview.requested_at == utc(2026, 11, 2)
    follow_up = record_sent(
        session, owner=owner, interview_id=interview.id, at=utc(2026, 11, 11), follow_up=True
    )
    assert follow_up.kind == "follow_up"


def test_a_request_cannot_be_recorded_for_a_meeting_already_held(
    session: Session, owner: User
) -> None:
    interview = make_interview(session, owner)
    interview.stage = Stage.HELD.value
    with pytest.raises(Invalid, match="a request goes out from the idea stage"):
        record_sent(session, owner=owner, interview_id=interview.id)
