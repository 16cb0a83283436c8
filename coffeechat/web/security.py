"""Safety of a server on 127.0.0.1: any website the user visits can try to talk to it.

Written as one plain ASGI middleware (cheaper than Starlette's BaseHTTPMiddleware) that
- refuses requests whose Host is not a loopback name (DNS rebinding),
- refuses state-changing requests whose Origin is another site,
- hands every browser a CSRF token in a SameSite=Strict cookie (checked by ``check_csrf``),
- adds a strict Content-Security-Policy and related headers to every response.
No CORS headers are ever sent, so other origins cannot read our answers.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import secrets
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from coffeechat.errors import CoffeechatError

CSRF_COOKIE = "cc_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    # same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on our
    # own form posts, which the Origin check must refuse.
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


class NotLoopback(CoffeechatError):
    """The server was asked to listen where other machines could reach it."""


def is_loopback(host: str) -> bool:
    """True for names and addresses that only this computer can reach."""
    name = host.strip().strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def check_bind_host(host: str) -> str:
    """``host`` if it is a loopback address; otherwise NotLoopback with the reason."""
    if not is_loopback(host):
        raise NotLoopback(
            f"Coffeechat listens only on this computer (127.0.0.1, ::1 or localhost), "
            f"not on {host!r}: anyone who can reach the address could read and change your "
            "network, because there are no accounts yet. Multi-user mode with accounts "
            "comes later."
        )
    return host


def host_name(value: str) -> str:
    """The host part of a Host header value, without port or IPv6 brackets."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return None


def _csrf_from_cookie(scope: Scope) -> str | None:
    raw = _header(scope, b"cookie")
    if not raw:
        return None
    cookie: SimpleCookie = SimpleCookie()
    try:
        cookie.load(raw)
    except Exception:  # a malformed Cookie header is treated as no cookie
        return None
    morsel = cookie.get(CSRF_COOKIE)
    value = morsel.value if morsel else None
    return value if value and len(value) == 43 else None


class SecurityMiddleware:
    """Host allow-list, Origin check, CSRF cookie and security headers (see module doc)."""

    def __init__(self, app: ASGIApp, allowed_hosts: frozenset[str] = LOOPBACK_NAMES) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts

    def _allowed(self, host: str | None) -> bool:
        return host is not None and host_name(host) in self.allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if not self._allowed(_header(scope, b"host")):
            await _plain(send, 400, "Unexpected Host header: Coffeechat answers only on localhost.")
            return
        origin = _header(scope, b"origin")
        if (
            scope["method"] not in SAFE_METHODS
            and origin is not None
            and not self._allowed(urlsplit(origin).netloc or None)
        ):
            await _plain(send, 403, "Cross-site request refused.")
            return
        token = _csrf_from_cookie(scope)
        fresh = token is None
        if token is None:
            token = secrets.token_urlsafe(32)
        scope.setdefault("state", {})["csrf"] = token

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                # A response may bring a stricter-or-equal policy of its own (see the brief).
                own = {key.lower() for key, _ in headers}
                headers.extend(h for h in SECURITY_HEADERS if h[0] not in own)
                if fresh:
                    headers.append((b"set-cookie", _cookie(token).encode("latin-1")))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _cookie(token: str) -> str:
    return f"{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"


async def _plain(send: Send, status: int, text: str) -> None:
    headers: list[Any] = [(b"content-type", b"text/plain; charset=utf-8"), *SECURITY_HEADERS]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": text.encode()})


def tokens_match(expected: str, given: str | None) -> bool:
    return given is not None and hmac.compare_digest(expected.encode(), given.encode())


def policy_with_style(style: str) -> str:
    """The policy, also allowing exactly one inline ``<style>`` element (by its hash)."""
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    return CONTENT_SECURITY_POLICY.replace(
        "style-src 'self'", f"style-src 'self' 'sha256-{digest}'"
    )
