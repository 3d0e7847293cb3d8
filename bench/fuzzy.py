"""Fuzzy resolution among the store's ~20,000 person aliases: typos, surnames and Cyrillic, index prepared once."""

from __future__ import annotations

import random
import time

from bench.answers import _typo
from bench.store import BuiltStore
from bench.timing import p95, sample_ms
from bot.core.matching import AliasIndex, Entry
from storage import people_and_topics
from storage.bootstrap import open_store
from storage.db import session_scope


def resolve_p95_ms(store: BuiltStore, *, queries_count: int, seed: int) -> tuple[float, int, float]:
    """(p95 ms of a resolve, aliases indexed, seconds to build the index) over mixed reader spellings."""
    engine = open_store(store.url)
    with session_scope(engine) as session:
        names = people_and_topics.person_names(session)
    engine.dispose()
    started = time.perf_counter()
    index = AliasIndex(Entry(n.target_id, n.canonical, n.spelling) for n in names)
    built = time.perf_counter() - started
    rng = random.Random(seed)
    typed = ["shoygu", "Шойгу", "lavrv", "Patrushv", "wang i", "Sergey Shoigu"]
    for person in rng.sample(store.people, queries_count):
        typed += [_typo(person.name), person.name.split()[-1], person.aliases[-1], _typo(person.name.split()[-1])]
    samples: list[float] = []
    for query in typed:
        samples += sample_ms(lambda q=query: index.resolve(q), repeat=3)
    return p95(samples), len(names), built
