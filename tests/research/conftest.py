"""A real HTTP server on 127.0.0.1 serving the pages each test puts in ``site.routes``."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from coffeechat.config import Settings

HUGE = 50 * 1024 * 1024


@dataclass
class Site:
    """The test server: its base URL, its pages, and the paths requested, in order."""

    url: str
    routes: dict[str, tuple[int, str, bytes]] = field(default_factory=dict)
    requested: list[str] = field(default_factory=list)

    def page(self, path: str, body: str | bytes, content_type: str = "text/html") -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = (200, content_type, data)
        return self.url + path


class _Handler(BaseHTTPRequestHandler):
    site: Site

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        self.site.requested.append(self.path)
        if self.path.startswith("/huge"):
            self._huge(declared=self.path == "/huge")
            return
        status, content_type, body = self.site.routes.get(self.path, (404, "text/plain", b"no"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _huge(self, declared: bool) -> None:
        """50 MB of page, with or without saying so up front."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if declared:
            self.send_header("Content-Length", str(HUGE))
        self.end_headers()
        chunk = b"<p>filler text for a very large page</p>\n" * 2000
        try:
            for _ in range(HUGE // len(chunk) + 1):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the fetcher hung up at its cap, as it should


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@pytest.fixture(scope="session")
def _server() -> Iterator[tuple[_QuietServer, Site]]:
    site = Site("")
    handler = type("Handler", (_Handler,), {"site": site})
    httpd = _QuietServer(("127.0.0.1", 0), handler)
    site.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd, site
    httpd.shutdown()


@pytest.fixture
def site(_server: tuple[_QuietServer, Site]) -> Site:
    """The local test site, emptied for each test."""
    _, shared = _server
    shared.routes.clear()
    shared.requested.clear()
    return shared


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings that allow fetching from the local test server."""
    return Settings(home=tmp_path, allow_private_fetch=True)
