"""Target list (LAMP scores), past employments, and indexes for warm paths.

Revision ID: 0008_targets
Revises: 0006_web
Create Date: 2026-11-27 22:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_targets"
down_revision: str | None = "0006_web"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


_PAIRED_INDEXES = [
    ("ix_people_owner_organization", "people", ["owner_id", "organization_id"]),
    ("ix_people_owner_referrer", "people", ["owner_id", "referred_by_id"]),
    ("ix_interviews_owner_person", "interviews", ["owner_id", "person_id"]),
    ("ix_facts_owner_person", "facts", ["owner_id", "person_id"]),
]


def upgrade() -> None:
    op.create_table(
        "targets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=True),
        sa.Column("career_id", sa.Integer(), nullable=True),
        sa.Column("motivation", sa.Integer(), nullable=False),
        sa.Column("postings", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "(organization_id IS NULL) <> (career_id IS NULL)",
            name=op.f("ck_targets_one_subject"),
        ),
        sa.CheckConstraint("motivation BETWEEN 0 AND 3", name=op.f("ck_targets_motivation_range")),
        sa.CheckConstraint(
            "postings IS NULL OR postings BETWEEN 1 AND 3",
            name=op.f("ck_targets_postings_range"),
        ),
        sa.ForeignKeyConstraint(
            ["career_id"],
            ["careers.id"],
            name=op.f("fk_targets_career_id_careers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_targets_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_targets_owner_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_targets")),
        sa.UniqueConstraint("owner_id", "career_id", name="uq_targets_owner_career"),
        sa.UniqueConstraint("owner_id", "organization_id", name="uq_targets_owner_organization"),
    )
    with op.batch_alter_table("targets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_targets_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "employments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=True),
        sa.Column("start_year", sa.Integer(), nullable=True),
        sa.Column("end_year", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_employments_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_employments_owner_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_employments_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employments")),
    )
    with op.batch_alter_table("employments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_employments_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            "ix_employments_owner_organization", ["owner_id", "organization_id"], unique=False
        )

    # Owner-plus-column indexes for warm paths (see the note in models.py).
    for name, table, columns in _PAIRED_INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in _PAIRED_INDEXES:
        op.drop_index(name, table_name=table)
    with op.batch_alter_table("employments", schema=None) as batch_op:
        batch_op.drop_index("ix_employments_owner_organization")
        batch_op.drop_index(batch_op.f("ix_employments_person_id"))
    op.drop_table("employments")
    with op.batch_alter_table("targets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_targets_owner_id"))
    op.drop_table("targets")
