"""Interview readiness: which items are done, what fills the others, and the score."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from coffeechat.careers.onet_files import open_local
from coffeechat.careers.onet_import import import_onet
from coffeechat.careers.service import link_career
from coffeechat.errors import NotFound
from coffeechat.models import Career, Fact, Interview, PlannedQuestion, Source, User
from coffeechat.network.profile import update_profile
from coffeechat.research.readiness import Readiness, readiness
from tests.careers.conftest import DEV, write_release
from tests.conftest import Cli
from tests.factories import make_interview, make_org, make_person

COMPANY = ["mission", "goals", "culture", "products", "news"]
CAREER = ["qualifications", "workplace", "typical_day"]
ALWAYS = ["background", "questions", "time_place", "attire"]


def add_fact(
    session: Session,
    owner: User,
    kind: str,
    *,
    organization_id: int | None = None,
    person_id: int | None = None,
    career_id: int | None = None,
    status: str = "new",
) -> Fact:
    source = Source(
        owner_id=owner.id, organization_id=organization_id, content_hash=kind, text="Some text."
    )
    fact = Fact(
        owner_id=owner.id,
        source=source,
        organization_id=organization_id,
        person_id=person_id,
        career_id=career_id,
        kind=kind,
        text="Some text.",
        start=0,
        end=10,
        status=status,
    )
    session.add(fact)
    session.flush()
    return fact


def add_questions(session: Session, interview: Interview, *states: str) -> None:
    for position, state in enumerate(states, start=1):
        interview.questions.append(
            PlannedQuestion(
                owner_id=interview.owner_id, position=position, text=f"Q{position}?", state=state
            )
        )
    session.flush()


def company_interview(session: Session, owner: User, **over: object) -> Interview:
    person = make_person(session, owner, "Ada Lovelace", org="Acme")
    return make_interview(session, owner, person, **over)


def check(session: Session, owner: User, interview: Interview) -> Readiness:
    return readiness(session, owner=owner, interview_id=interview.id)


def done(result: Readiness) -> dict[str, bool]:
    return {item.key: item.done for item in result.items}


def test_a_new_company_interview_has_everything_to_do(session: Session, owner: User) -> None:
    interview = company_interview(session, owner)
    result = check(session, owner, interview)
    assert [item.key for item in result.items] == COMPANY + ALWAYS
    assert result.score == 0
    assert all(item.how for item in result.items)
    org_id = interview.organization_id
    hows = {item.key: item.how for item in result.items}
    assert hows["mission"] == f"coffeechat research site {org_id} URL"
    assert hows["news"] == f"coffeechat research add {org_id} URL"
    assert hows["background"] == f"coffeechat research bio {interview.person_id} FILE"
    assert hows["questions"] == f"coffeechat questions plan {interview.id}"
    assert hows["attire"] == f"coffeechat attire {interview.id} --choose LEVEL"
    assert hows["time_place"] == (
        f"coffeechat interviews schedule {interview.id} --at WHEN --venue VENUE --place TEXT"
    )


def test_company_facts_fill_their_items_but_rejected_ones_do_not(
    session: Session, owner: User
) -> None:
    interview = company_interview(session, owner)
    org = interview.organization_id
    add_fact(session, owner, "vision", organization_id=org)
    add_fact(session, owner, "value", organization_id=org, status="confirmed")
    add_fact(session, owner, "product", organization_id=org, status="rejected")
    add_fact(session, owner, "news", organization_id=make_org(session, owner, "Other").id)
    result = check(session, owner, interview)
    assert done(result) == {
        "mission": True,
        "goals": False,
        "culture": True,
        "products": False,
        "news": False,
        **dict.fromkeys(ALWAYS, False),
    }
    mission = result.items[0]
    assert (mission.found, mission.how) == ("1 fact", None)


def test_another_owners_facts_never_count(session: Session, owner: User, stranger: User) -> None:
    interview = company_interview(session, owner)
    add_fact(session, stranger, "mission", organization_id=interview.organization_id)
    assert done(check(session, owner, interview))["mission"] is False


def test_the_persons_organization_stands_in_when_the_interview_has_none(
    session: Session, owner: User
) -> None:
    interview = make_interview(session, owner, make_person(session, owner, "Bo"))
    result = check(session, owner, interview)
    assert result.items[0].found == "no organization for this interview"
    assert result.items[0].how == f"coffeechat people edit {interview.person_id} --org NAME"
    assert interview.person is not None
    interview.person.organization = make_org(session, owner, "Zeta")
    add_fact(session, owner, "mission", organization_id=interview.person.organization.id)
    assert done(check(session, owner, interview))["mission"] is True


def test_a_career_interview_uses_the_linked_careers_onet_dossier(
    session: Session, owner: User, tmp_path: Path
) -> None:
    folder = write_release(tmp_path / "release")
    import_onet(session, open_local(folder), source=str(folder))
    interview = company_interview(session, owner, focus="career")
    result = check(session, owner, interview)
    assert [item.key for item in result.items] == CAREER + ALWAYS
    assert result.items[0].how == "coffeechat careers search TEXT"
    assert result.items[0].note == f"then: coffeechat careers link {interview.id} CODE"
    link_career(session, owner=owner, interview_id=interview.id, code=DEV)
    career_items = check(session, owner, interview).items[:3]
    assert [(i.done, i.found) for i in career_items] == [
        (True, "O*NET: Job Zone 4"),
        (True, "O*NET: 2 work-context ratings"),
        (True, "O*NET: 4 tasks"),
    ]


def test_career_facts_count_when_onet_has_nothing(session: Session, owner: User) -> None:
    interview = company_interview(session, owner, focus="career")
    career = Career(owner_id=owner.id, onet_code=DEV, title="Software Developers")
    interview.career = career
    session.flush()
    add_fact(session, owner, "typical_day", career_id=career.id)
    items = check(session, owner, interview).items[:3]
    assert [(i.key, i.done) for i in items] == [
        ("qualifications", False),
        ("workplace", False),
        ("typical_day", True),
    ]
    assert items[0].how == "coffeechat careers import-onet"


def test_both_focus_needs_both_sets(session: Session, owner: User) -> None:
    interview = company_interview(session, owner, focus="both")
    assert [item.key for item in check(session, owner, interview).items] == (
        COMPANY + CAREER + ALWAYS
    )


def test_background_facts_about_the_person_count(session: Session, owner: User) -> None:
    interview = company_interview(session, owner)
    add_fact(session, owner, "background", person_id=interview.person_id)
    add_fact(session, owner, "background", person_id=interview.person_id)
    item = check(session, owner, interview).items[5]
    assert (item.key, item.done, item.found) == ("background", True, "2 facts")


def test_three_questions_are_needed_and_skipped_ones_do_not_count(
    session: Session, owner: User
) -> None:
    interview = company_interview(session, owner)
    add_questions(session, interview, "planned", "asked", "skipped")
    assert done(check(session, owner, interview))["questions"] is False
    add_questions(session, interview, "planned")
    assert done(check(session, owner, interview))["questions"] is True


def test_time_and_place_need_both(session: Session, owner: User) -> None:
    interview = company_interview(session, owner)
    interview.scheduled_at = datetime(2026, 12, 3, 15, 0, tzinfo=UTC)
    item = check(session, owner, interview).items[7]
    assert (item.done, item.found) == (False, "no place or link yet")
    interview.link = "https://meet.example.org/abc"
    item = check(session, owner, interview).items[7]
    assert (item.done, item.found, item.how) == (
        True,
        "Thu 2026-12-03 15:00 UTC, https://meet.example.org/abc",
        None,
    )
    update_profile(session, owner=owner, timezone="America/Chicago")
    item = check(session, owner, interview).items[7]
    assert item.found == "Thu 2026-12-03 09:00 CST, https://meet.example.org/abc"


def test_the_score_is_the_share_of_items_done(session: Session, owner: User) -> None:
    interview = company_interview(session, owner)
    org = interview.organization_id
    for kind in ("mission", "goal", "culture"):
        add_fact(session, owner, kind, organization_id=org)
    interview.attire = "business-casual"
    assert check(session, owner, interview).score == 44  # 4 of 9
    for kind in ("product", "news"):
        add_fact(session, owner, kind, organization_id=org)
    add_fact(session, owner, "background", person_id=interview.person_id)
    add_questions(session, interview, "planned", "planned", "planned")
    interview.scheduled_at = datetime(2026, 12, 3, 15, 0, tzinfo=UTC)
    interview.place = "Blue Door Café"
    result = check(session, owner, interview)
    assert (result.score, result.missing) == (100, ())


def test_another_owners_interview_is_not_found(
    session: Session, owner: User, stranger: User
) -> None:
    theirs = company_interview(session, stranger)
    with pytest.raises(NotFound, match="interview"):
        check(session, owner, theirs)


def test_the_readiness_command_prints_the_checklist(cli: Cli, tmp_path: Path) -> None:
    folder = write_release(tmp_path / "release")
    assert cli("careers", "import-onet", "--from", str(folder)).exit_code == 0
    cli("people", "add", "Ada Lovelace", "--org", "Acme")
    cli("interviews", "new", "1", "--focus", "career")
    cli("careers", "link", "1", DEV)
    result = cli("interviews", "readiness", "1")
    assert result.exit_code == 0
    assert result.stdout == (
        "Interview 1: 43/100 ready (career focus, 4 to do)\n"
        "\n"
        "The career\n"
        "  ✓ Qualifications (O*NET: Job Zone 4)\n"
        "  ✓ Where the work happens (O*NET: 2 work-context ratings)\n"
        "  ✓ A typical day (O*NET: 4 tasks)\n"
        "\n"
        "The person\n"
        "  ✗ Their background (0 facts)\n"
        "      → coffeechat research bio 1 FILE  "
        "(FILE: a pasted bio or a profile saved as PDF; - reads stdin)\n"
        "\n"
        "The meeting\n"
        "  ✗ At least 3 prepared questions (0 planned)\n"
        "      → coffeechat questions plan 1\n"
        "  ✗ Time and place (no time yet)\n"
        "      → coffeechat interviews schedule 1 --at WHEN --venue VENUE --place TEXT  "
        "(for a video call give --link URL instead of --place)\n"
        "  ✗ Attire chosen (not chosen)\n"
        "      → coffeechat attire 1 --choose LEVEL  (see the advice first: coffeechat attire 1)\n"
    )
    shape = json.loads(cli("interviews", "readiness", "1", "--json").stdout)
    assert (shape["interview_id"], shape["focus"], shape["score"]) == (1, "career", 43)
    assert shape["items"][3] == {
        "key": "background",
        "group": "person",
        "label": "Their background",
        "done": False,
        "found": "0 facts",
        "how": "coffeechat research bio 1 FILE",
        "note": "FILE: a pasted bio or a profile saved as PDF; - reads stdin",
    }
    missing = cli("interviews", "readiness", "5")
    assert (missing.exit_code, missing.stderr) == (2, "Error: No interview with id 5.\n")


def test_on_the_demo_database_the_commands_keep_the_demo_flag(cli: Cli) -> None:
    assert cli("demo").exit_code == 0
    result = cli("--demo", "interviews", "readiness", "1")
    assert result.exit_code == 0
    assert "      → coffeechat --demo questions plan 1\n" in result.stdout
