"""Finding occupations by title, alternate title and misspelt title."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from coffeechat.careers.onet_import import ImportReport
from coffeechat.careers.search import search_careers, words
from coffeechat.errors import Invalid
from tests.careers.conftest import DEV, NURSE, PAINTER, RELEASE, Loader


def test_it_finds_an_occupation_by_its_title(session: Session, release: ImportReport) -> None:
    hits = search_careers(session, "software developer")
    assert hits[0].code == DEV
    assert hits[0].title == hits[0].matched == "Software Developers"
    assert hits[0].score == 100


def test_it_finds_an_occupation_by_an_alternate_title(
    session: Session, release: ImportReport
) -> None:
    hit = search_careers(session, "backend engineer")[0]
    assert (hit.code, hit.title, hit.matched) == (DEV, "Software Developers", "Backend Engineer")


def test_it_forgives_typos(session: Session, release: ImportReport) -> None:
    assert search_careers(session, "sofware develper")[0].code == DEV
    assert search_careers(session, "registred nurse")[0].code == NURSE
    assert search_careers(session, "hous paintr")[0].code == PAINTER


def test_it_matches_the_beginning_of_a_word(session: Session, release: ImportReport) -> None:
    assert search_careers(session, "paint")[0].code == PAINTER


def test_it_lists_each_occupation_once_with_its_best_title(
    session: Session, release: ImportReport
) -> None:
    hits = search_careers(session, "nurse")
    assert [h.code for h in hits] == [NURSE]
    # "Staff Nurse" matches as well, but the occupation's own title is preferred.
    assert hits[0].matched == "Registered Nurses"


def test_better_matches_rank_first(session: Session, load_release: Loader) -> None:
    occupations = [
        *RELEASE["Occupation Data.txt"],
        ["29-1171.00", "Nurse Practitioners", "Diagnose and treat patients."],
    ]
    load_release({"Occupation Data.txt": occupations})
    hits = search_careers(session, "registered nurse")
    assert [h.code for h in hits] == [NURSE, "29-1171.00"]
    assert hits[0].score > hits[1].score


def test_unrelated_words_find_nothing(session: Session, release: ImportReport) -> None:
    assert search_careers(session, "astronaut") == []


def test_an_empty_query_is_refused(session: Session, release: ImportReport) -> None:
    with pytest.raises(Invalid, match="text"):
        search_careers(session, "  ?! ")


def test_a_new_import_refreshes_the_index(session: Session, load_release: Loader) -> None:
    load_release()
    assert search_careers(session, "backend engineer")
    load_release({"Occupation Data.txt": RELEASE["Occupation Data.txt"][:3]})
    assert search_careers(session, "backend engineer") == []
    assert search_careers(session, "nurse")[0].matched == "Registered Nurses"


def test_search_words_fold_case_accents_and_plurals() -> None:
    assert words("Nurses & Thérapists of the Sea") == ["nurse", "therapist", "sea"]
    assert words("Secretaries") == ["secretary"]
