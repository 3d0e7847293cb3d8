"""Ingestion limits that are slow to reach through Telegram (huge single lines, garbled bytes), and what one
article's input carries into the store, whichever way it came in."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlmodel import func, select

from bot.services.ingest import ArticleInput, Ingestor, Reader, UnreadableUpload
from storage import articles, sentence_search
from storage.db import session_scope
from storage.errors import DuplicateArticle
from storage.models import ArticleRow


def test_a_ten_megabyte_single_line_is_stored_and_searchable(engine):
    line = ("The delegation discussed the economy and regional issues without any decision " * 131_000)[:10_000_000]
    result = Ingestor(engine).add(ArticleInput((line + " Zhongguancun").encode(), published=dt.date(2025, 1, 1)))
    assert result.meetings == ()
    assert any("no meeting found" in w for w in result.warnings)
    with session_scope(engine) as session:
        assert sentence_search.search_sentences(session, text="Zhongguancun", limit=1).hits


def test_bytes_in_no_readable_encoding_are_refused_and_nothing_is_stored(engine):
    garbled = bytes(random.Random(7).randrange(128, 256) for _ in range(5000))
    with pytest.raises(UnreadableUpload, match="encoding I cannot read"):
        Ingestor(engine).add(ArticleInput(garbled))
    with session_scope(engine) as session:
        assert session.exec(select(func.count()).select_from(ArticleRow)).one() == 0


ARTICLE = ("<html><head><title>Lavrov and Wang confer</title></head><body><p>Russian Foreign Minister Sergei Lavrov "
           "held talks with Chinese Foreign Minister Wang Yi in Beijing on Wednesday.</p></body></html>")


def test_one_input_carries_everything_its_sender_knows_into_the_store(engine):
    given = ArticleInput(ARTICLE.encode(), published=dt.date(2025, 4, 2), url="https://example.org/talks",
                         outlet="Example Wire", filename="talks.html", content_type="text/html", added_by="telegram:7")
    result = Ingestor(engine).add(given)
    with session_scope(engine) as session:
        stored = articles.get_article(session, article_id=result.stored.article_id)
        assert (stored.url, stored.outlet, stored.filename, stored.added_by) == (
            "https://example.org/talks", "Example Wire", "talks.html", "telegram:7")
        assert (stored.title, stored.published, stored.published_source) == (
            "Lavrov and Wang confer", dt.date(2025, 4, 2), "given")
        assert result.stored.title == stored.title
    [meeting] = result.meetings  # as stored, for the report the sender gets
    assert meeting.place == "Beijing"
    assert meeting.date == "2025-04-02"  # "on Wednesday": the day it ran, a Wednesday


def test_the_same_article_sent_as_a_file_or_as_text_is_stored_once(engine):
    ingestor = Ingestor(engine)
    first = ingestor.add(ArticleInput(ARTICLE.encode(), filename="talks.html"))
    text = Reader().prepare(ArticleInput(ARTICLE.encode(), filename="talks.html")).extraction.text
    with pytest.raises(DuplicateArticle) as again:
        ingestor.add(ArticleInput(text))
    assert again.value.article_id == first.stored.article_id

