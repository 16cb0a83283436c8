from __future__ import annotations

import itertools
import json
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from coffeechat.errors import Conflict, Invalid
from coffeechat.interop.backup import backup_json, export_backup, parse_backup
from coffeechat.interop.restore import restore_backup
from coffeechat.interop.sqlite_backup import copy_database
from coffeechat.models import (
    Career,
    ContactPoint,
    Employment,
    Fact,
    Interview,
    Message,
    Organization,
    Person,
    PersonTag,
    PlannedQuestion,
    Profile,
    Source,
    Target,
    User,
)
from tests.conftest import Cli
from tests.factories import make_interview, make_person

_users = itertools.count()


def _user(session: Session) -> User:
    user = User(username=f"backup-{next(_users)}")
    session.add(user)
    session.flush()
    return user


def _comparable(session: Session, owner: User) -> dict[str, Any]:
    data = export_backup(session, owner=owner).model_dump(mode="json")
    data.pop("exported_at")
    return data


words = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00"),
    max_size=30,
)
names = words.map(lambda w: " ".join(w.split())).filter(bool)
moments = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31), timezones=st.just(UTC)
)
maybe_moment = st.none() | moments
small = st.integers(min_value=0, max_value=4)


@st.composite
def networks(draw: st.DrawFn) -> dict[str, Any]:
    org_names = draw(st.lists(names, max_size=3, unique_by=lambda n: n.casefold()))
    people = draw(st.lists(st.tuples(names, words, small, small, moments), max_size=4))
    return {
        "orgs": org_names,
        "people": people,
        "tags": draw(st.lists(st.sampled_from(["math", "alumni", "mentor"]), unique=True)),
        "interviews": draw(
            st.lists(st.tuples(small, words, maybe_moment, st.lists(words, max_size=2)), max_size=3)
        ),
        "questions": draw(st.lists(words, max_size=3)),
        "facts": draw(st.lists(st.tuples(words, st.floats(0, 1)), max_size=3)),
        "messages": draw(st.lists(st.tuples(small, words, maybe_moment), max_size=3)),
        "profile": draw(st.none() | st.tuples(names, st.lists(names, max_size=2))),
    }


def _fill(session: Session, owner: User, data: dict[str, Any]) -> None:
    if data["profile"]:
        name, schools = data["profile"]
        session.add(Profile(owner_id=owner.id, name=name, schools=schools, country="FR"))
    orgs = [
        Organization(owner_id=owner.id, name=n, name_key=n.casefold(), notes="")
        for n in data["orgs"]
    ]
    career = Career(owner_id=owner.id, onet_code="15-2051.00", title="Data Scientists")
    session.add_all([*orgs, career])
    session.flush()
    people: list[Person] = []
    for n, (name, notes, org, referrer, moment) in enumerate(data["people"]):
        person = Person(
            owner_id=owner.id,
            full_name=name,
            notes=notes,
            how_met="alumni",
            organization_id=orgs[org % len(orgs)].id if orgs else None,
            connected_on=date(2020, 1, 1 + n),
            created_at=moment,
            updated_at=moment,
            contacts=[
                ContactPoint(
                    owner_id=owner.id,
                    kind="email",
                    value=f"p{n}@example.org",
                    value_key=f"p{n}@example.org",
                    label="work",
                )
            ],
            tags=[PersonTag(owner_id=owner.id, tag=t) for t in data["tags"]],
        )
        session.add(person)
        session.flush()
        if people:
            person.referred_by_id = people[referrer % len(people)].id
        people.append(person)
    interviews = []
    for who, goal, when, takeaways in data["interviews"]:
        interview = Interview(
            owner_id=owner.id,
            person_id=people[who % len(people)].id if people else None,
            career_id=career.id,
            goal=goal,
            scheduled_at=when,
            takeaways=takeaways,
            questions=[
                PlannedQuestion(owner_id=owner.id, position=i, text=q or "Why?")
                for i, q in enumerate(data["questions"])
            ],
        )
        interviews.append(interview)
    session.add_all(interviews)
    source = Source(owner_id=owner.id, content_hash="ab" * 32, text="Some page text.")
    session.add(source)
    session.flush()
    for n, (text, confidence) in enumerate(data["facts"]):
        session.add(
            Fact(
                owner_id=owner.id,
                source_id=source.id,
                kind="mission",
                text=text,
                start=n,
                end=n + len(text),
                confidence=confidence,
                organization_id=orgs[0].id if orgs else None,
            )
        )
    for which, body, sent in data["messages"]:
        session.add(
            Message(
                owner_id=owner.id,
                interview_id=interviews[which % len(interviews)].id if interviews else None,
                kind="thank_you",
                body=body,
                sent_at=sent,
            )
        )
    session.flush()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=networks())
def test_export_import_export_gives_the_same_backup(session: Session, data: dict[str, Any]) -> None:
    original, restored = _user(session), _user(session)
    _fill(session, original, data)
    first = _comparable(session, original)

    restore_backup(
        session, owner=restored, backup=parse_backup(backup_json(session, owner=original))
    )

    assert _comparable(session, restored) == first


def test_a_backup_holds_everything_and_names_its_format(session: Session, owner: User) -> None:
    ada = make_person(session, owner, "Ada Lovelace", org="Acme", emails=["ada@acme.example"])
    make_interview(session, owner, ada, goal="Ask about analytics")

    data = json.loads(backup_json(session, owner=owner))

    assert (data["format"], data["version"]) == ("coffeechat-backup", 1)
    assert list(data) == [
        "format",
        "version",
        "exported_at",
        "profile",
        "organizations",
        "careers",
        "people",
        "interviews",
        "sources",
        "facts",
        "messages",
        "targets",
        "employments",
    ]
    assert data["people"][0]["contacts"] == [
        {"kind": "email", "value": "ada@acme.example", "key": "ada@acme.example", "label": None}
    ]
    assert data["interviews"][0]["person"] == 1
    assert data["interviews"][0]["organization"] == 1


def test_a_restore_needs_an_empty_network(session: Session, owner: User, stranger: User) -> None:
    make_person(session, stranger, "Ada Lovelace")
    backup = parse_backup(backup_json(session, owner=stranger))
    make_person(session, owner, "Someone Already Here")

    with pytest.raises(Conflict, match="restores into an empty database"):
        restore_backup(session, owner=owner, backup=backup)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(version=7), "version 7 is not supported"),
        (lambda d: d.update(format="other"), "not a Coffeechat backup"),
        (lambda d: d["people"][0].update(organization=9), r"people\[0\]\.organization: no org"),
        (lambda d: d["people"][0].pop("name"), "people.0.name: Field required"),
        (lambda d: d["people"][0].update(created_at="soon"), "people.0.created_at"),
    ],
)
def test_a_damaged_backup_is_refused_with_the_place_of_the_problem(
    change: Any, message: str, session: Session, owner: User
) -> None:
    make_person(session, owner, "Ada Lovelace", org="Acme")
    data = json.loads(backup_json(session, owner=owner))
    change(data)

    with pytest.raises(Invalid, match=message):
        parse_backup(json.dumps(data))


def test_text_that_is_not_json_is_refused_with_its_position() -> None:
    with pytest.raises(Invalid, match="not JSON: line 1 column 2"):
        parse_backup("{oops")


def _second_cli(tmp_path: Path) -> Cli:
    from typer.testing import CliRunner

    home = tmp_path / "second"
    url = f"sqlite:///{home / 'coffeechat.sqlite3'}"
    return Cli({"COFFEECHAT_HOME": str(home), "COFFEECHAT_DATABASE_URL": url}, CliRunner())


def test_the_commands_restore_a_backup_into_a_new_database(tmp_path: Path, cli: Cli) -> None:
    cli("people", "add", "Ada Lovelace", "--org", "Acme", "--tag", "math")
    cli("interviews", "new", "1", "--goal", "Learn about the role")
    target = tmp_path / "backup.json"
    assert cli("export", "json", "-o", str(target)).exit_code == 0
    other = _second_cli(tmp_path)

    result = other("import", "json", str(target))

    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Restored backup.json: 1 organizations, 0 careers, 1 people, 1 interviews, "
        "0 sources, 0 facts, 0 messages, 0 targets, 0 employments.\n"
    )
    again = json.loads(other("export", "json").stdout)
    first = json.loads(target.read_text())
    again.pop("exported_at"), first.pop("exported_at")
    assert again == first
    refused = other("import", "json", str(target))
    assert refused.exit_code == 2
    assert "restores into an empty database" in refused.stderr


def test_backup_copies_the_database_while_another_connection_writes(
    tmp_path: Path,
) -> None:
    other = _second_cli(tmp_path)
    other("people", "add", "Ada Lovelace")
    database = tmp_path / "second" / "coffeechat.sqlite3"
    busy = sqlite3.connect(database)
    busy.execute("BEGIN IMMEDIATE")
    busy.execute("UPDATE people SET full_name = 'Half Written'")
    copy = tmp_path / "copy.sqlite3"
    try:
        result = other("backup", "-o", str(copy))
    finally:
        busy.rollback()
        busy.close()

    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"Backed up the database to {copy} (")
    with sqlite3.connect(copy) as check:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert check.execute("SELECT full_name FROM people").fetchall() == [("Ada Lovelace",)]
    assert other("backup", "-o", str(copy)).stderr == (
        f"Error: {copy} exists already; choose another name with -o.\n"
    )


def test_backup_on_postgresql_points_to_pg_dump(tmp_path: Path) -> None:
    with pytest.raises(Invalid, match="pg_dump"):
        copy_database("postgresql+psycopg://coffee@db.example/coffeechat", tmp_path / "x")


@pytest.mark.parametrize("bad", ["\\u0000", "\\ud800"])
def test_a_backup_with_nul_or_broken_unicode_is_refused(
    bad: str, session: Session, owner: User
) -> None:
    make_person(session, owner, "Ada Lovelace")
    text = backup_json(session, owner=owner).replace("Ada Lovelace", f"Ada{bad}Lovelace")

    with pytest.raises(Invalid, match="NUL character or broken Unicode"):
        parse_backup(text)


def test_every_column_of_every_owned_table_is_in_the_backup_format() -> None:
    """A column added later without a place in the backup would silently be lost."""
    from coffeechat.interop import backup_format as f

    renamed = {"full_name": "name", "value_key": "key", "referred_by_id": "referred_by"}
    formats = {
        Profile: f.ProfileV1,
        Organization: f.OrganizationV1,
        Person: f.PersonV1,
        ContactPoint: f.ContactV1,
        Career: f.CareerV1,
        Interview: f.InterviewV1,
        PlannedQuestion: f.QuestionV1,
        Source: f.SourceV1,
        Fact: f.FactV1,
        Message: f.MessageV1,
        Target: f.TargetV1,
        Employment: f.EmploymentV1,
    }
    implied = {"id", "owner_id", "person_id", "interview_id", "name_key"}
    for model, schema in formats.items():
        for column in model.__table__.columns:
            linked = column.name.removesuffix("_id") if column.foreign_keys else column.name
            name = renamed.get(column.name, linked)
            if column.name in implied and name not in schema.model_fields:
                continue
            assert name in schema.model_fields, f"{model.__name__}.{column.name}"
