"""Synthetic stores of 10,000 and 100,000 articles, written directly as rows and cached in `bench/out/`.

The extraction pipeline reads a few articles a second, far too slow to fill a 100,000-article store
for every run, so the store is bulk-inserted from what the article writer knows it wrote: the same
tables, the same full-text triggers, the same shape (several meetings per article, some reported by
two articles, a few people in thousands of meetings). Pipeline ingest is measured separately.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, insert
from sqlmodel import select

from bench.synth import ArticleWriter, SynthArticle, SynthPerson, make_people
from knowledge import default_knowledge
from knowledge.spelling import spelling_key
from storage.bootstrap import open_store
from storage.db import session_scope
from storage.models import (
    ArticleRow,
    MeetingParticipantRow,
    MeetingRow,
    MeetingSourceRow,
    MeetingTopicRow,
    PersonAliasRow,
    PersonRow,
    SentenceRow,
    TopicRow,
)
from storage.search_key import search_key
from storage.writes import content_hash

OUT = Path(__file__).with_name("out")
GENERATOR_VERSION = 2  # bump when the generator changes, so cached stores are rebuilt
PEOPLE = 5_000  # with four spellings each, about 20,000 aliases beside the knowledge base's
CHUNK = 2_000
REREPORT = 0.15  # share of meetings that an earlier article already reported


@dataclass(frozen=True)
class BuiltStore:
    url: str
    path: Path
    articles: int
    people: list[SynthPerson]
    seconds: float  # 0 when it came from the cache


def world(seed: int) -> tuple[random.Random, list[SynthPerson]]:
    """The seeded generator and its people, shared by the stores and the ingest benchmark."""
    rng = random.Random(seed)
    return rng, make_people(rng, PEOPLE)


def build_store(articles: int, *, seed: int = 7, out: Path = OUT, log=print) -> BuiltStore:
    """A store of `articles` synthetic articles, from the cache when an identical one was built before."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"store-{articles}-s{seed}-v{GENERATOR_VERSION}.db"
    done = path.with_suffix(".done")
    url = f"sqlite:///{path}"
    rng, people = world(seed)
    if done.exists() and path.exists():
        open_store(url).dispose()  # newer migrations (indexes) apply to a cached store too
        return BuiltStore(url, path, articles, people, 0.0)
    for stale in (path, done, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    engine = open_store(url)
    _fill(engine, rng, people, articles, log)
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    done.write_text(dt.datetime.now(dt.UTC).isoformat())
    return BuiltStore(url, path, articles, people, time.perf_counter() - started)


def _fill(engine: Engine, rng: random.Random, people: list[SynthPerson], count: int, log) -> None:
    knowledge = default_knowledge()
    writer = ArticleWriter(rng, people, knowledge)
    with session_scope(engine) as session:
        known_ids = {key: pid for key, pid in session.exec(select(PersonRow.key, PersonRow.id)) if key}
        topic_ids = {name: tid for tid, name in session.exec(select(TopicRow.id, TopicRow.name))}
        first_person = max(session.exec(select(PersonRow.id)).all()) + 1
    person_id = [first_person + i for i in range(len(people))]
    known_id = [known_ids[p.id] for p in writer.known_all]
    with engine.begin() as conn:
        conn.execute(insert(PersonRow), [{"id": pid, "name": p.name, "folded": spelling_key(p.name),
                                          "country": p.country} for pid, p in zip(person_id, people, strict=True)])
        conn.execute(insert(PersonAliasRow), [{"person_id": pid, "alias": a}
                                              for pid, p in zip(person_id, people, strict=True) for a in p.aliases])

    def pid(index: int) -> tuple[int, str | None]:
        """Store id and title of a writer's participant (negative indexes are knowledge-base people)."""
        return (known_id[-1 - index], None) if index < 0 else (person_id[index], people[index].title)

    ids = _Ids()
    recent: list[tuple[int, str]] = []  # (meeting id, quote) that later articles may report again
    for start in range(0, count, CHUNK):
        rows = _Rows()
        for _ in range(min(CHUNK, count - start)):
            _article_rows(writer.article(), rows, ids, recent, rng, pid, topic_ids)
        with engine.begin() as conn:
            for model, batch in rows.tables():
                if batch:
                    conn.execute(insert(model), batch)
        log(f"  store: {start + min(CHUNK, count - start):,} of {count:,} articles")


class _Ids:
    def __init__(self) -> None:
        self.article = self.sentence = self.meeting = 0


class _Rows:
    def __init__(self) -> None:
        self.article: list[dict] = []
        self.sentence: list[dict] = []
        self.meeting: list[dict] = []
        self.participant: list[dict] = []
        self.topic: list[dict] = []
        self.source: list[dict] = []

    def tables(self) -> list[tuple[type, list[dict]]]:
        return [(ArticleRow, self.article), (SentenceRow, self.sentence), (MeetingRow, self.meeting),
                (MeetingParticipantRow, self.participant), (MeetingTopicRow, self.topic),
                (MeetingSourceRow, self.source)]


def _article_rows(article: SynthArticle, rows: _Rows, ids: _Ids, recent: list[tuple[int, str]],
                  rng: random.Random, pid, topic_ids: dict[str, int]) -> None:
    ids.article += 1
    text_ = article.text
    added = dt.datetime.combine(article.published, dt.time(12), tzinfo=dt.UTC)
    rows.article.append({"id": ids.article, "content_hash": content_hash(text_), "title": article.title,
                         "url": f"https://news.example/{ids.article}", "outlet": article.outlet,
                         "published": article.published, "published_source": "given", "text": text_,
                         "added_by": "bench", "added_at": added})
    for position, sentence in enumerate(article.sentences):
        ids.sentence += 1
        rows.sentence.append({"id": ids.sentence, "article_id": ids.article, "position": position, "text": sentence,
                              "search_key": search_key(article.published, ids.sentence)})
    linked: set[int] = set()
    for meeting in article.meetings:
        if recent and rng.random() < REREPORT:
            meeting_id, _ = rng.choice(recent[-500:])
            if meeting_id not in linked:
                linked.add(meeting_id)
                rows.source.append({"meeting_id": meeting_id, "article_id": ids.article, "quote": meeting.sentence})
            continue
        ids.meeting += 1
        linked.add(ids.meeting)
        recent.append((ids.meeting, meeting.sentence))
        rows.meeting.append({"id": ids.meeting, "date": meeting.date.isoformat(), "date_precision": "day",
                             "sort_date": meeting.date, "place": meeting.place, "kind": meeting.kind,
                             "label": f"{meeting.place}, {meeting.date:%d %B %Y}", "created_at": added})
        for position, (person, role) in enumerate(dict.fromkeys(pid(i) for i in meeting.people)):
            rows.participant.append({"meeting_id": ids.meeting, "person_id": person, "role": role,
                                     "position": position})
        for topic in meeting.topics:
            rows.topic.append({"meeting_id": ids.meeting, "topic_id": topic_ids[topic],
                               "quote": meeting.topic_sentence})
        rows.source.append({"meeting_id": ids.meeting, "article_id": ids.article, "quote": meeting.sentence})
