"""Whole-site research against a real local site: links, sitemap, robots.txt, the page cap."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.orm import Session

from coffeechat.config import Settings
from coffeechat.errors import Invalid
from coffeechat.models import User
from coffeechat.research.service import list_facts
from coffeechat.research.site import MAX_PAGES, categorise, research_site
from tests.conftest import Cli
from tests.research.conftest import Site


def _html(title: str, body: str) -> str:
    head = f"<html><head><title>{title}</title></head>"
    return f"{head}<body><main><h1>{title}</h1>{body}</main></body></html>"


HOME = _html(
    "Copperkettle Cooperative",
    "<p>Copperkettle is a worker-owned bakery cooperative with six shops in Tacoma.</p>"
    "<ul><li><a href='/about-us'>About us</a></li><li><a href='/careers'>Careers</a></li>"
    "<li><a href='/news'>News</a></li><li><a href='/private/values'>Values</a></li>"
    "<li><a href='/contact'>Contact</a></li><li><a href='/menu.pdf'>Menu</a></li>"
    "<li><a href='https://elsewhere.example/about'>Partner</a></li></ul>",
)
PAGES = {
    "/about-us": _html(
        "About us",
        "<h2>Our mission</h2><p>We exist to bake honest bread and share the ownership "
        "of the ovens with the people who run them.</p>",
    ),
    "/careers": _html(
        "Careers",
        "<h2>Life at Copperkettle</h2><p>Our teams plan their own schedules, and new "
        "members get a mentor for their first year.</p><p>Aprons are provided; jeans are fine.</p>",
    ),
    "/news": _html("News", "<p>On April 2, 2024 we opened our sixth shop, on Pacific Avenue.</p>"),
    "/our-values": _html(
        "Our values",
        "<ul><li>Shared ownership: every worker can become a member.</li>"
        "<li>Thrift: day-old bread goes to the food bank.</li></ul>",
    ),
}


def _robots(site: Site, rules: str = "Disallow: /private/") -> None:
    site.page(
        "/robots.txt", f"User-agent: *\n{rules}\nSitemap: {site.url}/sitemap.xml\n", "text/plain"
    )


def _build(site: Site) -> str:
    _robots(site)
    site.page(
        "/sitemap.xml",
        "<?xml version='1.0'?><urlset><url><loc>" + site.url + "/our-values</loc></url>"
        "<url><loc>" + site.url + "/about-us</loc></url></urlset>",
        "application/xml",
    )
    for path, body in PAGES.items():
        site.page(path, body)
    return site.page("/", HOME)


def test_it_reads_the_key_pages_from_links_and_the_sitemap(
    session: Session, owner: User, settings: Settings, site: Site
) -> None:
    home = _build(site)
    steps: list[tuple[int, int]] = []
    report = research_site(
        session,
        owner=owner,
        organization="Copperkettle",
        url=home,
        settings=settings,
        progress=lambda done, total, _url: steps.append((done, total)),
    )
    assert [(p.url.removeprefix(site.url), p.category, p.status) for p in report.pages] == [
        ("/", "home", "added"),
        ("/private/values", "values", "skipped"),
        ("/our-values", "values", "added"),
        ("/careers", "careers", "added"),
        ("/news", "news", "added"),
        ("/about-us", "about", "added"),
    ]
    assert report.pages[1].reason == "robots.txt disallows it"
    assert "/private/values" not in site.requested
    assert not any("elsewhere" in path or path.endswith(".pdf") for path in site.requested)
    where = report.found_where()
    assert where["mission"] == [site.url + "/about-us"]
    assert where["value"] == [site.url + "/our-values"]
    assert where["dress_cue"] == [site.url + "/careers"]
    assert where["news"] == [site.url + "/news"]
    assert steps[-1] == (5, 5) and len(steps) == 5
    _, facts = list_facts(session, owner=owner, organization="Copperkettle", kinds=["mission"])
    assert [f.text for f in facts] == [
        "We exist to bake honest bread and share the ownership of the ovens with the people "
        "who run them."
    ]


def test_it_reads_one_page_at_a_time_in_a_fixed_order(
    session: Session, owner: User, settings: Settings, site: Site
) -> None:
    home = _build(site)
    research_site(session, owner=owner, organization="Copperkettle", url=home, settings=settings)
    assert site.requested == [
        "/robots.txt",
        "/",
        "/sitemap.xml",
        "/our-values",
        "/careers",
        "/news",
        "/about-us",
    ]


def test_it_reads_at_most_twelve_pages(
    session: Session, owner: User, settings: Settings, site: Site
) -> None:
    _robots(site, "")
    links = "".join(f"<a href='/news/item-{n}'>Story {n}</a> " for n in range(30))
    home = site.page("/", _html("Busy Newsroom Ltd", f"<p>We publish a lot of news.</p>{links}"))
    for n in range(30):
        site.page(
            f"/news/item-{n}",
            _html(f"Story {n}", f"<p>On May {n % 28 + 1}, 2024 we launched another thing.</p>"),
        )
    report = research_site(session, owner=owner, organization="Busy", url=home, settings=settings)
    assert len(report.pages) == MAX_PAGES
    assert len([path for path in site.requested if path.startswith("/news/")]) == MAX_PAGES - 1


def test_reading_again_updates_the_pages_instead_of_duplicating(
    session: Session, owner: User, settings: Settings, site: Site
) -> None:
    home = _build(site)
    research_site(session, owner=owner, organization="Copperkettle", url=home, settings=settings)
    again = research_site(
        session, owner=owner, organization="Copperkettle", url=home, settings=settings
    )
    assert {p.status for p in again.pages} == {"updated", "skipped"}


def test_a_sitemap_index_is_followed_one_level_down(
    session: Session, owner: User, settings: Settings, site: Site
) -> None:
    site.page("/", _html("Tern Labs", "<p>Tern Labs makes tide gauges.</p>"))
    site.page(
        "/sitemap.xml",
        f"<sitemapindex><sitemap><loc>{site.url}/pages.xml</loc></sitemap></sitemapindex>",
        "application/xml",
    )
    site.page("/pages.xml", f"<urlset><url><loc>{site.url}/about-us</loc></url></urlset>")
    site.page("/about-us", PAGES["/about-us"])
    report = research_site(
        session, owner=owner, organization="Tern", url=site.url + "/", settings=settings
    )
    assert [p.url.removeprefix(site.url) for p in report.pages] == ["/", "/about-us"]
    assert "/pages.xml" in site.requested


def test_a_site_that_forbids_robots_is_not_read(
    session: Session, owner: User, settings: Settings, site: Site
) -> None:
    _robots(site, "Disallow: /")
    home = site.page("/", HOME)
    with pytest.raises(Invalid, match="robots.txt does not allow reading"):
        research_site(session, owner=owner, organization="Shy", url=home, settings=settings)
    assert site.requested == ["/robots.txt"]


def test_a_missing_robots_txt_allows_everything(
    session: Session, owner: User, settings: Settings, site: Site
) -> None:
    home = site.page("/", HOME)
    site.page("/about-us", PAGES["/about-us"])
    report = research_site(session, owner=owner, organization="Open", url=home, settings=settings)
    statuses = {p.url.removeprefix(site.url): p.status for p in report.pages}
    assert statuses["/about-us"] == "added"
    assert statuses["/careers"] == "skipped"  # a 404: reported, not fatal


def test_links_are_sorted_by_path_and_by_link_text() -> None:
    assert categorise("https://x.example/who-we-are") == "about"
    assert categorise("https://x.example/p/17", "Our Mission") == "mission"
    assert categorise("https://x.example/jobs") == "careers"
    assert categorise("https://x.example/life-at-x") == "culture"
    assert categorise("https://x.example/press-releases") == "news"
    assert categorise("https://x.example/shop") is None


def test_the_site_command_prints_a_summary_of_what_was_found_where(cli: Cli, site: Site) -> None:
    home = _build(site)
    cli.env["COFFEECHAT_ALLOW_PRIVATE_FETCH"] = "1"
    result = cli("research", "site", "Copperkettle", home)
    assert result.exit_code == 0, result.stderr
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[0] == f"Copperkettle: read 5 of 6 pages of {site.url}/"
    assert "  mission: /about-us" in lines
    assert lines[-1] == "Review the facts: coffeechat research facts Copperkettle"
    data = json.loads(cli("research", "site", "Copperkettle", home, "--json").stdout)
    assert data["pages"][-1] == {
        "url": f"{site.url}/about-us",
        "category": "about",
        "status": "updated",
        "reason": None,
        "source_id": 5,
        "facts": {"mission": 1},
    }
