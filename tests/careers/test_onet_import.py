"""Loading the O*NET text release: whole, partial, zipped, and with bad rows or files."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coffeechat.careers.onet_files import FILES, open_local
from coffeechat.careers.onet_import import ImportReport, import_onet
from coffeechat.errors import Invalid
from coffeechat.models import (
    OnetEducation,
    OnetOccupation,
    OnetRelated,
    OnetTask,
    OnetTitle,
    OnetWorkContext,
)
from tests.careers.conftest import DEV, NURSE, RELEASE, Loader, only, write_release, zip_release


def _count(session: Session, model: type[object]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_it_imports_every_file_of_a_release_folder(session: Session, release: ImportReport) -> None:
    assert release.missing_files == ()
    assert release.warnings == ()
    assert release.counts["Occupation Data.txt"] == 3
    assert release.counts["Alternate Titles.txt"] == 5
    assert release.counts["Task Statements.txt"] == 5
    assert release.counts["Related Occupations.txt"] == 2
    assert session.get(OnetOccupation, DEV).title == "Software Developers"  # type: ignore[union-attr]


def test_task_importance_comes_from_the_im_ratings(session: Session, release: ImportReport) -> None:
    rows = session.execute(
        select(OnetTask.task_id, OnetTask.importance).where(OnetTask.code == DEV)
    )
    rated = {task_id: importance for task_id, importance in rows}
    assert rated == {101: 4.10, 102: 4.62, 103: 2.90, 104: None}


def test_it_keeps_only_the_education_and_work_context_it_shows(
    session: Session, release: ImportReport
) -> None:
    scales = set(session.scalars(select(OnetEducation.scale)))
    assert scales == {"RL", "RW"}  # the training scale (PT) is not shown, so not stored
    names = set(session.scalars(select(OnetWorkContext.element_name)))
    assert "Letters and Memos" not in names
    assert "Indoors, Environmentally Controlled" in names


def test_it_reads_a_release_zip_with_files_inside_a_folder(
    session: Session, tmp_path: Path
) -> None:
    folder = write_release(tmp_path / "plain")
    archive = zip_release(folder, tmp_path / "db_30_3_text.zip")
    report = import_onet(session, open_local(archive), source=str(archive))
    assert report.missing_files == ()
    assert _count(session, OnetTitle) == 5


def test_it_works_with_only_occupation_data(session: Session, load_release: Loader) -> None:
    report = load_release(only("Occupation Data.txt"))
    assert report.counts == {"Occupation Data.txt": 3}
    assert set(report.missing_files) == set(FILES) - {"Occupation Data.txt"}


def test_it_refuses_a_release_without_occupation_data(
    session: Session, load_release: Loader
) -> None:
    with pytest.raises(Invalid, match="Occupation Data.txt"):
        load_release(only("Alternate Titles.txt", "Job Zones.txt"))


def test_a_malformed_row_is_skipped_with_a_warning_naming_file_and_line(
    session: Session, load_release: Loader
) -> None:
    files = dict(RELEASE)
    files["Alternate Titles.txt"] = [
        *RELEASE["Alternate Titles.txt"],
        [DEV, "Too", "many", "fields", "here"],
        ["15-12X2.00", "Bad Code Title", "n/a", "08"],
        ["99-9999.00", "Orphan Title", "n/a", "08"],
    ]
    files["Task Ratings.txt"] = [
        *RELEASE["Task Ratings.txt"][:-1],
        [NURSE, "201", "IM", "n/a", "high", "40", "n/a", "n/a", "n/a", "N", "08/2025", "Inc"],
    ]
    report = load_release(files)
    messages = [str(w) for w in report.warnings]
    assert messages == [
        "Alternate Titles.txt, line 7: expected 4 fields, found 5",
        "Alternate Titles.txt, line 8: '15-12X2.00' is not an O*NET-SOC code like 15-1252.00",
        "Alternate Titles.txt, line 9: occupation 99-9999.00 is not in Occupation Data.txt",
        "Task Ratings.txt, line 6: task '201' or value 'high' is not a number",
    ]
    # The good rows around them are all there.
    assert _count(session, OnetTitle) == 5
    nurse_task = session.scalars(select(OnetTask).where(OnetTask.code == NURSE)).one()
    assert nurse_task.importance is None


def test_a_related_row_pointing_at_an_unknown_occupation_is_skipped(
    session: Session, load_release: Loader
) -> None:
    files = dict(RELEASE)
    files["Related Occupations.txt"] = [
        *RELEASE["Related Occupations.txt"],
        [DEV, "11-1011.00", "Primary-Long", "3"],
    ]
    report = load_release(files)
    assert [w.line for w in report.warnings] == [4]
    assert _count(session, OnetRelated) == 2


def test_a_file_that_is_not_utf8_stops_the_import_and_keeps_the_previous_data(
    session: Session, load_release: Loader, tmp_path: Path
) -> None:
    load_release()
    folder = write_release(tmp_path / "latin")
    raw = "O*NET-SOC Code\tAlternate Title\tShort Title\tSource(s)\n"
    (folder / "Alternate Titles.txt").write_bytes(
        raw.encode() + f"{DEV}\tD\xe9veloppeur\tn/a\t08\n".encode("latin-1")
    )
    with (
        pytest.raises(Invalid, match="Alternate Titles.txt is not UTF-8 text"),
        session.begin_nested(),
    ):
        import_onet(session, open_local(folder), source="latin")
    assert _count(session, OnetTitle) == 5
    assert _count(session, OnetOccupation) == 3


def test_a_file_without_a_needed_column_is_skipped_with_a_warning(
    session: Session, load_release: Loader
) -> None:
    files = dict(RELEASE)
    files["Job Zones.txt"] = [["O*NET-SOC Code", "Zone"], [DEV, "4"]]
    report = load_release(files)
    assert [str(w) for w in report.warnings] == [
        "Job Zones.txt, line 1: Job Zones.txt has no 'Job Zone' column; "
        "is it an O*NET text file? The file was skipped."
    ]
    assert "Job Zones.txt" not in report.counts
    assert report.counts["Related Occupations.txt"] == 2


def test_occupation_data_without_its_columns_stops_the_import(
    session: Session, load_release: Loader
) -> None:
    files = dict(RELEASE)
    files["Occupation Data.txt"] = [["Code", "Title"], [DEV, "Software Developers"]]
    with pytest.raises(Invalid, match="Occupation Data.txt has no 'O\\*NET-SOC Code', "):
        load_release(files)


def test_older_releases_without_optional_columns_still_load(
    session: Session, load_release: Loader
) -> None:
    files = dict(RELEASE)
    files["Technology Skills.txt"] = [row[:5] for row in RELEASE["Technology Skills.txt"]]
    files["Job Zone Reference.txt"] = [row[:2] for row in RELEASE["Job Zone Reference.txt"]]
    report = load_release(files)
    assert report.warnings == ()
    assert report.counts["Technology Skills.txt"] == 3
    assert report.counts["Job Zone Reference.txt"] == 2


def test_a_binary_file_is_refused(session: Session, tmp_path: Path) -> None:
    folder = write_release(tmp_path / "binary", only("Occupation Data.txt"))
    (folder / "Occupation Data.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(Invalid, match="Occupation Data.txt"):
        import_onet(session, open_local(folder), source="binary")


def test_a_second_import_replaces_the_first(session: Session, load_release: Loader) -> None:
    load_release()
    smaller = {
        "Occupation Data.txt": RELEASE["Occupation Data.txt"][:2],
        "Alternate Titles.txt": RELEASE["Alternate Titles.txt"][:2],
    }
    load_release(smaller)
    assert _count(session, OnetOccupation) == 1
    assert _count(session, OnetTitle) == 1
    assert _count(session, OnetTask) == 0


def test_a_path_that_does_not_exist_is_named(tmp_path: Path) -> None:
    with pytest.raises(Invalid, match="does not exist"):
        open_local(tmp_path / "nowhere")


def test_a_file_that_is_not_a_zip_is_named(tmp_path: Path) -> None:
    bogus = tmp_path / "release.zip"
    bogus.write_text("not a zip")
    with pytest.raises(Invalid, match="is not a readable zip file"):
        open_local(bogus)
