"""The one rule that orders search hits: a sentence's key in the full-text index.

A key is its article's publication day (0 when unknown: last) above its id counted down from 2**32,
so one article's sentences come in reading order. FTS5 walks its index in key order, so
"ORDER BY rowid DESC LIMIT n" reads the newest published hits and stops, however many sentences match.

Ingest computes the key in Python as it inserts sentences, so a sentence is written and indexed once;
the triggers below render the same rule in SQL for what Python does not write: a sentence inserted
without a key, and an article whose publication date changes.
"""

from __future__ import annotations

import datetime as dt

_DAY_SHIFT = 32
_ID_SPAN = 2**32 - 1  # ids count down from here, so within a day the first sentence ranks highest
_ORDINAL_TO_JULIAN_DAY = 1721424  # date.toordinal() + this = the whole part of SQLite's julianday() of that date


def search_key(published: dt.date | None, sentence_id: int) -> int:
    """The index key of sentence `sentence_id` of an article published on `published`."""
    day = published.toordinal() + _ORDINAL_TO_JULIAN_DAY if published is not None else 0
    return (day << _DAY_SHIFT) | (_ID_SPAN - sentence_id)


def search_key_sql(published: str, sentence_id: str) -> str:
    """`search_key` as an SQL expression over the given column expressions (an ISO date text and an id)."""
    return (f"((coalesce(CAST(julianday({published}) AS INTEGER), 0) << {_DAY_SHIFT}) "
            f"| ({_ID_SPAN} - {sentence_id}))")


_PUBLISHED_OF_NEW = "(SELECT published FROM article WHERE id = new.article_id)"

# The index follows the sentences. A keyed insert (ingest) goes into the index in one step; a sentence
# inserted without a key gets one and is then indexed by the update trigger; a new publication date
# re-keys its article's sentences, which moves them in the index.
TRIGGERS = {
    "sentence_fts_insert": (
        "CREATE TRIGGER sentence_fts_insert AFTER INSERT ON sentence WHEN new.search_key IS NOT NULL BEGIN "
        "INSERT INTO sentence_fts(rowid, text) VALUES (new.search_key, new.text); END"),
    "sentence_search_key": (
        "CREATE TRIGGER sentence_search_key AFTER INSERT ON sentence WHEN new.search_key IS NULL BEGIN "
        f"UPDATE sentence SET search_key = {search_key_sql(_PUBLISHED_OF_NEW, 'new.id')} WHERE id = new.id; END"),
    "sentence_fts_update": (
        "CREATE TRIGGER sentence_fts_update AFTER UPDATE OF text, search_key ON sentence BEGIN "
        "INSERT INTO sentence_fts(sentence_fts, rowid, text) SELECT 'delete', old.search_key, old.text "
        "WHERE old.search_key IS NOT NULL; "
        "INSERT INTO sentence_fts(rowid, text) SELECT new.search_key, new.text WHERE new.search_key IS NOT NULL; "
        "END"),
    "sentence_fts_delete": (
        "CREATE TRIGGER sentence_fts_delete AFTER DELETE ON sentence WHEN old.search_key IS NOT NULL BEGIN "
        "INSERT INTO sentence_fts(sentence_fts, rowid, text) VALUES ('delete', old.search_key, old.text); END"),
    "article_search_keys": (
        "CREATE TRIGGER article_search_keys AFTER UPDATE OF published ON article BEGIN "
        f"UPDATE sentence SET search_key = {search_key_sql('new.published', 'id')} WHERE article_id = new.id; END"),
}
