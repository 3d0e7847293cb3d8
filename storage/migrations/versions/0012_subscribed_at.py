"""a chat that only follows is told apart from one that subscribed and stopped

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 11:00:00

/follow keeps a chat's follows in a subscriber row that is not active, the same as a chat that
unsubscribed or blocked the bot, so /stats counted it as both "following" and "inactive". The row
now records when the chat last subscribed. Existing rows are taken to have subscribed unless they
are inactive, follow something and never received anything: those were made by /follow alone.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("subscriber", sa.Column("subscribed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    op.execute("UPDATE subscriber SET subscribed_at = created_at WHERE active "
               "OR id NOT IN (SELECT subscriber_id FROM follow) OR id IN (SELECT subscriber_id FROM delivery)")


def downgrade() -> None:
    op.execute("ALTER TABLE subscriber DROP COLUMN subscribed_at")
