from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from coffeechat.models import Message, MessageKind, User
from coffeechat.network.stats import MonthCount, progress
from tests.factories import make_org, make_person
from tests.targets.conftest import ask, at


def test_an_empty_network_has_zeros_and_no_rates(session: Session, owner: User) -> None:
    figures = progress(session, owner=owner, thank_you_due_hours=24, now=at("2026-11-27"))
    assert (figures.requests_sent, figures.replies, figures.reply_rate) == (0, 0, None)
    assert (figures.meetings_held, figures.referrals_per_meeting) == (0, None)
    assert figures.thank_yous.due == 0 and figures.thank_yous.on_time_rate is None
    assert figures.organizations_with_conversation == ()
    assert figures.new_contacts_per_month[-1] == MonthCount("2026-11", 0)
    assert len(figures.new_contacts_per_month) == 12


def test_it_counts_requests_replies_meetings_and_organizations(
    session: Session, owner: User
) -> None:
    make_org(session, owner, "Acme")
    make_org(session, owner, "Beta")
    ada = make_person(session, owner, "Ada", org="Acme")
    bob = make_person(session, owner, "Bob", org="Beta")
    cy = make_person(session, owner, "Cy", org="Beta")
    ask(session, owner, ada, "2026-11-02", replied="2026-11-03", held="2026-11-06")
    ask(session, owner, bob, "2026-11-02", replied="2026-11-04", held="2026-11-10")
    ask(session, owner, cy, "2026-11-02")
    ask(session, owner, cy, "2026-11-16")
    make_person(session, owner, "Dee", referred_by=ada.id)
    make_person(session, owner, "Eve", referred_by=ada.id)
    make_person(session, owner, "Fay", referred_by=bob.id)
    figures = progress(session, owner=owner, thank_you_due_hours=24, now=at("2026-11-27"))
    assert (figures.requests_sent, figures.replies, figures.reply_rate) == (4, 2, 0.5)
    assert figures.meetings_held == 2
    assert (figures.referrals_gained, figures.referrals_per_meeting) == (3, 1.5)
    assert figures.organizations_with_conversation == ("Acme", "Beta")


def test_thank_yous_are_on_time_within_the_setting_and_late_or_missing_after(
    session: Session, owner: User
) -> None:
    on_time = make_person(session, owner, "On Time")
    by_note = make_person(session, owner, "By Note")
    late = make_person(session, owner, "Late")
    missing = make_person(session, owner, "Missing")
    waiting = make_person(session, owner, "Waiting")
    ask(session, owner, on_time, "2026-11-02", held="2026-11-10", thanked="2026-11-11")
    noted = ask(session, owner, by_note, "2026-11-02", held="2026-11-10")
    session.add(
        Message(
            owner_id=owner.id,
            interview_id=noted.id,
            kind=MessageKind.THANK_YOU.value,
            sent_at=at("2026-11-10", hour=18),
        )
    )
    ask(session, owner, late, "2026-11-02", held="2026-11-10", thanked="2026-11-13")
    ask(session, owner, missing, "2026-11-02", held="2026-11-10")
    ask(session, owner, waiting, "2026-11-02", held="2026-11-27")
    session.flush()
    now = at("2026-11-27", hour=18)
    thanks = progress(session, owner=owner, thank_you_due_hours=24, now=now).thank_yous
    assert (thanks.on_time, thanks.late, thanks.missing, thanks.pending) == (2, 1, 1, 1)
    assert thanks.on_time_rate == 0.5
    generous = progress(session, owner=owner, thank_you_due_hours=72, now=now).thank_yous
    assert (generous.on_time, generous.late) == (3, 0)


def test_new_contacts_are_counted_by_month_using_the_connection_date(
    session: Session, owner: User
) -> None:
    old = make_person(session, owner, "Linked Long Ago")
    old.connected_on = date(2026, 3, 14)
    make_person(session, owner, "Added Now")
    ancient = make_person(session, owner, "Out Of Range")
    ancient.connected_on = date(2020, 1, 1)
    session.flush()
    figures = progress(session, owner=owner, thank_you_due_hours=24, now=at("2026-11-27"))
    counts = {m.month: m.count for m in figures.new_contacts_per_month}
    assert counts["2026-03"] == 1 and counts["2026-11"] == 1
    assert sum(counts.values()) == 2
    assert list(counts)[0] == "2025-12"


def test_other_owners_activity_is_not_counted(
    session: Session, owner: User, stranger: User
) -> None:
    theirs = make_person(session, stranger, "Ada", org="Acme")
    ask(session, stranger, theirs, "2026-11-02", replied="2026-11-03", held="2026-11-06")
    figures = progress(session, owner=owner, thank_you_due_hours=24, now=at("2026-11-27"))
    assert (figures.requests_sent, figures.meetings_held) == (0, 0)
    assert figures.organizations_with_conversation == ()
