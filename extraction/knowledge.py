"""The knowledge base: people with aliases and dated roles, places and topics.

The facts live in TOML files under `knowledge/` so that a reviewer can read and correct them
without touching code; this module only loads them into frozen values and answers
"who held this role on that day" and "what was this person on that day".
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

KNOWLEDGE_DIR = Path(__file__).with_name("knowledge")


@dataclass(frozen=True)
class Role:
    """An office such as Russia's Secretary of the Security Council, and phrases that name it."""

    id: str
    country: str
    title: str
    phrases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Tenure:
    """One spell in one office; `end` is None while it lasts."""

    role_id: str
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        # the handover day belongs to the newcomer, so an end date is exclusive
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Person:
    """A person the bot knows by name, with every spelling a reader or an article may use."""

    id: str
    name: str
    country: str
    aliases: tuple[str, ...] = ()
    tenures: tuple[Tenure, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Place:
    """A city with its spellings and the venues that imply it (the Kremlin → Moscow)."""

    name: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    venues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Topic:
    """A subject of talks with the words an article or a reader may use for it."""

    name: str
    synonyms: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.synonyms)


@dataclass(frozen=True)
class KnowledgeBase:
    people: tuple[Person, ...]
    roles: tuple[Role, ...]
    places: tuple[Place, ...]
    topics: tuple[Topic, ...]

    def person(self, person_id: str) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    def role(self, role_id: str) -> Role | None:
        return next((r for r in self.roles if r.id == role_id), None)

    def holders(self, role_id: str, on: dt.date) -> list[Person]:
        """Who held the office on that day (usually one person; none when unknown)."""
        return [p for p in self.people if any(t.role_id == role_id and t.covers(on) for t in p.tenures)]

    def roles_of(self, person: Person, on: dt.date) -> list[Role]:
        """The offices a person held on that day, most recent appointment first."""
        current = sorted(
            (t for t in person.tenures if t.covers(on)),
            key=lambda t: t.start or dt.date.min,
            reverse=True,
        )
        return [r for t in current if (r := self.role(t.role_id)) is not None]

    def title_on(self, person: Person, on: dt.date | None) -> str | None:
        """The person's title on that day, or their latest one when the day is unknown."""
        if on is None:
            latest = max(person.tenures, key=lambda t: t.start or dt.date.min, default=None)
            role = self.role(latest.role_id) if latest else None
            return role.title if role else None
        roles = self.roles_of(person, on)
        return " and ".join(r.title for r in roles) if roles else None


def _date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _read(directory: Path, name: str) -> dict:
    with (directory / name).open("rb") as fh:
        return tomllib.load(fh)


def load(directory: Path = KNOWLEDGE_DIR) -> KnowledgeBase:
    """Read every knowledge file; a malformed file fails loudly at start-up, not mid-reply."""
    roles = tuple(
        Role(id=r["id"], country=r["country"], title=r["title"], phrases=tuple(r.get("phrases", ())))
        for r in _read(directory, "roles.toml")["role"]
    )
    role_ids = {r.id for r in roles}
    people = []
    for p in _read(directory, "people.toml")["person"]:
        tenures = tuple(
            Tenure(role_id=t["role"], start=_date(t.get("start")), end=_date(t.get("end")))
            for t in p.get("roles", ())
        )
        unknown = {t.role_id for t in tenures} - role_ids
        if unknown:
            raise ValueError(f"people.toml: {p['name']} has unknown roles {sorted(unknown)}")
        people.append(
            Person(
                id=p["id"],
                name=p["name"],
                country=p["country"],
                aliases=tuple(p.get("aliases", ())),
                tenures=tenures,
            )
        )
    ids = [p.id for p in people]
    if len(ids) != len(set(ids)):
        raise ValueError("people.toml: person ids must be unique")
    places = tuple(
        Place(
            name=p["name"],
            country=p.get("country"),
            aliases=tuple(p.get("aliases", ())),
            venues=tuple(p.get("venues", ())),
        )
        for p in _read(directory, "places.toml")["place"]
    )
    topics = tuple(
        Topic(name=t["name"], synonyms=tuple(t.get("synonyms", ())))
        for t in _read(directory, "topics.toml")["topic"]
    )
    return KnowledgeBase(people=tuple(people), roles=roles, places=places, topics=topics)


@cache
def default_knowledge() -> KnowledgeBase:
    """The bundled knowledge base, read once per process."""
    return load()
