"""O*NET reference data: occupations, titles, tasks, job zones, education, work context,
technologies and related occupations (global, not owned by a user).

Revision ID: 0003_onet
Revises: 0001
Create Date: 2026-11-27 22:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_onet"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Tables with a surrogate id and an indexed occupation code, in creation order.
_CHILD_TABLES = (
    "onet_titles",
    "onet_tasks",
    "onet_education",
    "onet_work_context",
    "onet_technologies",
    "onet_related",
)


def _code_fk(table: str, column: str = "code") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        ["onet_occupations.code"],
        name=op.f(f"fk_{table}_{column}_onet_occupations"),
        ondelete="CASCADE",
    )


def _child(table: str, *columns: sa.schema.SchemaItem) -> None:
    op.create_table(
        table,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=10), nullable=False),
        *columns,
        _code_fk(table),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    )


def upgrade() -> None:
    op.create_table(
        "onet_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("warnings", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_onet_imports")),
    )
    op.create_table(
        "onet_occupations",
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_onet_occupations")),
    )
    op.create_table(
        "onet_job_zone_levels",
        sa.Column("job_zone", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("experience", sa.Text(), nullable=False),
        sa.Column("education", sa.Text(), nullable=False),
        sa.Column("training", sa.Text(), nullable=False),
        sa.Column("examples", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("job_zone", name=op.f("pk_onet_job_zone_levels")),
    )
    op.create_table(
        "onet_job_zones",
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("job_zone", sa.Integer(), nullable=False),
        _code_fk("onet_job_zones"),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_onet_job_zones")),
    )
    _child(
        "onet_titles",
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("short_title", sa.Text(), nullable=True),
    )
    _child(
        "onet_tasks",
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("task_type", sa.String(length=20), nullable=True),
        sa.Column("importance", sa.Float(), nullable=True),
    )
    _child(
        "onet_education",
        sa.Column("scale", sa.String(length=3), nullable=False),
        sa.Column("category", sa.Integer(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("percent", sa.Float(), nullable=False),
    )
    _child(
        "onet_work_context",
        sa.Column("element_id", sa.String(length=20), nullable=False),
        sa.Column("element_name", sa.Text(), nullable=False),
        sa.Column("scale", sa.String(length=3), nullable=False),
        sa.Column("category", sa.Integer(), nullable=True),
        sa.Column("label", sa.Text(), nullable=True),
        sa.Column("value", sa.Float(), nullable=False),
    )
    _child(
        "onet_technologies",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("category", sa.Text(), nullable=True),
        sa.Column("hot", sa.Boolean(), nullable=False),
        sa.Column("in_demand", sa.Boolean(), nullable=False),
    )
    _child(
        "onet_related",
        sa.Column("related_code", sa.String(length=10), nullable=False),
        sa.Column("tier", sa.String(length=50), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        _code_fk("onet_related", "related_code"),
    )
    for table in _CHILD_TABLES:
        op.create_index(op.f(f"ix_{table}_code"), table, ["code"], unique=False)


def downgrade() -> None:
    for table in reversed(_CHILD_TABLES):
        op.drop_index(op.f(f"ix_{table}_code"), table_name=table)
        op.drop_table(table)
    op.drop_table("onet_job_zones")
    op.drop_table("onet_job_zone_levels")
    op.drop_table("onet_occupations")
    op.drop_table("onet_imports")
