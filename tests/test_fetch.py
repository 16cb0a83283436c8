"""The guarded fetcher, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from coffeechat.config import Settings
from coffeechat.fetch import FetchFailed, FetchRefused, fetch, fetch_to_file

PAGE = b"<html><body><h1>About us</h1><p>We exist to help.</p></body></html>"


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes = b"", **headers: str) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        routes = {
            "/page": lambda: self._send(200, PAGE, Content_Type="text/html; charset=utf-8"),
            "/moved": lambda: self._send(302, Location="/page"),
            "/to-file": lambda: self._send(302, Location="file:///etc/passwd"),
            "/loop": lambda: self._send(302, Location="/loop"),
            "/missing": lambda: self._send(404, b"gone"),
            "/big": lambda: self._send(200, b"x" * 3000),
            "/slow": self._slow,
            "/chunked": self._chunked,
        }
        routes.get(self.path, lambda: self._send(404))()

    def _slow(self) -> None:
        time.sleep(1.5)
        self._send(200, b"late")

    def _chunked(self) -> None:
        # No Content-Length: the cap must hold while streaming.
        self.send_response(200)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for _ in range(10):
            self.wfile.write(b"400\r\n" + b"y" * 1024 + b"\r\n")
        self.wfile.write(b"0\r\n\r\n")


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the client hanging up on an oversized body is the point of those tests


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = _QuietServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def _settings(tmp_path: Path, **over: object) -> Settings:
    values: dict[str, object] = {"home": tmp_path, "allow_private_fetch": True} | over
    return Settings(**values)  # type: ignore[arg-type]


def test_it_fetches_a_page_and_follows_a_redirect(server: str, tmp_path: Path) -> None:
    result = fetch(f"{server}/moved", settings=_settings(tmp_path))
    assert result.final_url == f"{server}/page"
    assert result.status == 200 and result.body == PAGE
    assert result.content_type.startswith("text/html")


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1/", "a loopback address"),
        ("http://localhost/", "a loopback address"),
        ("http://[::1]/", "a loopback address"),
        ("http://10.1.2.3/", "a private address"),
        ("http://192.168.0.10/", "a private address"),
        ("http://169.254.169.254/latest/meta-data", "a link-local address"),
        ("http://224.0.0.1/", "a multicast address"),
    ],
)
def test_it_refuses_private_addresses_unless_allowed(tmp_path: Path, url: str, reason: str) -> None:
    with pytest.raises(FetchRefused) as refused:
        fetch(url, settings=_settings(tmp_path, allow_private_fetch=False))
    assert reason in str(refused.value)
    assert "COFFEECHAT_ALLOW_PRIVATE_FETCH=1" in str(refused.value)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/x", "javascript:alert(1)"]
)
def test_it_refuses_other_schemes(tmp_path: Path, url: str) -> None:
    with pytest.raises(FetchRefused, match="Only http and https"):
        fetch(url, settings=_settings(tmp_path))


def test_a_redirect_is_checked_again(server: str, tmp_path: Path) -> None:
    with pytest.raises(FetchRefused, match="Only http and https"):
        fetch(f"{server}/to-file", settings=_settings(tmp_path))


def test_a_redirect_loop_fails_clearly(server: str, tmp_path: Path) -> None:
    with pytest.raises(FetchFailed, match="redirected more than 5 times"):
        fetch(f"{server}/loop", settings=_settings(tmp_path))


def test_an_http_error_names_the_status(server: str, tmp_path: Path) -> None:
    with pytest.raises(FetchFailed, match="answered HTTP 404"):
        fetch(f"{server}/missing", settings=_settings(tmp_path))


def test_the_size_cap_holds_with_and_without_a_declared_length(server: str, tmp_path: Path) -> None:
    settings = _settings(tmp_path, fetch_max_bytes=2048)
    for path in ("/big", "/chunked"):
        with pytest.raises(FetchRefused, match="larger than"):
            fetch(f"{server}{path}", settings=settings)


def test_a_slow_server_times_out(server: str, tmp_path: Path) -> None:
    with pytest.raises(FetchFailed, match="did not answer within 0.5 seconds"):
        fetch(f"{server}/slow", settings=_settings(tmp_path, fetch_timeout_seconds=0.5))


def test_fetch_to_file_keeps_no_partial_file(server: str, tmp_path: Path) -> None:
    dest = tmp_path / "download.bin"
    seen: list[int] = []
    fetch_to_file(
        f"{server}/page",
        dest,
        settings=_settings(tmp_path),
        max_bytes=10_000,
        progress=lambda done, total: seen.append(done),
    )
    assert dest.read_bytes() == PAGE and seen[-1] == len(PAGE)
    with pytest.raises(FetchRefused):
        fetch_to_file(
            f"{server}/chunked", tmp_path / "big.bin", settings=_settings(tmp_path), max_bytes=2048
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["download.bin"]
