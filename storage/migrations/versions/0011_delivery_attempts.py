"""deliveries count their attempts and tell queued from in flight

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 11:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("delivery", schema=None) as batch_op:
        batch_op.add_column(sa.Column("attempts", sa.Integer(), server_default="0", nullable=False))
    # a `pending` row was claimed before the rate limiter's wait: whether it left is unknown
    op.execute("UPDATE delivery SET status = 'sending', attempts = 1 WHERE status = 'pending'")


def downgrade() -> None:
    op.execute("UPDATE delivery SET status = 'pending' WHERE status IN ('queued', 'sending')")
    op.execute("DELETE FROM delivery WHERE status = 'failed'")
    op.execute("UPDATE delivery SET status = 'sent' WHERE status = 'gone'")
    with op.batch_alter_table("delivery", schema=None) as batch_op:
        batch_op.drop_column("attempts")
