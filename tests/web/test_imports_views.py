"""Import contacts from uploaded files, download exports; bad files are refused whole."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from coffeechat.models import User
from tests.factories import make_person
from tests.interop.conftest import connections_csv
from tests.web.conftest import csrf_token, page, text_of

CONNECTIONS = connections_csv(
    [
        ["Priya", "Natarajan", "https://www.linkedin.com/in/priya-n", "priya@nw.example",
         "Northwind Health", "Data Analyst", "12 Mar 2024"],
        ["Dana", "Lee", "https://www.linkedin.com/in/dana-lee", "", "Globex", "Head of Data",
         "01 Feb 2025"],
    ]
)  # fmt: skip
CARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nEMAIL:grace@navy.example\r\nEND:VCARD\r\n"


def _upload(client: TestClient, kind: str, name: str, data: bytes, **extra: str) -> object:
    return client.post(
        "/import",
        data={"csrf_token": csrf_token(client), "kind": kind, **extra},
        files={"file": (name, data, "application/octet-stream")},
    )


def _names(client: TestClient) -> list[str]:
    return [a.get_text() for a in page(client.get("/people")).select("ul.people a.name")]


def test_a_linkedin_export_adds_people_and_reports_it(client: TestClient) -> None:
    response = _upload(client, "linkedin", "Connections.csv", CONNECTIONS.encode())
    assert response.status_code == 200
    assert "Added 2 people" in text_of(page(response), "section.report")
    assert _names(client) == ["Dana Lee", "Priya Natarajan"]


def test_a_vcard_file_is_merged_into_someone_you_have(
    client: TestClient, db: Session, me: User
) -> None:
    make_person(db, me, "Grace Hopper", emails=["grace@navy.example"])
    response = _upload(client, "vcard", "contacts.vcf", CARD.encode())
    report = text_of(page(response), "section.report")
    assert "Added 0 people, merged 1" in report
    assert _names(client) == ["Grace Hopper"]


def test_a_file_with_a_bad_row_imports_nothing_unless_told_to_skip(client: TestClient) -> None:
    broken = connections_csv([["Priya", "N", "", "not-an-email", "NW", "Analyst", "12 Mar 2024"],
                              ["Dana", "Lee", "", "", "Globex", "", "01 Feb 2025"]])  # fmt: skip
    refused = _upload(client, "linkedin", "Connections.csv", broken.encode())
    assert refused.status_code == 422
    assert "Nothing was imported." in text_of(page(refused), ".form-errors")
    assert _names(client) == []
    skipped = _upload(client, "linkedin", "Connections.csv", broken.encode(), skip_bad_rows="yes")
    assert skipped.status_code == 200
    assert _names(client) == ["Dana Lee"]


def test_wrong_kinds_and_sizes_are_refused_with_a_message(client: TestClient) -> None:
    wrong = _upload(client, "vcard", "photo.jpg", b"\xff\xd8\xff")
    assert "is not a file we can read here" in text_of(page(wrong), ".form-errors")
    garbage = _upload(client, "linkedin", "Connections.csv", b"\x00\x01\x02 not csv")
    assert garbage.status_code == 422
    huge = _upload(client, "vcard", "big.vcf", b"x" * (21 * 1024 * 1024))
    assert huge.status_code == 413
    assert "Files must be under 20 MB." in text_of(page(huge), ".form-errors")
    assert _names(client) == []


def test_exports_download_what_you_have(client: TestClient, db: Session, me: User) -> None:
    make_person(db, me, "Ada Lovelace", emails=["ada@acme.example"])
    people = client.get("/export/people.csv")
    assert people.headers["content-disposition"] == 'attachment; filename="people.csv"'
    assert "Ada Lovelace" in people.text
    assert "BEGIN:VCARD" in client.get("/export/people.vcf").text
    assert client.get("/export/interviews.csv").status_code == 200
    assert '"Ada Lovelace"' in client.get("/export/backup.json").text
