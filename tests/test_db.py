"""Storage: pragmas, migrations on first use, and refusing databases that are not ours."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, inspect, text

from coffeechat.config import Settings
from coffeechat.db import local_owner, make_engine, migrate, open_database
from coffeechat.errors import DatabaseProblem
from tests.conftest import BACKENDS, new_backend


def test_the_default_database_lives_in_the_user_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("COFFEECHAT_HOME", raising=False)
    monkeypatch.delenv("COFFEECHAT_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert (
        Settings().url() == f"sqlite:///{tmp_path / 'data' / 'coffeechat' / 'coffeechat.sqlite3'}"
    )


def test_home_and_database_url_settings_are_honoured(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("COFFEECHAT_HOME", str(tmp_path))
    monkeypatch.delenv("COFFEECHAT_DATABASE_URL", raising=False)
    assert Settings().url() == f"sqlite:///{tmp_path / 'coffeechat.sqlite3'}"
    monkeypatch.setenv("COFFEECHAT_DATABASE_URL", "postgresql://coach@db.example/center")
    assert Settings().url() == "postgresql+psycopg://coach@db.example/center"


def test_a_new_sqlite_database_is_created_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'new' / 'cc.sqlite3'}")
    with database.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    with database.session() as session:
        assert local_owner(session).username == "local"
    database.engine.dispose()


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("my shopping list\n")
    with pytest.raises(DatabaseProblem, match="is not a SQLite database"):
        open_database(f"sqlite:///{path}")
    assert path.read_text() == "my shopping list\n"


def test_another_applications_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseProblem, match="is not a Coffeechat database"):
        open_database(f"sqlite:///{path}")
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()


def test_a_database_from_a_newer_version_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    open_database(f"sqlite:///{path}").engine.dispose()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseProblem, match="newer Coffeechat"):
        open_database(f"sqlite:///{path}")
    assert path.read_bytes() == before


def test_the_command_line_reports_a_foreign_file_and_exits_1(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from coffeechat.cli.main import app
    from coffeechat.config import get_settings

    path = tmp_path / "coffeechat.sqlite3"
    path.write_bytes(b"\x00" * 64)
    get_settings.cache_clear()
    result = CliRunner().invoke(
        app,
        ["people", "list"],
        env={"COFFEECHAT_HOME": str(tmp_path), "COFFEECHAT_DATABASE_URL": None},
    )
    get_settings.cache_clear()
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path} is not a SQLite database; it was left untouched.\n"
    assert path.read_bytes() == b"\x00" * 64


def _alembic(engine: Engine, revision: str, direction: str) -> None:
    with engine.begin() as connection:
        config = Config()
        config.set_main_option("script_location", "coffeechat:migrations")
        config.attributes["connection"] = connection
        getattr(command, direction)(config, revision)


@pytest.mark.parametrize("backend", BACKENDS)
def test_migrations_go_from_empty_to_head_and_back(backend: str, tmp_path: Path) -> None:
    database = new_backend(backend, tmp_path)
    engine = make_engine(database.url)
    try:
        migrate(engine)
        tables = set(inspect(engine).get_table_names())
        assert {"people", "organizations", "interviews", "facts", "messages"} <= tables
        _alembic(engine, "base", "downgrade")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        _alembic(engine, "head", "upgrade")
        assert {"people", "search_documents"} <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
        database.cleanup()


def test_a_newer_postgresql_schema_is_refused(tmp_path: Path) -> None:
    if "postgresql" not in BACKENDS:
        pytest.skip("set COFFEECHAT_TEST_POSTGRES_URL to run PostgreSQL tests")
    database = new_backend("postgresql", tmp_path)
    engine = make_engine(database.url)
    try:
        migrate(engine)
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
        with pytest.raises(DatabaseProblem, match="newer Coffeechat"):
            migrate(engine)
    finally:
        engine.dispose()
        database.cleanup()
