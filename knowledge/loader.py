"""Reading the knowledge files under `knowledge/data/` into a `KnowledgeBase`, checked.

The facts live in TOML so that a reviewer can read and correct them without touching code;
this module loads them into frozen values and refuses a file that contradicts itself.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tomllib
from functools import cache
from pathlib import Path

from knowledge.model import KnowledgeBase, Person, Place, Role, Summit, Tenure, Topic, derive_short
from knowledge.spelling import spelling_key

KNOWLEDGE_DIR = Path(__file__).with_name("data")


class KnowledgeError(ValueError):
    """A knowledge file that is malformed or contradicts itself; the message names the file and entry."""


_ROLE_KEYS = frozenset({"id", "country", "title", "short", "phrases"})
SHORT_LIMIT = 36  # characters of a short office name: a participant and their office fit a phone's row
_PERSON_KEYS = frozenset({"id", "name", "country", "aliases", "roles"})
_TENURE_KEYS = frozenset({"role", "start", "end"})
_PLACE_KEYS = frozenset({"name", "country", "aliases", "venues"})
_TOPIC_KEYS = frozenset({"name", "synonyms", "except_in", "only_as_discussed"})


_SUMMIT_KEYS = frozenset({"name", "names", "events", "hosts", "host", "first_year"})


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

    def flag(self, entry: str, data: dict, key: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(entry, f"`{key}` must be true or false")
        return value

    def unique_names(self, kind: str, owners: list[tuple[str, tuple[str, ...]]]) -> None:
        """No spelling may name two entries: a reader typing it could not be told which one is meant."""
        seen: dict[str, tuple[str, str]] = {}
        for owner, spellings in owners:
            for spelling in spellings:
                key = spelling_key(spelling)  # as a reader's lookup folds what they type
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


def _load_topics(directory: Path) -> tuple[Topic, ...]:
    check = _Checker(directory / "topics.toml")
    topics = []
    for index, t in enumerate(_entries(directory, "topics.toml", "topic")):
        entry = f"topic {t.get('name', f'#{index + 1}')!r}"
        check.keys(entry, t, _TOPIC_KEYS, ("name",))
        topics.append(Topic(name=t["name"], synonyms=check.strings(entry, t, "synonyms"),
                            except_in=check.strings(entry, t, "except_in"),
                            only_as_discussed=check.flag(entry, t, "only_as_discussed")))
    return tuple(topics)


def _load_summits(directory: Path) -> tuple[Summit, ...]:
    """Summits and forums with their host cities; a knowledge folder without the file has none."""
    if not (directory / "summits.toml").exists():
        return ()
    check = _Checker(directory / "summits.toml")
    summits: list[Summit] = []
    for index, s in enumerate(_entries(directory, "summits.toml", "summit")):
        entry = f"summit {s.get('name', f'#{index + 1}')!r}"
        check.keys(entry, s, _SUMMIT_KEYS, ("name",))
        hosts = s.get("hosts", [])
        if not isinstance(hosts, list) or not all(
                isinstance(h, list) and len(h) == 2 and isinstance(h[0], int) and isinstance(h[1], str) for h in hosts):
            raise check.fail(entry, "`hosts` must be a list of [year, city] pairs")
        if not check.strings(entry, s, "names"):
            raise check.fail(entry, "`names` must list at least one spelling")
        host = s.get("host")
        if host is not None and not isinstance(host, str):
            raise check.fail(entry, "`host` must be a city's name")
        first_year = s.get("first_year")
        if not hosts and host is None and first_year is None:
            raise check.fail(entry, "give `hosts` (year → city), `host` (the city of every year) or `first_year`")
        if first_year is not None and (not isinstance(first_year, int) or isinstance(first_year, bool)):
            raise check.fail(entry, "`first_year` must be the year of the series' first round, e.g. 1996")
        summits.append(Summit(name=s["name"], names=check.strings(entry, s, "names"),
                              events=check.strings(entry, s, "events"),
                              hosts=tuple(sorted((y, c) for y, c in hosts)), host=host, first_year=first_year))
    return tuple(summits)


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
    topics = _load_topics(directory)
    return KnowledgeBase(people=people, roles=roles, places=places, topics=topics,
                         summits=_load_summits(directory))


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
