"""Notes to send (drafts, mailto, copy, "I sent it"), the meeting log, and Today's agenda."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from coffeechat.models import User, utcnow
from coffeechat.network.profile import update_profile
from tests.factories import make_interview, make_person
from tests.web.conftest import flash_after, page, post_form, text_of


def test_an_idea_offers_the_outreach_draft_with_mailto_and_copy(
    client: TestClient, db: Session, me: User
) -> None:
    update_profile(db, owner=me, name="Jordan Reyes", schools=["Lakeshore State"])
    person = make_person(db, me, "Priya Natarajan", org="Northwind", emails=["priya@nw.example"])
    interview = make_interview(db, me, person)
    soup = page(client.get(f"/interviews/{interview.id}"))
    draft = soup.select_one("article.draft")
    assert draft.h3.get_text() == "Ask for a conversation"
    body = draft.select_one("textarea#body-outreach").get_text()
    assert "Priya" in body.splitlines()[0]
    link = urlsplit(draft.select_one("a[href^='mailto:']")["href"])
    assert link.path == "priya@nw.example"
    assert parse_qs(link.query)["body"][0] == body
    assert draft.select_one("button[data-copy='#body-outreach']") is not None
    sent = post_form(client, f"/interviews/{interview.id}/sent", {"what": "outreach"})
    assert flash_after(client, sent).startswith("Request recorded as sent")
    after = page(client.get(f"/interviews/{interview.id}"))
    assert text_of(after, ".lead .chip") == "Requested"
    assert after.select_one("#draft-follow-up-h") is not None


def test_a_reply_is_recorded_with_one_click(client: TestClient, db: Session, me: User) -> None:
    interview = make_interview(db, me, make_person(db, me, "Ada", emails=["ada@x.example"]))
    post_form(client, f"/interviews/{interview.id}/sent", {"what": "outreach"})
    response = post_form(client, f"/interviews/{interview.id}/replied", {})
    assert flash_after(client, response).startswith("Reply recorded")


def test_logging_the_meeting_keeps_notes_and_adds_referrals(
    client: TestClient, db: Session, me: User
) -> None:
    priya = make_person(db, me, "Priya", org="Northwind", emails=["p@nw.example"])
    interview = make_interview(db, me, priya)
    response = post_form(
        client,
        f"/interviews/{interview.id}/log",
        {
            "notes": "Talked about **dashboards**.",
            "takeaways": "Learn SQL window functions\nShip one small project",
            "referrals": "Dana Lee, Head of Data at Globex",
        },
    )
    message = flash_after(client, response)
    assert "Added Dana Lee to your network" in message
    soup = page(client.get(f"/interviews/{interview.id}"))
    assert text_of(soup, ".lead .chip") == "Held"
    assert soup.select_one("#log .prose strong").get_text() == "dashboards"
    assert [li.get_text() for li in soup.select("#log > ul li")] == [
        "Learn SQL window functions",
        "Ship one small project",
    ]
    assert soup.select_one("#draft-thank-you-h") is not None
    referred = page(client.get(f"/people/{priya.id}"))
    assert referred.find("a", string="Dana Lee") is not None


def test_a_bad_referral_line_is_shown_and_nothing_is_saved(
    client: TestClient, db: Session, me: User
) -> None:
    interview = make_interview(db, me, make_person(db, me, "Priya"))
    response = post_form(
        client,
        f"/interviews/{interview.id}/log",
        {"notes": "Good chat", "takeaways": "", "referrals": "just a name"},
    )
    assert response.status_code == 422
    soup = page(response)
    assert "cannot be read" in text_of(soup, "#e-referrals")
    assert soup.select_one("#f-notes").get_text() == "Good chat"
    assert text_of(page(client.get(f"/interviews/{interview.id}")), ".lead .chip") == "Idea"


def test_the_thank_you_is_marked_sent_and_the_interview_thanked(
    client: TestClient, db: Session, me: User
) -> None:
    interview = make_interview(db, me, make_person(db, me, "Priya", emails=["p@x.example"]))
    post_form(client, f"/interviews/{interview.id}/log", {"takeaways": "Keep a portfolio"})
    response = post_form(client, f"/interviews/{interview.id}/sent", {"what": "thank-you"})
    assert flash_after(client, response).startswith("Thank-you recorded as sent")
    soup = page(client.get(f"/interviews/{interview.id}"))
    assert text_of(soup, ".lead .chip") == "Thanked"
    assert text_of(soup, "ul.messages li strong") == "Thank you"


def test_today_lists_what_is_due_with_a_link_to_act(
    client: TestClient, db: Session, me: User
) -> None:
    interview = make_interview(db, me, make_person(db, me, "Priya"))
    interview.stage, interview.held_at = "held", utcnow() - timedelta(days=2)
    db.flush()
    soup = page(client.get("/"))
    item = soup.select_one("ul.agenda li")
    assert item.a.get_text() == "Thank Priya for the meeting"
    assert item.a["href"] == f"/interviews/{interview.id}#messages"
    assert "overdue" in item["class"]
