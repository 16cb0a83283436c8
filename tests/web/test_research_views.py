"""Research on an organization's page: add a page, a file or text; confirm, edit, reject."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from coffeechat.config import Settings
from coffeechat.db import Database
from coffeechat.models import Organization, User
from coffeechat.web.app import create_app
from tests.factories import make_org
from tests.research.conftest import Site
from tests.web.conftest import BASE_URL, csrf_token, flash_after, page, post_form, text_of

ABOUT = (
    "<html><head><title>About Acme</title></head><body><main><h1>About Acme</h1>"
    "<h2>Our mission</h2><p>We make safe tools that last a lifetime for every workshop.</p>"
    "<h2>Our values</h2><ul><li>Craft before speed in everything we build.</li>"
    "<li>Honest prices for honest work, always and everywhere.</li></ul></main></body></html>"
)
PASTED = (
    "Our mission\n\nWe make safe tools that last a lifetime for every workshop.\n\n"
    "Culture\n\nTeams work in small crews and share lunch on Fridays in the yard."
)


@pytest.fixture
def acme(db: Session, me: User) -> Organization:
    return make_org(db, me, "Acme")


@pytest.fixture
def roomy(database: Database, tmp_path: Path) -> Iterator[TestClient]:
    """A client whose app may fetch from 127.0.0.1 and takes uploads of up to 2 kB."""
    settings = Settings(home=tmp_path, allow_private_fetch=True, upload_max_bytes=2048)
    with TestClient(
        create_app(settings, database), base_url=BASE_URL, follow_redirects=False
    ) as client:
        yield client


def _facts(client: TestClient, org_id: int) -> list[str]:
    soup = page(client.get(f"/orgs/{org_id}"))
    return [li.p.get_text(" ", strip=True) for li in soup.select("ul.facts-list li")]


def test_an_organization_without_research_says_what_to_add(
    client: TestClient, acme: Organization
) -> None:
    soup = page(client.get(f"/orgs/{acme.id}"))
    assert "No research yet" in text_of(soup, "#research .empty-note")
    for kind in ("url", "file", "text"):
        assert soup.select_one(f"form input[name=kind][value={kind}]") is not None
    assert soup.select_one("form[enctype='multipart/form-data'] input[type=file]") is not None


def test_pasted_text_becomes_facts_grouped_by_kind(client: TestClient, acme: Organization) -> None:
    response = post_form(client, f"/orgs/{acme.id}/research", {"kind": "text", "text": PASTED})
    assert "fact" in flash_after(client, response)
    soup = page(client.get(f"/orgs/{acme.id}"))
    kinds = [h.get_text() for h in soup.select("#research h3")]
    assert "Mission" in kinds
    assert any("safe tools that last a lifetime" in f for f in _facts(client, acme.id))


def test_facts_are_confirmed_corrected_and_rejected(client: TestClient, acme: Organization) -> None:
    post_form(client, f"/orgs/{acme.id}/research", {"kind": "text", "text": PASTED})
    soup = page(client.get(f"/orgs/{acme.id}"))
    fact_id = soup.select_one("ul.facts-list li")["id"].removeprefix("fact-")
    confirmed = post_form(client, f"/facts/{fact_id}", {"action": "confirm"})
    assert flash_after(client, confirmed) == "Fact confirmed."
    edited = post_form(client, f"/facts/{fact_id}", {"action": "edit", "text": "Tools for life."})
    assert flash_after(client, edited) == "Fact corrected and confirmed."
    item = page(client.get(f"/orgs/{acme.id}")).select_one(f"#fact-{fact_id}")
    assert item.p.get_text(" ", strip=True).startswith("Tools for life.")
    assert "you corrected" in item.select_one(".hint").get_text()
    empty = post_form(client, f"/facts/{fact_id}", {"action": "edit", "text": " "})
    assert flash_after(client, empty).startswith("Not changed: the text must not be empty")
    rejected = post_form(client, f"/facts/{fact_id}", {"action": "reject"})
    assert flash_after(client, rejected).startswith("Fact rejected")
    assert page(client.get(f"/orgs/{acme.id}")).select_one(f"#fact-{fact_id}") is None


def test_a_web_page_is_fetched_and_read(roomy: TestClient, acme: Organization, site: Site) -> None:
    url = site.page("/about", ABOUT)
    response = roomy.post(
        f"/orgs/{acme.id}/research",
        data={"csrf_token": csrf_token(roomy), "kind": "url", "url": url},
    )
    assert flash_after(roomy, response).startswith("Added About Acme:")
    soup = page(roomy.get(f"/orgs/{acme.id}"))
    assert soup.select_one(f"#research a[href='{url}']") is not None


@pytest.mark.parametrize("address", ["/etc/passwd", "file:///etc/passwd", "ftp://x.example/a"])
def test_the_page_form_never_reads_files_on_this_computer(
    roomy: TestClient, acme: Organization, address: str
) -> None:
    response = roomy.post(
        f"/orgs/{acme.id}/research",
        data={"csrf_token": csrf_token(roomy), "kind": "url", "url": address},
    )
    assert "http:// or https://" in flash_after(roomy, response)
    assert _facts(roomy, acme.id) == []


def _upload(client: TestClient, org_id: int, name: str, data: bytes) -> str:
    response = client.post(
        f"/orgs/{org_id}/research",
        data={"csrf_token": csrf_token(client), "kind": "file"},
        files={"file": (name, data, "application/octet-stream")},
    )
    return flash_after(client, response)


def test_files_are_read_when_small_and_of_a_known_kind(
    roomy: TestClient, acme: Organization
) -> None:
    assert "fact" in _upload(roomy, acme.id, "about.txt", PASTED.encode())
    assert "is not a file we can read here" in _upload(roomy, acme.id, "tool.exe", b"MZ\x90")
    assert "big.txt is larger than the" in _upload(roomy, acme.id, "big.txt", b"word " * 1000)
    assert "is empty" in _upload(roomy, acme.id, "empty.txt", b"")


def test_an_upload_declared_too_big_is_refused_before_it_is_read(
    roomy: TestClient, acme: Organization
) -> None:
    message = _upload(roomy, acme.id, "huge.txt", b"x" * 100_000)
    assert message.startswith("Not added: files must be under")
    assert _facts(roomy, acme.id) == []


def test_the_research_api_reads_text_and_reviews_facts(
    client: TestClient, acme: Organization
) -> None:
    client.headers["X-CSRF-Token"] = client.get("/api/v1/session").json()["csrf_token"]
    added = client.post(f"/api/v1/organizations/{acme.id}/research", json={"text": PASTED})
    assert added.status_code == 201
    body = added.json()
    assert body["created"] is True and body["source"]["title"]
    fact = body["facts"][0]
    changed = client.patch(f"/api/v1/facts/{fact['id']}", json={"text": "Tools for life."})
    assert changed.json()["text"] == "Tools for life." and changed.json()["status"] == "confirmed"
    assert changed.json()["original"] == fact["text"]
    client.patch(f"/api/v1/facts/{fact['id']}", json={"status": "rejected"})
    listed = client.get(f"/api/v1/organizations/{acme.id}/facts").json()
    assert fact["id"] not in [f["id"] for f in listed]
    both = client.post(f"/api/v1/organizations/{acme.id}/research", json={})
    assert both.status_code == 422 and both.json()["detail"][0]["loc"] == ["body", "url"]
    local = client.post(f"/api/v1/organizations/{acme.id}/research", json={"url": "/etc/passwd"})
    assert local.status_code == 422


def test_the_interview_page_shows_the_research_at_a_glance(
    client: TestClient, db: Session, me: User, acme: Organization
) -> None:
    from tests.factories import make_interview, make_person

    interview = make_interview(db, me, make_person(db, me, "Ada", org="Acme"))
    empty = page(client.get(f"/interviews/{interview.id}"))
    assert "No research yet" in text_of(empty, "#research .empty-note")
    post_form(client, f"/orgs/{acme.id}/research", {"kind": "text", "text": PASTED})
    soup = page(client.get(f"/interviews/{interview.id}"))
    assert "Mission" in [dt.get_text() for dt in soup.select("#research dl dt")]
    assert soup.select_one(f"#research a[href='/orgs/{acme.id}#research']") is not None
