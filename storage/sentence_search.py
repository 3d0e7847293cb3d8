"""Searching the sentences of every article (/search): full-text matches, newest first, each sentence once,
and the saved searches a button's data points at."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session

from storage.search_terms import read_terms


@dataclass(frozen=True)
class SentenceHit:
    article_id: int
    published: dt.date | None
    sentence: str
    marked: str  # the sentence (or its matching part) with hits between \x01 and \x02


@dataclass(frozen=True)
class SearchPage:
    hits: tuple[SentenceHit, ...]
    next_offset: int | None  # where the next page starts; None when this is the last


def search_sentences(session: Session, *, text: str, limit: int, offset: int = 0) -> SearchPage:
    """Sentences that hold every word and phrase typed (`storage.search_terms`), newest published first,
    matched words between \\x01 and \\x02; each sentence once, though articles repeat paragraphs and
    outlets reprint each other.

    The index is keyed by publication day (migration 0014), so a page reads its hits in order and stops;
    `offset` counts hits of the index, repeats included, so that a page's "more" knows where to go on.
    """
    terms = read_terms(text)
    if terms.empty:
        return SearchPage((), None)
    window = limit + _SPARE + 1  # room for repeats of other articles' sentences, and a sign that more follow
    rows = session.connection().exec_driver_sql(_SEARCH, (terms.match(), window, offset)).all()
    hits: list[SentenceHit] = []
    seen: set[str] = set()
    consumed = 0
    for aid, pub, sentence, marked in rows:
        same = " ".join(sentence.casefold().split())
        if len(hits) == limit and same not in seen:
            break
        consumed += 1
        if same not in seen:
            seen.add(same)
            hits.append(SentenceHit(article_id=aid, published=dt.date.fromisoformat(pub) if pub else None,
                                    sentence=sentence, marked=marked))
    more = consumed < len(rows) or len(rows) == window
    return SearchPage(tuple(hits), offset + consumed if more else None)


_SPARE = 5


# A repeat within one article (a paragraph printed twice) is left out here, so pages never show it twice.
_SEARCH = (
    "SELECT s.article_id, a.published, s.text, snippet(sentence_fts, 0, char(1), char(2), '…', 48) "
    "FROM sentence_fts JOIN sentence s ON s.search_key = sentence_fts.rowid JOIN article a ON a.id = s.article_id "
    "WHERE sentence_fts MATCH ? AND NOT EXISTS (SELECT 1 FROM sentence d WHERE d.article_id = s.article_id "
    "AND d.id < s.id AND d.text = s.text) "
    "ORDER BY sentence_fts.rowid DESC LIMIT ? OFFSET ?"
)


def saved_search(session: Session, *, text: str) -> int:
    """The number of this search, saved on first use: a button's data holds 64 bytes, a search 300 characters."""
    connection = session.connection()
    found = connection.exec_driver_sql("SELECT id FROM savedsearch WHERE text = ?", (text,)).scalar()
    if found is None:  # a search run again (most are) costs no write
        connection.exec_driver_sql("INSERT INTO savedsearch (text) VALUES (?) ON CONFLICT (text) DO NOTHING", (text,))
        found = connection.exec_driver_sql("SELECT id FROM savedsearch WHERE text = ?", (text,)).scalar_one()
    return found


def saved_search_text(session: Session, *, search_id: int) -> str | None:
    return session.connection().exec_driver_sql("SELECT text FROM savedsearch WHERE id = ?",
                                                (search_id,)).scalar()
