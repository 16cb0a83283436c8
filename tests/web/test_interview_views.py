"""The interview page: scheduling with errors kept, attire advice and choice."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from coffeechat.models import User, utcnow
from coffeechat.network.profile import update_profile
from tests.factories import make_interview, make_person
from tests.web.conftest import flash_after, page, post_form, text_of


def test_scheduling_sets_the_time_in_the_users_zone_and_moves_the_interview(
    client: TestClient, db: Session, me: User
) -> None:
    update_profile(db, owner=me, timezone="America/Chicago")
    interview = make_interview(db, me, make_person(db, me, "Ada"))
    when = (utcnow() + timedelta(days=10)).strftime("%Y-%m-%dT15:00")
    response = post_form(
        client,
        f"/interviews/{interview.id}/schedule",
        {"at": when, "minutes": "45", "venue": "coffee", "place": "Blue Door Café"},
    )
    message = flash_after(client, response)
    assert message.startswith("Scheduled for ") and "15:00–15:45 CST" in message
    soup = page(client.get(f"/interviews/{interview.id}"))
    assert text_of(soup, ".lead .chip") == "Scheduled"
    assert "Coffee: Blue Door Café" in text_of(soup, "#logistics dl")
    assert soup.select_one("#f-at")["value"] == when


def test_a_bad_schedule_comes_back_with_the_problem_and_the_input(
    client: TestClient, db: Session, me: User
) -> None:
    interview = make_interview(db, me, make_person(db, me, "Ada"))
    response = post_form(
        client,
        f"/interviews/{interview.id}/schedule",
        {"at": "2020-01-01T10:00", "venue": "video", "place": "", "link": "ftp://x"},
    )
    assert response.status_code == 422
    soup = page(response)
    assert soup.select_one("#e-link") is not None or soup.select_one("#e-at") is not None
    assert soup.select_one("#f-at")["value"] == "2020-01-01T10:00"
    assert text_of(page(client.get(f"/interviews/{interview.id}")), ".lead .chip") == "Idea"


def test_a_time_in_the_past_needs_the_it_already_happened_box(
    client: TestClient, db: Session, me: User
) -> None:
    interview = make_interview(db, me, make_person(db, me, "Ada"))
    data = {"at": "2024-05-01T10:00", "venue": "phone"}
    refused = post_form(client, f"/interviews/{interview.id}/schedule", data)
    assert "tick “It already happened”" in text_of(page(refused), "#e-at")
    accepted = post_form(client, f"/interviews/{interview.id}/schedule", {**data, "force": "yes"})
    assert "in the past" in flash_after(client, accepted)


def test_attire_advice_is_shown_and_the_choice_saved(
    client: TestClient, db: Session, me: User
) -> None:
    interview = make_interview(db, me, make_person(db, me, "Ada"))
    soup = page(client.get(f"/interviews/{interview.id}"))
    assert "Business casual" in text_of(soup, "#attire p")
    response = post_form(client, f"/interviews/{interview.id}/attire", {"level": "smart_casual"})
    assert flash_after(client, response) == "Outfit chosen."
    chosen = page(client.get(f"/interviews/{interview.id}")).select_one("#f-level option[selected]")
    assert chosen["value"] == "smart_casual"
