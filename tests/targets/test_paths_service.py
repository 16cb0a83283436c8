from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from coffeechat.models import Employment, Fact, FactKind, FactStatus, Source, User
from coffeechat.network.paths import PathKind, warm_paths
from coffeechat.network.people import edit_person
from coffeechat.network.profile import update_profile
from tests.factories import make_org, make_person
from tests.targets.conftest import ask

ON = date(2026, 12, 4)


def add_background(session: Session, owner: User, person_id: int, text: str, status: str) -> None:
    source = Source(owner_id=owner.id, person_id=person_id, content_hash="x" * 64, text=text)
    session.add(source)
    session.flush()
    session.add(
        Fact(
            owner_id=owner.id,
            source_id=source.id,
            person_id=person_id,
            kind=FactKind.BACKGROUND.value,
            text=text,
            start=0,
            end=len(text),
            status=status,
        )
    )
    session.flush()


def test_people_who_met_and_answered_rank_above_cold_colleagues(
    session: Session, owner: User
) -> None:
    acme = make_org(session, owner, "Acme")
    make_person(session, owner, "Cold Carter", org="Acme")
    ada = make_person(session, owner, "Ada Warm", org="Acme", title="Analyst")
    ask(session, owner, ada, "2026-11-16", replied="2026-11-17", held="2026-11-20")
    found = warm_paths(session, owner=owner, organization=acme, on=ON)
    assert [p.ask.name for p in found.paths] == ["Ada Warm", "Cold Carter"]
    best = found.paths[0]
    assert best.kind is PathKind.WORKS_THERE and best.length == 1
    assert best.reasons == (
        "works at Acme",
        "met you in person",
        "replied to you before",
        "in touch 14 days ago",
        "a booster: answers fast",
    )


def test_someone_who_never_replied_ranks_below_a_stranger_there(
    session: Session, owner: User
) -> None:
    acme = make_org(session, owner, "Acme")
    silent = make_person(session, owner, "Sam Silent", org="Acme")
    make_person(session, owner, "Nora New", org="Acme")
    ask(session, owner, silent, "2026-11-02")
    found = warm_paths(session, owner=owner, organization=acme, on=ON)
    assert [p.ask.name for p in found.paths] == ["Nora New", "Sam Silent"]
    assert "never replied" in found.paths[1].reasons


def test_a_person_who_moved_on_is_a_path_through_their_old_job(
    session: Session, owner: User
) -> None:
    acme = make_org(session, owner, "Acme")
    ada = make_person(session, owner, "Ada", org="Acme", title="Analyst")
    edit_person(session, owner=owner, person_id=ada.id, org="Beta", title="Lead")
    found = warm_paths(session, owner=owner, organization=acme, on=ON)
    (path,) = found.paths
    assert path.kind is PathKind.WORKED_THERE
    assert path.ask.organization == "Beta"
    assert path.reasons[0].startswith("worked at Acme as Analyst until ")


def test_past_jobs_from_history_with_years_are_paths_too(session: Session, owner: User) -> None:
    acme = make_org(session, owner, "Acme")
    ada = make_person(session, owner, "Ada", org="Beta")
    session.add(
        Employment(
            owner_id=owner.id,
            person_id=ada.id,
            organization_id=acme.id,
            start_year=2015,
            end_year=2019,
        )
    )
    session.flush()
    (path,) = warm_paths(session, owner=owner, organization=acme, on=ON).paths
    assert path.reasons == ("worked at Acme until 2019",)


def test_a_referrer_of_an_insider_is_a_second_degree_path(session: Session, owner: User) -> None:
    acme = make_org(session, owner, "Acme")
    ann = make_person(session, owner, "Ann Friend", org="Beta")
    make_person(session, owner, "Bea Inside", org="Acme", referred_by=ann.id)
    ask(session, owner, ann, "2026-11-16", replied="2026-11-17", held="2026-11-20")
    found = warm_paths(session, owner=owner, organization=acme, on=ON)
    first = found.paths[0]
    assert (first.ask.name, first.insider and first.insider.name) == ("Ann Friend", "Bea Inside")
    assert first.kind is PathKind.THROUGH_REFERRAL and first.length == 2
    assert first.reasons[0] == "referred you to Bea Inside (works at Acme)"
    assert [p.ask.name for p in found.paths] == ["Ann Friend", "Bea Inside"]


def test_alumni_are_found_by_how_met_tag_or_background_fact(session: Session, owner: User) -> None:
    update_profile(session, owner=owner, schools=["Lakeshore State"])
    acme = make_org(session, owner, "Acme")
    make_person(session, owner, "Al Marked", org="Acme", how_met="alumni")
    make_person(session, owner, "Tess Tagged", org="Acme", tags=["Lakeshore State"])
    fay = make_person(session, owner, "Fay Fact", org="Acme")
    add_background(session, owner, fay.id, "She studied at Lakeshore State.", "new")
    rex = make_person(session, owner, "Rex Rejected", org="Acme")
    add_background(session, owner, rex.id, "Lakeshore State graduate.", FactStatus.REJECTED.value)
    found = warm_paths(session, owner=owner, organization=acme, on=ON)
    flagged = {p.ask.name: p.alumni for p in found.paths}
    assert flagged == {
        "Al Marked": True,
        "Tess Tagged": True,
        "Fay Fact": True,
        "Rex Rejected": False,
    }
    assert found.paths[-1].ask.name == "Rex Rejected"


def test_nobody_near_gives_introducers_instead_of_an_error(session: Session, owner: User) -> None:
    update_profile(session, owner=owner, schools=["Lakeshore State"])
    zeta = make_org(session, owner, "Zeta", industry="finance")
    make_org(session, owner, "Beta", industry="finance")
    make_person(session, owner, "Fin Peer", org="Beta")
    make_person(session, owner, "Al Alum", how_met="alumni")
    helper = make_person(session, owner, "Hal Helpful")
    ask(session, owner, helper, "2026-11-16", replied="2026-11-17", held="2026-11-20")
    make_person(session, owner, "Nobody Special")
    found = warm_paths(session, owner=owner, organization=zeta, on=ON)
    assert found.paths == () and found.total == 0
    reasons = {i.contact.name: i.reason for i in found.introducers}
    assert reasons["Fin Peer"] == "works in finance too, at Beta"
    assert reasons["Al Alum"] == "a fellow alum (how you met)"
    assert reasons["Hal Helpful"].startswith("has helped before: met you in person")
    assert "Nobody Special" not in reasons


def test_the_limit_keeps_the_best_paths_and_reports_the_total(
    session: Session, owner: User
) -> None:
    acme = make_org(session, owner, "Acme")
    for name in ("Cy", "Bo", "Al"):
        make_person(session, owner, name, org="Acme")
    found = warm_paths(session, owner=owner, organization=acme, on=ON, limit=2)
    assert [p.ask.name for p in found.paths] == ["Al", "Bo"] and found.total == 3


def test_other_owners_people_never_appear(session: Session, owner: User, stranger: User) -> None:
    acme = make_org(session, owner, "Acme")
    theirs = make_org(session, stranger, "Acme")
    make_person(session, stranger, "Their Ada", org="Acme")
    assert theirs.id != acme.id
    found = warm_paths(session, owner=owner, organization=acme, on=ON)
    assert found.paths == () and found.introducers == ()


def test_a_big_employer_with_hundreds_of_people_keeps_every_signal(
    session: Session, owner: User
) -> None:
    # Past 200 people the ids travel as one array parameter instead of a long IN list.
    update_profile(session, owner=owner, schools=["Lakeshore State"])
    acme = make_org(session, owner, "Acme")
    people = [make_person(session, owner, f"Staff {n:03d}", org="Acme") for n in range(260)]
    friend = make_person(session, owner, "Outside Friend", org="Beta")
    last = people[-1]
    last.referred_by_id = friend.id
    last.how_met = "alumni"
    session.flush()
    ask(session, owner, people[-2], "2026-11-16", replied="2026-11-17", held="2026-11-20")
    found = warm_paths(session, owner=owner, organization=acme, on=ON)
    assert found.total == 261
    assert [p.ask.name for p in found.paths[:2]] == ["Staff 258", "Staff 259"]
    assert found.paths[0].reasons[1] == "met you in person" and found.paths[1].alumni
    by_friend = found.paths[-1]
    assert by_friend.ask.name == "Outside Friend"
    assert by_friend.insider is not None and by_friend.insider.name == "Staff 259"


def test_an_unanswered_ask_does_not_make_a_contact_warm(session: Session, owner: User) -> None:
    update_profile(session, owner=owner, schools=["Lakeshore State"])
    acme = make_org(session, owner, "Acme")
    hana = make_person(session, owner, "Hana Alum", org="Acme", how_met="alumni")
    make_person(session, owner, "Cole Cold", org="Acme")
    ask(session, owner, hana, "2026-11-30")
    fresh = warm_paths(session, owner=owner, organization=acme, on=date(2026, 12, 1))
    assert [p.ask.name for p in fresh.paths] == ["Hana Alum", "Cole Cold"]
    assert fresh.paths[0].reasons == ("works at Acme", "a fellow alum (how you met)")
    # Three business days later she is silent: the alum bonus no longer outweighs that.
    later = warm_paths(session, owner=owner, organization=acme, on=date(2026, 12, 8))
    assert [p.ask.name for p in later.paths] == ["Cole Cold", "Hana Alum"]
