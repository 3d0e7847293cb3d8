"""sentences are keyed for search as they are inserted and indexed in one step, not updated and re-indexed

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 13:30:00
"""

from collections.abc import Sequence

from alembic import op

from storage.search_key import TRIGGERS, search_key_sql

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Keys already stored follow the same rule (storage.search_key), so only the triggers change.
_OLD_TRIGGERS = ("sentence_search_key", "sentence_fts_update", "sentence_fts_delete", "article_search_keys")


def upgrade() -> None:
    for name in _OLD_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for statement in TRIGGERS.values():
        op.execute(statement)


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    # migration 0014's: every inserted sentence is keyed by an update, which indexes it
    op.execute("CREATE TRIGGER sentence_search_key AFTER INSERT ON sentence BEGIN UPDATE sentence SET search_key = "
               + search_key_sql("(SELECT published FROM article WHERE id = new.article_id)", "new.id")
               + " WHERE id = new.id; END")
    for name in ("sentence_fts_update", "sentence_fts_delete", "article_search_keys"):
        op.execute(TRIGGERS[name])
