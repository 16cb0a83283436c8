from __future__ import annotations

import codecs
import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from coffeechat.interop.linkedin import parse_linkedin
from coffeechat.interop.records import FileRejected
from coffeechat.interop.service import ImportRejected
from coffeechat.models import User
from coffeechat.network.people import list_people
from coffeechat.search import search
from tests.conftest import Cli
from tests.interop.conftest import (
    LINKEDIN_HEADER,
    Importer,
    connections_csv,
    people_count,
    write,
)

ROWS = [
    ["Zoë", "Ünal", "https://www.linkedin.com/in/zoe-unal-4b2a91", "", "Northwind Health, Inc."]
    + ["Director of Analytics", "12 Mar 2024"],
    ["Marcus", "Oyelaran", "https://www.linkedin.com/in/moyelaran", "marcus@example.com"]
    + ["Lakeshore Robotics", "Engineer, Controls", "03 Jan 2023"],
    ["", "", "", "", "", "", "15 Feb 2022"],
    ["Priya 🌱", "Raman", "https://www.linkedin.com/in/priyaraman", "", "Contoso"]
    + ["Product Manager", "28 Nov 2021"],
]


def test_it_reads_the_export_as_linkedin_writes_it(
    tmp_path: Path, run_import: Importer, session: Session, owner: User
) -> None:
    path = write(tmp_path, "Connections.csv", codecs.BOM_UTF8 + connections_csv(ROWS).encode())

    report = run_import(parse_linkedin, path)

    assert (report.added, len(report.skips), len(report.failures)) == (3, 1, 0)
    people = {p.full_name: p for p in list_people(session, owner=owner)}
    assert sorted(people) == ["Marcus Oyelaran", "Priya 🌱 Raman", "Zoë Ünal"]
    zoe = people["Zoë Ünal"]
    assert zoe.organization is not None
    assert zoe.organization.name == "Northwind Health, Inc."
    assert zoe.title == "Director of Analytics"
    assert zoe.connected_on == date(2024, 3, 12)
    assert zoe.how_met == "linkedin"
    assert zoe.urls == ["https://www.linkedin.com/in/zoe-unal-4b2a91"]
    assert zoe.emails == []
    assert people["Marcus Oyelaran"].emails == ["marcus@example.com"]
    assert people["Marcus Oyelaran"].title == "Engineer, Controls"


def test_it_counts_rows_without_a_name_as_skipped_with_their_line(
    tmp_path: Path, run_import: Importer
) -> None:
    report = run_import(parse_linkedin, write(tmp_path, "c.csv", connections_csv(ROWS)))

    assert [(n.row, n.line) for n in report.skips] == [(3, 7)]
    assert "no name" in report.skips[0].reason


def test_it_reads_columns_by_name_whatever_their_order(
    tmp_path: Path, run_import: Importer, session: Session, owner: User
) -> None:
    header = ["URL", "Last Name", "Connected On", "First Name", "Position", "Company"]
    rows = [["https://www.linkedin.com/in/ada", "Lovelace", "1 Dec 2020", "Ada", "Analyst", "Acme"]]
    run_import(parse_linkedin, write(tmp_path, "c.csv", connections_csv(rows, header)))

    (ada,) = list_people(session, owner=owner)
    assert (ada.full_name, ada.title, ada.connected_on) == (
        "Ada Lovelace",
        "Analyst",
        date(2020, 12, 1),
    )


def test_imported_people_can_be_found_by_search(
    tmp_path: Path, run_import: Importer, session: Session, owner: User
) -> None:
    run_import(parse_linkedin, write(tmp_path, "c.csv", connections_csv(ROWS)))

    hits = search(session, owner=owner, query="northwind analytics")
    assert [h.title for h in hits] == ["Zoë Ünal"]
    assert [h.title for h in search(session, owner=owner, query="zoe")] == ["Zoë Ünal"]


def test_a_file_without_the_linkedin_header_is_refused_whole(tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", "Name,Email\nAda,ada@example.com\n")

    with pytest.raises(FileRejected, match="no header line with the columns First Name"):
        parse_linkedin(path, path.read_text())


def test_an_invalid_email_stops_the_whole_import_and_names_row_line_and_column(
    tmp_path: Path, run_import: Importer, session: Session, owner: User
) -> None:
    rows = [*ROWS, ["Léa", "François", "", "lea at fabrikam", "Fabrikam", "Counsel", ""]]
    path = write(tmp_path, "c.csv", connections_csv(rows))

    with pytest.raises(ImportRejected) as rejected:
        run_import(parse_linkedin, path)

    assert people_count(session, owner) == 0
    assert "Nothing was imported from c.csv" in str(rejected.value)
    assert "row 5 (line 9), Email Address: 'lea at fabrikam' is not a valid email" in str(
        rejected.value
    )


def test_skip_bad_rows_imports_the_good_rows_and_lists_the_bad(
    tmp_path: Path, run_import: Importer, session: Session, owner: User
) -> None:
    rows = [
        *ROWS,
        ["Léa", "François", "", "lea at fabrikam", "Fabrikam", "Counsel", ""],
        ["Noor", "Haddad", "", "", "Tailspin", "Designer", "31 Feb 2024"],
    ]
    report = run_import(
        parse_linkedin, write(tmp_path, "c.csv", connections_csv(rows)), skip_bad_rows=True
    )

    assert report.added == 3
    assert [(n.row, n.field) for n in report.failures] == [
        (5, "Email Address"),
        (6, "Connected On"),
    ]
    assert people_count(session, owner) == 3


def test_a_latin_1_file_is_refused_with_the_line_and_a_way_out(tmp_path: Path) -> None:
    from coffeechat.interop.records import read_text

    rows = [["José", "Núñez", "", "", "Acme", "Analyst", "1 Jan 2020"]]
    path = write(tmp_path, "c.csv", connections_csv(rows), encoding="latin-1")

    with pytest.raises(FileRejected) as rejected:
        read_text(path, kind="CSV", max_bytes=10_000)
    assert "c.csv line 5: byte 0xE9 is not valid UTF-8 text" in str(rejected.value)
    assert "--encoding" in str(rejected.value)
    text = read_text(path, kind="CSV", max_bytes=10_000, encoding="latin-1")
    assert parse_linkedin(path, text).records[0].name == "José Núñez"


def test_a_utf_16_export_with_its_byte_order_mark_is_read(
    tmp_path: Path, run_import: Importer, session: Session, owner: User
) -> None:
    path = write(tmp_path, "c.csv", connections_csv(ROWS), encoding="utf-16")

    assert run_import(parse_linkedin, path).added == 3


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    from coffeechat.interop.records import read_text

    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)

    with pytest.raises(FileRejected, match=r"huge.csv is 100.0 MB; imports are limited to 50 MB"):
        read_text(path, kind="CSV", max_bytes=50 * 1024 * 1024)


def test_an_image_is_not_mistaken_for_a_csv(tmp_path: Path) -> None:
    from coffeechat.interop.records import read_text

    path = write(tmp_path, "photo.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))

    with pytest.raises(FileRejected, match="photo.csv is a PNG image, not a CSV file"):
        read_text(path, kind="CSV", max_bytes=10_000)


def test_the_command_prints_a_report(tmp_path: Path, cli: Cli) -> None:
    path = write(tmp_path, "Connections.csv", connections_csv(ROWS))

    result = cli("import", "linkedin", str(path))

    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Imported Connections.csv: 3 added, 0 merged, 1 skipped, 0 failed.\n"
        "Skipped:\n"
        "  row 3 (line 7): no name (LinkedIn hides some members' names)\n"
    )


def test_the_command_reports_in_json_and_merges_a_second_import(tmp_path: Path, cli: Cli) -> None:
    path = write(tmp_path, "Connections.csv", connections_csv(ROWS))
    cli("import", "linkedin", str(path))

    result = cli("import", "linkedin", str(path), "--json")

    report = json.loads(result.stdout)
    assert (report["added"], report["merged"], report["skipped"], report["failed"]) == (0, 3, 1, 0)
    assert report["merges"][0] == {
        "row": 1,
        "line": 5,
        "person": report["merges"][0]["person"],
        "reason": report["merges"][0]["reason"],
    }
    assert "same profile URL linkedin.com/in/zoe-unal-4b2a91" in report["merges"][0]["reason"]
    assert len(json.loads(cli("people", "list", "--json").stdout)) == 3


def test_the_command_exits_2_and_writes_nothing_when_rows_are_bad(tmp_path: Path, cli: Cli) -> None:
    rows = [*ROWS, ["Léa", "François", "", "not-an-email", "Fabrikam", "Counsel", ""]]
    path = write(tmp_path, "c.csv", connections_csv(rows))

    result = cli("import", "linkedin", str(path))

    assert result.exit_code == 2
    assert "Error: Nothing was imported from c.csv: 1 row cannot be read." in result.stderr
    assert "row 5 (line 9), Email Address:" in result.stderr
    assert json.loads(cli("people", "list", "--json").stdout) == []


def test_the_command_names_a_wrong_header(tmp_path: Path, cli: Cli) -> None:
    path = write(tmp_path, "people.csv", "Name,Email\nAda,ada@example.com\n")

    result = cli("import", "linkedin", str(path))

    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {path} is not a LinkedIn Connections export")


def test_header_constant_matches_the_real_export() -> None:
    assert LINKEDIN_HEADER[-1] == "Connected On"


def test_a_nul_character_is_refused_with_its_line(tmp_path: Path) -> None:
    from coffeechat.interop.records import read_text

    path = write(tmp_path, "c.csv", connections_csv(ROWS).replace("Zoë", "Zo\x00ë"))

    with pytest.raises(FileRejected, match="c.csv line 5: holds a NUL character"):
        read_text(path, kind="CSV", max_bytes=10_000)
