from __future__ import annotations

import json

import pytest
from sqlalchemy.orm import Session

from coffeechat.errors import Invalid
from coffeechat.models import Fact, Source, User
from coffeechat.network.people import edit_person, remove_person
from coffeechat.search import fold, search
from tests.conftest import Cli
from tests.factories import make_interview, make_org, make_person


def _found(session: Session, owner: User, query: str) -> list[tuple[str, str]]:
    return [(hit.kind, hit.title) for hit in search(session, owner=owner, query=query)]


def test_a_prefix_finds_the_whole_word(session: Session, owner: User) -> None:
    make_person(session, owner, "Priya Natarajan", title="Senior Data Analyst")
    make_person(session, owner, "Tom Baker", title="Chef")
    assert _found(session, owner, "anal") == [("person", "Priya Natarajan")]


def test_accents_are_folded_both_ways(session: Session, owner: User) -> None:
    make_person(session, owner, "Zoë Álvarez", notes="Met at the café")
    make_person(session, owner, "Jose Garcia")
    assert _found(session, owner, "zoe alvarez") == [("person", "Zoë Álvarez")]
    assert _found(session, owner, "José") == [("person", "Jose Garcia")]
    assert _found(session, owner, "cafe") == [("person", "Zoë Álvarez")]


def test_every_word_must_match(session: Session, owner: User) -> None:
    make_person(session, owner, "Ada Lovelace", title="Analyst")
    make_person(session, owner, "Ada Byron", title="Poet")
    assert _found(session, owner, "ada anal") == [("person", "Ada Lovelace")]


def test_it_finds_organizations_interview_notes_and_facts(session: Session, owner: User) -> None:
    org = make_org(session, owner, "Northwind Health", industry="healthcare")
    interview = make_interview(session, owner, make_person(session, owner, "Priya"))
    interview.notes = "She said hiring managers want a portfolio project."
    source = Source(owner_id=owner.id, organization_id=org.id, content_hash="x", text="…")
    source.facts.append(
        Fact(
            owner_id=owner.id,
            organization_id=org.id,
            kind="mission",
            text="Our mission is care close to home.",
            start=0,
            end=33,
        )
    )
    session.add(source)
    session.flush()
    assert _found(session, owner, "healthc") == [("organization", "Northwind Health")]
    assert _found(session, owner, "portfolio") == [("interview", "Interview with Priya")]
    assert _found(session, owner, "close home") == [("fact", "Mission · Northwind Health")]


def test_rejected_facts_are_not_found(session: Session, owner: User) -> None:
    source = Source(owner_id=owner.id, content_hash="x", text="…")
    fact = Fact(owner_id=owner.id, kind="mission", text="We exist to delight.", start=0, end=20)
    source.facts.append(fact)
    session.add(source)
    session.flush()
    assert len(search(session, owner=owner, query="delight")) == 1
    fact.status = "rejected"
    session.flush()
    assert search(session, owner=owner, query="delight") == []


def test_the_snippet_shows_and_marks_the_match(session: Session, owner: User) -> None:
    long_notes = "Grew up by the sea. " * 5 + "Now leads the readmissions dashboard team."
    make_person(session, owner, "Priya", notes=long_notes)
    (hit,) = search(session, owner=owner, query="readmission")
    assert hit.snippet.startswith("…") and "readmissions dashboard" in hit.snippet
    ((start, end),) = hit.matches
    assert hit.snippet[start:end] == "readmissions"


def test_better_matches_rank_first(session: Session, owner: User) -> None:
    make_person(session, owner, "Someone Else", notes="once mentioned a designer friend")
    make_person(session, owner, "Dana Designer", title="Designer")
    hits = search(session, owner=owner, query="designer")
    assert [h.title for h in hits] == ["Dana Designer", "Someone Else"]
    assert [h.rank for h in hits] == [1, 2]


def test_the_index_follows_edits_and_removals(session: Session, owner: User) -> None:
    person = make_person(session, owner, "Ada", title="Analyst")
    edit_person(session, owner=owner, person_id=person.id, title="Engineer", tags=["rust"])
    assert _found(session, owner, "analyst") == []
    assert _found(session, owner, "engin") == [("person", "Ada")]
    assert _found(session, owner, "rust") == [("person", "Ada")]
    remove_person(session, owner=owner, person_id=person.id)
    assert _found(session, owner, "ada") == []


def test_other_owners_rows_are_never_found(session: Session, owner: User, stranger: User) -> None:
    make_person(session, stranger, "Secret Contact")
    assert _found(session, owner, "secret") == []
    assert _found(session, stranger, "secret") == [("person", "Secret Contact")]


@pytest.mark.parametrize("query", ["", "   ", "?!*", '"'])
def test_a_query_without_words_is_refused(session: Session, owner: User, query: str) -> None:
    with pytest.raises(Invalid) as raised:
        search(session, owner=owner, query=query)
    assert raised.value.field == "query"


def test_search_syntax_in_the_query_is_treated_as_words(session: Session, owner: User) -> None:
    make_person(session, owner, "Ada OR Lovelace", notes="NEAR the AND gate")
    assert _found(session, owner, 'ada" OR "x') == []
    assert _found(session, owner, "near and") == [("person", "Ada OR Lovelace")]


def test_fold_keeps_every_position() -> None:
    for text in ("Zoë Álvarez", "Straße", "İstanbul", "naïve café"):
        assert len(fold(text)) == len(text)
    assert fold("Zoë Álvarez") == "zoe alvarez"


def test_the_search_command_prints_hits_and_json(cli: Cli) -> None:
    cli("people", "add", "Priya Natarajan", "--title", "Data Analyst", "--org", "Northwind")
    plain = cli("search", "analy")
    assert plain.exit_code == 0
    assert plain.stdout.splitlines()[0] == "Priya Natarajan person 1"
    hits = json.loads(cli("search", "analy", "--json").stdout)
    assert hits == [
        {
            "kind": "person",
            "id": 1,
            "title": "Priya Natarajan",
            "snippet": "Data Analyst at Northwind",
            "matches": [[5, 12]],
            "rank": 1,
        }
    ]
    none = cli("search", "zebra")
    assert none.exit_code == 0 and none.stdout == "Nothing matches 'zebra'.\n"
    empty = cli("search", "  ")
    assert empty.exit_code == 2
    assert empty.stderr == "Error: query: type at least one letter or digit to search for\n"
