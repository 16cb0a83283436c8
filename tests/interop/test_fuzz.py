"""Random and mutated files never crash an importer and never leave half an import behind."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from coffeechat.errors import CoffeechatError
from coffeechat.interop.backup import backup_json, parse_backup
from coffeechat.interop.csvfile import parse_csv
from coffeechat.interop.linkedin import parse_linkedin
from coffeechat.interop.records import Parsed, read_text
from coffeechat.interop.restore import restore_backup
from coffeechat.interop.service import ImportOptions, import_parsed
from coffeechat.interop.vcard import parse_vcards
from coffeechat.models import User
from tests.factories import make_interview, make_person
from tests.interop.conftest import DATA, connections_csv, people_count

SAMPLES: dict[str, list[str]] = {
    "linkedin": [
        connections_csv(
            [
                ["Zoë", "Ünal", "https://www.linkedin.com/in/zoe", "", "Northwind, Inc."]
                + ["Analyst", "12 Mar 2024"],
                ["Marcus", "Oyelaran", "", "marcus@example.com", "Lakeshore", "", "1 Jan 2023"],
            ]
        )
    ],
    "vcard": [(DATA / f"{name}.vcf").read_text() for name in ("apple", "google", "outlook", "v4")],
    "csv": ["Name,Email,Company,Phone\nAda Lovelace,ada@example.com,Acme,+1 202 555 0143\n"],
}
PARSERS: dict[str, Callable[[Path, str], Parsed]] = {
    "linkedin": parse_linkedin,
    "vcard": parse_vcards,
    "csv": parse_csv,
}
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_files = itertools.count()


@st.composite
def mutated(draw: st.DrawFn, samples: list[str]) -> bytes:
    """A real-looking file with random edits, or random bytes now and then."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=300))
    text = draw(st.sampled_from(samples))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        edit = draw(st.sampled_from(["insert", "delete", "replace", "duplicate"]))
        piece = draw(st.text(max_size=4) | st.sampled_from(['"', ",", "\n", ";", ":", "=", "\x00"]))
        if edit == "insert":
            text = text[:at] + piece + text[at:]
        elif edit == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        elif edit == "replace":
            text = text[:at] + piece + text[at + len(piece) :]
        else:
            text = text[:at] + text[at : at + 40] + text[at:]
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1"]))
    return text.encode(encoding, errors="replace")


def _import(
    session: Session, owner: User, kind: str, content: bytes, folder: Path, skip: bool
) -> None:
    path = folder / f"fuzz-{next(_files)}"
    path.write_bytes(content)
    before = people_count(session, owner)
    try:
        text = read_text(path, kind=kind, max_bytes=1_000_000)
        report = import_parsed(
            session,
            owner=owner,
            parsed=PARSERS[kind](path, text),
            file=path.name,
            options=ImportOptions(skip_bad_rows=skip),
        )
    except CoffeechatError:
        assert people_count(session, owner) == before
        return
    assert people_count(session, owner) == before + report.added


@pytest.mark.parametrize("kind", ["linkedin", "vcard", "csv"])
def test_mutated_files_never_crash_nor_half_import(
    kind: str, session: Session, owner: User, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp(kind)

    @FUZZ
    @given(content=mutated(SAMPLES[kind]), skip=st.booleans())
    def check(content: bytes, skip: bool) -> None:
        _import(session, owner, kind, content, folder, skip)

    check()


def test_mutated_backups_never_crash_nor_half_restore(session: Session, owner: User) -> None:
    ada = make_person(session, owner, "Ada Lovelace", org="Acme", emails=["ada@acme.example"])
    make_interview(session, owner, ada, goal="Ask about analytics")
    sample = backup_json(session, owner=owner)
    users = itertools.count()

    @FUZZ
    @given(content=mutated([sample]))
    def check(content: bytes) -> None:
        target = User(username=f"fuzz-{next(users)}")
        session.add(target)
        session.flush()
        try:
            backup = parse_backup(content.decode("utf-8", errors="replace"))
            restore_backup(session, owner=target, backup=backup)
        except CoffeechatError:
            assert people_count(session, target) == 0

    check()
