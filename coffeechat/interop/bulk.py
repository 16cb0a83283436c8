"""Writing thousands of rows at once: reserved ids and one DBAPI executemany per table.

An import of 20,000 connections spends most of its time in per-row overhead, so rows go
straight to the driver here, each value converted by its column type once.
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Table, false, func, insert, select, text, update
from sqlalchemy.orm import Session

from coffeechat.models import Base


def reserve_ids(session: Session, table: Table, count: int) -> list[int]:
    """``count`` fresh primary keys of ``table``, so rows can go in with one executemany.

    PostgreSQL hands them out from the table's sequence. SQLite has one writer at a time:
    an empty UPDATE takes the write lock first, so nobody else can use these ids meanwhile.
    """
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        sequence = connection.scalar(
            text("SELECT pg_get_serial_sequence(:table, 'id')"), {"table": table.name}
        )
        statement = text("SELECT nextval(:sequence) FROM generate_series(1, :count)")
        return list(connection.scalars(statement, {"sequence": sequence, "count": count}))
    connection.execute(update(table).where(false()).values(id=table.c.id))
    top = connection.scalar(select(func.max(table.c.id))) or 0
    return list(range(top + 1, top + 1 + count))


def insert_rows(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> None:
    """INSERT ``rows`` (all with the same keys) in one executemany of the driver."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    table = cast(Table, model.__table__)
    keys = list(rows[0])
    compiled = insert(table).compile(dialect=dialect, column_keys=keys)
    converters = [
        (key, table.c[key].type.dialect_impl(dialect).bind_processor(dialect)) for key in keys
    ]
    converted = [
        {
            key: row[key] if convert is None or row[key] is None else convert(row[key])
            for key, convert in converters
        }
        for row in rows
    ]
    if compiled.positiontup is not None:
        order = compiled.positiontup
        params: list[Any] = [tuple(row[name] for name in order) for row in converted]
    else:
        params = converted
    connection.exec_driver_sql(compiled.string, params)


def insert_with_ids(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` with freshly reserved ids (added to each row); returns the ids."""
    ids = reserve_ids(session, cast(Table, model.__table__), len(rows))
    for key, row in zip(ids, rows, strict=True):
        row["id"] = key
    insert_rows(session, model, rows)
    return ids
