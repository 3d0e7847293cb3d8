"""Ingestion limits that are slow to reach through Telegram: huge single lines, garbled bytes."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlmodel import func, select

from bot.ingest import UnreadableUpload, ingest_bytes
from storage import queries
from storage.db import session_scope
from storage.models import ArticleRow


def test_a_ten_megabyte_single_line_is_stored_and_searchable(engine):
    line = ("The delegation discussed the economy and regional issues without any decision " * 131_000)[:10_000_000]
    result = ingest_bytes(engine, (line + " Zhongguancun").encode(), published=dt.date(2025, 1, 1))
    assert result.meetings == ()
    assert any("no meeting found" in w for w in result.warnings)
    with session_scope(engine) as session:
        assert queries.search_sentences(session, text="Zhongguancun", limit=1).hits


def test_bytes_in_no_readable_encoding_are_refused_and_nothing_is_stored(engine):
    garbled = bytes(random.Random(7).randrange(128, 256) for _ in range(5000))
    with pytest.raises(UnreadableUpload, match="encoding I cannot read"):
        ingest_bytes(engine, garbled)
    with session_scope(engine) as session:
        assert session.exec(select(func.count()).select_from(ArticleRow)).one() == 0
