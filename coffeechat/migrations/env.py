"""Alembic environment: always run programmatically on a connection we hand over."""

from __future__ import annotations

from alembic import context

from coffeechat.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the CLI always passes one
    raise RuntimeError("Coffeechat migrations run through coffeechat.db.migrate()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
