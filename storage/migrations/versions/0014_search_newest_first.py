"""search hits newest published first: the full-text index is keyed by publication day, then sentence id;
and the searches behind "more" buttons

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 11:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A sentence's key: its article's publication day (0 when unknown: last) above its id counted down from
# 2**32, so that one article's sentences come in reading order. FTS5 walks its
# index in key order, so "ORDER BY rowid DESC LIMIT n" reads the newest published hits and stops, however
# many sentences match; sorting the matches of a common word by date would read them all.
_DAY = "coalesce(CAST(julianday({published}) AS INTEGER), 0) << 32"
_KEY = ("(" + _DAY.format(published="(SELECT published FROM article WHERE id = new.article_id)")
        + ") | (4294967295 - new.id)")

_OLD_TRIGGERS = ("sentence_fts_insert", "sentence_fts_delete", "sentence_fts_update")
_NEW_TRIGGERS = ("sentence_search_key", "sentence_fts_delete", "sentence_fts_update", "article_search_keys")

UPGRADE = [
    *(f"DROP TRIGGER IF EXISTS {name}" for name in _OLD_TRIGGERS),
    "DROP TABLE IF EXISTS sentence_fts",
    "UPDATE sentence SET search_key = ("
    + _DAY.format(published="(SELECT published FROM article WHERE article.id = sentence.article_id)")
    + ") | (4294967295 - id)",
    "CREATE VIRTUAL TABLE sentence_fts USING fts5(text, content='sentence', content_rowid='search_key', "
    "tokenize='unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER sentence_search_key AFTER INSERT ON sentence BEGIN "
    f"UPDATE sentence SET search_key = {_KEY} WHERE id = new.id; END",
    "CREATE TRIGGER sentence_fts_update AFTER UPDATE OF text, search_key ON sentence BEGIN "
    "INSERT INTO sentence_fts(sentence_fts, rowid, text) SELECT 'delete', old.search_key, old.text "
    "WHERE old.search_key IS NOT NULL; "
    "INSERT INTO sentence_fts(rowid, text) SELECT new.search_key, new.text WHERE new.search_key IS NOT NULL; END",
    "CREATE TRIGGER sentence_fts_delete AFTER DELETE ON sentence WHEN old.search_key IS NOT NULL BEGIN "
    "INSERT INTO sentence_fts(sentence_fts, rowid, text) VALUES ('delete', old.search_key, old.text); END",
    "CREATE TRIGGER article_search_keys AFTER UPDATE OF published ON article BEGIN "
    "UPDATE sentence SET search_key = (" + _DAY.format(published="new.published") + ") | (4294967295 - id) "
    "WHERE article_id = new.id; END",
    "INSERT INTO sentence_fts(sentence_fts) VALUES ('rebuild')",
]

# migration 0003's index, keyed by sentence id
DOWNGRADE = [
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
    op.add_column("sentence", sa.Column("search_key", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_sentence_search_key"), "sentence", ["search_key"], unique=True)
    for statement in UPGRADE:
        op.execute(statement)
    op.create_table(
        "savedsearch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_savedsearch_text"), "savedsearch", ["text"], unique=True)


def downgrade() -> None:
    op.drop_index(op.f("ix_savedsearch_text"), table_name="savedsearch")
    op.drop_table("savedsearch")
    for name in _NEW_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS sentence_fts")
    op.drop_index(op.f("ix_sentence_search_key"), table_name="sentence")
    op.drop_column("sentence", "search_key")
    for statement in DOWNGRADE:
        op.execute(statement)
