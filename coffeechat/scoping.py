"""Owner scoping, written once: every service reads owned rows through these helpers."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from coffeechat.errors import NotFound
from coffeechat.models import Base, User

T = TypeVar("T", bound=Base)
S = TypeVar("S", bound="Select[*tuple[Any, ...]]")


def owned(model: type[T], owner: User) -> Select[T]:
    """``SELECT model`` limited to the rows of ``owner``."""
    return select(model).where(_owner_column(model) == owner.id)


def scope(statement: S, model: type[Base], owner: User) -> S:
    """Add the owner condition for ``model`` to an existing statement."""
    return statement.where(_owner_column(model) == owner.id)


def get_owned(session: Session, model: type[T], key: int, owner: User, what: str = "") -> T:
    """The row ``key`` of ``model`` if it belongs to ``owner``; otherwise NotFound."""
    row = session.get(model, key)
    if row is None or getattr(row, "owner_id", None) != owner.id:
        raise NotFound(what or model.__name__.lower(), key)
    return row


def _owner_column(model: type[Base]) -> Any:
    column = getattr(model, "owner_id", None)
    if column is None:
        raise TypeError(f"{model.__name__} is not owned by a user")
    return column
