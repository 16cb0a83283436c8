"""Questions on the interview page and in the API; the printable brief."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from coffeechat.models import User
from tests.factories import make_interview, make_person
from tests.web.conftest import flash_after, page, post_form


def test_planning_fills_the_list_and_buttons_change_it(
    client: TestClient, db: Session, me: User
) -> None:
    interview = make_interview(db, me, make_person(db, me, "Ada", org="Acme"))
    empty = page(client.get(f"/interviews/{interview.id}"))
    assert empty.select_one("#questions .empty-note") is not None
    response = post_form(client, f"/interviews/{interview.id}/questions/plan", {})
    assert flash_after(client, response).startswith("Planned ")
    soup = page(client.get(f"/interviews/{interview.id}"))
    items = soup.select("ol.questions li")
    assert len(items) >= 3
    first, second = items[0]["data-id"], items[1]["data-id"]
    base = f"/interviews/{interview.id}/questions"
    moved = post_form(client, f"{base}/{second}", {"action": "up", "position": "1"})
    assert flash_after(client, moved) == "Moved."
    order = [
        li["data-id"]
        for li in page(client.get(f"/interviews/{interview.id}")).select("ol.questions li")
    ]
    assert order[:2] == [second, first]
    post_form(client, f"{base}/{first}", {"action": "star"})
    post_form(client, f"{base}/{second}", {"action": "asked"})
    soup = page(client.get(f"/interviews/{interview.id}"))
    assert soup.select_one(f"li[data-id='{first}'].starred .star") is not None
    assert soup.select_one(f"li[data-id='{second}'].q-asked .chip").get_text() == "Asked"
    dropped = post_form(client, f"{base}/{first}", {"action": "drop"})
    assert flash_after(client, dropped) == "Question removed."
    assert soup.select_one(f"li[data-id='{first}'] form[data-confirm]") is not None


def test_drag_and_drop_order_is_saved_whole(client: TestClient, db: Session, me: User) -> None:
    interview = make_interview(db, me, make_person(db, me, "Ada"))
    post_form(client, f"/interviews/{interview.id}/questions/plan", {})
    ids = [
        li["data-id"]
        for li in page(client.get(f"/interviews/{interview.id}")).select("ol.questions li")
    ]
    wanted = list(reversed(ids))
    response = post_form(
        client, f"/interviews/{interview.id}/questions/order", {"order": ",".join(wanted)}
    )
    assert flash_after(client, response) == "New order saved."
    after = [
        li["data-id"]
        for li in page(client.get(f"/interviews/{interview.id}")).select("ol.questions li")
    ]
    assert after == wanted


def test_your_own_question_is_added_with_the_linters_advice(
    client: TestClient, db: Session, me: User
) -> None:
    interview = make_interview(db, me, make_person(db, me, "Ada", org="Acme"))
    response = post_form(
        client, f"/interviews/{interview.id}/questions", {"question": "Can you get me a job?"}
    )
    message = flash_after(client, response)
    assert message.startswith("Added your question. Worth a second look:")
    good = post_form(
        client,
        f"/interviews/{interview.id}/questions",
        {"question": "What surprised you most when you started in this role?"},
    )
    assert flash_after(client, good) == "Added your question. It reads well."
    empty = post_form(client, f"/interviews/{interview.id}/questions", {"question": "  "})
    assert flash_after(client, empty).startswith("Not added: the question is empty")


def test_the_lint_api_reviews_without_saving(client: TestClient, db: Session, me: User) -> None:
    interview = make_interview(db, me, make_person(db, me, "Ada"))
    findings = client.get(
        "/api/v1/questions/lint",
        params={"text": "Is it fun?", "interview_id": interview.id},
    ).json()
    assert "closed" in [f["code"] for f in findings]
    assert client.get(f"/api/v1/interviews/{interview.id}/questions").json() == []
    assert client.get("/api/v1/questions/lint", params={"text": ""}).status_code == 422


def test_the_questions_api_plans_adds_changes_and_drops(
    client: TestClient, db: Session, me: User
) -> None:
    interview = make_interview(db, me, make_person(db, me, "Ada"))
    client.headers["X-CSRF-Token"] = client.get("/api/v1/session").json()["csrf_token"]
    base = f"/api/v1/interviews/{interview.id}/questions"
    planned = client.post(f"{base}/plan", json={"count": 5}).json()
    assert len(planned) == 5 and [q["position"] for q in planned] == [1, 2, 3, 4, 5]
    added = client.post(base, json={"text": "What do you wish you had known?"})
    assert added.status_code == 201 and added.json()["findings"] == []
    own = added.json()["question"]["id"]
    changed = client.patch(f"{base}/{own}", json={"position": 1, "starred": True})
    assert changed.json()["position"] == 1 and changed.json()["starred"] is True
    assert client.patch(f"{base}/{own}", json={"state": "maybe"}).status_code == 422
    assert client.delete(f"{base}/{own}").status_code == 204
    assert own not in [q["id"] for q in client.get(base).json()]


def test_the_brief_is_a_printable_page_allowed_only_its_own_style(
    client: TestClient, db: Session, me: User
) -> None:
    interview = make_interview(db, me, make_person(db, me, "Ada <b>Lovelace</b>"))
    response = client.get(f"/interviews/{interview.id}/brief")
    assert response.status_code == 200
    soup = page(response)
    assert "Ada <b>Lovelace</b>" in soup.h1.get_text()
    policy = response.headers["content-security-policy"]
    assert "style-src 'self' 'sha256-" in policy and "unsafe-inline" not in policy
    assert response.headers["content-security-policy"].count("script-src 'self'") == 1
    markdown = client.get(f"/interviews/{interview.id}/brief.md")
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert client.get("/interviews/999/brief").status_code == 404
