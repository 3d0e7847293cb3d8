"""whether a meeting's date is certain, and the words that date it when it is not

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03 16:00:00

A page that does not say when it was published cannot date "on Wednesday": extraction keeps only what
every possible publication day agrees on and marks the date uncertain, with the words the article used.
Storing both lets every reply and export say so. Meetings stored before count as certain until
`briefing reextract` reads their articles again.

Plain ALTER TABLE (as 0016), not a batch copy: SQLite cannot rename a copy of the meeting table into
place while other tables' triggers (migration 0006) name it, a copy would lose its own triggers, and a
big store holds a quarter of a million meetings.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("meeting", sa.Column("date_certain", sa.Boolean(), nullable=False, server_default="1"))
    op.add_column("meeting", sa.Column("date_text", sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                       server_default=""))


def downgrade() -> None:
    op.execute("ALTER TABLE meeting DROP COLUMN date_text")
    op.execute("ALTER TABLE meeting DROP COLUMN date_certain")
