from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.orm import Session

from coffeechat.errors import Invalid, NotFound
from coffeechat.meetings.attire import advise, choose_attire, parse_level
from coffeechat.meetings.attire_rules import cue_level, industry_norm
from coffeechat.meetings.schedule import schedule_interview
from coffeechat.models import Interview, Organization, User
from tests.factories import make_interview, make_org, make_person
from tests.schedule.builders import NOW, make_dress_cue, set_zone

TUESDAY = datetime(2030, 12, 3, 15, 0, tzinfo=UTC)
SATURDAY = datetime(2030, 12, 7, 15, 0, tzinfo=UTC)


def _meeting(
    session: Session,
    owner: User,
    industry: str | None,
    venue: str | None = "office",
    at: datetime = TUESDAY,
) -> tuple[Interview, Organization]:
    org = make_org(session, owner, "Northwind", industry=industry)
    person = make_person(session, owner, "Ada Lovelace", org="Northwind")
    interview = make_interview(session, owner, person)
    if venue is not None:
        schedule_interview(
            session, owner=owner, interview_id=interview.id, at=at, venue=venue, now=NOW
        )
    return interview, org


@pytest.mark.parametrize(
    ("industry", "venue", "level"),
    [
        ("Investment banking", "office", "business_professional"),
        ("Corporate law", "coffee", "business_formal"),
        ("Management consulting", "meal", "business_professional"),
        ("Software", "office", "business_casual"),
        ("Software", "video", "smart_casual"),
        ("Graphic design", "coffee", "business_casual"),
        ("Hospital administration", "office", "business_casual"),
        ("Nonprofit", "video", "business_casual"),
        ("Investment banking", "phone", "smart_casual"),
        (None, "office", "business_casual"),
        ("Beekeeping", "coffee", "business_casual"),
    ],
)
def test_the_level_follows_industry_and_venue(
    session: Session, owner: User, industry: str | None, venue: str, level: str
) -> None:
    interview, _ = _meeting(session, owner, industry, venue)
    assert advise(session, owner=owner, interview_id=interview.id).level == level


def test_it_steps_up_from_the_everyday_norm_and_says_why(session: Session, owner: User) -> None:
    interview, _ = _meeting(session, owner, "Investment banking", "coffee")
    advice = advise(session, owner=owner, interview_id=interview.id)
    assert (advice.everyday_level, advice.level, advice.label) == (
        "business_casual",
        "business_professional",
        "business professional",
    )
    industry = next(r for r in advice.reasons if r.factor == "industry")
    assert industry.evidence is not None
    assert industry.evidence.text == "Northwind: Investment banking"
    assert any(r.factor == "rule" and "One step above" in r.text for r in advice.reasons)
    assert "suit" in advice.outfit


def test_a_dress_cue_from_research_outweighs_the_industry(session: Session, owner: User) -> None:
    interview, org = _meeting(session, owner, "Investment banking", "video")
    fact = make_dress_cue(
        session,
        owner,
        org,
        "Most of the trading floor wears jeans and sneakers these days.",
        url="https://northwind.example/life",
        title="Life at Northwind",
    )
    advice = advise(session, owner=owner, interview_id=interview.id)
    assert (advice.everyday_level, advice.level) == ("casual", "smart_casual")
    research = [r for r in advice.reasons if r.factor == "research"]
    assert len(research) == 1 and research[0].evidence is not None
    assert research[0].evidence.fact_id == fact.id
    assert research[0].evidence.text == fact.text
    assert research[0].evidence.source_url == "https://northwind.example/life"
    assert research[0].evidence.source_title == "Life at Northwind"
    industry = next(r for r in advice.reasons if r.factor == "industry")
    assert "outweighs" in industry.text


def test_the_users_correction_of_a_cue_is_what_counts(session: Session, owner: User) -> None:
    interview, org = _meeting(session, owner, None, "video")
    fact = make_dress_cue(session, owner, org, "People here wear whatever they like.")
    fact.edited_text = "Suits and ties every day."
    advice = advise(session, owner=owner, interview_id=interview.id)
    assert advice.level == "business_formal"
    assert advice.reasons[0].evidence is not None
    assert advice.reasons[0].evidence.text == "Suits and ties every day."


def test_rejected_and_foreign_cues_are_ignored(
    session: Session, owner: User, stranger: User
) -> None:
    interview, org = _meeting(session, owner, "Investment banking", "video")
    make_dress_cue(session, owner, org, "Everyone wears hoodies.", status="rejected")
    other_org = make_org(session, owner, "Elsewhere")
    make_dress_cue(session, owner, other_org, "Everyone wears hoodies.")
    strangers_org = make_org(session, stranger, "Northwind")
    make_dress_cue(session, stranger, strangers_org, "Everyone wears hoodies.")
    advice = advise(session, owner=owner, interview_id=interview.id)
    assert advice.level == "business_professional"
    assert [r for r in advice.reasons if r.factor == "research"] == []


def test_a_cue_without_a_level_is_still_cited(session: Session, owner: User) -> None:
    interview, org = _meeting(session, owner, "Software", "video")
    make_dress_cue(session, owner, org, "Dress so you feel like yourself.")
    advice = advise(session, owner=owner, interview_id=interview.id)
    research = [r for r in advice.reasons if r.factor == "research"]
    assert research[0].level is None and "does not name a level" in research[0].text
    assert advice.level == "smart_casual"


def test_most_cues_win_and_a_tie_goes_to_the_more_formal(session: Session, owner: User) -> None:
    interview, org = _meeting(session, owner, None, "video")
    make_dress_cue(session, owner, org, "Jeans are common.")
    make_dress_cue(session, owner, org, "Most wear business casual.")
    assert advise(session, owner=owner, interview_id=interview.id).level == "business_professional"
    make_dress_cue(session, owner, org, "A T-shirt is fine.")
    assert advise(session, owner=owner, interview_id=interview.id).level == "smart_casual"


def test_in_person_on_a_workday_never_goes_below_business_casual(
    session: Session, owner: User
) -> None:
    interview, _ = _meeting(session, owner, "Software", "coffee")
    advice = advise(session, owner=owner, interview_id=interview.id)
    assert advice.level == "business_casual"
    assert advice.reasons[-1].factor == "venue"
    assert "do not go below business casual" in advice.reasons[-1].text


def test_a_weekend_coffee_is_one_notch_more_relaxed(session: Session, owner: User) -> None:
    set_zone(session, owner, "America/Chicago")
    interview, _ = _meeting(session, owner, "Investment banking", "coffee", at=SATURDAY)
    advice = advise(session, owner=owner, interview_id=interview.id)
    assert advice.level == "business_casual"
    assert advice.reasons[-1].evidence is not None
    assert advice.reasons[-1].evidence.text == "coffee on a weekend"


def test_the_checklist_fits_the_venue(session: Session, owner: User) -> None:
    video, _ = _meeting(session, owner, None, "video")
    checklist = " ".join(advise(session, owner=owner, interview_id=video.id).checklist)
    for words in ("camera", "background", "Light", "microphone", "30 minutes"):
        assert words in checklist
    coffee = make_interview(session, owner, make_person(session, owner, "Grace Hopper"))
    schedule_interview(
        session, owner=owner, interview_id=coffee.id, at=TUESDAY, venue="coffee", now=NOW
    )
    checklist = " ".join(advise(session, owner=owner, interview_id=coffee.id).checklist)
    for words in ("notebook and pen", "10 to 15 minutes early", "you pay for the coffee", "neat"):
        assert words in checklist
    assert "camera" not in checklist


def test_an_unscheduled_interview_still_gets_advice(session: Session, owner: User) -> None:
    interview, _ = _meeting(session, owner, "Corporate law", venue=None)
    advice = advise(session, owner=owner, interview_id=interview.id)
    assert advice.level == "business_formal"
    assert "Keep to the time you agreed" in advice.checklist[-1]


def test_choosing_saves_the_level_in_any_spelling(session: Session, owner: User) -> None:
    interview, _ = _meeting(session, owner, None)
    choose_attire(session, owner=owner, interview_id=interview.id, level="Smart-Casual")
    assert interview.attire == "smart_casual"
    assert advise(session, owner=owner, interview_id=interview.id).chosen == "smart_casual"


def test_an_unknown_level_is_refused_and_nothing_is_saved(session: Session, owner: User) -> None:
    interview, _ = _meeting(session, owner, None)
    with pytest.raises(Invalid) as raised:
        choose_attire(session, owner=owner, interview_id=interview.id, level="tuxedo")
    assert raised.value.field == "level"
    assert "business casual" in raised.value.message
    assert interview.attire is None


def test_advice_is_only_for_the_owners_interviews(
    session: Session, owner: User, stranger: User
) -> None:
    theirs = make_interview(session, stranger)
    with pytest.raises(NotFound):
        advise(session, owner=owner, interview_id=theirs.id)
    with pytest.raises(NotFound):
        choose_attire(session, owner=owner, interview_id=theirs.id, level="casual")


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("Our dress code is business casual.", "business_casual"),
        ("Smart casual is the norm in the studio.", "smart_casual"),
        ("Suits are rare here.", "smart_casual"),
        ("Chinos and a button-down; ties are rare.", "business_casual"),
        ("Nobody wears a tie, most wear jeans.", "casual"),
        ("There is no dress code.", "casual"),
        ("Bankers wear a suit and tie.", "business_professional"),
        ("Client meetings call for business formal attire.", "business_formal"),
        ("Most people wear a blazer over a T-shirt.", "smart_casual"),
        ("Hoodies everywhere.", "casual"),
        ("We value curiosity and kindness.", None),
    ],
)
def test_cue_sentences_are_read_as_levels(sentence: str, level: str | None) -> None:
    assert cue_level(sentence) == level


@pytest.mark.parametrize(
    ("industry", "name"),
    [
        ("Investment Banking", "finance"),
        ("Legal services", "law"),
        ("IT services", "tech"),
        ("Non-profit", "nonprofit and education"),
        ("Public relations", None),
        ("", None),
    ],
)
def test_industries_are_recognised_from_free_text(industry: str, name: str | None) -> None:
    norm = industry_norm(industry)
    assert (norm.name if norm else None) == name


def test_levels_are_parsed_from_words_hyphens_or_underscores() -> None:
    assert {parse_level(v) for v in ("business formal", "business-formal", "BUSINESS_FORMAL")} == {
        "business_formal"
    }
