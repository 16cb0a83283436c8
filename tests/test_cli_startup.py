"""`coffeechat --help` must stay instant: the command line imports heavy modules lazily."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("sqlalchemy", "alembic", "pydantic_settings", "httpx", "psycopg")


def test_loading_the_command_line_imports_no_heavy_module() -> None:
    probe = (
        "import sys; import coffeechat.cli.main; "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_help_lists_every_command_group() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "coffeechat", "--help"], capture_output=True, text=True, check=True
    )
    for group in ("people", "orgs", "interviews", "search", "me", "demo"):
        assert group in result.stdout
