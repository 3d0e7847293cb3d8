"""the other side of a meeting when its article names none of its people

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-03 19:50:00

Regional and parliamentary pages often name only their own official and call the other side a body ("talks
with the leadership of Jilin Province", "с китайскими товарищами"); an announced visit names only the
visitor and where they go. Such a meeting is kept with the words that name that side. Meetings stored
before have none until `briefing reextract` reads their articles again.

Plain ALTER TABLE, as 0016 and 0017 (see 0017 for why not a batch copy).
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("meeting", sa.Column("counterpart", sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                       server_default=""))


def downgrade() -> None:
    op.execute("ALTER TABLE meeting DROP COLUMN counterpart")
