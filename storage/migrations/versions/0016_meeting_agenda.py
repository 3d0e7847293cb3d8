"""each meeting's agenda: what the articles say was discussed, in their own words

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03 14:00:00

Canonical topics name what /topic and /follow track; the agenda keeps the items an article lists after
"discussed …" or "обменялись мнениями по …" ("preparations for the SCO summit"), so that nothing it says
was on the table is lost. A JSON list of strings on the meeting; meetings stored before have none ("[]")
until `briefing reextract` reads their articles again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("meeting", sa.Column("agenda", sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                       server_default="[]"))


def downgrade() -> None:
    op.execute("ALTER TABLE meeting DROP COLUMN agenda")
