"""Ingest throughput: synthetic articles through the real pipeline (`ingest_text`: clean, extract, store)."""

from __future__ import annotations

import datetime as dt
import random
import time
from pathlib import Path

from bench.synth import ArticleWriter, SynthPerson
from bot.ingest import ingest_text
from extraction.knowledge import default_knowledge
from storage.bootstrap import open_store
from storage.writes import ArticleMeta


def articles_per_second(people: list[SynthPerson], count: int, *, seed: int, out: Path) -> tuple[float, int]:
    """(articles/s, meetings found) for `count` fresh articles into an empty store, one transaction each."""
    path = out / "ingest.db"
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    engine = open_store(f"sqlite:///{path}")
    knowledge = default_knowledge()
    writer = ArticleWriter(random.Random(seed + 1), people, knowledge)
    articles = [writer.article() for _ in range(count)]
    meetings = 0
    started = time.perf_counter()
    for article in articles:
        result = ingest_text(engine, article.text, published=article.published, today=dt.date(2026, 1, 1),
                             meta=ArticleMeta(outlet=article.outlet, added_by="bench"), knowledge=knowledge)
        meetings += len(result.meetings)
    elapsed = time.perf_counter() - started
    engine.dispose()
    return count / elapsed, meetings
