"""The interviewee's background from a profile PDF or a pasted bio, and shared ground."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from coffeechat.config import Settings
from coffeechat.errors import Invalid, NotFound
from coffeechat.models import User
from coffeechat.network.profile import update_profile
from coffeechat.research.bio import Role, School, read_background, same_name
from coffeechat.research.service import add_bio
from tests.conftest import Cli
from tests.factories import make_person
from tests.research.pdfs import profile_pdf

BIO = (
    "Dana Whitlock is a senior program officer at the Carver Family Foundation, where she has "
    "led the education portfolio since 2020. Before that, she worked as a policy analyst at "
    "Greenway Transit Authority from 2015 to 2020.\n\nDana holds a master's degree in public "
    "policy from Lakeshore State University and studied history at Riverside College."
)


def _priya(tmp_path: Path) -> Path:
    return profile_pdf(
        tmp_path / "Profile.pdf",
        name="Priya Natarajan",
        headline="Head of Operations at Harbor Freight Cooperative",
        experience=[
            (
                "Harbor Freight Cooperative",
                [
                    ("Head of Operations", "Mar 2021 - Present (3 years 9 months)", "Portland"),
                    ("Logistics Manager", "Jan 2018 - Feb 2021 (3 years 2 months)", "Portland"),
                ],
            ),
            ("Northfield Bank", [("Analyst", "2014 - 2017 (3 years)", "Boston, Massachusetts")]),
        ],
        education=[
            (
                "Lakeshore State University",
                "Master of Business Administration - MBA · (2012 - 2014)",
            ),
            ("Riverside College", "Bachelor of Arts - BA, Economics · (2008 - 2012)"),
        ],
    )


def _roles(roles: list[Role]) -> list[tuple[str, str, int | None, int | None, bool]]:
    return [(r.title, r.organization, r.start_year, r.end_year, r.current) for r in roles]


def _schools(schools: list[School]) -> list[tuple[str, str, int | None, int | None]]:
    return [(s.name, s.degree, s.start_year, s.end_year) for s in schools]


def test_it_reads_roles_and_schools_from_a_profile_pdf(
    session: Session, owner: User, settings: Settings, tmp_path: Path
) -> None:
    person = make_person(session, owner, "Priya Natarajan")
    result = add_bio(
        session, owner=owner, person_id=person.id, ref=str(_priya(tmp_path)), settings=settings
    )
    assert _roles(result.background.roles) == [
        ("Head of Operations", "Harbor Freight Cooperative", 2021, None, True),
        ("Logistics Manager", "Harbor Freight Cooperative", 2018, 2021, False),
        ("Analyst", "Northfield Bank", 2014, 2017, False),
    ]
    assert _schools(result.background.schools) == [
        ("Lakeshore State University", "Master of Business Administration - MBA", 2012, 2014),
        ("Riverside College", "Bachelor of Arts - BA, Economics", 2008, 2012),
    ]
    facts = result.ingested.facts
    assert len(facts) == 5
    assert {(f.kind, f.person_id) for f in facts} == {("background", person.id)}
    source = result.ingested.source
    assert all(source.text[f.start : f.end] == f.text for f in facts)
    assert facts[2].text == "Northfield Bank\nAnalyst\n2014 - 2017 (3 years)"


def test_shared_schools_and_employers_become_openers(
    session: Session, owner: User, settings: Settings, tmp_path: Path
) -> None:
    update_profile(
        session, owner=owner, schools=["Lakeshore State"], employers=["northfield bank, inc."]
    )
    person = make_person(session, owner, "Priya Natarajan")
    result = add_bio(
        session, owner=owner, person_id=person.id, ref=str(_priya(tmp_path)), settings=settings
    )
    assert result.openers == [
        "You both studied at Lakeshore State University (they finished in 2014): "
        "ask what it was like then.",
        "You have both worked at Northfield Bank: Priya as Analyst. Ask how it has changed.",
    ]


def test_it_reads_a_pasted_bio() -> None:
    background = read_background(BIO)
    assert _roles(background.roles) == [
        ("senior program officer", "Carver Family Foundation", 2020, None, True),
        ("policy analyst", "Greenway Transit Authority", 2015, 2020, False),
    ]
    assert [s.name for s in background.schools] == [
        "Lakeshore State University",
        "Riverside College",
    ]


@pytest.mark.parametrize(
    ("bio", "roles"),
    [
        (
            "Marcus joined Northfield Bank in 2019 as a senior analyst. He previously worked "
            "as a teller at Riverside Credit Union from 2014 to 2019.",
            [
                ("senior analyst", "Northfield Bank", 2019, None, True),
                ("teller", "Riverside Credit Union", 2014, 2019, False),
            ],
        ),
        (
            "Currently Director of Analytics at Northwind Health. Previously a data scientist "
            "at Quillon Software (2016-2020).",
            [
                ("Director of Analytics", "Northwind Health", None, None, True),
                ("data scientist", "Quillon Software", 2016, 2020, False),
            ],
        ),
        (
            "Tom is the founder of Meadowlark Coffee. Before that, he spent six years as a "
            "barista at Blue Bottle Inc.",
            [
                ("founder", "Meadowlark Coffee", None, None, True),
                ("barista", "Blue Bottle Inc", None, None, False),
            ],
        ),
    ],
)
def test_it_reads_roles_phrased_in_different_ways(
    bio: str, roles: list[tuple[str, str, int | None, int | None, bool]]
) -> None:
    assert _roles(read_background(bio).roles) == roles


def test_a_year_goes_to_the_school_it_follows() -> None:
    background = read_background(
        "She earned her BSN from the University of Lakeshore in 2008 and an MBA from "
        "Harlan Business School."
    )
    assert [(s.name, s.end_year) for s in background.schools] == [
        ("University of Lakeshore", 2008),
        ("Harlan Business School", None),
    ]


def test_adding_the_same_profile_again_updates_it(
    session: Session, owner: User, settings: Settings, tmp_path: Path
) -> None:
    person = make_person(session, owner, "Priya Natarajan")
    ref = str(_priya(tmp_path))
    first = add_bio(session, owner=owner, person_id=person.id, ref=ref, settings=settings)
    again = add_bio(session, owner=owner, person_id=person.id, ref=ref, settings=settings)
    assert again.ingested.source.id == first.ingested.source.id
    assert [f.id for f in again.ingested.facts] == [f.id for f in first.ingested.facts]


def test_the_same_bio_for_two_people_is_stored_for_each(
    session: Session, owner: User, settings: Settings
) -> None:
    first, second = make_person(session, owner, "Dana Whitlock"), make_person(session, owner, "D W")
    one = add_bio(
        session, owner=owner, person_id=first.id, ref="-", settings=settings, stdin=BIO.encode()
    )
    two = add_bio(
        session, owner=owner, person_id=second.id, ref="-", settings=settings, stdin=BIO.encode()
    )
    assert one.ingested.source.id != two.ingested.source.id
    assert {f.person_id for f in one.ingested.facts} == {first.id}
    assert {f.person_id for f in two.ingested.facts} == {second.id}


def test_a_text_without_roles_or_schools_is_refused(
    session: Session, owner: User, settings: Settings
) -> None:
    person = make_person(session, owner, "Sam Ode")
    with pytest.raises(Invalid, match="bio: found no roles or schools in stdin"):
        add_bio(
            session,
            owner=owner,
            person_id=person.id,
            ref="-",
            settings=settings,
            stdin=b"Loves hiking and sourdough.",
        )


def test_another_owners_person_is_out_of_reach(
    session: Session, owner: User, stranger: User, settings: Settings
) -> None:
    person = make_person(session, owner, "Priya Natarajan")
    with pytest.raises(NotFound, match="No person with id"):
        add_bio(
            session,
            owner=stranger,
            person_id=person.id,
            ref="-",
            settings=settings,
            stdin=BIO.encode(),
        )


def test_names_match_loosely_but_not_wrongly() -> None:
    assert same_name("Lakeshore State", "Lakeshore State University")
    assert same_name("The Northfield Bank", "Northfield Bank, Inc.")
    assert not same_name("State University", "Lakeshore State Community College")
    assert not same_name("Bank", "Northfield Savings")


def test_the_bio_command_prints_roles_schools_and_openers(cli: Cli) -> None:
    cli("people", "add", "Dana Whitlock")
    cli("me", "--school", "Riverside College")
    result = cli("research", "bio", "1", "-", input=BIO)
    assert result.exit_code == 0, result.stderr
    assert [line.rstrip() for line in result.stdout.splitlines()] == [
        "Background of Dana Whitlock:",
        "Role                    Organization                Years",
        "senior program officer  Carver Family Foundation    2020–present",
        "policy analyst          Greenway Transit Authority  2015–2020",
        "School                      Degree  Years",
        "Lakeshore State University",
        "Riverside College",
        "Opener: You both studied at Riverside College: ask what it was like then.",
    ]
    data = json.loads(cli("research", "bio", "1", "-", "--json", input=BIO).stdout)
    assert data["roles"][1] == {
        "title": "policy analyst",
        "organization": "Greenway Transit Authority",
        "start_year": 2015,
        "end_year": 2020,
        "current": False,
    }
    assert [f["kind"] for f in data["facts"]] == ["background"] * 3


def test_a_damaged_pdf_is_refused_with_exit_2(cli: Cli, tmp_path: Path) -> None:
    cli("people", "add", "Dana Whitlock")
    broken = tmp_path / "Profile.pdf"
    broken.write_bytes(_priya(tmp_path).read_bytes()[:300])
    result = cli("research", "bio", "1", str(broken))
    assert result.exit_code == 2
    assert "Profile.pdf is a damaged or truncated PDF" in result.stderr
