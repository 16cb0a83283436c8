"""People pages: list with filters, the add/edit form and its errors, a person's page."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from coffeechat.models import User
from tests.factories import make_interview, make_person
from tests.web.conftest import flash_after, page, post_form, text_of


def test_an_empty_network_invites_the_user_to_add_someone(client: TestClient) -> None:
    soup = page(client.get("/people"))
    empty = soup.select_one("section.empty")
    assert empty is not None
    assert empty.find("a", href="/people/new") is not None


def test_adding_a_person_shows_their_page_with_a_message(client: TestClient) -> None:
    response = post_form(
        client,
        "/people",
        {
            "name": "Priya Natarajan",
            "org": "Northwind Health",
            "title": "Data Analyst",
            "how_met": "alumni",
            "emails": "priya@northwind.example",
            "tags": "data, alumni",
        },
    )
    assert flash_after(client, response) == "Added Priya Natarajan."
    soup = page(client.get(response.headers["location"]))
    assert text_of(soup, "h1") == "Priya Natarajan"
    assert soup.select_one("a[href^='/orgs/']").get_text() == "Northwind Health"
    assert soup.select_one("a[href='mailto:priya@northwind.example']") is not None
    assert [a.get_text() for a in soup.select("a.chip")] == ["alumni", "data"]


def test_every_bad_field_is_named_next_to_it_and_the_input_is_kept(client: TestClient) -> None:
    response = post_form(
        client,
        "/people",
        {"name": "  ", "title": "Analyst", "emails": "not-an-email", "urls": "ftp://x"},
    )
    assert response.status_code == 422
    soup = page(response)
    assert text_of(soup, "#e-name") == "Enter the person's name."
    assert "not a valid email address" in text_of(soup, "#e-emails")
    assert "is not a web address" in text_of(soup, "#e-urls")
    assert soup.select_one("#f-title")["value"] == "Analyst"
    assert soup.select_one("#f-emails").get_text() == "not-an-email"
    assert soup.select_one("#f-emails")["aria-invalid"] == "true"
    assert soup.select_one("#f-emails")["aria-describedby"].endswith("e-emails")
    assert soup.select_one(".form-errors[role=alert]") is not None
    assert "Analyst" not in client.get("/people").text


def test_every_field_of_the_form_has_a_label(client: TestClient) -> None:
    soup = page(client.get("/people/new"))
    form = soup.select_one("form.stacked")
    for control in form.select("input:not([type=hidden]), select, textarea"):
        assert soup.select_one(f"label[for='{control['id']}']") is not None, control["name"]


def test_editing_a_person_replaces_their_details(client: TestClient, db: Session, me: User) -> None:
    person = make_person(db, me, "Ada Lovelace", org="Acme", tags=["math"])
    form = page(client.get(f"/people/{person.id}/edit"))
    assert form.select_one("#f-org")["value"] == "Acme"
    response = post_form(
        client,
        f"/people/{person.id}",
        {"name": "Ada King", "org": "", "title": "Countess", "tags": "poetry", "how_met": "event"},
    )
    assert flash_after(client, response) == "Saved Ada King."
    soup = page(client.get(f"/people/{person.id}"))
    assert text_of(soup, "h1") == "Ada King"
    assert text_of(soup, ".lead") == "Countess"
    assert [a.get_text() for a in soup.select("a.chip")] == ["poetry"]


def test_removing_a_person_asks_first_and_keeps_their_interviews(
    client: TestClient, db: Session, me: User
) -> None:
    person = make_person(db, me, "Ada Lovelace")
    interview = make_interview(db, me, person, goal="Learn about engines")
    form = page(client.get(f"/people/{person.id}")).select_one(
        f"form[action='/people/{person.id}/delete']"
    )
    assert "Remove Ada Lovelace?" in form["data-confirm"]
    response = post_form(client, f"/people/{person.id}/delete", {})
    assert flash_after(client, response) == "Removed Ada Lovelace. Their interviews are kept."
    assert client.get(f"/people/{person.id}").status_code == 404
    assert client.get(f"/interviews/{interview.id}").status_code == 200


def test_filters_narrow_the_list(client: TestClient, db: Session, me: User) -> None:
    make_person(db, me, "Ada Lovelace", org="Acme", tags=["math"], how_met="alumni")
    make_person(db, me, "Charles Babbage", org="Engines Ltd", how_met="event")
    names = lambda url: [a.get_text() for a in page(client.get(url)).select("ul.people a.name")]  # noqa: E731
    assert names("/people") == ["Ada Lovelace", "Charles Babbage"]
    assert names("/people?tag=math") == ["Ada Lovelace"]
    assert names("/people?how_met=event") == ["Charles Babbage"]
    assert names("/people?q=babb") == ["Charles Babbage"]
    org_id = page(client.get("/people")).select_one("#filter-org option:-soup-contains('Acme')")
    assert names(f"/people?org={org_id['value']}") == ["Ada Lovelace"]
    assert page(client.get("/people?q=zzz")).select_one(".empty-note") is not None


def test_the_list_pages_through_a_large_network(client: TestClient, db: Session, me: User) -> None:
    for number in range(55):
        make_person(db, me, f"Person {number:02d}")
    first = page(client.get("/people"))
    assert len(first.select("ul.people li")) == 50
    following = first.select_one("a[rel=next]")["href"]
    second = page(client.get(following))
    assert [a.get_text() for a in second.select("ul.people a.name")][-1] == "Person 54"
    assert second.select_one("a[rel=next]") is None


def test_a_person_page_shows_referrals_both_ways_and_the_timeline(
    client: TestClient, db: Session, me: User
) -> None:
    priya = make_person(db, me, "Priya Natarajan")
    elena = make_person(db, me, "Elena Sokolova", referred_by=priya.id)
    make_interview(db, me, priya, goal="Healthcare analytics")
    soup = page(client.get(f"/people/{priya.id}"))
    assert soup.select_one(f"a[href='/people/{elena.id}']").get_text() == "Elena Sokolova"
    moments = [li.get_text(" ", strip=True) for li in soup.select("ol.timeline li")]
    assert any("Introduced you to Elena Sokolova" in m for m in moments)
    assert any("Interview idea" in m for m in moments)
    other = page(client.get(f"/people/{elena.id}"))
    assert text_of(other, "dl.facts").count("Priya Natarajan") == 1


def test_planning_an_interview_from_a_person_page(
    client: TestClient, db: Session, me: User
) -> None:
    person = make_person(db, me, "Ada Lovelace", org="Acme")
    response = post_form(
        client, f"/people/{person.id}/interviews", {"goal": "How engines work", "focus": "both"}
    )
    assert flash_after(client, response) == "Interview planned. Now prepare for it."
    soup = page(client.get(response.headers["location"]))
    assert "Interview with Ada Lovelace" in text_of(soup, "h1")
    assert "How engines work" in text_of(soup, ".goal")


def test_an_unknown_person_gets_a_friendly_404_page(client: TestClient) -> None:
    for path in ("/people/424242", "/people/abc", "/orgs/5", "/interviews/9", "/nowhere"):
        response = client.get(path)
        assert response.status_code == 404
        soup = page(response)
        assert text_of(soup, "h1") == "We could not find that page"
        assert soup.select_one("a[href='/']") is not None


def test_a_refused_form_writes_nothing_at_all(client: TestClient) -> None:
    response = post_form(
        client, "/people", {"name": "Ada", "org": "Brand New Org", "referred_by": "99999"}
    )
    assert response.status_code == 422
    assert (
        "No person (referred by) with id 99999."
        in page(response).select_one("#e-referred_by").get_text()
    )
    assert "Brand New Org" not in client.get("/people").text
    assert client.get("/api/v1/organizations").json()["items"] == []


def test_keep_in_touch_reminders_can_be_set_per_person(
    client: TestClient, db: Session, me: User
) -> None:
    person = make_person(db, me, "Ada")
    response = post_form(client, f"/people/{person.id}/keep-in-touch", {"days": "30"})
    assert flash_after(client, response) == "You will be reminded to keep in touch every 30 days."
    assert page(client.get(f"/people/{person.id}")).select_one("#keep-days")["value"] == "30"
    never = post_form(client, f"/people/{person.id}/keep-in-touch", {"days": "0"})
    assert flash_after(client, never) == "No keep-in-touch reminders for this person."
    bad = post_form(client, f"/people/{person.id}/keep-in-touch", {"days": "soon"})
    assert flash_after(client, bad).startswith("Not saved")


def test_a_pasted_bio_fills_their_background_and_suggests_openers(
    client: TestClient, db: Session, me: User
) -> None:
    from coffeechat.network.profile import update_profile
    from tests.research.test_bio import BIO

    update_profile(db, owner=me, schools=["Lakeshore State University"])
    person = make_person(db, me, "Dana Whitlock")
    response = post_form(client, f"/people/{person.id}/background", {"kind": "text", "text": BIO})
    message = flash_after(client, response)
    assert message.startswith("Read 2 roles and 2 schools.")
    assert "Lakeshore State University" in message
    soup = page(client.get(f"/people/{person.id}"))
    facts = [li.p.get_text() for li in soup.select("#background ul.facts-list li")]
    assert len(facts) >= 3 and any("Lakeshore State University" in fact for fact in facts)
    first = soup.select_one("#background ul.facts-list li")["id"].removeprefix("fact-")
    rejected = post_form(client, f"/facts/{first}", {"action": "reject"})
    assert rejected.headers["location"] == f"/people/{person.id}#background"
    empty = post_form(client, f"/people/{person.id}/background", {"kind": "text", "text": ""})
    assert flash_after(client, empty).startswith("Not read:")


def test_people_can_be_filtered_by_warmth(client: TestClient, db: Session, me: User) -> None:
    from coffeechat.models import utcnow

    met = make_person(db, me, "Met Recently")
    interview = make_interview(db, me, met)
    interview.stage, interview.held_at = "held", utcnow()
    make_person(db, me, "Fellow Alum", how_met="alumni")
    make_person(db, me, "Stranger")
    db.flush()

    def names(band: str) -> list[str]:
        soup = page(client.get(f"/people?warmth={band}"))
        return [a.get_text() for a in soup.select("ul.people a.name")]

    assert names("warm") == ["Met Recently"]
    assert names("getting_there") == ["Fellow Alum"]
    assert names("unknown") == ["Stranger"]
    api = client.get("/api/v1/people?warmth=warm").json()["items"]
    assert [p["name"] for p in api] == ["Met Recently"]
    assert client.get("/api/v1/people?warmth=hot").status_code == 422
