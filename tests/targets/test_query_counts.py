from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from sqlalchemy import event
from sqlalchemy.orm import Session

from coffeechat.models import Organization, User
from coffeechat.network.paths import warm_paths
from coffeechat.network.profile import update_profile
from coffeechat.network.targets import add_target, list_targets
from tests.factories import make_org, make_person
from tests.targets.conftest import ask


@contextmanager
def counting(session: Session) -> Iterator[list[str]]:
    statements: list[str] = []
    engine = session.get_bind().engine

    def record(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


def grow(session: Session, owner: User, org: Organization, size: int) -> None:
    friend = make_person(session, owner, f"Friend of {org.name}")
    for n in range(size):
        person = make_person(session, owner, f"{org.name} {n}", org=org.name, referred_by=friend.id)
        ask(session, owner, person, "2026-11-16", replied="2026-11-17", held="2026-11-20")


def test_warm_paths_take_the_same_few_queries_for_a_small_and_a_big_employer(
    session: Session, owner: User
) -> None:
    update_profile(session, owner=owner, schools=["Lakeshore State"])
    small, big = make_org(session, owner, "Small"), make_org(session, owner, "Big")
    grow(session, owner, small, 2)
    grow(session, owner, big, 40)
    counts = []
    for org in (small, big):
        with counting(session) as statements:
            found = warm_paths(session, owner=owner, organization=org, on=date(2026, 12, 4))
        assert found.total > 0
        counts.append(len(statements))
    # The profile, then insiders, referral ties, interviews, messages and alumni clues.
    assert counts[0] == counts[1] <= 6


def test_the_target_list_takes_the_same_queries_for_two_or_twenty_targets(
    session: Session, owner: User
) -> None:
    counts = []
    for batch in (2, 18):
        for n in range(batch):
            org = make_org(session, owner, f"Org {len(counts)}-{n}")
            make_person(session, owner, f"Person {len(counts)}-{n}", org=org.name)
            add_target(session, owner=owner, ref=org.name, motivation=n % 4)
        session.expire_all()
        with counting(session) as statements:
            assert len(list_targets(session, owner=owner)) in (2, 20)
        counts.append(len(statements))
    assert counts[0] == counts[1] <= 9


def test_next_contact_suggestions_cost_the_same_for_two_or_twelve_organizations(
    session: Session, owner: User
) -> None:
    from coffeechat.network.next_contact import next_contact_suggestions

    counts = []
    for batch in (2, 10):
        for n in range(batch):
            name = f"Org {len(counts)}-{n}"
            make_org(session, owner, name)
            ask(
                session, owner, make_person(session, owner, f"First {name}", org=name), "2026-11-02"
            )
            make_person(session, owner, f"Next {name}", org=name)
        with counting(session) as statements:
            found = next_contact_suggestions(session, owner=owner, on=date(2026, 11, 30))
        assert len(found) in (2, 12)
        assert all(f.suggestion and f.suggestion.ask.name.startswith("Next ") for f in found)
        counts.append(len(statements))
    assert counts[0] == counts[1] <= 9


def test_paths_for_many_organizations_match_one_at_a_time(session: Session, owner: User) -> None:
    from coffeechat.network.paths import warm_paths_many

    orgs = [make_org(session, owner, name) for name in ("Small", "Big", "Empty")]
    grow(session, owner, orgs[0], 2)
    grow(session, owner, orgs[1], 5)
    on = date(2026, 12, 4)
    together = warm_paths_many(session, owner=owner, organizations=orgs, on=on)
    for org in orgs:
        alone = warm_paths(session, owner=owner, organization=org, on=on)
        assert tuple(together[org.id]) == alone.paths
