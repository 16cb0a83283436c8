"""Every drafted note passes the question linter's ``job_ask`` rule, sentence by sentence."""

from __future__ import annotations

import re

import pytest
from sqlalchemy.orm import Session

from coffeechat.meetings.aftermath import log_meeting
from coffeechat.meetings.drafts import Draft
from coffeechat.meetings.outreach import (
    Variant,
    draft_follow_up,
    draft_outreach,
    record_sent,
)
from coffeechat.meetings.thanks import NoteKind, draft_note
from coffeechat.models import HowMet, User
from coffeechat.questions.linter import lint
from tests.factories import make_interview, make_org, make_person
from tests.meetings.conftest import add_fact, chicago_profile, utc


def _job_asks(draft: Draft) -> list[str]:
    """The parts of a draft the linter flags as a job ask (whole body and each sentence)."""
    text = f"{draft.subject}\n{draft.body}"
    parts = [p for p in re.split(r"(?<=[.?!])\s+|\n+", text) if p.strip()]
    if len(text) <= 1000:
        parts.append(text)
    return [p for p in parts if any(f.code == "job_ask" for f in lint(p))]


def _every_draft(session: Session, owner: User) -> list[Draft]:
    chicago_profile(session, owner)
    org = make_org(session, owner, "Northwind Health")
    add_fact(session, owner, org, "Northwind opened a clinical data lab in Denver this spring.")
    referrer = make_person(session, owner, "Priya Raman")
    drafts: list[Draft] = []
    for how_met in HowMet:
        person = make_person(
            session,
            owner,
            f"Ada {how_met.value.title()}",
            org="Northwind Health",
            title="Director of Analytics",
            how_met=how_met,
            referred_by=referrer.id if how_met is HowMet.REFERRAL else None,
        )
        interview = make_interview(session, owner, person)
        for variant in Variant:
            drafts.append(
                draft_outreach(
                    session,
                    owner=owner,
                    interview_id=interview.id,
                    variant=variant,
                    event="the Health Data Meetup",
                )
            )
        record_sent(session, owner=owner, interview_id=interview.id, at=utc(2026, 11, 2))
        drafts.append(draft_follow_up(session, owner=owner, interview_id=interview.id))
        log_meeting(
            session,
            owner=owner,
            interview_id=interview.id,
            takeaways=["Shadow the data stewards for a week", "Read the quality reports"],
            referrals=["Dana Lee, Head of Data at Globex"],
            at=utc(2026, 11, 20),
        )
        for kind in NoteKind:
            drafts.append(draft_note(session, owner=owner, interview_id=interview.id, kind=kind))
    return drafts


def test_no_draft_variant_carries_a_job_ask(session: Session, owner: User) -> None:
    drafts = _every_draft(session, owner)
    assert len(drafts) == len(HowMet) * (len(Variant) + 1 + len(NoteKind))
    for draft in drafts:
        assert _job_asks(draft) == [], (draft.kind, draft.variant, draft.body)


@pytest.mark.parametrize(
    "sentence",
    ["Are you hiring analysts this spring?", "Could you pass my resume to your recruiter?"],
)
def test_the_check_itself_catches_a_job_ask(sentence: str) -> None:
    draft = Draft("outreach", "cold", 1, "Ada", (), "Hello", f"Dear Ada,\n\n{sentence}")
    assert _job_asks(draft) != []
