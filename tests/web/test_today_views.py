"""Today: the first-run welcome, the pipeline board and the meetings coming up."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from coffeechat.models import User, utcnow
from tests.factories import make_interview, make_person
from tests.web.conftest import flash_after, page, post_form, text_of


def test_an_empty_database_shows_a_welcome_with_two_ways_in(client: TestClient) -> None:
    soup = page(client.get("/"))
    assert text_of(soup, "h1") == "Welcome to Coffeechat"
    assert soup.select_one(".welcome a[href='/people/new']").get_text() == "Add your first person"
    assert soup.select_one(".welcome form[action='/demo'] button") is not None


def test_the_sample_network_fills_an_empty_database_once(client: TestClient) -> None:
    response = post_form(client, "/demo", {})
    assert flash_after(client, response).startswith("Loaded a sample network:")
    soup = page(client.get("/"))
    assert text_of(soup, "h1") == "Today"
    assert sum(int(c.get_text()) for c in soup.select(".column .count")) > 0
    again = post_form(client, "/", {}) if False else post_form(client, "/demo", {})
    assert flash_after(client, again) == "The sample network goes only into an empty database."


def test_the_board_has_a_column_per_stage_and_a_move_form_per_card(
    client: TestClient, db: Session, me: User
) -> None:
    interview = make_interview(db, me, make_person(db, me, "Ada Lovelace"))
    soup = page(client.get("/"))
    stages = [c["data-stage"] for c in soup.select(".board .column")]
    assert stages == ["idea", "requested", "scheduled", "held", "thanked", "closed",
                      "declined", "no_reply"]  # fmt: skip
    card = soup.select_one(".column[data-stage=idea] .board-card")
    assert card.a.get_text() == "Ada Lovelace"
    options = [o["value"] for o in card.select("select[name=stage] option")]
    assert options == ["requested", "scheduled", "held", "closed"]
    assert card["data-moves"] == "requested scheduled held closed"
    response = post_form(
        client, f"/interviews/{interview.id}/stage", {"stage": "requested", "next": "/"}
    )
    assert response.headers["location"] == "/"
    assert flash_after(client, response) == "Ada Lovelace: moved to requested."
    moved = page(client.get("/"))
    assert (
        moved.select_one(".column[data-stage=requested] .board-card a").get_text() == "Ada Lovelace"
    )


def test_a_move_the_pipeline_forbids_is_explained(
    client: TestClient, db: Session, me: User
) -> None:
    interview = make_interview(db, me, make_person(db, me, "Ada"))
    response = post_form(client, f"/interviews/{interview.id}/stage", {"stage": "thanked"})
    assert flash_after(client, response).startswith("Not moved: cannot move from idea to thanked")


def test_a_move_never_sends_the_user_to_another_site(
    client: TestClient, db: Session, me: User
) -> None:
    interview = make_interview(db, me, make_person(db, me, "Ada"))
    response = post_form(
        client,
        f"/interviews/{interview.id}/stage",
        {"stage": "requested", "next": "//evil.example/"},
    )
    assert response.headers["location"] == f"/interviews/{interview.id}"


def test_a_big_column_shows_its_latest_cards_and_links_to_all(
    client: TestClient, db: Session, me: User
) -> None:
    person = make_person(db, me, "Ada")
    for _ in range(15):
        make_interview(db, me, person)
    column = page(client.get("/")).select_one(".column[data-stage=idea]")
    assert len(column.select(".board-card")) == 12
    assert column.select_one(".count").get_text() == "15"
    assert column.select_one("a[href='/interviews?stage=idea']").get_text() == "All 15"


def test_upcoming_meetings_are_listed_soonest_first(
    client: TestClient, db: Session, me: User
) -> None:
    for name, days in (("Later", 5), ("Sooner", 1), ("Past", -3)):
        interview = make_interview(db, me, make_person(db, me, name))
        interview.stage = "scheduled"
        interview.scheduled_at = utcnow() + timedelta(days=days)
    db.flush()
    soup = page(client.get("/"))
    meetings = soup.select("ul.meetings li > a")
    assert [a.get_text() for a in meetings] == ["Sooner", "Later"]
    meters = soup.select("ul.meetings meter")
    assert len(meters) == 2 and all(0 <= int(m["value"]) <= 100 for m in meters)


def test_the_interview_list_pages_through_many(client: TestClient, db: Session, me: User) -> None:
    person = make_person(db, me, "Ada")
    for _ in range(55):
        make_interview(db, me, person)
    first = page(client.get("/interviews?stage=idea"))
    assert len(first.select("table.list tbody tr")) == 50
    following = first.select_one("a[rel=next]")["href"]
    assert following == "/interviews?stage=idea&page=2"
    assert len(page(client.get(following)).select("table.list tbody tr")) == 5
