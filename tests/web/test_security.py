"""A local server is reachable by every website its user visits: each defence is tested."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from coffeechat.web.security import NotLoopback, check_bind_host, host_name, is_loopback
from tests.web.conftest import csrf_token, page, post_form


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "192.168.1.20:8000"])
def test_it_refuses_requests_for_another_host_name(client: TestClient, host: str) -> None:
    response = client.get("/", headers={"Host": host})
    assert response.status_code == 400
    assert "Host" in response.text


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8123", "[::1]:8000", "localhost"])
def test_it_answers_on_loopback_host_names(client: TestClient, host: str) -> None:
    assert client.get("/ping", headers={"Host": host}).status_code == 200


def test_a_form_post_without_the_csrf_token_is_refused(client: TestClient) -> None:
    client.get("/")
    response = client.post("/people", data={"name": "Mallory"})
    assert response.status_code == 403
    assert "expired or came from another site" in page(response).get_text()
    assert "Mallory" not in client.get("/people").text


def test_a_form_post_with_a_wrong_csrf_token_is_refused(client: TestClient) -> None:
    client.get("/")
    response = client.post("/people", data={"name": "Mallory", "csrf_token": "x" * 43})
    assert response.status_code == 403


def test_a_post_from_another_origin_is_refused_even_with_a_token(client: TestClient) -> None:
    token = csrf_token(client)
    response = client.post(
        "/people",
        data={"name": "Mallory", "csrf_token": token},
        headers={"Origin": "https://evil.example"},
    )
    assert response.status_code == 403


def test_a_post_from_the_app_itself_passes(client: TestClient) -> None:
    response = post_form(
        client, "/people", {"name": "Ada"}, headers={"Origin": "http://127.0.0.1:8000"}
    )
    assert response.status_code == 303


def test_api_writes_need_the_csrf_header(client: TestClient) -> None:
    refused = client.post("/api/v1/people", json={"name": "Mallory"})
    assert refused.status_code == 403
    token = client.get("/api/v1/session").json()["csrf_token"]
    accepted = client.post("/api/v1/people", json={"name": "Ada"}, headers={"X-CSRF-Token": token})
    assert accepted.status_code == 201


def test_the_csrf_cookie_is_http_only_and_same_site_strict(client: TestClient) -> None:
    cookie = client.get("/").headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_every_response_carries_a_strict_content_security_policy(client: TestClient) -> None:
    for path in ("/", "/people", "/people/999", "/api/v1/people", "/static/style.css"):
        policy = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert "frame-ancestors 'none'" in policy


def test_pages_have_no_inline_scripts_or_event_handlers(client: TestClient) -> None:
    post_form(client, "/people", {"name": "Ada", "notes": "hello"})
    for path in ("/", "/people", "/people/new", "/interviews"):
        soup = page(client.get(path))
        for script in soup.find_all("script"):
            assert script.get("src"), f"inline script on {path}"
            assert not script.get_text(strip=True)
        for element in soup.find_all(True):
            assert not [a for a in element.attrs if a.startswith("on")], path


def test_no_cors_headers_are_sent_to_other_origins(client: TestClient) -> None:
    preflight = client.options(
        "/api/v1/people",
        headers={
            "Origin": "https://evil.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "x-csrf-token",
        },
    )
    plain = client.get("/api/v1/people", headers={"Origin": "https://evil.example"})
    for response in (preflight, plain):
        assert not [h for h in response.headers if h.lower().startswith("access-control-")]


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "localhost", "127.0.0.2", "[::1]"])
def test_loopback_addresses_are_allowed_to_listen_on(host: str) -> None:
    assert is_loopback(host)
    assert check_bind_host(host) == host


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.5", "example.com"])
def test_it_refuses_to_listen_beyond_this_computer(host: str) -> None:
    with pytest.raises(NotLoopback, match="Multi-user mode with accounts comes later"):
        check_bind_host(host)


def test_host_name_drops_the_port_and_brackets() -> None:
    assert host_name("LOCALHOST:8000") == "localhost"
    assert host_name("[::1]:8000") == "::1"
    assert host_name("127.0.0.1") == "127.0.0.1"


def test_an_unexpected_failure_shows_a_friendly_page(app: FastAPI) -> None:
    def broken() -> None:
        raise RuntimeError("a bug")

    app.add_api_route("/broken", broken)
    with TestClient(app, base_url="http://127.0.0.1:8000", raise_server_exceptions=False) as c:
        response = c.get("/broken")
    assert response.status_code == 500
    assert page(response).h1.get_text() == "Something went wrong"
    assert "a bug" not in response.text
