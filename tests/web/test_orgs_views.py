"""Organization pages: people there, editing details with errors kept."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from coffeechat.models import User
from tests.factories import make_org, make_person
from tests.web.conftest import flash_after, page, post_form, text_of


def test_an_organization_lists_its_people(client: TestClient, db: Session, me: User) -> None:
    person = make_person(db, me, "Ada", org="Acme", title="Analyst")
    soup = page(client.get(f"/orgs/{person.organization_id}"))
    assert text_of(soup, "h1") == "Acme"
    assert soup.select_one(f"a[href='/people/{person.id}']").get_text() == "Ada"


def test_editing_an_organization(client: TestClient, db: Session, me: User) -> None:
    org = make_org(db, me, "Acme")
    response = post_form(
        client, f"/orgs/{org.id}", {"name": "Acme Corp", "website": "acme.example",
                                    "industry": "finance", "location": "Oslo"}
    )  # fmt: skip
    assert flash_after(client, response) == "Saved Acme Corp."
    soup = page(client.get(f"/orgs/{org.id}"))
    assert text_of(soup, ".lead").startswith("finance · Oslo")
    assert soup.select_one(".lead a")["href"] == "https://acme.example"


def test_a_taken_name_or_bad_website_is_shown_at_the_field(
    client: TestClient, db: Session, me: User
) -> None:
    make_org(db, me, "Beta")
    org = make_org(db, me, "Acme")
    clash = post_form(client, f"/orgs/{org.id}", {"name": "beta", "website": ""})
    assert clash.status_code == 422
    assert "exists already" in text_of(page(clash), "#e-name")
    bad = post_form(client, f"/orgs/{org.id}", {"name": "Acme", "website": "not a site"})
    assert "is not a web address" in text_of(page(bad), "#e-website")
    assert page(bad).select_one("#f-website")["value"] == "not a site"
