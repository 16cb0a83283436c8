"""The one-page brief: what it shows, how it escapes, and that it prints on one page."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from coffeechat.brief.render import build_brief, render_html, render_markdown
from coffeechat.errors import Invalid
from coffeechat.models import Interview, User
from coffeechat.network.people import remove_person
from coffeechat.network.profile import update_profile
from coffeechat.questions.service import plan_questions, star_question
from tests.conftest import Cli
from tests.factories import make_interview, make_org, make_person
from tests.questions.conftest import add_fact

ARTIFACTS = Path(__file__).parents[2] / "test-artifacts"


def _typical(session: Session, owner: User) -> Interview:
    """A scheduled coffee with research and a seven-question plan: the usual case."""
    update_profile(session, owner=owner, timezone="Europe/London", schools=["Lakeshore State"])
    org = make_org(session, owner, "Brightwell Energy", industry="Renewable energy")
    referrer = make_person(session, owner, "Dana Whitfield")
    person = make_person(
        session,
        owner,
        "Priya Raman",
        org="Brightwell Energy",
        title="Senior Data Analyst",
        how_met="alumni",
        referred_by=referrer.id,
    )
    interview = make_interview(
        session,
        owner,
        person,
        focus="company",
        goal="Understand how analysts at a clean-energy company choose what to work on.",
    )
    interview.scheduled_at = datetime(2026, 12, 1, 14, 30, tzinfo=UTC)
    interview.duration_minutes = 30
    interview.venue, interview.place = "coffee", "Harbour Street Roasters, 12 Harbour St"
    sentences = {
        "mission": "Our mission is to make rooftop solar affordable for every household.",
        "vision": "We picture a grid that runs on clean power in every season, even in winter.",
        "value": "We say what we see, we keep our promises, and we share what we learn.",
        "culture": "Small teams own their results from the first sketch to the last install.",
        "product": "Brightwell sells home batteries and solar panels with a ten-year guarantee.",
        "news": "This spring Brightwell opened a second office in Leeds for its analytics team.",
        "workplace": "Most staff work from the office three days a week and from home the rest.",
        "dress_cue": "People in the office dress business casual, and jeans are common on Fridays.",
    }
    for kind, text in sentences.items():
        add_fact(
            session,
            owner,
            org,
            kind,
            text,
            title=f"Brightwell: {kind}",
            url=f"https://brightwell.test/{kind}",
        )
    questions = plan_questions(session, owner=owner, interview_id=interview.id)
    star_question(session, owner=owner, interview_id=interview.id, question_id=questions[1].id)
    return interview


def test_the_markdown_brief_shows_who_when_where_goal_research_and_questions(
    session: Session, owner: User
) -> None:
    interview = _typical(session, owner)
    text = render_markdown(build_brief(session, owner=owner, interview_id=interview.id))
    assert text.startswith("# Brief: Priya Raman\n")
    assert "- **Who:** Priya Raman, Senior Data Analyst, Brightwell Energy" in text
    assert "- **How you are connected:** Fellow alum (Lakeshore State)" in text
    assert "- **Referred by:** Dana Whitfield" in text
    assert "- **When:** Tuesday 1 December 2026, 14:30 (Europe/London), 30 minutes" in text
    assert "openstreetmap.org/search?query=Harbour+Street+Roasters" in text
    assert "Understand how analysts at a clean-energy company" in text
    assert "- *Mission:* Our mission is to make rooftop solar affordable" in text
    assert "Brightwell: mission <https://brightwell.test/mission>" in text
    assert "(must ask)" in text
    assert "Thank them within a day" in text and "Arrive 10 to 15 minutes early" in text


def test_a_video_call_shows_its_link_and_no_map(session: Session, owner: User) -> None:
    interview = make_interview(session, owner, make_person(session, owner, "Lee Park"))
    interview.venue, interview.link = "video", "https://meet.test/abc"
    brief = build_brief(session, owner=owner, interview_id=interview.id)
    assert brief.link == "https://meet.test/abc" and brief.map_url is None
    assert "- **Link:** https://meet.test/abc" in render_markdown(brief)


def test_the_attire_advice_and_the_saved_choice_are_shown(session: Session, owner: User) -> None:
    interview = _typical(session, owner)
    brief = build_brief(session, owner=owner, interview_id=interview.id)
    # Their everyday dress is business casual (a dress cue), so the advice is one step up.
    assert brief.attire.startswith("Business professional: A suit or tailored separates")
    interview.attire = "business_formal"
    chosen = build_brief(session, owner=owner, interview_id=interview.id).attire
    assert chosen.startswith("Your choice: business formal. The advice was business professional")


def test_user_text_is_escaped_and_unsafe_links_are_dropped(session: Session, owner: User) -> None:
    person = make_person(session, owner, "<b>Mallory</b>")
    interview = make_interview(session, owner, person, goal="<script>alert('x')</script>")
    interview.venue, interview.link = "video", "javascript:alert(1)"
    page = render_html(build_brief(session, owner=owner, interview_id=interview.id))
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "<b>Mallory</b>" not in page and "&lt;b&gt;Mallory&lt;/b&gt;" in page
    assert "javascript:" not in page


def test_an_interview_without_a_person_has_no_brief(session: Session, owner: User) -> None:
    person = make_person(session, owner, "Lee Park")
    interview = make_interview(session, owner, person)
    remove_person(session, owner=owner, person_id=person.id)
    session.expire_all()
    with pytest.raises(Invalid, match="has no person"):
        build_brief(session, owner=owner, interview_id=interview.id)


def test_the_brief_command_writes_markdown_or_html(cli: Cli, tmp_path: Path) -> None:
    cli("people", "add", "Priya Raman", "--org", "Brightwell")
    cli("interviews", "new", "1", "--goal", "Learn about grid storage")
    shown = cli("brief", "1")
    assert shown.exit_code == 0 and shown.stdout.startswith("# Brief: Priya Raman")
    target = tmp_path / "brief.html"
    written = cli("brief", "1", "--format", "html", "-o", str(target))
    assert written.stdout == f"Brief written to {target}.\n"
    assert "<h1>Coffee chat with Priya Raman</h1>" in target.read_text(encoding="utf-8")
    missing = cli("brief", "7")
    assert missing.exit_code == 2 and missing.stderr == "Error: No interview with id 7.\n"


@pytest.mark.browser
def test_a_typical_brief_prints_on_one_a4_and_one_letter_page(
    session: Session, owner: User, tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright
    from pypdf import PdfReader

    interview = _typical(session, owner)
    brief = build_brief(session, owner=owner, interview_id=interview.id)
    assert len(brief.questions) == 7 and len(brief.facts) == 8
    page_html = render_html(brief)
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page()
            page.set_content(page_html)
            page.emulate_media(media="print")
            page.screenshot(path=str(ARTIFACTS / "brief.png"), full_page=True)
            for paper in ("A4", "Letter"):
                pdf = tmp_path / f"brief-{paper}.pdf"
                page.pdf(path=str(pdf), format=paper)
                assert len(PdfReader(pdf).pages) == 1, paper
        finally:
            browser.close()
