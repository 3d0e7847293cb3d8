"""people carry their name case-folded, indexed: one stranger whatever the case of their name

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 00:40:00

A person unknown to the knowledge base was matched to a stored one with SQLite's lower(), which folds
ASCII letters only, so "ЛИ Вэй" and "Ли Вэй" became two people, and every article naming someone new
scanned the whole person table. Python folds the name once, when the row is written.
"""

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _fold(name: str) -> str:
    """As storage.writes.folded_name spelt it when this migration was written."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def upgrade() -> None:
    op.add_column("person", sa.Column("folded", sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default=""))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, name FROM person")).all()
    if rows:
        conn.execute(sa.text("UPDATE person SET folded = :folded WHERE id = :id"),
                     [{"id": person_id, "folded": _fold(name)} for person_id, name in rows])
    op.create_index(op.f("ix_person_folded"), "person", ["folded"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_person_folded"), table_name="person")
    # not a batch copy of the table: dropping it would take every alias and link with it (foreign keys are on)
    op.execute("ALTER TABLE person DROP COLUMN folded")
