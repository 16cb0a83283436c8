from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coffeechat.demo import build_demo
from coffeechat.models import Interview, Person, User
from coffeechat.search import search
from coffeechat.vocab import Stage
from tests.conftest import Cli


def test_the_demo_has_a_realistic_network_with_every_stage(session: Session, owner: User) -> None:
    summary = build_demo(session, owner=owner)
    assert summary.people >= 24 and summary.organizations >= 5 and summary.facts > 0
    stages = set(session.scalars(select(Interview.stage).where(Interview.owner_id == owner.id)))
    assert stages == {stage.value for stage in Stage}
    referred = session.scalar(
        select(func.count())
        .select_from(Person)
        .where(Person.owner_id == owner.id, Person.referred_by_id.is_not(None))
    )
    assert referred and referred >= 5
    assert search(session, owner=owner, query="readmissions")


def test_the_demo_command_fills_its_own_database_and_leaves_yours_empty(cli: Cli) -> None:
    result = cli("demo")
    assert result.exit_code == 0
    assert "A short tour" in result.stdout and "coffeechat --demo people list" in result.stdout
    demo_people = json.loads(cli("--demo", "people", "list", "--json").stdout)
    assert len(demo_people) >= 24
    assert json.loads(cli("people", "list", "--json").stdout) == []
    again = cli("demo")
    assert again.exit_code == 0
    assert len(json.loads(cli("--demo", "people", "list", "--json").stdout)) == len(demo_people)
