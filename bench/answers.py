"""Answer latency: a command's text to its reply value through `CommandCore.handle`, beside the bare SQL floor.

The floor is the SQL the reply needs (the page of meeting ids, its total, and for /who the counterparts
and topics, read from the counts that triggers keep), run on a plain sqlite3 connection: what no amount of
Python tidying could go below.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from bench.store import BuiltStore
from bench.timing import p95, sample_ms
from bot.core.commands import CommandCore
from knowledge import default_knowledge
from storage.bootstrap import open_store

KINDS = ("latest", "who", "who_fuzzy", "topic", "topic_fuzzy", "search")
TODAY = dt.date(2026, 1, 1)


@dataclass(frozen=True)
class AnswerFigures:
    p95_ms: dict[str, float]
    floor_p95_ms: dict[str, float]
    examples: dict[str, list[str]]


def commands(store: BuiltStore) -> dict[str, list[str]]:
    """Commands of each kind: busy and quiet people, typos, surnames, Cyrillic, synonyms."""
    people = store.people
    return {
        "latest": ["/latest", "/latest 10"],
        "who": ["/who Sergei Lavrov", "/who Wang Yi", "/who Shoigu", f"/who {people[0].name}", f"/who {people[1].name}",
                f"/who {people[2500].name}"],
        "who_fuzzy": ["/who lavrv", "/who shoygu", "/who Шойгу", "/who Patrushv", f"/who {people[0].aliases[-1]}",
                      f"/who {_typo(people[1].name)}", f"/who {people[3].name.split()[-1]}",
                      f"/who {_typo(people[2501].name.split()[-1])}"],
        "topic": ["/topic Taiwan", "/topic trade", "/topic Arctic"],
        "topic_fuzzy": ["/topic taiwn", "/topic Тайвань", "/topic Taiwan Strait", "/topic energey"],
        "search": ["/search missile defence", "/search joint statement", "/search Taiwan", "/search Арктика",
                   '/search "strategic security"', "/search organise the centre"],  # a phrase, other spellings
    }


def _typo(name: str) -> str:
    """Swap two letters in the middle of the last word: a typo a reader makes."""
    head, _, last = name.rpartition(" ")
    i = len(last) // 2
    last = last[: i - 1] + last[i] + last[i - 1] + last[i + 1 :]
    return f"{head} {last}".strip()


def floors(db: sqlite3.Connection) -> dict[str, Callable[[], object]]:
    """The bare SQL of each kind of answer, for the busiest person and topic (the worst case)."""
    person = db.execute("SELECT person_id FROM meetingparticipant GROUP BY person_id "
                        "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    topic = db.execute("SELECT id FROM topic WHERE name = 'Taiwan'").fetchone()[0]
    newest = "ORDER BY m.sort_date DESC NULLS LAST, m.id DESC LIMIT 5"
    linked = "ORDER BY sort_date DESC NULLS LAST, meeting_id DESC LIMIT 5"  # the link's date index, no sorting

    def latest() -> object:
        return (db.execute(f"SELECT m.id FROM meeting m {newest}").fetchall(),
                db.execute("SELECT total FROM rowcount WHERE table_name = 'meeting'").fetchone())

    def who() -> object:
        return (
            db.execute(f"SELECT meeting_id FROM meetingparticipant WHERE person_id = ? {linked}", (person,)).fetchall(),
            db.execute("SELECT meetings FROM personpartner WHERE person_id = ? AND partner_id = ?",
                       (person, person)).fetchone(),
            db.execute("SELECT p.name, c.meetings FROM personpartner c JOIN person p ON p.id = c.partner_id "
                       "WHERE c.person_id = ? AND c.partner_id != ? ORDER BY c.meetings DESC, lower(p.name) LIMIT 5",
                       (person, person)).fetchall(),
            db.execute("SELECT t.name, c.meetings FROM persontopic c JOIN topic t ON t.id = c.topic_id "
                       "WHERE c.person_id = ? ORDER BY c.meetings DESC, lower(t.name) LIMIT 5", (person,)).fetchall(),
        )

    def topic_() -> object:
        return (db.execute(f"SELECT meeting_id FROM meetingtopic WHERE topic_id = ? {linked}", (topic,)).fetchall(),
                db.execute("SELECT count(*) FROM meetingtopic WHERE topic_id = ?", (topic,)).fetchone())

    def search() -> object:
        return db.execute("SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH '\"missile\" \"defence\"' "
                          "ORDER BY rowid DESC LIMIT 10").fetchall()

    return {"latest": latest, "who": who, "who_fuzzy": who, "topic": topic_, "topic_fuzzy": topic_, "search": search}


def measure(store: BuiltStore, *, repeat: int) -> AnswerFigures:
    """p95 per kind over every example command, `repeat` times each."""
    engine = open_store(store.url)
    core = CommandCore(engine, default_knowledge(), today=lambda: TODAY)
    examples = commands(store)
    result: dict[str, float] = {}
    for kind in KINDS:
        samples: list[float] = []
        for line in examples[kind]:
            samples += sample_ms(lambda line=line: core.handle(line), repeat=repeat)
        result[kind] = p95(samples)
    db = sqlite3.connect(store.path)
    floor = {kind: p95(sample_ms(call, repeat=repeat * 3)) for kind, call in floors(db).items()}
    db.close()
    engine.dispose()
    return AnswerFigures(result, floor, examples)
