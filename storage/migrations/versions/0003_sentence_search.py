"""full-text search over article sentences (SQLite FTS5)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 18:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# An external-content FTS5 index: the text stays in `sentence`, triggers keep the index in step.
# unicode61 with remove_diacritics folds case for Cyrillic too, which LIKE and lower() do not.
STATEMENTS = [
    "CREATE VIRTUAL TABLE sentence_fts USING fts5("
    "text, content='sentence', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER sentence_fts_insert AFTER INSERT ON sentence BEGIN "
    "INSERT INTO sentence_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER sentence_fts_delete AFTER DELETE ON sentence BEGIN "
    "INSERT INTO sentence_fts(sentence_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER sentence_fts_update AFTER UPDATE ON sentence BEGIN "
    "INSERT INTO sentence_fts(sentence_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO sentence_fts(rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO sentence_fts(sentence_fts) VALUES ('rebuild')",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    for name in ("sentence_fts_insert", "sentence_fts_delete", "sentence_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS sentence_fts")
