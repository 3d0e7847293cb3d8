"""What a reader's words name: a person (any spelling, or a role phrase) or a topic.

Shared by /who, /topic, /follow and /unfollow so that they all understand the same spellings.
The spellings are indexed once and kept until the store's names change, so that a lookup among
tens of thousands of aliases costs about a millisecond, not a pass over every alias in Python.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import Session

from bot.matching import AliasIndex, Entry, Match, Resolution
from bot.topic_words import TopicWords
from extraction.knowledge import KnowledgeBase
from storage import queries
from storage.db import session_scope

SURE = 90  # a name match this good is not second-guessed by a role phrase


@dataclass(frozen=True)
class PersonLookup:
    resolution: Resolution
    role_title: str | None = None  # set when the words named an office, not a person


class _Cached:
    """An index of names, rebuilt when `queries.names_version` says the store's names changed."""

    def __init__(self, load: Callable[[Session], list[queries.NameEntry]]) -> None:
        self.load = load
        self.version: tuple[int, ...] | None = None
        self.index = AliasIndex(())
        self.lock = threading.Lock()

    def get(self, session: Session) -> AliasIndex:
        version = queries.names_version(session)
        if version != self.version:
            with self.lock:
                if version != self.version:
                    names = self.load(session)
                    self.index = AliasIndex(Entry(n.target_id, n.canonical, n.spelling) for n in names)
                    self.version = version
        return self.index


class Lookup:
    def __init__(self, engine: Engine, knowledge: KnowledgeBase, today: Callable[[], dt.date]) -> None:
        self.engine, self.knowledge, self.today = engine, knowledge, today
        self._people = _Cached(queries.person_names)
        self._topics = _Cached(queries.topic_names)
        self._topic_words: tuple[AliasIndex | None, TopicWords] = (None, TopicWords(()))
        self._roles = AliasIndex(Entry(r.id, r.title, phrase) for r in knowledge.roles
                                 for phrase in (r.title, *r.phrases))

    def person(self, query: str) -> PersonLookup:
        """Names first; an office ("Russia's security chief") means whoever holds it today."""
        with session_scope(self.engine) as session:
            people = self._people.get(session)
            strong = people.strong(query)
            if strong is not None and strong.status == "one" and strong.matches[0].score >= SURE:
                return PersonLookup(strong)
            by_role = self._role_holders(session, query)
        # suggestions ("did you mean") cost a scan of every spelling: only when no office was meant either
        return by_role or PersonLookup(strong or people.weak(query))

    def _role_holders(self, session: Session, query: str) -> PersonLookup | None:
        roles = self._roles.resolve(query)
        if roles.status != "one" or roles.matches[0].score < SURE:
            return None
        role = self.knowledge.role(str(roles.matches[0].target))
        if role is None:
            return None
        holders = self.knowledge.holders(role.id, self.today())
        ids = queries.person_key_ids(session, keys=[p.id for p in holders])
        matches = tuple(Match(ids[p.id], p.name, 100.0) for p in holders if p.id in ids)
        if not matches:
            return None
        return PersonLookup(Resolution("one" if len(matches) == 1 else "several", matches), role_title=role.title)

    def topic(self, query: str) -> Resolution:
        with session_scope(self.engine) as session:
            return self._topics.get(session).resolve(query)

    def topic_within(self, query: str) -> Resolution:
        """A topic named inside a phrase of the reader's own ("war in Ukraine"): `bot.topic_words`."""
        with session_scope(self.engine) as session:
            index = self._topics.get(session)
        if self._topic_words[0] is not index:  # the names changed: prepare their words again
            self._topic_words = (index, TopicWords(index.entries))
        return self._topic_words[1].find(query)
