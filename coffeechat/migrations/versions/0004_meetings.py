"""Meetings: an index for the agenda's "when did we last write to this person".

Revision ID: 0004_meetings
Revises: 0003_onet
Create Date: 2026-11-27 22:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004_meetings"
down_revision: str | None = "0003_onet"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Keep-in-touch reminders read the latest note per person; without this index the
    # database sorts every message of the owner to find it.
    op.create_index(
        "ix_messages_owner_person_sent", "messages", ["owner_id", "person_id", "sent_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_messages_owner_person_sent", table_name="messages")
