"""Factories for extraction results and stored articles, so tests state only what matters to them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from extraction.types import Extraction, Meeting, PartialDate, Participant, TopicLink
from storage.db import session_scope
from storage.writes import ArticleMeta, StoredArticle, store_extraction


def participant(name: str, person_id: str | None = None, role: str | None = None,
                country: str | None = None) -> Participant:
    return Participant(name=name, person_id=person_id, role=role, country=country)


SHOIGU = participant("Sergei Shoigu", "shoigu", "Secretary of the Security Council of Russia", "Russia")
WANG_YI = participant("Wang Yi", "wang_yi", "Foreign Minister of China", "China")


def meeting(*people: Participant, date: str | None = "2025-12-02", kind: str = "meeting",
            place: str | None = "Moscow", topics: tuple[str, ...] = (), quote: str = "They met.") -> Meeting:
    return Meeting(
        kind=kind,  # type: ignore[arg-type]
        participants=people or (SHOIGU, WANG_YI),
        date=PartialDate.parse(date) if date else None,
        place=place,
        label="talks",
        topics=tuple(TopicLink(name=t, quote=f"They discussed {t}.") for t in topics),
        quote=quote,
    )


def extraction(*meetings: Meeting, text: str = "Shoigu met Wang Yi in Moscow.",
               published: dt.date | None = dt.date(2025, 12, 2)) -> Extraction:
    return Extraction(
        text=text, title="A title", published=published, published_source="given",
        meetings=meetings, sentences=tuple(s.strip() + "." for s in text.split(".") if s.strip()),
    )


def store(engine: Engine, result: Extraction, *, alert: bool = False, **meta: str | None) -> StoredArticle:
    """Store one extraction in a transaction of its own, as ingest does; `meta` are `ArticleMeta`'s fields."""
    with session_scope(engine) as session:
        return store_extraction(session, result, ArticleMeta(**meta), alert=alert)
