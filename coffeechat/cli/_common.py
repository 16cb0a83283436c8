"""What every command shares: the session, JSON output, tables, error messages.

Heavy modules (SQLAlchemy, the settings) are imported only when a command runs,
so ``coffeechat --help`` stays instant.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, NoReturn

import typer

if TYPE_CHECKING:
    from rich.console import Console
    from sqlalchemy.orm import Session

    from coffeechat.models import User


@dataclass
class CliState:
    """Options of the root command, set by its callback on every run."""

    demo: bool = False


STATE = CliState()


def database_url() -> str:
    from coffeechat.config import get_settings

    settings = get_settings()
    if STATE.demo:
        return f"sqlite:///{settings.demo_database_path}"
    return settings.url()


def fail(message: str, code: int = 2) -> NoReturn:
    """Stop with ``message`` on stderr: exit 2 for bad input, 1 for other failures."""
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code)


@contextmanager
def session_scope() -> Iterator[tuple[Session, User]]:
    """One unit of work on the user's database: committed on success, else rolled back.

    Our own errors end the command with their message on stderr and nothing written.
    """
    from coffeechat.db import local_owner, open_database
    from coffeechat.errors import CoffeechatError, DatabaseProblem

    try:
        database = open_database(database_url())
        try:
            with database.session() as session:
                yield session, local_owner(session)
        finally:
            database.engine.dispose()
    except DatabaseProblem as error:
        fail(str(error), code=1)
    except CoffeechatError as error:
        fail(str(error))


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def emit_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=_default))


_console: Console | None = None


def console() -> Console:
    global _console
    if _console is None:
        from rich.console import Console

        _console = Console(highlight=False, soft_wrap=True)
    return _console


def iso(value: datetime | date | None) -> str | None:
    return None if value is None else value.isoformat()


def show_fields(title: str, rows: list[tuple[str, str | None]]) -> None:
    """A titled list of label: value lines, skipping empty values."""
    from rich.markup import escape

    out = console()
    out.print(f"[bold]{escape(title)}[/bold]")
    width = max((len(label) for label, _ in rows), default=0)
    for label, value in rows:
        if value:
            out.print(f"  [dim]{label.ljust(width)}[/dim]  {escape(value)}")


def table(columns: list[str], rows: list[list[str]], empty: str) -> None:
    """A simple table, or a friendly line saying what to do when there is nothing."""
    from rich.table import Table

    if not rows:
        console().print(f"[dim]{empty}[/dim]")
        return
    grid = Table(box=None, header_style="bold", pad_edge=False)
    for column in columns:
        grid.add_column(column, overflow="fold")
    for row in rows:
        grid.add_row(*row)
    console().print(grid)
