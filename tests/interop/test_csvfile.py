from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from coffeechat.errors import Invalid
from coffeechat.interop.csvfile import parse_csv
from coffeechat.interop.records import FileRejected
from coffeechat.models import User
from coffeechat.network.people import list_people
from tests.conftest import Cli
from tests.factories import make_interview, make_person
from tests.interop.conftest import Importer, people_count, write

OUTLOOK = (
    "First Name,Middle Name,Last Name,Company,Job Title,E-mail Address,E-mail Display Name,"
    "E-mail 2 Address,Mobile Phone,Web Page,Notes,Categories\r\n"
    "Léa,,François,Fabrikam Legal,Associate Counsel,lea@fabrikam.example,Léa François,"
    'lea.f@example.org,+1 415 555 0199,https://fabrikam.example/lea,"Introduced by Marcus,\r\n'
    'ask about the clinic.",Law;Mentors\r\n'
)


def test_it_matches_an_outlook_export_by_column_names(
    tmp_path: Path, run_import: Importer, session: Session, owner: User
) -> None:
    report = run_import(parse_csv, write(tmp_path, "contacts.csv", OUTLOOK))

    assert report.added == 1
    assert report.mapping == {
        "first_name": "First Name",
        "last_name": "Last Name",
        "org": "Company",
        "title": "Job Title",
        "email": "E-mail Address",
        "phone": "Mobile Phone",
        "url": "Web Page",
        "notes": "Notes",
        "tags": "Categories",
    }
    assert report.ignored_columns == ["Middle Name", "E-mail Display Name"]
    (lea,) = list_people(session, owner=owner)
    assert lea.full_name == "Léa François"
    assert lea.emails == ["lea@fabrikam.example", "lea.f@example.org"]
    assert lea.notes == "Introduced by Marcus,\nask about the clinic."
    assert lea.tag_names == ["law", "mentors"]


def test_map_reads_a_column_as_the_field_given(
    tmp_path: Path, run_import: Importer, session: Session, owner: User
) -> None:
    text = "Person;Employer;Mail;Met via\nNoor Haddad;Tailspin;noor@tailspin.example;event\n"
    path = write(tmp_path, "sheet.csv", text)

    run_import(lambda p, t: parse_csv(p, t, ["Person=name", "Mail=email", "met via=how_met"]), path)

    (noor,) = list_people(session, owner=owner)
    assert (noor.full_name, noor.emails, noor.how_met) == (
        "Noor Haddad",
        ["noor@tailspin.example"],
        "event",
    )
    assert noor.organization is not None and noor.organization.name == "Tailspin"


def test_a_sheet_without_a_name_column_is_refused_with_its_columns(tmp_path: Path) -> None:
    path = write(tmp_path, "sheet.csv", "Who,Mail\nAda,ada@example.com\n")

    with pytest.raises(FileRejected) as rejected:
        parse_csv(path, path.read_text())
    assert "no column holds a name" in str(rejected.value)
    assert "Its columns are: Who, Mail. Say which one with --map 'Column=name'." in str(
        rejected.value
    )


def test_map_to_an_unknown_field_is_refused() -> None:
    with pytest.raises(Invalid, match="'nickname' is not a field"):
        parse_csv(Path("x.csv"), "Name\nAda\n", ["Name=nickname"])


def test_map_of_a_missing_column_names_the_columns_there_are(tmp_path: Path) -> None:
    path = write(tmp_path, "sheet.csv", "Name,Mail\nAda,ada@example.com\n")

    with pytest.raises(FileRejected, match="does not have; its columns are: Name, Mail"):
        parse_csv(path, path.read_text(), ["Email=email"])


def test_dry_run_shows_the_mapping_and_bad_rows_and_writes_nothing(
    tmp_path: Path, cli: Cli
) -> None:
    text = "Name,Email,Birthday\nAda Lovelace,ada@example.com,1815\nBad Row,not-an-email,\n"
    path = write(tmp_path, "sheet.csv", text)

    result = cli("import", "csv", str(path), "--dry-run")

    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Columns:\n"
        "  Name → name\n"
        "  Email → email\n"
        "  ignored: Birthday\n"
        "Would import sheet.csv: 1 added, 0 merged, 0 skipped, 1 failed.\n"
        "Failed:\n"
        "  row 2 (line 3), Email: 'not-an-email' is not a valid email address "
        "(An email address must have an @-sign.)\n"
    )
    assert json.loads(cli("people", "list", "--json").stdout) == []


def test_the_command_rejects_a_bad_map_before_reading(tmp_path: Path, cli: Cli) -> None:
    path = write(tmp_path, "sheet.csv", "Name\nAda\n")

    result = cli("import", "csv", str(path), "--map", "Name")

    assert result.exit_code == 2
    assert result.stderr == "Error: --map: 'Name' should look like 'Column name=field'\n"


def test_exported_people_import_back_from_csv(tmp_path: Path, cli: Cli) -> None:
    cli(
        "people",
        "add",
        "Ada Lovelace",
        "--org",
        "Acme",
        "--email",
        "ada@acme.example",
        "--phone",
        "+1 202 555 0143",
        "--tag",
        "math",
        "--how-met",
        "alumni",
    )
    target = tmp_path / "people.csv"
    cli("export", "csv", "people", "-o", str(target))
    before = json.loads(cli("people", "list", "--json").stdout)
    cli("people", "remove", str(before[0]["id"]), "--yes")

    result = cli("import", "csv", str(target))

    assert result.exit_code == 0, result.stderr
    (after,) = json.loads(cli("people", "list", "--json").stdout)
    for key in ("name", "organization", "emails", "phones", "tags", "how_met"):
        if key == "organization":
            assert after[key]["name"] == before[0][key]["name"]
        else:
            assert after[key] == before[0][key]


def test_interviews_export_as_one_row_each(session: Session, owner: User) -> None:
    from coffeechat.interop.csvfile import interviews_csv
    from coffeechat.meetings.pipeline import list_interviews

    person = make_person(session, owner, "Marcus Oyelaran", org="Lakeshore Robotics")
    make_interview(session, owner, person, goal="Learn how controls teams hire")

    rows = list(csv.DictReader(io.StringIO(interviews_csv(list_interviews(session, owner=owner)))))

    assert len(rows) == 1
    assert rows[0]["person"] == "Marcus Oyelaran"
    assert rows[0]["organization"] == "Lakeshore Robotics"
    assert rows[0]["goal"] == "Learn how controls teams hire"
    assert rows[0]["stage"] == "idea"


def test_blank_and_nameless_rows_are_skipped_not_failed(
    tmp_path: Path, run_import: Importer, session: Session, owner: User
) -> None:
    path = write(tmp_path, "s.csv", "Name,Email\n\n,lost@example.com\nAda,ada@example.com\n")

    report = run_import(parse_csv, path)

    assert (report.added, [(n.row, n.line, n.reason) for n in report.skips]) == (
        1,
        [(1, 3, "no name")],
    )
    assert people_count(session, owner) == 1


def test_a_malformed_web_address_fails_its_row_instead_of_crashing(
    tmp_path: Path, run_import: Importer
) -> None:
    path = write(tmp_path, "s.csv", "Name,Website\nAda,https://[acme.example/ada\n")

    report = run_import(parse_csv, path, skip_bad_rows=True)

    assert [(n.row, n.field, n.reason) for n in report.failures] == [
        (1, "Website", "'https://[acme.example/ada' is not a web address (http or https)")
    ]
