"""Careers: search O*NET occupations, the dossier, linking a career to an interview."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from coffeechat.careers.onet_files import open_local
from coffeechat.careers.onet_import import import_onet
from coffeechat.models import User
from tests.careers.conftest import DEV, write_release
from tests.factories import make_interview, make_person
from tests.web.conftest import flash_after, page, post_form, text_of


@pytest.fixture
def onet(db: Session, tmp_path: Path) -> None:
    folder = write_release(tmp_path / "onet")
    import_onet(db, open_local(folder), source=str(folder))
    db.flush()


def test_without_onet_the_page_says_how_to_load_it(client: TestClient) -> None:
    soup = page(client.get("/careers"))
    assert "coffeechat careers import-onet" in text_of(soup, "section.empty")
    problem = client.get(f"/careers/{DEV}")
    assert problem.status_code == 409
    assert "not loaded yet" in page(problem).get_text()


def test_searching_finds_occupations_and_opens_a_dossier(client: TestClient, onet: None) -> None:
    soup = page(client.get("/careers?q=developer"))
    link = soup.select_one(f"ul.people a[href='/careers/{DEV}']")
    assert link is not None
    dossier = page(client.get(link["href"]))
    assert text_of(dossier, "h1") == link.get_text()
    for heading in ("Qualifications", "A typical day", "Workplace", "Technologies"):
        assert dossier.find("h2", string=heading) is not None
    assert "Python" in text_of(dossier, "#tech-h + p")
    assert client.get("/careers/99-9999.00").status_code == 404


def test_a_career_is_linked_to_an_interview_from_its_page(
    client: TestClient, db: Session, me: User, onet: None
) -> None:
    interview = make_interview(db, me, make_person(db, me, "Ada"), focus="career")
    before = page(client.get(f"/interviews/{interview.id}"))
    choose = before.select_one(f"#ready a[href='/careers?interview={interview.id}']")
    assert choose is not None
    results = page(client.get(f"/careers?q=developer&interview={interview.id}"))
    form = results.select_one(f"form[action='/interviews/{interview.id}/career']")
    assert form.select_one("input[name=code]")["value"] == DEV
    response = post_form(client, f"/interviews/{interview.id}/career", {"code": DEV})
    assert flash_after(client, response).startswith("Linked ")
    after = page(client.get(f"/interviews/{interview.id}"))
    assert after.select_one(f"#ready a[href='/careers/{DEV}']") is not None
    assert int(after.select_one("#ready meter")["value"]) > int(
        before.select_one("#ready meter")["value"]
    )


def test_the_readiness_checklist_links_each_gap_to_where_it_is_filled(
    client: TestClient, db: Session, me: User
) -> None:
    interview = make_interview(db, me, make_person(db, me, "Ada", org="Acme"))
    soup = page(client.get(f"/interviews/{interview.id}"))
    todo = soup.select("#ready li.todo a")
    assert todo, "a new interview has gaps"
    targets = {a["href"] for a in todo}
    assert f"/orgs/{interview.organization_id}#research" in targets
    assert "#logistics" in targets and "#questions" in targets
