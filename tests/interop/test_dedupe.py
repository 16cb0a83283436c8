from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from coffeechat.interop.csvfile import parse_csv
from coffeechat.models import Fact, Message, Source, User
from coffeechat.network.dedupe import Candidate, DedupeIndex, find_duplicates
from coffeechat.network.merge import merge_people
from coffeechat.network.people import ContactChanges, add_person, get_person, list_people
from coffeechat.search import search
from tests.conftest import Cli
from tests.factories import make_interview, make_person
from tests.interop.conftest import Importer, people_count, write


def _index(*people: Candidate) -> DedupeIndex:
    index = DedupeIndex(90)
    index.extend(people)
    return index


def test_the_same_email_is_the_same_person_whatever_the_name() -> None:
    index = _index(Candidate(1, "Ada Lovelace", emails=frozenset({"ada@x.example"})))

    match = index.match(Candidate(-1, "A. King", emails=frozenset({"ada@x.example"})))

    assert match is not None and (match.key, match.score) == (1, 100)
    assert match.reason == "same email ada@x.example"


def test_the_same_profile_url_is_the_same_person() -> None:
    index = _index(Candidate(1, "Ada Lovelace", urls=frozenset({"linkedin.com/in/ada"})))

    match = index.match(Candidate(-1, "Ada K.", urls=frozenset({"linkedin.com/in/ada"})))

    assert match is not None and match.reason == "same profile URL linkedin.com/in/ada"


def test_a_similar_name_at_the_same_organization_matches() -> None:
    index = _index(Candidate(1, "Jonathan Smith", "Acme Inc."))

    match = index.match(Candidate(-1, "Jonathon Smith", "Acme"))

    assert match is not None and match.key == 1 and match.score >= 90
    assert match.reason == "similar name and organization"


def test_the_same_name_at_another_organization_does_not_match() -> None:
    index = _index(Candidate(1, "John Smith", "Acme"))

    assert index.match(Candidate(-1, "John Smith", "Globex Shipping")) is None


def test_different_emails_are_never_merged_however_alike_the_names() -> None:
    index = _index(Candidate(1, "Ada Lovelace", "Acme", emails=frozenset({"ada@acme.example"})))

    assert (
        index.match(Candidate(-1, "Ada Lovelace", "Acme", emails=frozenset({"ada@other.example"})))
        is None
    )


def test_different_profiles_on_the_same_site_are_never_merged() -> None:
    index = _index(Candidate(1, "Ada Lovelace", "Acme", urls=frozenset({"linkedin.com/in/ada1"})))

    assert (
        index.match(Candidate(-1, "Ada Lovelace", "Acme", urls=frozenset({"linkedin.com/in/ada2"})))
        is None
    )
    # A team page and a LinkedIn profile are not a conflict.
    assert (
        index.match(
            Candidate(-1, "Ada Lovelace", "Acme", urls=frozenset({"acme.example/team/ada"}))
        )
        is not None
    )


def test_the_threshold_comes_from_the_caller() -> None:
    strict, loose = DedupeIndex(99), DedupeIndex(80)
    for index in (strict, loose):
        index.add(Candidate(1, "Jon Smith", "Acme"))

    assert strict.match(Candidate(-1, "John Smith", "Acme")) is None
    assert loose.match(Candidate(-1, "John Smith", "Acme")) is not None


SHEET = "Name,Email,Company,Notes\nAda Lovelace,ada@acme.example,Acme,Likes engines\n"


@pytest.mark.parametrize(
    ("choice", "people", "merged", "skipped"),
    [("merge", 1, 1, 0), ("skip", 1, 0, 1), ("new", 2, 0, 0)],
)
def test_on_duplicate_decides_what_happens_to_a_match(
    choice: str,
    people: int,
    merged: int,
    skipped: int,
    tmp_path: Path,
    run_import: Importer,
    session: Session,
    owner: User,
) -> None:
    from coffeechat.interop.report import OnDuplicate

    make_person(session, owner, "Ada Lovelace", emails=["ada@acme.example"])

    report = run_import(
        parse_csv, write(tmp_path, "s.csv", SHEET), on_duplicate=OnDuplicate(choice)
    )

    assert (len(report.merges), len(report.skips), report.added) == (
        merged,
        skipped,
        people - 1,
    )
    assert people_count(session, owner) == people


def test_a_merge_fills_what_was_missing_and_keeps_what_was_there(
    tmp_path: Path, run_import: Importer, session: Session, owner: User
) -> None:
    ada = make_person(session, owner, "Ada Lovelace", emails=["ada@acme.example"], title="Analyst")

    run_import(parse_csv, write(tmp_path, "s.csv", SHEET))

    session.refresh(ada)
    assert ada.title == "Analyst"
    assert ada.organization is not None and ada.organization.name == "Acme"
    assert ada.notes == "Likes engines"
    assert search(session, owner=owner, query="engines")[0].id == ada.id


def test_two_rows_of_one_file_with_the_same_email_become_one_person(
    tmp_path: Path, run_import: Importer, session: Session, owner: User
) -> None:
    text = SHEET + "A. Lovelace,ada@acme.example,,+1 202 555 0143\n"
    text = text.replace("Notes", "Phone").replace("Likes engines", "")

    report = run_import(parse_csv, write(tmp_path, "s.csv", text))

    assert (report.added, len(report.merges)) == (1, 1)
    assert report.merges[0].reason.startswith("merged into row 1 of this file (same email")
    (ada,) = list_people(session, owner=owner)
    assert ada.phones == ["+1 202-555-0143"]


def test_duplicates_lists_likely_pairs_with_scores(session: Session, owner: User) -> None:
    a = make_person(session, owner, "Zoë Ünal", org="Northwind Health")
    b = make_person(session, owner, "Zoe Unal", org="Northwind Health, Inc.")
    make_person(session, owner, "Zoe Unal", org="Globex", emails=["z@globex.example"])
    c = make_person(session, owner, "Marcus O.", emails=["m@lake.example"])
    d = make_person(session, owner, "Marcus Oyelaran", emails=["M@lake.example"])

    pairs = find_duplicates(session, owner=owner, threshold=90)

    assert [(p.first, p.second, p.score, p.reason) for p in pairs] == [
        (a.id, b.id, 100, "similar name and organization"),
        (c.id, d.id, 100, "same email m@lake.example"),
    ]


def test_merge_keeps_interviews_messages_research_referrals_contacts_and_tags(
    session: Session, owner: User
) -> None:
    keep = add_person(
        session,
        owner=owner,
        name="Zoë Ünal",
        contacts=ContactChanges(emails=["zoe@example.org"]),
        tags=["analytics"],
        notes="Prefers mornings.",
    )
    other = add_person(
        session,
        owner=owner,
        name="Zoe Unal",
        org="Northwind Health",
        title="Director",
        contacts=ContactChanges(emails=["zunal@northwind.example"], phones=["+1 202 555 0143"]),
        tags=["alumni"],
        notes="Met at the alumni dinner.",
    )
    referred = make_person(session, owner, "Noor Haddad", referred_by=other.id)
    interview = make_interview(session, owner, other)
    source = Source(owner_id=owner.id, person_id=other.id, content_hash="x", text="Zoe leads.")
    session.add(source)
    session.flush()
    fact = Fact(owner_id=owner.id, source_id=source.id, person_id=other.id, kind="background")
    fact.text, fact.start, fact.end = "Zoe leads.", 0, 10
    message = Message(owner_id=owner.id, person_id=other.id, kind="thank_you", body="Thanks!")
    session.add_all([fact, message])
    session.flush()
    other_id = other.id

    merged = merge_people(session, owner=owner, keep_id=keep.id, other_id=other_id)

    assert merged.emails == ["zoe@example.org", "zunal@northwind.example"]
    assert merged.phones == ["+1 202-555-0143"]
    assert merged.tag_names == ["alumni", "analytics"]
    assert merged.title == "Director"
    assert merged.organization is not None and merged.organization.name == "Northwind Health"
    assert merged.notes == "Prefers mornings.\n\nMet at the alumni dinner."
    for row in (interview, source, fact, message):
        session.refresh(row)
        assert row.person_id == keep.id
    session.refresh(referred)
    assert referred.referred_by_id == keep.id
    assert session.get(type(keep), other_id) is None
    hits = search(session, owner=owner, query="interview zoë")
    assert [h.title for h in hits if h.kind == "interview"] == ["Interview with Zoë Ünal"]


def test_merge_refuses_a_person_with_themselves_and_strangers_people(
    session: Session, owner: User, stranger: User
) -> None:
    from coffeechat.errors import Invalid, NotFound

    mine = make_person(session, owner, "Ada Lovelace")
    theirs = make_person(session, stranger, "Ada Lovelace")

    with pytest.raises(Invalid):
        merge_people(session, owner=owner, keep_id=mine.id, other_id=mine.id)
    with pytest.raises(NotFound):
        merge_people(session, owner=owner, keep_id=mine.id, other_id=theirs.id)
    assert get_person(session, owner=stranger, person_id=theirs.id).full_name == "Ada Lovelace"


def test_the_duplicates_and_merge_commands(cli: Cli) -> None:
    cli("people", "add", "Zoë Ünal", "--org", "Northwind Health")
    cli("people", "add", "Zoe Unal", "--org", "Northwind Health", "--email", "zoe@example.org")

    listed = cli("people", "duplicates")
    assert listed.exit_code == 0, listed.stderr
    assert listed.stdout.splitlines()[0].split() == ["Score", "Person", "Looks", "like", "Why"]
    assert "100" in listed.stdout
    assert listed.stdout.endswith("Merge a pair with: coffeechat people merge KEEP_ID OTHER_ID\n")
    pairs = json.loads(cli("people", "duplicates", "--json").stdout)
    assert pairs[0]["score"] == 100
    assert pairs[0]["first"] == {"id": 1, "name": "Zoë Ünal", "organization": "Northwind Health"}

    merged = cli("people", "merge", "1", "2")

    assert merged.exit_code == 0, merged.stderr
    assert merged.stdout == "Merged person 2 into Zoë Ünal (person 1).\n"
    (person,) = json.loads(cli("people", "list", "--json").stdout)
    assert person["emails"] == ["zoe@example.org"]
    assert cli("people", "duplicates").stdout == "No likely duplicates.\n"


def test_merging_a_missing_person_exits_2(cli: Cli) -> None:
    cli("people", "add", "Ada Lovelace")

    result = cli("people", "merge", "1", "9")

    assert result.exit_code == 2
    assert result.stderr == "Error: No person with id 9.\n"


def test_a_merge_keeps_the_stored_organization_and_creates_no_orphan(
    tmp_path: Path, run_import: Importer, session: Session, owner: User
) -> None:
    from coffeechat.network.organizations import list_organizations

    make_person(session, owner, "Ada Lovelace", org="Babbage & Co", emails=["ada@acme.example"])

    run_import(parse_csv, write(tmp_path, "s.csv", SHEET))

    (ada,) = list_people(session, owner=owner)
    assert ada.organization is not None and ada.organization.name == "Babbage & Co"
    assert [o.organization.name for o in list_organizations(session, owner=owner)] == [
        "Babbage & Co"
    ]


def test_another_users_people_are_never_matched(
    tmp_path: Path, run_import: Importer, session: Session, owner: User, stranger: User
) -> None:
    make_person(session, stranger, "Ada Lovelace", emails=["ada@acme.example"])

    report = run_import(parse_csv, write(tmp_path, "s.csv", SHEET))

    assert (report.added, report.merges) == (1, [])
    assert find_duplicates(session, owner=owner, threshold=90) == []
