from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from coffeechat.models import Stage, User
from coffeechat.network.next_contact import next_contact_for, next_contact_suggestions
from tests.factories import make_org, make_person
from tests.targets.conftest import ask

# Asked on Monday 2026-11-16: the third business day is Thursday the 19th.


def test_a_silent_first_request_suggests_the_next_best_person_there(
    session: Session, owner: User
) -> None:
    acme = make_org(session, owner, "Acme")
    first = make_person(session, owner, "First Asked", org="Acme")
    make_person(session, owner, "Cold Colleague", org="Acme")
    warm = make_person(session, owner, "Warm Colleague", org="Acme")
    ask(session, owner, warm, "2026-09-01", replied="2026-09-02", held="2026-09-10")
    ask(session, owner, first, "2026-11-16")
    (found,) = next_contact_suggestions(session, owner=owner, on=date(2026, 11, 20))
    assert found.organization_id == acme.id
    assert found.waiting_on.name == "First Asked"
    assert (found.requested_on, found.due_on) == (date(2026, 11, 16), date(2026, 11, 19))
    assert found.suggestion is not None and found.suggestion.ask.name == "Cold Colleague"
    assert found.summary == (
        "No reply from First Asked at Acme since 2026-11-16: write to Cold Colleague next."
    )


def test_people_already_met_there_are_not_suggested_again_but_friends_outside_are(
    session: Session, owner: User
) -> None:
    make_org(session, owner, "Acme")
    first = make_person(session, owner, "First Asked", org="Acme")
    ann = make_person(session, owner, "Ann Friend", org="Beta")
    make_person(session, owner, "Bea Inside", org="Acme", referred_by=ann.id)
    ask(session, owner, ann, "2026-10-01", replied="2026-10-02", held="2026-10-05")
    ask(session, owner, first, "2026-11-16")
    (found,) = next_contact_suggestions(session, owner=owner, on=date(2026, 11, 20))
    suggestion = found.suggestion
    assert suggestion is not None and suggestion.insider is not None
    assert (suggestion.ask.name, suggestion.insider.name) == ("Ann Friend", "Bea Inside")
    assert found.summary.endswith("write to Ann Friend (who knows Bea Inside) next.")


def test_the_suggestion_comes_on_the_third_business_day_like_the_agenda(
    session: Session, owner: User
) -> None:
    make_org(session, owner, "Acme")
    first = make_person(session, owner, "First Asked", org="Acme")
    make_person(session, owner, "Other", org="Acme")
    ask(session, owner, first, "2026-11-16")
    assert next_contact_suggestions(session, owner=owner, on=date(2026, 11, 18)) == []
    assert len(next_contact_suggestions(session, owner=owner, on=date(2026, 11, 19))) == 1
    # The agenda's setting (COFFEECHAT_NEXT_CONTACT_BUSINESS_DAYS) moves it.
    later = {"owner": owner, "after_business_days": 5}
    assert next_contact_suggestions(session, on=date(2026, 11, 20), **later) == []
    (found,) = next_contact_suggestions(session, on=date(2026, 11, 23), **later)
    assert found.due_on == date(2026, 11, 23)


def test_the_wait_skips_the_users_holidays(session: Session, owner: User) -> None:
    make_org(session, owner, "Acme")
    first = make_person(session, owner, "First Asked", org="Acme")
    ask(session, owner, first, "2026-11-24")
    assert next_contact_suggestions(session, owner=owner, on=date(2026, 11, 27)) == []
    (found,) = next_contact_suggestions(session, owner=owner, on=date(2026, 11, 30))
    assert found.due_on == date(2026, 11, 30)


def test_an_upcoming_meeting_or_a_fresh_second_request_means_no_suggestion(
    session: Session, owner: User
) -> None:
    acme = make_org(session, owner, "Acme")
    first = make_person(session, owner, "First Asked", org="Acme")
    second = make_person(session, owner, "Second Asked", org="Acme")
    make_person(session, owner, "Third", org="Acme")
    ask(session, owner, first, "2026-11-16")
    later = ask(session, owner, second, "2026-11-19")
    assert next_contact_for(session, owner=owner, organization=acme, on=date(2026, 11, 20)) is None
    found = next_contact_for(session, owner=owner, organization=acme, on=date(2026, 11, 25))
    assert found is not None and found.suggestion is not None
    assert found.suggestion.ask.name == "Third"
    later.stage = Stage.SCHEDULED.value
    session.flush()
    assert next_contact_for(session, owner=owner, organization=acme, on=date(2026, 11, 25)) is None


def test_with_nobody_else_there_the_summary_says_to_find_an_introduction(
    session: Session, owner: User
) -> None:
    make_org(session, owner, "Acme")
    first = make_person(session, owner, "First Asked", org="Acme")
    ask(session, owner, first, "2026-11-16")
    (found,) = next_contact_suggestions(session, owner=owner, on=date(2026, 11, 20))
    assert found.suggestion is None
    assert found.summary == (
        "No reply from First Asked at Acme since 2026-11-16: "
        "nobody else known there yet; ask a contact for an introduction."
    )


def test_suggestions_cover_each_organization_soonest_first(session: Session, owner: User) -> None:
    for org in ("Acme", "Beta"):
        make_org(session, owner, org)
        make_person(session, owner, f"Other at {org}", org=org)
    ask(session, owner, make_person(session, owner, "B1", org="Beta"), "2026-11-09")
    ask(session, owner, make_person(session, owner, "A1", org="Acme"), "2026-11-16")
    found = next_contact_suggestions(session, owner=owner, on=date(2026, 11, 30))
    assert [(f.organization, f.suggestion and f.suggestion.ask.name) for f in found] == [
        ("Beta", "Other at Beta"),
        ("Acme", "Other at Acme"),
    ]


def test_other_owners_requests_never_produce_suggestions(
    session: Session, owner: User, stranger: User
) -> None:
    make_org(session, stranger, "Acme")
    ask(session, stranger, make_person(session, stranger, "A1", org="Acme"), "2026-11-16")
    assert next_contact_suggestions(session, owner=owner, on=date(2026, 11, 30)) == []
