"""The career dossier built from the imported O*NET data."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from coffeechat.careers.dossier import (
    Share,
    Technology,
    WorkplaceItem,
    career_dossier,
    parse_code,
    remote_hint,
)
from coffeechat.careers.onet_import import ImportReport
from coffeechat.errors import Conflict, Invalid, NotFound
from tests.careers.conftest import DEV, NURSE, PAINTER, Loader, only


def test_the_typical_day_lists_tasks_most_important_first(
    session: Session, release: ImportReport
) -> None:
    tasks = career_dossier(session, code=DEV).tasks
    assert [(t.text, t.importance, t.core) for t in tasks] == [
        ("Meet users to learn what they need.", 4.62, True),
        ("Write and test code for new features.", 4.10, True),
        ("Keep notes on design choices.", 2.90, False),
        ("Review a colleague's changes.", None, False),
    ]


def test_qualifications_explain_the_job_zone_and_most_reported_education(
    session: Session, release: ImportReport
) -> None:
    dossier = career_dossier(session, code=DEV)
    assert dossier.job_zone is not None
    assert (dossier.job_zone.level, dossier.job_zone.name) == (4, "Considerable preparation")
    assert dossier.job_zone.education == "Most have a bachelor's degree."
    # Most reported first; shares under 5% are left out.
    assert dossier.education == (Share("Bachelor's Degree", 64.0), Share("Master's Degree", 28.0))
    assert dossier.experience == (Share("Over 1 year, up to 2 years", 40.0),)


def test_the_workplace_gives_the_most_reported_answer(
    session: Session, release: ImportReport
) -> None:
    workplace = career_dossier(session, code=DEV).workplace
    assert workplace == (
        WorkplaceItem("indoors", "setting", "Indoors, climate-controlled", "Every day", 91.0, 4.9),
        # Outdoors is rated 1.1 of 5 (almost never), so it is not listed as a setting.
        WorkplaceItem("week", "hours", "Typical work week", "40 hours", 72.0, 2.1),
    )


def test_hot_technologies_come_first(session: Session, release: ImportReport) -> None:
    technologies = career_dossier(session, code=DEV).technologies
    assert [t.name for t in technologies] == ["Python", "Git", "Acme Diagram Tool"]
    assert technologies[0] == Technology(
        "Python", "Object or component oriented development software", True, True
    )


def test_related_occupations_follow_their_rank(session: Session, release: ImportReport) -> None:
    related = career_dossier(session, code=DEV).related
    assert [(r.code, r.title, r.tier) for r in related] == [
        (NURSE, "Registered Nurses", "Primary-Short"),
        (PAINTER, "Painters, Construction and Maintenance", "Supplemental"),
    ]


def test_a_dossier_from_occupation_data_alone_has_empty_sections(
    session: Session, load_release: Loader
) -> None:
    load_release(only("Occupation Data.txt"))
    dossier = career_dossier(session, code=NURSE)
    assert dossier.title == "Registered Nurses"
    assert dossier.tasks == dossier.related == dossier.workplace == ()
    assert dossier.job_zone is None
    assert "CC BY 4.0" in dossier.attribution


def test_a_short_code_means_the_base_occupation(session: Session, release: ImportReport) -> None:
    assert career_dossier(session, code="15-1252").code == DEV


def test_a_malformed_code_is_refused() -> None:
    with pytest.raises(Invalid, match="code: 'nurse' is not an O\\*NET-SOC code"):
        parse_code("nurse")


def test_an_unknown_code_is_not_found(session: Session, release: ImportReport) -> None:
    with pytest.raises(NotFound, match="99-9999.00"):
        career_dossier(session, code="99-9999.00")


def test_without_an_import_it_says_how_to_load_the_data(session: Session) -> None:
    with pytest.raises(Conflict, match="coffeechat careers import-onet"):
        career_dossier(session, code=DEV)


def _item(topic: str, mean: float) -> WorkplaceItem:
    return WorkplaceItem(topic, "", "", None, None, mean)


def test_remote_hint_reads_desk_work_and_on_site_work_apart() -> None:
    desk = (_item("indoors", 4.8), _item("email", 4.9), _item("sitting", 4.2))
    assert remote_hint(desk).startswith("Desk work")
    assert remote_hint((*desk, _item("proximity", 4.0))).startswith("Mostly on site")
    assert remote_hint((_item("outdoors", 4.0),)).startswith("Mostly on site")
    assert remote_hint((_item("indoors", 4.8),)).startswith("Not clear")
