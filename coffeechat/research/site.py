"""Whole-site research: from the home page to the pages that say who an organization is.

Candidate pages come from the home page's links and the sitemap, sorted into about,
mission, values, careers, culture and news. At most 12 pages are read, one request at a
time, each through the guarded fetcher and only where robots.txt allows it.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from sqlalchemy.orm import Session

from coffeechat.config import Settings
from coffeechat.errors import CoffeechatError, Invalid
from coffeechat.fetch import FetchFailed, fetch
from coffeechat.models import Organization, User
from coffeechat.research.documents import MAX_URL_LENGTH, RawInput
from coffeechat.research.ingest import analyse_raw, store
from coffeechat.research.service import organization_for

MAX_PAGES = 12
ROBOTS_AGENT = "Coffeechat"
MAX_CRAWL_DELAY = 5.0

# Order matters: a page is filed under the first category whose words it shows.
CATEGORIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("mission", re.compile(r"mission|purpose|why[-_ ]we", re.I)),
    ("values", re.compile(r"values|principles|what[-_ ]we[-_ ]believe", re.I)),
    ("culture", re.compile(r"culture|life[-_ ]at|working[-_ ](here|at)|our[-_ ]people", re.I)),
    ("careers", re.compile(r"careers?|jobs|join[-_ ](us|the[-_ ]team)|vacancies", re.I)),
    ("news", re.compile(r"news|press|announcements|media[-_ ]cent|updates", re.I)),
    ("about", re.compile(r"about|who[-_ ]we[-_ ]are|our[-_ ]story|company|history", re.I)),
)
_LOC = re.compile(r"<loc>\s*(.*?)\s*</loc>", re.I | re.S)
_SKIP = re.compile(r"\.(pdf|jpe?g|png|gif|svg|zip|mp4|mp3|css|js|ico|xml)$", re.I)

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class PageResult:
    url: str
    category: str
    status: str  # added, updated or skipped
    reason: str = ""
    source_id: int | None = None
    kinds: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class SiteReport:
    organization: str
    pages: list[PageResult]

    def found_where(self) -> dict[str, list[str]]:
        """For each fact kind, the pages it was found on."""
        where: dict[str, list[str]] = {}
        for page in self.pages:
            for kind in page.kinds:
                where.setdefault(kind, []).append(page.url)
        return where


def categorise(url: str, label: str = "") -> str | None:
    """The category a link's path or text points to, if any."""
    path = urlsplit(url).path
    for name, pattern in CATEGORIES:
        if pattern.search(path) or pattern.search(label):
            return name
    return None


def _same_site(url: str, home: str) -> bool:
    def host(value: str) -> str:
        name = urlsplit(value).netloc.lower()
        return name[4:] if name.startswith("www.") else name

    return urlsplit(url).scheme in ("http", "https") and host(url) == host(home)


def page_links(page: str, base: str) -> list[tuple[str, str]]:
    """(absolute URL, link text) for each link of an HTML page, in page order."""
    from lxml import html as lxml_html
    from lxml.etree import ParserError

    try:
        tree = lxml_html.fromstring(page)
    except (ParserError, ValueError):  # an empty or broken document has no links
        return []
    links = []
    for anchor in tree.iter("a"):
        href = anchor.get("href")
        if href:
            links.append((urldefrag(urljoin(base, href.strip()))[0], anchor.text_content().strip()))
    return links


def sitemap_urls(xml: str) -> list[str]:
    return [html.unescape(loc) for loc in _LOC.findall(xml)]


class _Crawler:
    def __init__(self, home: str, settings: Settings) -> None:
        self.home = home
        self.settings = settings
        self.robots = RobotFileParser()
        self.delay = 0.0
        self._last = 0.0

    def get(self, url: str) -> RawInput:
        """One request at a time, spaced by the site's crawl delay (capped)."""
        wait = self._last + self.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        try:
            fetched = fetch(url, settings=self.settings)
        finally:
            self._last = time.monotonic()
        return RawInput(fetched.body, url=fetched.final_url, content_type=fetched.content_type)

    def read_robots(self) -> list[str]:
        """Load robots.txt (missing means everything is allowed); its sitemap lines."""
        try:
            body = self.get(urljoin(self.home, "/robots.txt")).data
        except FetchFailed:
            self.robots.parse([])
            return []
        self.robots.parse(body.decode("utf-8", "replace").splitlines())
        delay = self.robots.crawl_delay(ROBOTS_AGENT)
        self.delay = min(float(delay), MAX_CRAWL_DELAY) if delay else 0.0
        return list(self.robots.site_maps() or [])

    def allowed(self, url: str) -> bool:
        return self.robots.can_fetch(ROBOTS_AGENT, url)

    def sitemap(self, sitemaps: list[str]) -> list[str]:
        """Page URLs from the sitemap, following a sitemap index one level down.

        At most three sitemap files are read, so a huge index cannot eat the budget.
        """
        queue = list(sitemaps) or [urljoin(self.home, "/sitemap.xml")]
        urls: list[str] = []
        read = 0
        while queue and read < 3:
            address = queue.pop(0)
            if not self.allowed(address):
                continue
            read += 1
            try:
                found = sitemap_urls(self.get(address).data.decode("utf-8", "replace"))
            except CoffeechatError:
                continue
            for url in found:
                if urlsplit(url).path.endswith(".xml"):
                    if read == 1:
                        queue.append(url)
                else:
                    urls.append(url)
        return urls


def choose_pages(home: str, candidates: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Up to MAX_PAGES - 1 (url, category) pairs, spreading the picks over categories."""
    by_category: dict[str, list[str]] = {name: [] for name, _ in CATEGORIES}
    seen = {home.rstrip("/")}
    for url, label in candidates:
        key = url.rstrip("/")
        category = categorise(url, label)
        unusable = len(url) > MAX_URL_LENGTH or _SKIP.search(url) or not _same_site(url, home)
        if key in seen or category is None or unusable:
            continue
        seen.add(key)
        by_category[category].append(url)
    chosen: list[tuple[str, str]] = []
    while len(chosen) < MAX_PAGES - 1 and any(by_category.values()):
        for name, _ in CATEGORIES:
            if by_category[name] and len(chosen) < MAX_PAGES - 1:
                chosen.append((by_category[name].pop(0), name))
    return chosen


def research_site(
    session: Session,
    *,
    owner: User,
    organization: str,
    url: str,
    settings: Settings,
    progress: Progress | None = None,
) -> SiteReport:
    """Read an organization's key pages from its home page and store their facts."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise Invalid("url", f"{url!r} is not a web address (http:// or https://)")
    org = organization_for(session, owner=owner, ref=organization)
    crawler = _Crawler(url, settings)
    sitemaps = crawler.read_robots()
    if not crawler.allowed(url):
        raise Invalid("url", f"the site's robots.txt does not allow reading {url}")
    home = crawler.get(url)
    results = [_ingest(session, owner, org, home, "home")]
    home_html = home.data.decode("utf-8", "replace")
    candidates = page_links(home_html, home.url or url)
    candidates += [(found, "") for found in crawler.sitemap(sitemaps)]
    allowed = [link for link in candidates if crawler.allowed(link[0])]
    blocked = [link for link in candidates if not crawler.allowed(link[0])]
    for page, category in choose_pages(home.url or url, blocked):
        results.append(PageResult(page, category, "skipped", "robots.txt disallows it"))
    pages = choose_pages(home.url or url, allowed)
    total = len(pages) + 1
    if progress:
        progress(1, total, home.url or url)
    for done, (page, category) in enumerate(pages, start=2):
        try:
            results.append(_ingest(session, owner, org, crawler.get(page), category))
        except CoffeechatError as error:
            results.append(PageResult(page, category, "skipped", str(error)))
        if progress:
            progress(done, total, page)
    return SiteReport(org.name, results)


def _ingest(
    session: Session, owner: User, org: Organization, raw: RawInput, category: str
) -> PageResult:
    url = raw.url or ""
    try:
        analysis = analyse_raw(raw)
    except CoffeechatError as error:
        return PageResult(url, category, "skipped", str(error))
    ingested = store(session, owner=owner, analysis=analysis, organization=org)
    kinds: dict[str, int] = {}
    for fact in ingested.facts:
        kinds[fact.kind] = kinds.get(fact.kind, 0) + 1
    status = "added" if ingested.created else "updated"
    return PageResult(url, category, status, source_id=ingested.source.id, kinds=kinds)
