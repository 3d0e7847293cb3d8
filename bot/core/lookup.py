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
from functools import cache, cached_property

from sqlalchemy import Engine
from sqlmodel import Session

from bot.core.matching import AliasIndex, Entry, Match, Resolution
from bot.core.spelling_similarity import similarity
from bot.core.topic_words import TopicWords
from knowledge import KnowledgeBase, Role
from knowledge.spelling import spelling_key
from storage import people_and_topics
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
    """An index of names, rebuilt when `people_and_topics.names_version` says the store's names changed."""

    def __init__(self, load: Callable[[Session], list[people_and_topics.NameEntry]]) -> None:
        self.load = load
        self.version: tuple[int, ...] | None = None
        self.index = AliasIndex(())
        self.lock = threading.Lock()

    def get(self, session: Session) -> AliasIndex:
        version = people_and_topics.names_version(session)
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
        self._people = _Cached(people_and_topics.person_names)
        self._topics = _Cached(people_and_topics.topic_names)
        self._topic_words: tuple[AliasIndex | None, TopicWords] = (None, TopicWords(()))

    @cached_property
    def _roles(self) -> AliasIndex:
        """The offices' titles and phrases, indexed when a name is first looked up, not at start-up."""
        return AliasIndex(Entry(r.id, r.title, phrase) for r in self.knowledge.roles
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
            return PersonLookup(_by_use(found,
                                        lambda ids: people_and_topics.person_meeting_counts(session, person_ids=ids)))

    def _role_holders(self, session: Session, query: str) -> PersonLookup | None:
        today = self.today()
        held = [(person, role) for role in self._offices(query) for person in self.knowledge.holders(role.id, today)]
        ids = people_and_topics.person_key_ids(session, keys=[person.id for person, _ in held]) if held else {}
        holders: dict[int, tuple[Match, str]] = {}
        for person, role in held:
            if person.id in ids:
                holders.setdefault(ids[person.id], (Match(ids[person.id], person.name, 100.0), role.title))
        if not holders:
            return None
        matches = tuple(match for match, _ in holders.values())
        resolution = _by_use(Resolution("one" if len(matches) == 1 else "several", matches),
                             lambda ids: people_and_topics.person_meeting_counts(session, person_ids=ids))
        return PersonLookup(resolution, offices={target: title for target, (_, title) in holders.items()})

    def _offices(self, query: str) -> list[Role]:
        """The office the words name, or the same office in several countries ("defence minister" is Russia's
        and China's); none when they fit several offices of one country equally plainly ("chinese")."""
        found = self._roles.strong(query, limit=None)
        if found is None or found.matches[0].score < SURE:
            return []
        by_country: dict[str, list[tuple[float, Role]]] = {}
        for match in found.matches:
            role = self.knowledge.role(str(match.target))
            if role is not None and match.score >= SURE:
                by_country.setdefault(role.country, []).append((match.score, role))
        offices = []
        for options in by_country.values():  # "president" fits "Vice President of China" too, less plainly
            if len(options) > 1:
                words = {role.id: _plainest(query, role, score) for score, role in options}
                options = [(score, role) for score, role in options if words[role.id] == min(words.values())]
            if len(options) > 1:
                return []
            offices.append(options[0][1])
        return offices

    def topic(self, query: str) -> Resolution:
        with session_scope(self.engine) as session:
            topics = self._topics.get(session)
            found = topics.strong(query, limit=None) or topics.weak(query, limit=None)
            return _by_use(found, lambda ids: people_and_topics.topic_meeting_counts(session, topic_ids=ids))

    def topic_within(self, query: str) -> Resolution:
        """A topic named inside a phrase of the reader's own ("war in Ukraine"): `bot.core.topic_words`."""
        with session_scope(self.engine) as session:
            index = self._topics.get(session)
        if self._topic_words[0] is not index:  # the names changed: prepare their words again
            self._topic_words = (index, TopicWords(index.entries))
        return self._topic_words[1].find(query)


def _plainest(query: str, role: Role, score: float) -> int:
    """How few words the office's phrases that match the query as well as its best one have."""
    return next((words for words, phrase in _by_length(role) if similarity(query, phrase) >= score), 0)


@cache
def _by_length(role: Role) -> list[tuple[int, str]]:
    """The office's title and phrases, fewest words first."""
    return sorted((len(spelling_key(p).split()), p) for p in (role.title, *role.phrases))


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
