"""Storing sources and facts: once per page, updated on re-adding, user decisions kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coffeechat.config import Settings
from coffeechat.errors import Invalid, NotFound
from coffeechat.fetch import FetchRefused
from coffeechat.models import Fact, Source, User
from coffeechat.research.service import (
    add_page,
    confirm_fact,
    edit_fact,
    list_facts,
    reject_fact,
)
from coffeechat.search import search
from tests.factories import make_org
from tests.research.conftest import Site

PAGE = """<html><head><title>About Orchard Lane</title></head><body><main>
<h1>About Orchard Lane</h1>
<h2>Our mission</h2><p>Our mission is to keep family orchards in business for another century.</p>
<h2>Life at Orchard Lane</h2><p>Our teams work flexible hours during the off season.</p>
</main></body></html>"""


def _count(session: Session, model: type[Source] | type[Fact]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_adding_a_page_stores_a_source_and_its_facts(
    session: Session, owner: User, settings: Settings, tmp_path: Path
) -> None:
    ingested = add_page(
        session,
        owner=owner,
        organization="Orchard Lane",
        ref=_write(tmp_path, "a.html", PAGE),
        settings=settings,
    )
    assert ingested.created
    assert ingested.source.title == "About Orchard Lane"
    assert [(f.kind, f.text) for f in ingested.facts] == [
        ("mission", "Our mission is to keep family orchards in business for another century."),
        ("culture", "Our teams work flexible hours during the off season."),
    ]
    for fact in ingested.facts:
        assert ingested.source.text[fact.start : fact.end] == fact.text
        assert fact.organization_id == ingested.source.organization_id


def test_adding_the_same_content_again_updates_instead_of_duplicating(
    session: Session, owner: User, settings: Settings, tmp_path: Path
) -> None:
    ref = _write(tmp_path, "a.html", PAGE)
    first = add_page(session, owner=owner, organization="Orchard Lane", ref=ref, settings=settings)
    again = add_page(session, owner=owner, organization="orchard lane", ref=ref, settings=settings)
    assert not again.created and again.source.id == first.source.id
    assert [f.id for f in again.facts] == [f.id for f in first.facts]
    assert _count(session, Source) == 1 and _count(session, Fact) == 2


def test_a_changed_page_at_the_same_url_is_updated_and_its_facts_derived_anew(
    session: Session, owner: User, settings: Settings, site: Site
) -> None:
    url = site.page("/about", PAGE)
    first = add_page(session, owner=owner, organization="Orchard Lane", ref=url, settings=settings)
    site.page("/about", PAGE.replace("flexible hours", "four-day weeks, with mentoring,"))
    again = add_page(session, owner=owner, organization="Orchard Lane", ref=url, settings=settings)
    assert again.source.id == first.source.id and not again.created
    assert [f.text for f in again.facts][1] == (
        "Our teams work four-day weeks, with mentoring, during the off season."
    )
    assert again.facts[0].id == first.facts[0].id  # the unchanged mission kept its row
    assert _count(session, Fact) == 2


def test_a_rejected_fact_stays_rejected_when_the_page_is_added_again(
    session: Session, owner: User, settings: Settings, site: Site
) -> None:
    url = site.page("/about", PAGE)
    first = add_page(session, owner=owner, organization="Orchard Lane", ref=url, settings=settings)
    reject_fact(session, owner=owner, fact_id=first.facts[0].id)
    site.page("/about", PAGE.replace("<h1>", "<p>Welcome, friends of the orchard.</p><h1>"))
    add_page(session, owner=owner, organization="Orchard Lane", ref=url, settings=settings)
    _, shown = list_facts(session, owner=owner, organization="Orchard Lane")
    assert [f.kind for f in shown] == ["culture"]
    _, everything = list_facts(
        session, owner=owner, organization="Orchard Lane", include_rejected=True
    )
    assert [(f.kind, f.status) for f in everything] == [("mission", "rejected"), ("culture", "new")]


def test_the_same_sentence_rejected_on_one_page_is_rejected_on_another(
    session: Session, owner: User, settings: Settings, tmp_path: Path
) -> None:
    first = add_page(
        session,
        owner=owner,
        organization="Orchard Lane",
        ref=_write(tmp_path, "a.html", PAGE),
        settings=settings,
    )
    reject_fact(session, owner=owner, fact_id=first.facts[0].id)
    other = add_page(
        session,
        owner=owner,
        organization="Orchard Lane",
        ref=_write(
            tmp_path,
            "b.txt",
            "Our mission is to keep family orchards in business for another century!",
        ),
        settings=settings,
    )
    assert [(f.kind, f.status) for f in other.facts] == [("mission", "rejected")]


def test_confirm_and_edit_keep_the_original_sentence(
    session: Session, owner: User, settings: Settings, tmp_path: Path
) -> None:
    ingested = add_page(
        session,
        owner=owner,
        organization="Orchard Lane",
        ref=_write(tmp_path, "a.html", PAGE),
        settings=settings,
    )
    mission, culture = ingested.facts
    assert confirm_fact(session, owner=owner, fact_id=culture.id).status == "confirmed"
    edited = edit_fact(session, owner=owner, fact_id=mission.id, text="  Keep orchards going. ")
    assert (edited.edited_text, edited.status) == ("Keep orchards going.", "confirmed")
    assert edited.shown_text == "Keep orchards going."
    assert edited.text.startswith("Our mission is to keep family orchards")
    with pytest.raises(Invalid, match="text: must not be empty"):
        edit_fact(session, owner=owner, fact_id=mission.id, text="   ")


def test_facts_are_searchable_and_rejected_ones_are_not(
    session: Session, owner: User, settings: Settings, tmp_path: Path
) -> None:
    ingested = add_page(
        session,
        owner=owner,
        organization="Orchard Lane",
        ref=_write(tmp_path, "a.html", PAGE),
        settings=settings,
    )
    assert [hit.title for hit in search(session, owner=owner, query="orchards century")] == [
        "Mission · Orchard Lane"
    ]
    reject_fact(session, owner=owner, fact_id=ingested.facts[0].id)
    session.flush()
    assert search(session, owner=owner, query="orchards century") == []


def test_another_owners_facts_are_out_of_reach(
    session: Session, owner: User, stranger: User, settings: Settings, tmp_path: Path
) -> None:
    ingested = add_page(
        session,
        owner=owner,
        organization="Orchard Lane",
        ref=_write(tmp_path, "a.html", PAGE),
        settings=settings,
    )
    make_org(session, stranger, "Orchard Lane")
    with pytest.raises(NotFound):
        reject_fact(session, owner=stranger, fact_id=ingested.facts[0].id)
    _, theirs = list_facts(session, owner=stranger, organization="Orchard Lane")
    assert theirs == []


def test_a_refused_download_stores_nothing(
    session: Session, owner: User, settings: Settings, site: Site
) -> None:
    with pytest.raises(FetchRefused):
        add_page(
            session,
            owner=owner,
            organization="Orchard Lane",
            ref=site.url + "/huge",
            settings=settings,
        )
    assert _count(session, Source) == 0 and _count(session, Fact) == 0


def test_listing_by_kind_checks_the_kind(
    session: Session, owner: User, settings: Settings, tmp_path: Path
) -> None:
    add_page(
        session,
        owner=owner,
        organization="Orchard Lane",
        ref=_write(tmp_path, "a.html", PAGE),
        settings=settings,
    )
    _, missions = list_facts(session, owner=owner, organization="Orchard Lane", kinds=["mission"])
    assert [f.kind for f in missions] == ["mission"]
    with pytest.raises(Invalid, match="kind: 'slogan' is not a fact kind"):
        list_facts(session, owner=owner, organization="Orchard Lane", kinds=["slogan"])
