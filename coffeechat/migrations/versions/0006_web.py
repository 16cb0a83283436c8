"""Indexes the web pages lean on: people by name, interviews by stage and recency.

Revision ID: 0006_web
Revises: 0004_meetings
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006_web"
down_revision: str | None = "0004_meetings"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The people list pages through a network sorted by name.
    op.create_index("ix_people_owner_name", "people", ["owner_id", "full_name", "id"])
    # The pipeline board takes the latest few interviews of each stage.
    op.create_index(
        "ix_interviews_owner_stage_changed",
        "interviews",
        ["owner_id", "stage", "stage_changed_at", "id"],
    )


def downgrade() -> None:
    op.drop_index("ix_interviews_owner_stage_changed", table_name="interviews")
    op.drop_index("ix_people_owner_name", table_name="people")
