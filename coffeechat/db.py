"""Engine, sessions and schema upkeep: SQLite pragmas, migrations on first use."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect, select
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from coffeechat import search as _search  # noqa: F401  (registers the index hooks)
from coffeechat.config import Settings
from coffeechat.errors import DatabaseProblem
from coffeechat.models import User

LOCAL_USERNAME = "local"
_SQLITE_MAGIC = b"SQLite format 3\x00"


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str, **options: Any) -> Engine:
    """An engine for ``url``; SQLite connections get WAL and foreign keys in one hook."""
    engine = create_engine(url, **options)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def _alembic_config(connection: Connection | None = None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "coffeechat:migrations")
    config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=1)
def _known_revisions() -> tuple[frozenset[str], str]:
    """Every revision we ship and the newest; read from the migration files once a process."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    head = script.get_current_head()
    assert head is not None
    return frozenset(rev.revision for rev in script.walk_revisions()), head


def _check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not ours before any pragma can touch it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        if handle.read(16) != _SQLITE_MAGIC:
            raise DatabaseProblem(f"{path} is not a SQLite database; it was left untouched.")
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        version = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            version = row[0] if row else None
    except sqlite3.DatabaseError as error:
        raise DatabaseProblem(f"{path} cannot be read as a database ({error}).") from error
    finally:
        connection.close()
    _check_version(str(path), bool(tables), version)


def _check_version(where: str, has_tables: bool, version: str | None) -> None:
    if version is None:
        if has_tables:
            raise DatabaseProblem(
                f"{where} is not a Coffeechat database (it holds other tables); "
                "it was left untouched. Point COFFEECHAT_HOME or COFFEECHAT_DATABASE_URL elsewhere."
            )
        return
    known, _head = _known_revisions()
    if version not in known:
        raise DatabaseProblem(
            f"{where} was written by a newer Coffeechat (schema {version}); "
            "upgrade Coffeechat to open it. The file was left untouched."
        )


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision, refusing foreign or newer databases."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        if engine.dialect.name != "sqlite":
            tables = set(inspect(connection).get_table_names())
            _check_version(engine.url.render_as_string(hide_password=True), bool(tables), current)
        _known, head = _known_revisions()
        if current == head:
            return
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "head")


@dataclass
class Database:
    engine: Engine
    sessions: sessionmaker[Session]

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back on any error."""
        session = self.sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()


def open_database(url: str) -> Database:
    """Open (creating and migrating if needed) the database at ``url``."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        path = Path(parsed.database)
        _check_sqlite_file(path)
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    migrate(engine)
    return Database(engine, sessionmaker(engine, expire_on_commit=False))


def open_from_settings(settings: Settings) -> Database:
    return open_database(settings.url())


def local_owner(session: Session) -> User:
    """The one implicit owner of single-user mode, created on first use."""
    user = session.scalars(select(User).where(User.username == LOCAL_USERNAME)).first()
    if user is None:
        user = User(username=LOCAL_USERNAME)
        session.add(user)
        session.flush()
    return user
