"""A store filled under migration 0014 keeps its keys through 0015 and back, and answers newest first."""

from __future__ import annotations

import datetime as dt

from alembic import command

from storage import sentence_search
from storage.db import alembic_config, migrate, session_scope
from storage.search_key import search_key
from storage.writes import ArticleMeta, store_extraction
from tests.factories import extraction


def add_as_0014_did(engine, text: str, published: dt.date | None) -> int:
    """An article and its sentences inserted as ingest did before 0015: no key, the trigger gave it."""
    with engine.begin() as conn:
        article_id = conn.exec_driver_sql(
            "INSERT INTO article (content_hash, text, published, published_source, added_at) "
            "VALUES (?, ?, ?, 'given', '2026-12-01 00:00:00')",
            (text, text, published.isoformat() if published else None)).lastrowid
        for position, sentence in enumerate(s.strip() + "." for s in text.split(".") if s.strip()):
            conn.exec_driver_sql("INSERT INTO sentence (article_id, position, text) VALUES (?, ?, ?)",
                                 (article_id, position, sentence))
    return article_id


def found(engine, text: str) -> list[int]:
    with session_scope(engine) as session:
        return [h.article_id for h in sentence_search.search_sentences(session, text=text, limit=10).hits]


def check_index(engine) -> None:
    with engine.connect() as conn:  # raises when the index and the sentences disagree
        conn.exec_driver_sql("INSERT INTO sentence_fts(sentence_fts, rank) VALUES ('integrity-check', 1)")
        rows = conn.exec_driver_sql(
            "SELECT s.id, a.published, s.search_key FROM sentence s JOIN article a ON a.id = s.article_id").all()
    assert rows
    assert [key for _, _, key in rows] == [search_key(dt.date.fromisoformat(day) if day else None, sentence_id)
                                           for sentence_id, day, _ in rows]


def test_a_0014_store_upgrades_keeps_its_keys_and_searches_newest_first(engine):
    config = alembic_config(engine)
    command.downgrade(config, "0014")
    old = add_as_0014_did(engine, "Gas pipeline talks began. Gas prices came up.", dt.date(2019, 5, 1))
    undated = add_as_0014_did(engine, "Gas, undated.", None)
    new = add_as_0014_did(engine, "Gas pipeline signed.", dt.date(2025, 1, 1))

    migrate(engine)

    assert found(engine, "gas") == [new, old, old, undated]
    with session_scope(engine) as session:
        middle = store_extraction(session, extraction(text="Gas deal stalled.", published=dt.date(2022, 3, 1)),
                                  ArticleMeta()).article_id
    with engine.begin() as conn:  # a correction of the date moves its sentences
        conn.exec_driver_sql("UPDATE article SET published = '2026-01-01' WHERE id = ?", (old,))
    assert found(engine, "gas") == [old, old, new, middle, undated]
    check_index(engine)

    command.downgrade(config, "0014")
    later = add_as_0014_did(engine, "Gas again.", dt.date(2027, 1, 1))
    assert found(engine, "gas") == [later, old, old, new, middle, undated]
    check_index(engine)
    migrate(engine)
    assert found(engine, "gas") == [later, old, old, new, middle, undated]
    check_index(engine)
