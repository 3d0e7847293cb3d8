"""What the knowledge base holds: people with aliases and dated roles, places and topics.

Frozen values that answer "who held this role on that day" and "what was this person on that
day"; `knowledge.loader` reads them from the TOML files under `knowledge/data/`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Role:
    """An office such as Russia's Secretary of the Security Council, and phrases that name it."""

    id: str
    country: str
    title: str
    phrases: tuple[str, ...] = ()
    short: str = ""  # how a list of participants names it; `_load_roles` fills it from the title when unset


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
class Summit:
    """A recurring summit or forum and where it met: "the SCO summit" of 2018 was in Qingdao.

    A sentence names it by one of `names` ("SCO", "ШОС"), with one of `events` when the body also holds
    meetings of other kinds (an SCO summit, not the SCO prime ministers' meeting); `hosts` maps a year to
    the city, and `host` is the city of a forum held in the same place every year. A yearly series that
    numbers its rounds has `first_year`, the year of the first: "the 19th regular meeting of the heads of
    government" (first 1996) was held in 2014.
    """

    name: str
    names: tuple[str, ...]
    events: tuple[str, ...] = ()
    hosts: tuple[tuple[int, str], ...] = ()
    host: str | None = None
    first_year: int | None = None

    def year_of_round(self, number: int) -> int | None:
        """The year of the series' `number`-th round; None for a summit that is not a numbered yearly series."""
        return self.first_year + number - 1 if self.first_year is not None and number >= 1 else None

    def city(self, year: int) -> str | None:
        return dict(self.hosts).get(year, self.host)


@dataclass(frozen=True)
class Topic:
    """A subject of talks with the words an article or a reader may use for it."""

    name: str
    synonyms: tuple[str, ...] = ()
    except_in: tuple[str, ...] = ()  # phrases holding a synonym that do not mean the topic ("Sea of Japan")
    # a topic every remark touches ("bilateral relations") counts only as the object of "discussed" and the like
    only_as_discussed: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.synonyms)


@dataclass(frozen=True)
class KnowledgeBase:
    people: tuple[Person, ...]
    roles: tuple[Role, ...]
    places: tuple[Place, ...]
    topics: tuple[Topic, ...]
    summits: tuple[Summit, ...] = ()

    @cached_property
    def _people_by_id(self) -> dict[str, Person]:
        return {p.id: p for p in self.people}

    @cached_property
    def _roles_by_id(self) -> dict[str, Role]:
        return {r.id: r for r in self.roles}

    def person(self, person_id: str) -> Person | None:
        return self._people_by_id.get(person_id)

    def role(self, role_id: str) -> Role | None:
        return self._roles_by_id.get(role_id)

    @cached_property
    def _tenures_of_role(self) -> dict[str, list[tuple[Person, Tenure]]]:
        out: dict[str, list[tuple[Person, Tenure]]] = {}
        for person in self.people:
            for tenure in person.tenures:
                out.setdefault(tenure.role_id, []).append((person, tenure))
        return out

    @cached_property
    def _titles(self) -> dict[tuple[str, dt.date | None], str | None]:
        return {}  # title_on answers, memoised: a long article asks the same few thousands of times

    def holders(self, role_id: str, on: dt.date) -> list[Person]:
        """Who held the office on that day (usually one person; none when unknown)."""
        holders: list[Person] = []
        for person, tenure in self._tenures_of_role.get(role_id, ()):
            if tenure.covers(on) and person not in holders:
                holders.append(person)
        return holders

    def ever_held(self, role_id: str) -> list[Person]:
        """Everyone who held the office at any time the knowledge base records."""
        return list(dict.fromkeys(person for person, _ in self._tenures_of_role.get(role_id, ())))

    def roles_of(self, person: Person, on: dt.date) -> list[Role]:
        """The offices a person held on that day, most recent appointment first."""
        current = sorted(
            (t for t in person.tenures if t.covers(on)),
            key=lambda t: t.start or dt.date.min,
            reverse=True,
        )
        return [r for t in current if (r := self.role(t.role_id)) is not None]

    @cached_property
    def _offices_by_title(self) -> dict[str, tuple[int, Role]]:
        return {r.title: (rank, r) for rank, r in enumerate(self.roles)}

    @cached_property
    def _offices_of_title(self) -> dict[str, list[tuple[int, Role]] | None]:
        return {}  # offices_in answers, memoised: every list of meetings asks about the same few titles

    def offices_in(self, title: str) -> list[tuple[int, Role]] | None:
        """The offices (with their rank, roles.toml order) that a stored title joins with " and ", or None
        when it names one this knowledge base does not hold. Titles may contain " and " themselves
        ("Minister of Industry and Trade"), so the split tries every known title at each position."""
        if title not in self._offices_of_title:
            self._offices_of_title[title] = self._split_title(title)
        return self._offices_of_title[title]

    def _split_title(self, title: str) -> list[tuple[int, Role]] | None:
        if not title:
            return []
        for cut in (i for i in range(len(title), 0, -1) if i == len(title) or title.startswith(" and ", i)):
            first = self._offices_by_title.get(title[:cut])
            if first is None:
                continue
            rest = self._split_title(title[cut + len(" and "):]) if cut < len(title) else []
            if rest is not None:
                return [first, *rest]
        return None

    def short_title(self, title: str) -> str:
        """A stored title as a list of participants shows it: the short form of its highest office (roles.toml
        order), "Foreign Minister of China and Director of the Office of the CPC Central Foreign Affairs
        Commission" → "Foreign Minister". One office names a person on a phone; the full title is a tap away."""
        offices = self.offices_in(title)
        if offices:
            return min(offices, key=lambda office: office[0])[1].short
        return derive_short(title)

    @cached_property
    def _topic_ranks(self) -> dict[str, int]:
        return {t.name.casefold(): rank for rank, t in enumerate(self.topics)}

    def topic_rank(self, name: str) -> int:
        """Where a topic stands in topics.toml, which lists the most telling first (Taiwan before trade);
        topics it does not hold come last."""
        return self._topic_ranks.get(name.casefold(), len(self.topics))

    def seniority(self, title: str | None) -> int:
        """Where a title's highest office stands in roles.toml (heads of state first); unknown titles last."""
        offices = self.offices_in(title) if title else None
        return min((rank for rank, _ in offices), default=len(self.roles)) if offices else len(self.roles)

    def title_on(self, person: Person, on: dt.date | None) -> str | None:
        """The person's title on that day, or their latest one when the day is unknown."""
        key = (person.id, on)
        if key not in self._titles:
            self._titles[key] = self._title_on(person, on)
        return self._titles[key]

    def _title_on(self, person: Person, on: dt.date | None) -> str | None:
        if on is None:
            latest = max(person.tenures, key=lambda t: t.start or dt.date.min, default=None)
            role = self.role(latest.role_id) if latest else None
            return role.title if role else None
        roles = self.roles_of(person, on)
        return " and ".join(r.title for r in roles) if roles else None


_COUNTRY_SUFFIX = re.compile(
    r"(?<!Party),? (?:of|to) (?:the )?(?:Russia|Russian Federation|China|People's Republic of China|PRC|"
    r"United States(?: of America)?|USA?|United Nations|UN)$", re.IGNORECASE)
_ACRONYM = re.compile(r"^(.*\S) \(([A-Z]{2,6})\)$")


def derive_short(title: str) -> str:
    """A short form for an office without one: the title without its country ("Minister of Agriculture of
    Russia" → "Minister of Agriculture"), led by its acronym when it gives one ("… (FSB)" → "FSB Director")."""
    text = " ".join(title.split())
    acronym = _ACRONYM.match(text)
    if acronym:
        text = acronym.group(1)
    text = _COUNTRY_SUFFIX.sub("", text)
    if acronym:
        head = text.split(" of ", 1)[0] if " of " in text else text
        return f"{acronym.group(2)} {head}"
    return text
