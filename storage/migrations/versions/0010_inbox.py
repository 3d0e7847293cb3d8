"""updates from Telegram are kept from before they are handled until after, so a crash replays them

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-24 01:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "inboxupdate",
        sa.Column("update_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("payload", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("update_id"),
    )
    op.create_index(op.f("ix_inboxupdate_received_at"), "inboxupdate", ["received_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_inboxupdate_received_at"), table_name="inboxupdate")
    op.drop_table("inboxupdate")
