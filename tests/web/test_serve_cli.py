"""``coffeechat serve`` refuses non-loopback addresses before anything listens."""

from __future__ import annotations

from tests.conftest import Cli


def test_serve_refuses_a_public_address_and_says_why(cli: Cli) -> None:
    result = cli("serve", "--host", "0.0.0.0")
    assert result.exit_code == 2
    assert "Error: Coffeechat listens only on this computer" in result.stderr
    assert "Multi-user mode with accounts comes later." in result.stderr


def test_serve_is_listed_in_the_help(cli: Cli) -> None:
    result = cli("serve", "--help")
    assert result.exit_code == 0
    assert "--host" in result.stdout and "--open" in result.stdout
