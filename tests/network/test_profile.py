from __future__ import annotations

import json

import pytest
from sqlalchemy.orm import Session

from coffeechat.errors import Invalid
from coffeechat.models import User
from coffeechat.network.profile import get_profile, update_profile
from tests.conftest import Cli


def test_a_new_profile_defaults_to_the_us_and_utc(session: Session, owner: User) -> None:
    profile = get_profile(session, owner=owner)
    assert (profile.country, profile.timezone, profile.schools) == ("US", "UTC", [])


def test_lists_are_replaced_and_deduplicated(session: Session, owner: User) -> None:
    update_profile(session, owner=owner, schools=["Lakeshore State", "lakeshore  state", "MIT"])
    assert get_profile(session, owner=owner).schools == ["Lakeshore State", "MIT"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"country": "XX"}, "country"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"email": "nope"}, "email"),
    ],
)
def test_it_rejects_bad_profile_values(
    session: Session, owner: User, change: dict[str, str], field: str
) -> None:
    with pytest.raises(Invalid) as raised:
        update_profile(session, owner=owner, **change)
    assert raised.value.field == field


def test_me_sets_and_shows_the_profile(cli: Cli) -> None:
    result = cli(
        "me",
        "--name",
        "Jordan Reyes",
        "--school",
        "Lakeshore State",
        "--school",
        "MIT",
        "--country",
        "de",
        "--timezone",
        "Europe/Berlin",
        "--json",
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "name": "Jordan Reyes",
        "email": None,
        "schools": ["Lakeshore State", "MIT"],
        "employers": [],
        "fields": [],
        "country": "DE",
        "timezone": "Europe/Berlin",
    }
    shown = cli("me")
    assert "Jordan Reyes" in shown.stdout and "Europe/Berlin" in shown.stdout


def test_me_with_a_bad_time_zone_exits_2(cli: Cli) -> None:
    result = cli("me", "--timezone", "Nowhere/Special")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "Error: timezone: 'Nowhere/Special' is not a time zone (try Europe/Paris)\n"
    )
