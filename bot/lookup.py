"""What a reader's words name: a person (any spelling, or a role phrase) or a topic.

Shared by /who, /topic, /follow and /unfollow so that they all understand the same spellings.
The spellings are indexed once and kept until the store's names change, so that a lookup among
tens of thousands of aliases costs about a millisecond, not a pass over every alias in Python.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlmodel import Session

from bot.matching import AliasIndex, Entry, Match, Resolution, normalize, similarity
from extraction.knowledge import KnowledgeBase, Role
from storage import queries
from storage.db import session_scope

SURE = 90  # a name match this good is not second-guessed by a role phrase
MAX_CHOICES = 8  # close matches offered as buttons: the ones readers most often mean
SUGGESTIONS = 3  # nearest names offered when nothing matches


@dataclass(frozen=True)
class PersonLookup:
    resolution: Resolution
    offices: dict[Hashable, str] = field(default_factory=dict)  # when the words named an office: holder -> it

    @property
    def role_title(self) -> str | None:
        """The office the words named, when they named one and it has one holder."""
        if self.resolution.status != "one" or not self.offices:
            return None
        return self.offices.get(self.resolution.matches[0].target)


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
        self._roles = AliasIndex(Entry(r.id, r.title, phrase) for r in knowledge.roles
                                 for phrase in (r.title, *r.phrases))

    def person(self, query: str) -> PersonLookup:
        """Names first; an office ("Russia's security chief") means whoever holds it today, and an office
        named without its country ("defence minister") its holders in each country."""
        with session_scope(self.engine) as session:
            people = self._people.get(session)
            strong = people.strong(query, limit=None)
            if strong is not None and strong.status == "one" and strong.matches[0].score >= SURE:
                return PersonLookup(strong)
            by_role = self._role_holders(session, query)
            if by_role is not None:
                return by_role
            # suggestions ("did you mean") cost a scan of every spelling: only when no office was meant either
            found = strong or people.weak(query, limit=None)
            return PersonLookup(_by_use(found, lambda ids: queries.person_meeting_counts(session, person_ids=ids)))

    def _role_holders(self, session: Session, query: str) -> PersonLookup | None:
        holders: dict[int, tuple[Match, str]] = {}
        for role in self._offices(query):
            people = self.knowledge.holders(role.id, self.today())
            ids = queries.person_key_ids(session, keys=[p.id for p in people])
            for p in people:
                if p.id in ids:
                    holders.setdefault(ids[p.id], (Match(ids[p.id], p.name, 100.0), role.title))
        if not holders:
            return None
        matches = tuple(match for match, _ in holders.values())
        resolution = _by_use(Resolution("one" if len(matches) == 1 else "several", matches),
                             lambda ids: queries.person_meeting_counts(session, person_ids=ids))
        return PersonLookup(resolution, offices={target: title for target, (_, title) in holders.items()})

    def _offices(self, query: str) -> list[Role]:
        """The office the words name, or the same office in several countries ("defence minister" is Russia's
        and China's); none when they fit several offices of one country equally plainly ("chinese")."""
        found = self._roles.strong(query, limit=None)
        if found is None or found.matches[0].score < SURE:
            return []
        plainest: dict[str, list[tuple[int, Role]]] = {}  # country -> (words of its closest phrase, office)
        for match in found.matches:
            role = self.knowledge.role(str(match.target))
            if role is None or match.score < SURE:
                continue
            words = min((len(normalize(p).split()) for p in (role.title, *role.phrases)
                         if similarity(query, p) >= match.score), default=0)
            plainest.setdefault(role.country, []).append((words, role))
        offices = []
        for options in plainest.values():  # "president" fits "Vice President of China" too, less plainly
            fewest = min(words for words, _ in options)
            plain = [role for words, role in options if words == fewest]
            if len(plain) > 1:
                return []
            offices.append(plain[0])
        return offices

    def topic(self, query: str) -> Resolution:
        with session_scope(self.engine) as session:
            topics = self._topics.get(session)
            found = topics.strong(query, limit=None) or topics.weak(query, limit=None)
            return _by_use(found, lambda ids: queries.topic_meeting_counts(session, topic_ids=ids))


def _by_use(found: Resolution, counts: Callable[[list[int]], dict[int, int]]) -> Resolution:
    """Close matches in the order readers most likely mean them: most meetings in the store first, then the
    better spelling; suggestions nearest first, the most met first among equally near ones. Then the few
    that fit in a reply."""
    if found.status == "one":
        return found
    if found.status == "several":
        met = counts([int(m.target) for m in found.matches])
        ranked = sorted(found.matches, key=lambda m: (-met.get(int(m.target), 0), -m.score))
        return Resolution("several", tuple(ranked[:MAX_CHOICES]))
    if not found.matches:
        return found
    nearest = [m for m in found.matches if m.score >= found.matches[:SUGGESTIONS][-1].score]  # ties kept
    met = counts([int(m.target) for m in nearest])
    ranked = sorted(nearest, key=lambda m: (-m.score, -met.get(int(m.target), 0)))
    return Resolution("none", tuple(ranked[:SUGGESTIONS]))
