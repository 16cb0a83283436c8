"""The JSON API: people, organizations, interviews; paging, filters, errors, OpenAPI."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from coffeechat.models import User, utcnow
from tests.factories import make_interview, make_org, make_person, make_user


@pytest.fixture
def api(client: TestClient) -> TestClient:
    """The client with the CSRF header every write needs."""
    token = client.get("/api/v1/session").json()["csrf_token"]
    client.headers["X-CSRF-Token"] = token
    return client


def test_people_can_be_created_read_changed_and_removed(api: TestClient) -> None:
    created = api.post(
        "/api/v1/people",
        json={"name": "Ada Lovelace", "organization": "Acme", "emails": ["ADA@acme.example"],
              "tags": ["Math"], "how_met": "alumni"},
    )  # fmt: skip
    assert created.status_code == 201
    ada = created.json()
    assert ada["organization"]["name"] == "Acme"
    assert ada["emails"] == ["ADA@acme.example"]
    assert ada["tags"] == ["math"]
    assert api.get(f"/api/v1/people/{ada['id']}").json() == ada
    changed = api.patch(f"/api/v1/people/{ada['id']}", json={"title": "Analyst", "tags": []})
    assert changed.json()["title"] == "Analyst"
    assert changed.json()["tags"] == []
    assert changed.json()["emails"] == ["ADA@acme.example"]
    assert api.delete(f"/api/v1/people/{ada['id']}").status_code == 204
    assert api.get(f"/api/v1/people/{ada['id']}").status_code == 404


def test_people_list_pages_and_filters(api: TestClient, db: Session, me: User) -> None:
    acme = make_org(db, me, "Acme")
    for name in ("Ada", "Bea", "Cy", "Dee"):
        make_person(db, me, name, org="Acme" if name in ("Ada", "Cy") else None)
    make_person(db, me, "Eve", tags=["spy"], how_met="cold")

    def names(query: str) -> list[str]:
        return [p["name"] for p in api.get(f"/api/v1/people?{query}").json()["items"]]

    first = api.get("/api/v1/people?limit=2").json()
    assert [p["name"] for p in first["items"]] == ["Ada", "Bea"]
    assert first["has_more"] is True and first["limit"] == 2 and first["offset"] == 0
    assert names("limit=2&offset=4") == ["Eve"]
    assert names(f"organization_id={acme.id}") == ["Ada", "Cy"]
    assert names("tag=spy") == ["Eve"]
    assert names("how_met=cold") == ["Eve"]
    assert names("q=be") == ["Bea"]


def _problems(response: Any) -> list[tuple[tuple[str, ...], str]]:
    assert response.status_code == 422
    return [(tuple(map(str, e["loc"])), e["msg"]) for e in response.json()["detail"]]


def test_bad_input_is_a_422_naming_the_field(api: TestClient) -> None:
    missing = _problems(api.post("/api/v1/people", json={"title": "x"}))
    assert missing[0][0] == ("body", "name")
    bad_email = _problems(api.post("/api/v1/people", json={"name": "A", "emails": ["nope"]}))
    assert bad_email[0][0] == ("body", "emails")
    assert "not a valid email address" in bad_email[0][1]
    bad_limit = _problems(api.get("/api/v1/people?limit=0"))
    assert bad_limit[0][0] == ("query", "limit")
    unknown = _problems(api.post("/api/v1/people", json={"name": "A", "colour": "red"}))
    assert unknown[0][0] == ("body", "colour")


def test_organizations_list_counts_people_and_refuses_duplicates(
    api: TestClient, db: Session, me: User
) -> None:
    make_person(db, me, "Ada", org="Acme")
    created = api.post("/api/v1/organizations", json={"name": "Beta", "website": "beta.example"})
    assert created.status_code == 201
    assert created.json()["domain"] == "beta.example"
    listing = api.get("/api/v1/organizations").json()["items"]
    assert [(o["name"], o["people"]) for o in listing] == [("Acme", 1), ("Beta", 0)]
    clash = api.post("/api/v1/organizations", json={"name": "acme"})
    assert clash.status_code == 409
    assert "exists already" in clash.json()["detail"]


def test_interviews_are_created_moved_and_filtered(api: TestClient, db: Session, me: User) -> None:
    ada = make_person(db, me, "Ada", org="Acme")
    created = api.post("/api/v1/interviews", json={"person_id": ada.id, "goal": "Engines"})
    assert created.status_code == 201
    interview = created.json()
    assert interview["stage"] == "idea" and interview["organization"]["name"] == "Acme"
    moved = api.post(f"/api/v1/interviews/{interview['id']}/stage", json={"stage": "requested"})
    assert moved.json()["stage"] == "requested" and moved.json()["requested_at"]
    refused = api.post(f"/api/v1/interviews/{interview['id']}/stage", json={"stage": "thanked"})
    assert _problems(refused)[0][0] == ("body", "stage")
    assert api.get("/api/v1/interviews?stage=requested").json()["items"][0]["id"] == interview["id"]
    assert api.get("/api/v1/interviews?stage=held").json()["items"] == []


def test_another_owners_rows_are_not_found(api: TestClient, db: Session, me: User) -> None:
    stranger = make_user(db, "stranger")
    theirs = make_interview(db, stranger)
    assert api.get(f"/api/v1/people/{theirs.person_id}").status_code == 404
    assert api.get(f"/api/v1/interviews/{theirs.id}").status_code == 404
    assert api.get("/api/v1/people").json()["items"] == []


def test_the_openapi_schema_documents_every_api_route_and_no_page(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    paths = schema["paths"]
    assert set(paths) == {
        "/api/v1/session",
        "/api/v1/people",
        "/api/v1/people/{person_id}",
        "/api/v1/organizations",
        "/api/v1/organizations/{organization_id}",
        "/api/v1/interviews",
        "/api/v1/interviews/{interview_id}",
        "/api/v1/interviews/{interview_id}/stage",
        "/api/v1/interviews/{interview_id}/questions",
        "/api/v1/interviews/{interview_id}/questions/plan",
        "/api/v1/interviews/{interview_id}/questions/{question_id}",
        "/api/v1/questions/lint",
        "/api/v1/interviews/{interview_id}/readiness",
        "/api/v1/organizations/{organization_id}/facts",
        "/api/v1/organizations/{organization_id}/research",
        "/api/v1/facts/{fact_id}",
        "/api/v1/agenda",
    }
    person = paths["/api/v1/people/{person_id}"]
    assert person["get"]["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/PersonOut"
    }
    assert "404" in person["get"]["responses"]
    post_params = {p["name"] for p in paths["/api/v1/people"]["post"]["parameters"]}
    assert "X-CSRF-Token" in {n.title() if n.islower() else n for n in post_params} or (
        "x-csrf-token" in {n.lower() for n in post_params}
    )
    listed = schema["components"]["schemas"]["PeoplePage"]["properties"]
    assert set(listed) == {"items", "offset", "limit", "has_more"}


def test_the_openapi_schema_matches_what_the_api_returns(
    api: TestClient, db: Session, me: User
) -> None:
    make_interview(db, me, make_person(db, me, "Ada", org="Acme"))
    schema = api.get("/api/openapi.json").json()["components"]["schemas"]
    for path, name in (("/api/v1/people", "PersonOut"), ("/api/v1/interviews", "InterviewOut"),
                       ("/api/v1/organizations", "OrganizationOut")):  # fmt: skip
        item = api.get(path).json()["items"][0]
        assert set(item) == set(schema[name]["properties"]), name
        assert set(schema[name].get("required", [])) <= set(item)


def test_readiness_tells_the_score_and_the_gaps(api: TestClient, db: Session, me: User) -> None:
    interview = make_interview(db, me, make_person(db, me, "Ada", org="Acme"))
    ready = api.get(f"/api/v1/interviews/{interview.id}/readiness").json()
    assert 0 <= ready["score"] < 100
    assert {"key", "group", "label", "done", "found"} == set(ready["items"][0])
    assert any(not item["done"] for item in ready["items"])


def test_the_agenda_lists_what_is_due(api: TestClient, db: Session, me: User) -> None:
    interview = make_interview(db, me, make_person(db, me, "Ada"))
    interview.stage, interview.held_at = "held", utcnow() - timedelta(days=2)
    db.flush()
    items = api.get("/api/v1/agenda").json()
    assert [(i["kind"], i["interview_id"], i["overdue"]) for i in items] == [
        ("thank_you", interview.id, True)
    ]
    assert api.get("/api/v1/agenda?day=not-a-day").status_code == 422
