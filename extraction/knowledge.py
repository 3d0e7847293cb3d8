"""The knowledge base: people with aliases and dated roles, places and topics.

The facts live in TOML files under `knowledge/` so that a reviewer can read and correct them
without touching code; this module only loads them into frozen values and answers
"who held this role on that day" and "what was this person on that day".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

KNOWLEDGE_DIR = Path(__file__).with_name("knowledge")


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


class KnowledgeError(ValueError):
    """A knowledge file that is malformed or contradicts itself; the message names the file and entry."""


_ROLE_KEYS = frozenset({"id", "country", "title", "short", "phrases"})
SHORT_LIMIT = 36  # characters of a short office name: a participant and their office fit a phone's row
_PERSON_KEYS = frozenset({"id", "name", "country", "aliases", "roles"})
_TENURE_KEYS = frozenset({"role", "start", "end"})
_PLACE_KEYS = frozenset({"name", "country", "aliases", "venues"})


def _date(value: object) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        raise ValueError(f"{value} is a date-time, not a date")
    return dt.date.fromisoformat(str(value))


def _read(directory: Path, name: str) -> dict:
    path = directory / name
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise KnowledgeError(f"{path}: not valid TOML: {exc}") from exc


def _entries(directory: Path, name: str, table: str) -> list[dict]:
    """The `[[table]]` entries of one file, each checked to be a table."""
    entries = _read(directory, name).get(table)
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise KnowledgeError(f"{directory / name}: expected a list of [[{table}]] entries")
    return entries


def _fold(text: str) -> str:
    """The spelling a reader's search would not tell apart: case, accents, ё, dots, hyphens, spaces."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("ё", "е"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    for mark in ".-'’‘`":
        text = text.replace(mark, " ")
    return " ".join(text.split())


class _Checker:
    """Collects the context (file and entry) for error messages while one file is read."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, entry: str, problem: str) -> KnowledgeError:
        return KnowledgeError(f"{self.path}: {entry}: {problem}")

    def keys(self, entry: str, data: dict, allowed: frozenset[str], required: tuple[str, ...]) -> None:
        unknown = sorted(set(data) - allowed)
        if unknown:
            raise self.fail(entry, f"unknown keys {unknown} (allowed: {sorted(allowed)})")
        for key in required:
            value = data.get(key)
            if not isinstance(value, str) or not value.strip():
                raise self.fail(entry, f"`{key}` must be a non-empty string")

    def strings(self, entry: str, data: dict, key: str) -> tuple[str, ...]:
        values = data.get(key, [])
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
            raise self.fail(entry, f"`{key}` must be a list of non-empty strings")
        return tuple(values)

    def unique_names(self, kind: str, owners: list[tuple[str, tuple[str, ...]]]) -> None:
        """No spelling may name two entries: a reader typing it could not be told which one is meant."""
        seen: dict[str, tuple[str, str]] = {}
        for owner, spellings in owners:
            for spelling in spellings:
                key = _fold(spelling)
                if not key:
                    raise self.fail(f"{kind} {owner!r}", f"the spelling {spelling!r} is empty once normalised")
                other = seen.setdefault(key, (owner, spelling))
                if other[0] != owner:
                    raise self.fail(
                        f"{kind} {owner!r}",
                        f"{spelling!r} also names {kind} {other[0]!r} (as {other[1]!r}); drop it from one of them",
                    )


def _load_roles(directory: Path) -> tuple[Role, ...]:
    check = _Checker(directory / "roles.toml")
    roles: list[Role] = []
    for index, r in enumerate(_entries(directory, "roles.toml", "role")):
        entry = f"role {r.get('id', f'#{index + 1}')!r}"
        check.keys(entry, r, _ROLE_KEYS, ("id", "country", "title"))
        short = r.get("short", derive_short(r["title"]))
        if not isinstance(short, str) or not short.strip() or len(short) > SHORT_LIMIT:
            raise check.fail(entry, f"`short` must be a non-empty string of at most {SHORT_LIMIT} characters")
        roles.append(Role(id=r["id"], country=r["country"], title=r["title"],
                          phrases=check.strings(entry, r, "phrases"), short=short))
    seen: set[str] = set()
    for role in roles:
        if role.id in seen:
            raise check.fail(f"role {role.id!r}", "duplicate id")
        seen.add(role.id)
    check.unique_names("role", [(r.id, (r.title, *r.phrases)) for r in roles])
    return tuple(roles)


def _load_tenures(check: _Checker, entry: str, p: dict, role_ids: set[str]) -> tuple[Tenure, ...]:
    spells = p.get("roles", [])
    if not isinstance(spells, list) or not all(isinstance(t, dict) for t in spells):
        raise check.fail(entry, "`roles` must be a list of { role = ..., start = ..., end = ... } tables")
    tenures: list[Tenure] = []
    for t in spells:
        check.keys(f"{entry}, tenure {t.get('role')!r}", t, _TENURE_KEYS, ("role",))
        try:
            tenure = Tenure(role_id=t["role"], start=_date(t.get("start")), end=_date(t.get("end")))
        except ValueError as exc:
            raise check.fail(f"{entry}, tenure {t['role']!r}", f"bad date: {exc}") from exc
        if tenure.role_id not in role_ids:
            raise check.fail(entry, f"unknown role {tenure.role_id!r} (not in roles.toml)")
        if tenure.start and tenure.end and tenure.end <= tenure.start:
            raise check.fail(
                entry, f"tenure {tenure.role_id!r} ends on {tenure.end} before it starts on {tenure.start}"
            )
        tenures.append(tenure)
    for i, a in enumerate(tenures):
        for b in tenures[i + 1 :]:
            if a.role_id == b.role_id and _overlap(a, b):
                raise check.fail(
                    entry, f"two tenures of {a.role_id!r} overlap ({a.start}–{a.end} and {b.start}–{b.end})"
                )
    return tuple(tenures)


def _overlap(a: Tenure, b: Tenure) -> bool:
    lo = dt.date.min
    hi = dt.date.max
    return (a.start or lo) < (b.end or hi) and (b.start or lo) < (a.end or hi)


def _load_people(directory: Path, role_ids: set[str]) -> tuple[Person, ...]:
    check = _Checker(directory / "people.toml")
    people: list[Person] = []
    for index, p in enumerate(_entries(directory, "people.toml", "person")):
        entry = f"person {p.get('id', p.get('name', f'#{index + 1}'))!r}"
        check.keys(entry, p, _PERSON_KEYS, ("id", "name", "country"))
        people.append(
            Person(
                id=p["id"],
                name=p["name"],
                country=p["country"],
                aliases=check.strings(entry, p, "aliases"),
                tenures=_load_tenures(check, entry, p, role_ids),
            )
        )
    seen: set[str] = set()
    for person in people:
        if person.id in seen:
            raise check.fail(f"person {person.id!r}", "duplicate id (person ids must be unique)")
        seen.add(person.id)
    check.unique_names("person", [(p.id, p.names) for p in people])
    return tuple(people)


def _load_places(directory: Path) -> tuple[Place, ...]:
    check = _Checker(directory / "places.toml")
    places: list[Place] = []
    for index, p in enumerate(_entries(directory, "places.toml", "place")):
        entry = f"place {p.get('name', f'#{index + 1}')!r}"
        check.keys(entry, p, _PLACE_KEYS, ("name",))
        country = p.get("country")
        if country is not None and (not isinstance(country, str) or not country.strip()):
            raise check.fail(entry, "`country` must be a non-empty string when given")
        places.append(
            Place(
                name=p["name"],
                country=country,
                aliases=check.strings(entry, p, "aliases"),
                venues=check.strings(entry, p, "venues"),
            )
        )
    check.unique_names("place", [(p.name, (p.name, *p.aliases, *p.venues)) for p in places])
    return tuple(places)


def load(directory: Path = KNOWLEDGE_DIR) -> KnowledgeBase:
    """Read every knowledge file; a malformed file fails loudly at start-up, not mid-reply.

    Raises `KnowledgeError` (a `ValueError`) naming the file and the entry for: unknown keys,
    missing fields, unknown role ids, duplicate ids, a tenure ending before it starts or
    overlapping another spell in the same office, and a spelling (alias, role phrase, place
    alias or venue) shared by two entries once case, accents, dots and hyphens are ignored.
    """
    roles = _load_roles(directory)
    people = _load_people(directory, {r.id for r in roles})
    places = _load_places(directory)
    topics = tuple(
        Topic(name=t["name"], synonyms=tuple(t.get("synonyms", ())))
        for t in _entries(directory, "topics.toml", "topic")
    )
    return KnowledgeBase(people=people, roles=roles, places=places, topics=topics)


def fingerprint(directory: Path = KNOWLEDGE_DIR) -> str:
    """A hash of the knowledge files, so a store can tell whether it already mirrors them."""
    digest = hashlib.sha256()
    for path in sorted(directory.glob("*.toml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@cache
def default_knowledge() -> KnowledgeBase:
    """The bundled knowledge base, read once per process."""
    return load()
