"""The one guarded fetcher every download goes through.

http and https only, connect and read timeouts, a size cap, every redirect checked
again, and no private, loopback, link-local or multicast addresses unless the operator
allows them (COFFEECHAT_ALLOW_PRIVATE_FETCH=1).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from urllib.parse import urljoin, urlsplit

from coffeechat import __version__
from coffeechat.config import Settings
from coffeechat.errors import CoffeechatError

MAX_REDIRECTS = 5
USER_AGENT = f"Coffeechat/{__version__} (informational interview research)"

Progress = Callable[[int, int | None], None]


class FetchRefused(CoffeechatError):
    """We will not fetch this: wrong scheme, a private address, or too large."""


class FetchFailed(CoffeechatError):
    """We tried, and the other side or the network failed."""


@dataclass(frozen=True)
class Fetched:
    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes


def _refused_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    if address.is_loopback:
        return "a loopback address"
    if address.is_link_local:
        return "a link-local address"
    if address.is_multicast:
        return "a multicast address"
    if address.is_private or address.is_reserved or address.is_unspecified:
        return "a private address"
    return None


def check_url(url: str, *, allow_private: bool) -> str:
    """The URL if it may be fetched; FetchRefused naming the reason otherwise."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchRefused(f"Only http and https addresses can be fetched, not {url!r}.")
    host = parts.hostname
    if not host:
        raise FetchRefused(f"{url!r} has no host name.")
    if allow_private:
        return url
    try:
        infos = socket.getaddrinfo(host, parts.port or 443, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise FetchFailed(f"Could not find the host {host!r} ({error.strerror}).") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        reason = _refused_address(address)
        if reason:
            raise FetchRefused(
                f"{host} resolves to {address}, {reason}; Coffeechat does not fetch those "
                "unless COFFEECHAT_ALLOW_PRIVATE_FETCH=1 is set."
            )
    return url


def _download(
    url: str, sink: IO[bytes], *, settings: Settings, max_bytes: int, progress: Progress | None
) -> tuple[str, int, str]:
    import httpx

    timeout = httpx.Timeout(settings.fetch_timeout_seconds)
    current = url
    try:
        with httpx.Client(
            timeout=timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT}
        ) as client:
            for _hop in range(MAX_REDIRECTS + 1):
                check_url(current, allow_private=settings.allow_private_fetch)
                with client.stream("GET", current) as response:
                    if response.is_redirect and "location" in response.headers:
                        current = urljoin(current, response.headers["location"])
                        continue
                    if response.status_code >= 400:
                        raise FetchFailed(f"{current} answered HTTP {response.status_code}.")
                    declared = response.headers.get("content-length")
                    expected = int(declared) if declared and declared.isdigit() else None
                    if expected is not None and expected > max_bytes:
                        raise _too_large(current, max_bytes)
                    received = 0
                    for chunk in response.iter_bytes():
                        received += len(chunk)
                        if received > max_bytes:
                            raise _too_large(current, max_bytes)
                        sink.write(chunk)
                        if progress:
                            progress(received, expected)
                    content_type = response.headers.get("content-type", "")
                    return current, response.status_code, content_type
            raise FetchFailed(f"{url} redirected more than {MAX_REDIRECTS} times.")
    except httpx.TimeoutException:
        raise FetchFailed(
            f"{current} did not answer within {settings.fetch_timeout_seconds:g} seconds."
        ) from None
    except httpx.HTTPError as error:
        raise FetchFailed(f"Could not fetch {current}: {error}.") from None


def _too_large(url: str, max_bytes: int) -> FetchRefused:
    return FetchRefused(f"{url} is larger than the {max_bytes / 1024 / 1024:g} MB limit.")


def fetch(url: str, *, settings: Settings, max_bytes: int | None = None) -> Fetched:
    """Download ``url`` into memory (at most ``max_bytes``, default the setting)."""
    import io

    buffer = io.BytesIO()
    final, status, content_type = _download(
        url,
        buffer,
        settings=settings,
        max_bytes=max_bytes or settings.fetch_max_bytes,
        progress=None,
    )
    return Fetched(url, final, status, content_type, buffer.getvalue())


def fetch_to_file(
    url: str,
    dest: Path,
    *,
    settings: Settings,
    max_bytes: int,
    progress: Progress | None = None,
) -> Path:
    """Stream ``url`` into ``dest``; a partial file never replaces a complete one."""
    partial = dest.with_name(dest.name + ".part")
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        with partial.open("wb") as sink:
            _download(url, sink, settings=settings, max_bytes=max_bytes, progress=progress)
        partial.replace(dest)
    finally:
        partial.unlink(missing_ok=True)
    return dest
