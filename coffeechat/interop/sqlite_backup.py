"""A consistent copy of the SQLite database while the app runs (sqlite3's online backup)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from coffeechat.errors import Conflict, Invalid


def default_name(now: datetime | None = None) -> str:
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"coffeechat-backup-{stamp}.sqlite3"


def copy_database(url: str, target: Path) -> int:
    """Copy the database at ``url`` to ``target`` page by page; returns the page count.

    SQLite's backup API copies a consistent snapshot even while other connections write.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise Invalid(
            "database",
            f"`coffeechat backup` copies SQLite files; this database is "
            f"{parsed.get_backend_name()}. Use its own tool (for PostgreSQL: "
            "pg_dump --format=custom), or `coffeechat export json` for a portable backup.",
        )
    source = Path(parsed.database or "")
    if not parsed.database or not source.exists():
        raise Invalid("database", f"there is no database at {source} yet; nothing to back up.")
    if target.exists():
        raise Conflict(f"{target} exists already; choose another name with -o.")
    if target.resolve() == source.resolve():
        raise Invalid("--output", "the copy must not be the database itself")
    reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        writer = sqlite3.connect(target)
        try:
            reader.backup(writer, pages=1024)
            pages = writer.execute("PRAGMA page_count").fetchone()[0]
        finally:
            writer.close()
    except sqlite3.Error as error:
        target.unlink(missing_ok=True)
        raise Conflict(f"the backup failed ({error}); nothing was written.") from None
    finally:
        reader.close()
    return int(pages)
