"""Your profile: saved, and problems named next to the field with the input kept."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import flash_after, page, post_form, text_of


def test_the_profile_is_saved(client: TestClient) -> None:
    response = post_form(
        client,
        "/me",
        {"name": "Jordan Reyes", "email": "jordan@example.com", "schools": "Lakeshore State",
         "employers": "", "fields": "data\nhealth", "country": "us", "timezone": "America/Chicago"},
    )  # fmt: skip
    assert flash_after(client, response) == "Profile saved."
    soup = page(client.get("/me"))
    assert soup.select_one("#f-name")["value"] == "Jordan Reyes"
    assert soup.select_one("#f-country")["value"] == "US"
    assert soup.select_one("#f-fields").get_text() == "data\nhealth"


def test_a_bad_time_zone_is_named_at_its_field(client: TestClient) -> None:
    response = post_form(
        client, "/me", {"name": "Jordan", "country": "US", "timezone": "Mars/Olympus"}
    )
    assert response.status_code == 422
    soup = page(response)
    assert "is not a time zone" in text_of(soup, "#e-timezone")
    assert soup.select_one("#f-timezone")["value"] == "Mars/Olympus"
    assert page(client.get("/me")).select_one("#f-name")["value"] == ""
