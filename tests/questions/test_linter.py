"""The question linter: each rule, its suggestion, its evidence and its limits."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.errors import Invalid
from coffeechat.questions.facts import known_fact
from coffeechat.questions.linter import CODES, Finding, lint
from coffeechat.questions.rewrite import open_rewrite

MISSION = known_fact(
    "mission",
    "Our mission is to make rooftop solar affordable for every household.",
    "About Brightwell",
    "https://brightwell.test/about",
)
OFFICE = known_fact(
    "news",
    "Brightwell opened a second office in Leeds this spring.",
    "Brightwell press room",
    "https://brightwell.test/press",
)


def codes(text: str, **kwargs: object) -> list[str]:
    return [f.code for f in lint(text, **kwargs)]  # type: ignore[arg-type]


def test_a_clean_open_question_has_no_findings() -> None:
    assert lint("How did you find your way into energy policy?") == []


@pytest.mark.parametrize(
    "text",
    [
        "Are you hiring right now?",
        "Could you get me an interview with your team?",
        "Would you refer me for the analyst posting?",
        "Can you pass my resume to HR?",
        "How do I get hired at a place like this?",
        "Are there any openings on your team?",
    ],
)
def test_it_flags_asking_for_a_job(text: str) -> None:
    assert "job_ask" in codes(text)


def test_a_job_ask_suggests_asking_about_experience_instead() -> None:
    (finding,) = lint("Is Brightwell hiring interns?", org_names=["Brightwell"])
    assert finding.code == "job_ask"
    assert "experience" in finding.suggestion


def test_asking_how_they_were_hired_is_their_story_not_a_job_ask() -> None:
    assert lint("How did you come to join Brightwell?", org_names=["Brightwell"]) == []


def test_a_question_the_research_answers_cites_the_sentence_and_its_source() -> None:
    findings = lint(
        "What is Brightwell's mission?", facts=[MISSION, OFFICE], org_names=["Brightwell"]
    )
    assert [f.code for f in findings] == ["answered_by_research"]
    assert "rooftop solar affordable" in findings[0].evidence
    assert "https://brightwell.test/about" in findings[0].evidence
    assert "About Brightwell" in findings[0].evidence


def test_a_factual_question_matching_a_fact_sentence_is_answered_by_research() -> None:
    findings = lint("Where did Brightwell open its second office?", facts=[MISSION, OFFICE])
    assert findings[0].code == "answered_by_research"
    assert "Leeds" in findings[0].evidence


def test_a_question_about_their_view_of_a_known_fact_is_fine() -> None:
    text = "What drew you to the goal of making rooftop solar affordable for every household?"
    assert lint(text, facts=[MISSION]) == []


def test_without_research_a_website_question_is_searchable() -> None:
    assert codes("What does Brightwell do?", org_names=["Brightwell"]) == ["searchable"]
    assert codes("When was the company founded?") == ["searchable"]


def test_a_yes_no_question_gets_an_open_rewrite() -> None:
    (finding,) = lint("Do you like your job?")
    assert finding.code == "closed"
    assert "What do you like most about your job?" in finding.suggestion


@pytest.mark.parametrize(
    ("closed", "rewrite"),
    [
        (
            "Do you have any advice for a career changer?",
            "What advice would you give for a career changer?",
        ),
        ("Is there anyone else I should talk to?", "Who else should I talk to?"),
        ("Does the team use Python?", "How does the team use Python?"),
    ],
)
def test_open_rewrites_read_naturally(closed: str, rewrite: str) -> None:
    assert open_rewrite(closed) == rewrite


def test_pay_as_a_lead_question_is_salary_first() -> None:
    assert codes("What are the benefits like at Brightwell?") == ["salary_first"]


def test_a_field_level_pay_range_is_fine_but_not_as_the_opener() -> None:
    text = "What starting pay range is typical in this field?"
    assert lint(text) == []
    assert codes(text, opening=True) == ["salary_first"]


def test_their_own_pay_family_or_age_is_too_personal() -> None:
    assert codes("How much do you make?") == ["too_personal"]
    assert codes("Do you have kids?") == ["too_personal"]
    assert codes("How old were you when you started?") == ["too_personal"]


def test_two_questions_in_one_is_double() -> None:
    assert codes("What do you enjoy most, and what would you change?") == ["double"]
    assert codes("What do you read? Who do you follow?") == ["double"]


def test_a_rambling_question_is_too_long() -> None:
    text = (
        "Given everything that has been happening in the energy sector over the last few years "
        "with prices, regulation, new entrants and all the talk about storage, how do you think "
        "the day-to-day work of an analyst has changed for people like you?"
    )
    assert codes(text) == ["too_long"]


def test_a_question_that_suggests_its_answer_is_leading() -> None:
    assert codes("Don't you think remote work is better for everyone?") == ["leading"]
    assert codes("You must love working on solar, right?") == ["leading"]


def test_an_empty_question_is_an_error_naming_the_field() -> None:
    with pytest.raises(Invalid) as error:
        lint("   ")
    assert error.value.field == "question"


def test_a_question_over_a_thousand_characters_is_an_error() -> None:
    with pytest.raises(Invalid, match="1,001 characters"):
        lint("Why " * 250 + "x")


def test_findings_are_frozen_values() -> None:
    finding = Finding("closed", "m", "s")
    with pytest.raises(AttributeError):
        finding.code = "other"  # type: ignore[misc]
    assert finding.evidence == ""


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=1000).filter(lambda t: t.strip()))
def test_any_question_gets_known_codes_and_never_crashes(text: str) -> None:
    findings = lint(text, facts=[MISSION, OFFICE], org_names=["Brightwell"])
    assert {f.code for f in findings} <= set(CODES)
    assert all(f.message and f.suggestion for f in findings)


@given(st.from_regex(r"(Do|Does|Did|Is|Are|Can|Could|Should) [a-z ]{1,40}\?", fullmatch=True))
def test_open_rewrites_are_questions_that_are_not_yes_no(question: str) -> None:
    rewrite = open_rewrite(question)
    assert rewrite.endswith("?")
    assert rewrite.split()[0] not in {"Do", "Does", "Did", "Is", "Are", "Can", "Could", "Should"}
