"""The calendar feed: a secret address with the scheduled meetings, replaceable."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from coffeechat.models import User, utcnow
from tests.factories import make_interview, make_person
from tests.web.conftest import flash_after, page, post_form


def _feed(client: TestClient) -> str:
    return str(page(client.get("/import")).select_one("#feed-url")["value"])


def test_the_feed_lists_scheduled_meetings(client: TestClient, db: Session, me: User) -> None:
    interview = make_interview(db, me, make_person(db, me, "Ada Lovelace"))
    interview.stage, interview.scheduled_at = "scheduled", utcnow() + timedelta(days=2)
    interview.duration_minutes = 30
    db.flush()
    address = _feed(client)
    assert address.startswith("http://127.0.0.1:8000/calendar/") and address.endswith(".ics")
    response = client.get(address)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    assert response.text.startswith("BEGIN:VCALENDAR")
    text = response.text.replace("\r\n ", "")  # unfold long lines
    assert text.count("BEGIN:VEVENT") == 2
    assert "Ada Lovelace" in text
    assert "SUMMARY:Informational interview with Ada Lovelace" in text
    # On the meeting's day, a reminder to write down how it went.
    assert "SUMMARY:Write down how the meeting with Ada Lovelace went" in text


def test_due_actions_are_all_day_events_on_their_day(
    client: TestClient, db: Session, me: User
) -> None:
    interview = make_interview(db, me, make_person(db, me, "Ada Lovelace"))
    interview.stage, interview.held_at = "held", utcnow() - timedelta(hours=2)
    db.flush()
    text = client.get(_feed(client)).text.replace("\r\n ", "")
    assert "SUMMARY:Thank Ada Lovelace for the meeting" in text
    assert "DTSTART;VALUE=DATE:" in text


def test_a_wrong_token_finds_nothing(client: TestClient) -> None:
    _feed(client)
    assert client.get("/calendar/" + "x" * 32 + ".ics").status_code == 404
    assert client.get("/calendar/short.ics").status_code == 404


def test_rotating_the_address_retires_the_old_one(client: TestClient) -> None:
    old = _feed(client)
    form = page(client.get("/import")).select_one("form[action='/calendar/token']")
    assert "stop updating" in form["data-confirm"]
    response = post_form(client, "/calendar/token", {})
    assert flash_after(client, response).startswith("New calendar address made")
    new = _feed(client)
    assert new != old
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
