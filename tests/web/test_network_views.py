"""The network picture: people grouped by organization, referral lines, links to people."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from coffeechat.models import User
from coffeechat.network.picture import network_picture
from tests.factories import make_person
from tests.web.conftest import page


def test_an_empty_network_says_what_to_do(client: TestClient) -> None:
    soup = page(client.get("/network"))
    assert soup.select_one("section.empty a[href='/people/new']") is not None


def test_people_are_dots_grouped_by_organization_with_referral_lines(
    client: TestClient, db: Session, me: User
) -> None:
    priya = make_person(db, me, "Priya", org="Northwind")
    elena = make_person(db, me, "Elena", org="Northwind", referred_by=priya.id)
    make_person(db, me, "Sam", org="Brightpath", referred_by=priya.id)
    make_person(db, me, "Lone")
    soup = page(client.get("/network"))
    svg = soup.select_one("svg.network")
    assert svg["role"] == "img"
    assert "4 people in 3 organizations, with 2 referrals" in svg.title.get_text()
    names = sorted(t.get_text() for t in svg.select("text.cluster-name"))
    assert names == ["Brightpath", "No organization", "Northwind"]
    links = {a["href"]: a["aria-label"] for a in svg.select("a")}
    assert links[f"/people/{elena.id}"] == "Elena"
    assert len(svg.select("line.referral")) == 2


def test_the_picture_never_overlaps_clusters(db: Session, me: User) -> None:
    for number in range(60):
        make_person(db, me, f"P{number}", org=f"Organization number {number % 9}")
    picture = network_picture(db, owner=me)
    for index, one in enumerate(picture.clusters):
        for other in picture.clusters[index + 1 :]:
            distance = ((one.x - other.x) ** 2 + (one.y - other.y) ** 2) ** 0.5
            assert distance >= one.radius + other.radius
        assert one.x + one.radius <= picture.width
    assert len({(n.x, n.y) for n in picture.nodes}) == 60


def test_a_big_network_shows_the_best_connected_first(db: Session, me: User) -> None:
    hub = make_person(db, me, "Hub")
    for number in range(12):
        make_person(db, me, f"Friend {number}", referred_by=hub.id)
    for number in range(20):
        make_person(db, me, f"Stranger {number}")
    picture = network_picture(db, owner=me, limit=13)
    assert picture.total == 33 and picture.shown == 13
    assert {n.name for n in picture.nodes} == {"Hub"} | {f"Friend {n}" for n in range(12)}


def test_the_progress_chart_counts_conversations_and_referrals_by_month(
    client: TestClient, db: Session, me: User
) -> None:
    from coffeechat.models import utcnow
    from tests.factories import make_interview

    priya = make_person(db, me, "Priya")
    make_person(db, me, "Elena", referred_by=priya.id)
    for _ in range(2):
        interview = make_interview(db, me, priya)
        interview.stage, interview.held_at = "held", utcnow()
    db.flush()
    soup = page(client.get("/network"))
    rows = soup.select("section[aria-labelledby=progress-h] table tbody tr")
    assert len(rows) == 12
    month, conversations, referrals = (td.get_text() for td in rows[-1].select("td"))
    assert month == utcnow().strftime("%Y-%m")
    assert (conversations, referrals) == ("2", "1")
    assert len(soup.select("svg.chart rect.conversations")) == 12


def test_warmth_colours_the_dots(client: TestClient, db: Session, me: User) -> None:
    from coffeechat.models import utcnow
    from tests.factories import make_interview

    met = make_person(db, me, "Met Recently")
    interview = make_interview(db, me, met)
    interview.stage, interview.held_at = "held", utcnow()
    make_person(db, me, "Fellow Alum", how_met="alumni")
    make_person(db, me, "Stranger")
    db.flush()
    svg = page(client.get("/network")).select_one("svg.network")
    colour = {a["aria-label"]: a.circle["class"][1] for a in svg.select("a")}
    assert colour == {
        "Met Recently": "warm-high",
        "Fellow Alum": "warm-mid",
        "Stranger": "warm-none",
    }
