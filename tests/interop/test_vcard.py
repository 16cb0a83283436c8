from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from coffeechat.cli.people import person_json
from coffeechat.interop.records import FileRejected
from coffeechat.interop.service import ImportRejected
from coffeechat.interop.vcard import export_vcards, parse_vcards
from coffeechat.models import User
from coffeechat.network.people import ContactChanges, add_person, list_people
from tests.conftest import Cli
from tests.interop.conftest import DATA, Importer, people_count, write


def _by_name(session: Session, owner: User) -> dict[str, Any]:
    return {p.full_name: p for p in list_people(session, owner=owner)}


def test_it_reads_an_apple_contacts_export(
    run_import: Importer, session: Session, owner: User
) -> None:
    report = run_import(parse_vcards, DATA / "apple.vcf")

    assert report.added == 1
    assert [n.reason for n in report.skips] == ["a company card, not a person"]
    assert report.notes == ["1 photo left out: Coffeechat keeps no pictures."]
    marcus = _by_name(session, owner)["Marcus Oyelaran"]
    assert marcus.organization.name == "Lakeshore Robotics"
    assert marcus.title == "Controls Engineer"
    assert [(c.kind, c.value, c.label) for c in marcus.contacts] == [
        ("email", "marcus.oyelaran@example.com", None),
        ("email", "m.oyelaran@lakeshore.example", "work"),
        ("phone", "+1 312-555-0176", "cell"),
        ("url", "https://www.linkedin.com/in/moyelaran", "homepage"),
    ]
    assert marcus.location == "Chicago, IL, United States"
    assert marcus.notes == (
        "Met at the spring robotics meetup. Happy to talk about\nfield work, travel and hiring."
    )
    assert marcus.tag_names == ["meetup", "robotics"]


def test_it_reads_a_google_export_with_folded_lines_and_several_emails(
    run_import: Importer, session: Session, owner: User
) -> None:
    report = run_import(parse_vcards, DATA / "google.vcf")

    assert report.added == 2
    zoe = _by_name(session, owner)["Zoë Ünal"]
    assert zoe.emails == ["zoe.unal@example.org", "zunal@northwind.example"]
    assert zoe.organization.name == "Northwind Health, Inc."
    assert zoe.notes == "Prefers morning calls. Writes long, thoughtful replies — worth the wait."
    assert zoe.tag_names == ["analytics"]  # Google's own "myContacts" group is left out


def test_it_reads_an_outlook_2_1_card_with_quoted_printable(
    run_import: Importer, session: Session, owner: User
) -> None:
    run_import(parse_vcards, DATA / "outlook.vcf")

    lea = _by_name(session, owner)["Léa François"]
    assert lea.phones == ["+1 415-555-0112", "+1 415-555-0199"]
    assert lea.notes == (
        "Introduced by Marcus.\nAsk about the clinic rotation and how she chose her practice area."
    )


def test_it_reads_a_4_0_card_with_a_tel_uri(
    run_import: Importer, session: Session, owner: User
) -> None:
    run_import(parse_vcards, DATA / "v4.vcf")

    jordan = _by_name(session, owner)["Jordan Ellis"]
    assert jordan.phones == ["+1 202-555-0147"]
    assert jordan.urls == ["https://www.linkedin.com/in/jordanellis"]


BROKEN = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEMAIL:ada@example.com\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken Card\r\nthis line has no colon\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Noor Haddad\r\nEND:VCARD\r\n"
)


def test_a_broken_line_stops_the_import_and_is_named_by_line(
    tmp_path: Path, run_import: Importer, session: Session, owner: User
) -> None:
    with pytest.raises(ImportRejected) as rejected:
        run_import(parse_vcards, write(tmp_path, "book.vcf", BROKEN))

    (failure,) = rejected.value.report.failures
    assert (failure.row, failure.line) == (2, 6)
    assert failure.reason.startswith("line 9: ")
    assert people_count(session, owner) == 0


def test_skip_bad_rows_imports_the_other_cards(
    tmp_path: Path, run_import: Importer, session: Session, owner: User
) -> None:
    report = run_import(parse_vcards, write(tmp_path, "book.vcf", BROKEN), skip_bad_rows=True)

    assert report.added == 2
    assert sorted(_by_name(session, owner)) == ["Ada Lovelace", "Noor Haddad"]


def test_a_file_that_is_not_a_vcard_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.vcf", "Just some notes\nabout people\n")

    with pytest.raises(FileRejected, match="is not a vCard file: it has no BEGIN:VCARD line"):
        parse_vcards(path, path.read_text())


def _portable(person: Any) -> dict[str, Any]:
    data = person_json(person)
    for key in ("id", "created_at", "updated_at"):
        data.pop(key)
    data["organization"] = data["organization"] and data["organization"]["name"]
    return data


@pytest.mark.parametrize("version", ["4.0", "3.0"])
def test_an_export_re_imports_to_the_same_people(
    version: str,
    tmp_path: Path,
    run_import: Importer,
    session: Session,
    owner: User,
    stranger: User,
) -> None:
    add_person(
        session,
        owner=stranger,
        name="Zoë Ünal",
        org="Northwind Health, Inc.",
        title="Director of Analytics",
        contacts=ContactChanges(
            emails=["zoe@northwind.example"],
            phones=["+44 20 7946 0958"],
            urls=["https://www.linkedin.com/in/zoe"],
        ),
        how_met="alumni",
        tags=["analytics", "alumni network"],
        location="Leeds, UK",
        notes="Met at the alumni dinner.\nAsk about: hiring; travel, and the team's tools.",
    )
    add_person(session, owner=stranger, name="Cher", how_met="event")
    originals = sorted(
        (_portable(p) for p in list_people(session, owner=stranger)), key=lambda d: d["name"]
    )

    text = export_vcards(list_people(session, owner=stranger), version)
    assert text.startswith(f"BEGIN:VCARD\r\nVERSION:{version}\r\n")
    run_import(parse_vcards, write(tmp_path, "out.vcf", text))

    copies = sorted(
        (_portable(p) for p in list_people(session, owner=owner)), key=lambda d: d["name"]
    )
    assert copies == originals


def test_the_export_command_writes_a_file(tmp_path: Path, cli: Cli) -> None:
    cli("people", "add", "Ada Lovelace", "--org", "Acme", "--email", "ada@acme.example")
    target = tmp_path / "people.vcf"

    result = cli("export", "vcard", "-o", str(target), "--version", "3.0")

    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"Wrote 1 people to {target}.\n"
    text = target.read_text()
    assert "VERSION:3.0" in text
    assert "FN:Ada Lovelace" in text
    assert "EMAIL:ada@acme.example" in text


def test_the_import_command_reports_photos_and_company_cards(cli: Cli) -> None:
    result = cli("import", "vcard", str(DATA / "apple.vcf"))

    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Imported apple.vcf: 1 added, 0 merged, 1 skipped, 0 failed.\n"
        "Skipped:\n"
        "  card 2 (line 20): a company card, not a person\n"
        "Note: 1 photo left out: Coffeechat keeps no pictures.\n"
    )


OUTLOOK_PHOTO = (
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Haddad;Noor\r\nFN:Noor Haddad\r\n"
    "PHOTO;TYPE=JPEG;ENCODING=BASE64:\r\n"
    "  /9j/4AAQSkZJRgABAQEAYABgAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0a\r\n"
    "  !!! damaged in transit !!!\r\n"
    "\r\n"
    "EMAIL;PREF;INTERNET:noor@tailspin.example\r\nEND:VCARD\r\n"
)


def test_a_damaged_photo_is_left_out_without_costing_the_card(
    tmp_path: Path, run_import: Importer, session: Session, owner: User
) -> None:
    report = run_import(parse_vcards, write(tmp_path, "noor.vcf", OUTLOOK_PHOTO))

    assert report.added == 1
    assert report.notes == ["1 photo left out: Coffeechat keeps no pictures."]
    assert _by_name(session, owner)["Noor Haddad"].emails == ["noor@tailspin.example"]


def test_a_card_without_its_end_line_is_named(tmp_path: Path, run_import: Importer) -> None:
    text = "BEGIN:VCARD\nVERSION:3.0\nFN:Ada Lovelace\n" + BROKEN.split("\r\n", 5)[-1]

    report = run_import(parse_vcards, write(tmp_path, "b.vcf", text), skip_bad_rows=True)

    assert [(n.row, n.line) for n in report.failures][0] == (1, 1)
    assert report.failures[0].reason == (
        "the card has no END:VCARD line before the next card or the end of the file"
    )


def test_control_characters_hidden_in_quoted_printable_are_dropped(
    tmp_path: Path, run_import: Importer, session: Session, owner: User
) -> None:
    text = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ada Lovelace\r\n"
        "NOTE;ENCODING=QUOTED-PRINTABLE:Likes=00 engines=07.\r\nEND:VCARD\r\n"
    )

    run_import(parse_vcards, write(tmp_path, "ada.vcf", text))

    assert _by_name(session, owner)["Ada Lovelace"].notes == "Likes engines."
