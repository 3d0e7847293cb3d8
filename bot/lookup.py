"""What a reader's words name: a person (any spelling, or a role phrase) or a topic.

Shared by /who, /topic, /follow and /unfollow so that they all understand the same spellings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine

from bot.matching import Entry, Match, Resolution, resolve
from extraction.knowledge import KnowledgeBase
from storage import queries
from storage.db import session_scope

SURE = 90  # a name match this good is not second-guessed by a role phrase


@dataclass(frozen=True)
class PersonLookup:
    resolution: Resolution
    role_title: str | None = None  # set when the words named an office, not a person


class Lookup:
    def __init__(self, engine: Engine, knowledge: KnowledgeBase, today: Callable[[], dt.date]) -> None:
        self.engine, self.knowledge, self.today = engine, knowledge, today

    def person(self, query: str) -> PersonLookup:
        """Names first; an office ("Russia's security chief") means whoever holds it today."""
        with session_scope(self.engine) as session:
            names = queries.person_names(session)
            by_name = resolve(query, [Entry(n.target_id, n.canonical, n.spelling) for n in names])
            if by_name.status == "one" and by_name.matches[0].score >= SURE:
                return PersonLookup(by_name)
            by_role = self._role_holders(session, query)
        return by_role or PersonLookup(by_name)

    def _role_holders(self, session, query: str) -> PersonLookup | None:
        entries = [Entry(r.id, r.title, phrase) for r in self.knowledge.roles for phrase in (r.title, *r.phrases)]
        roles = resolve(query, entries)
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
            names = queries.topic_names(session)
        return resolve(query, [Entry(n.target_id, n.canonical, n.spelling) for n in names])
