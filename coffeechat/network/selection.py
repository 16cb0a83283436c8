"""Limiting a query to some people: a list of ids, or a subquery that yields them.

A short list becomes a plain ``IN (...)``. A long one (a big employer and everyone tied
to its people) travels as a single parameter, a PostgreSQL array or a JSON array that
SQLite unpacks: SQLAlchemy renders each ``IN`` value as its own parameter, and with thousands
of ids that rendering cost more than the query.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TypeGuard, TypeVar

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    CompoundSelect,
    Integer,
    Select,
    any_,
    bindparam,
    func,
    select,
)
from sqlalchemy.orm import Session

S = TypeVar("S", bound="Select[*tuple[Any, ...]]")
IdQuery = Select[Any] | CompoundSelect[Any]
PersonIds = Iterable[int] | IdQuery | None

_SHORT = 200


def is_query(ids: PersonIds) -> TypeGuard[IdQuery]:
    return isinstance(ids, Select | CompoundSelect)


def settle(ids: PersonIds) -> list[int] | IdQuery | None:
    """Read an iterable of ids once (it may be a generator); queries and None pass through."""
    if ids is None or isinstance(ids, Select | CompoundSelect):
        return ids
    return sorted(set(ids))


def _long_list(session: Session, column: Any, values: list[int]) -> ColumnElement[bool]:
    if session.get_bind().dialect.name == "postgresql":
        # psycopg sends a Python list as one array parameter.
        return column == any_(bindparam(None, values, type_=ARRAY(Integer)))  # type: ignore[no-any-return]
    elements = func.json_each(json.dumps(values)).table_valued("value")
    return column.in_(select(elements.c.value))  # type: ignore[no-any-return]


def in_condition(session: Session, column: Any, ids: PersonIds) -> ColumnElement[bool] | None:
    """``column IN ids``; None when ``ids`` is None (no limit). Empty ids match nothing."""
    settled = settle(ids)
    if settled is None:
        return None
    if not isinstance(settled, list):
        return column.in_(settled)  # type: ignore[no-any-return]
    if len(settled) <= _SHORT:
        return column.in_(settled)  # type: ignore[no-any-return]
    return _long_list(session, column, settled)


def where_in(session: Session, statement: S, column: Any, ids: PersonIds) -> S | None:
    """``statement`` limited to ``ids`` (unlimited when None); None when ``ids`` is empty."""
    settled = settle(ids)
    if isinstance(settled, list) and not settled:
        return None
    condition = in_condition(session, column, settled)
    return statement if condition is None else statement.where(condition)


def rows_in(session: Session, statement: S, column: Any, ids: PersonIds) -> list[Any]:
    """The rows of ``statement`` limited to ``ids``."""
    limited = where_in(session, statement, column, ids)
    return [] if limited is None else list(session.execute(limited))


def in_list(session: Session, column: Any, ids: list[int]) -> ColumnElement[bool]:
    """``column IN ids`` for a list (empty matches nothing)."""
    condition = in_condition(session, column, ids)
    assert condition is not None  # only None (no limit at all) gives None
    return condition
