"""Shared fixtures: a real database per backend, one rolled-back transaction per test.

Every test that asks for ``session`` runs on SQLite, and on PostgreSQL too when
COFFEECHAT_TEST_POSTGRES_URL is set; each PostgreSQL run works in its own schema.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session
from typer.testing import CliRunner, Result

from coffeechat.config import get_settings, normalise_url
from coffeechat.db import make_engine, migrate
from coffeechat.models import User
from tests.factories import make_user

# CI replays the same examples on every run, so a red build always means a real change.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

POSTGRES_URL = os.environ.get("COFFEECHAT_TEST_POSTGRES_URL")
BACKENDS = ["sqlite", "postgresql"] if POSTGRES_URL else ["sqlite"]


@dataclass
class Backend:
    name: str
    url: str
    cleanup: Callable[[], None]


def _postgres_schema_url() -> Backend:
    assert POSTGRES_URL is not None
    base = normalise_url(POSTGRES_URL)
    schema = f"cc_test_{uuid.uuid4().hex[:12]}"
    admin = make_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in base else "?"

    def cleanup() -> None:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()

    return Backend("postgresql", f"{base}{separator}options=-csearch_path%3D{schema}", cleanup)


def new_backend(name: str, folder: Path) -> Backend:
    """A fresh, empty database of the given backend."""
    if name == "postgresql":
        return _postgres_schema_url()
    return Backend("sqlite", f"sqlite:///{folder / 'coffeechat.sqlite3'}", lambda: None)


@pytest.fixture(scope="session", params=BACKENDS)
def engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    backend = new_backend(request.param, tmp_path_factory.mktemp("db"))
    engine = make_engine(backend.url)
    migrate(engine)
    yield engine
    engine.dispose()
    backend.cleanup()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session whose work is rolled back after the test (commits become savepoints)."""
    connection = engine.connect()
    transaction = connection.begin()
    session = Session(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )
    yield session
    session.close()
    transaction.rollback()
    connection.close()


@pytest.fixture
def owner(session: Session) -> User:
    return make_user(session, "owner")


@pytest.fixture
def stranger(session: Session) -> User:
    """Another account whose rows the owner must never see."""
    return make_user(session, "stranger")


@dataclass
class Cli:
    """Runs the real command line against its own database."""

    env: dict[str, str]
    runner: CliRunner

    def __call__(self, *args: str, input: str | None = None) -> Result:
        from coffeechat.cli.main import app

        get_settings.cache_clear()
        try:
            return self.runner.invoke(app, list(args), input=input, env=self.env)
        finally:
            get_settings.cache_clear()


@pytest.fixture(params=BACKENDS)
def cli(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Cli]:
    """The ``coffeechat`` command with a fresh home folder and database."""
    backend = new_backend(request.param, tmp_path)
    env = {"COFFEECHAT_HOME": str(tmp_path), "COFFEECHAT_DATABASE_URL": backend.url}
    yield Cli(env, CliRunner())
    backend.cleanup()
