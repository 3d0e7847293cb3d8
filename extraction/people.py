"""People named in a sentence: known aliases, role phrases resolved by date, and titled strangers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass, replace

from extraction import russian_names
from extraction.lexicon import PREFIX, Matcher, MatcherSet, any_of, fold, has_cyrillic, per_knowledge, words
from extraction.officials import find_officials
from extraction.roles import definite, names_one, shared
from extraction.types import Official, Participant
from knowledge import KnowledgeBase, Person

_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Mister|Madam)\.?\s+(?P<surname>[A-Z][a-z]+)\b")
_NOT_A_HOLDER = re.compile(r"(?:former|ex-|then-|previously\s+served\s+as|served\s+as|as|was|predecessor"
                           r"|first|last|previous|every|any|no)\s*$",
                           re.IGNORECASE)
_HONORIFIC_WORDS = any_of(["Mr", "Ms", "Dr", "Mister", "Madam"])
_CAPITALISED = re.compile(r"(?<![\w.'-])(?<![A-Z][a-z]\s)[A-Z][a-z]+\b(?!\s+[A-Z])(?!['-]\w)")
_AFTER_NAME = re.compile(r"[A-Z][\w'-]*\s+$")
_INITIALS = re.compile(r"(?:[A-Z][a-z]?\.){1,2}")  # "O.N.", "Yu.A." before a family name
_LATIN_NAME = re.compile(r"[A-Z][a-z'-]+(?: [A-Z][a-z'-]+){1,2}")  # a full name as an English text writes it
_WORD_BEFORE = re.compile(r"(?<![\w.'-])([A-ZА-ЯЁ][a-zа-яё]{2,})\s+$")
_RANKS = frozenset({"admiral", "general", "colonel", "marshal", "captain", "major", "ayatollah", "president"})


@dataclass(frozen=True)
class PersonHit:
    """A person found at a place in a sentence, and how (alias, role phrase, title, honorific)."""

    start: int
    end: int
    participant: Participant
    via: str


@per_knowledge
def _alias_patterns(kb: KnowledgeBase) -> MatcherSet[Person]:
    pairs = []
    for person in kb.people:
        names = sorted(set(person.names), key=len, reverse=True)
        pairs.append((Matcher(names), person))
    return MatcherSet(pairs)


@per_knowledge
def _role_patterns(kb: KnowledgeBase) -> MatcherSet[str]:
    pairs = []
    for role in kb.roles:
        phrases = sorted({*role.phrases, role.title}, key=len, reverse=True)
        pairs.append((Matcher(phrases, ignore_case=True), role.id))
    return MatcherSet(pairs)


@per_knowledge
def _shared_offices(kb: KnowledgeBase) -> frozenset[str]:
    return frozenset(role.id for role in kb.roles if shared(role.title))


def _shared_office(kb: KnowledgeBase, role_id: str) -> bool:
    return role_id in _shared_offices(kb)


def participant_for(kb: KnowledgeBase, person: Person, on: dt.date | None) -> Participant:
    """A known person as a participant, titled as they were on that day (made once per person and day)."""
    made = _participants(kb)
    key = (person.id, on)
    if key not in made:
        made[key] = Participant(name=person.name, country=person.country, role=kb.title_on(person, on),
                                person_id=person.id)
    return made[key]


@per_knowledge
def _participants(kb: KnowledgeBase) -> dict[tuple[str, dt.date | None], Participant]:
    return {}


def family_name(person: Person | Participant) -> str:
    """Chinese names put the family name first, Russian and Western ones last."""
    parts = person.name.split()
    return parts[0] if person.country == "China" else parts[-1]


@dataclass(frozen=True)
class PeopleScan:
    """What a sentence says about people whatever the date: read once, resolved for each date asked."""

    aliases: tuple[tuple[int, int, Person], ...]
    honorifics: tuple[tuple[int, int, str], ...]  # (start, end, surname)
    roles: tuple[tuple[int, int, str], ...]  # (start, end, role id)
    titled: tuple[Official, ...]  # people the title beside their name makes officials, known or not
    surnames: tuple[tuple[int, int, str], ...] = ()  # a bare family name, not part of a longer name
    # a bare family name of someone the knowledge base does not list, named in full elsewhere in the article
    strangers: tuple[tuple[int, int, Participant], ...] = ()

    @property
    def names_nobody(self) -> bool:
        """Nothing that could name a person: most sentences, and no meeting can be read from them."""
        return not (self.aliases or self.honorifics or self.roles or self.surnames or self.titled or self.strangers)


def scan_people(text: str, kb: KnowledgeBase) -> PeopleScan:
    """Every alias, "Mr Surname", role phrase (the longest at each place) and titled name in a sentence."""
    honorifics = _HONORIFIC.finditer(text) if _HONORIFIC_WORDS.search(text) else ()
    return PeopleScan(
        aliases=tuple((m.start(), m.end(), person) for m, person in _alias_patterns(kb).search(text)),
        honorifics=tuple((m.start(), m.end(), m.group("surname")) for m in honorifics),
        roles=tuple((m.start(), m.end(), role) for m, role in _longest(_role_patterns(kb).search(text))),
        titled=find_officials(text, _place_words(kb)),
        surnames=_surnames(text, kb),
    )


def _surnames(text: str, kb: KnowledgeBase) -> tuple[tuple[int, int, str], ...]:
    """Bare family names of people the knowledge base knows; most sentences have none of their words."""
    if _family_words(kb).isdisjoint(words(text)):
        return ()
    return tuple((m.start(), m.end(), m.group(0)) for m in _bare_family_names(text, _by_family_name(kb)))


def _bare_family_names(text: str, families: Container[str]) -> Iterator[re.Match[str]]:
    """Each capitalised word standing alone that is one of these family names: not the end of a longer name
    ("Sergei Lavrov"), nor followed by another capitalised word."""
    return (m for m in _CAPITALISED.finditer(text)
            if m.group(0) in families and not _AFTER_NAME.search(text[max(0, m.start() - 30) : m.start()]))


def stranger_family_names(named: Sequence[Participant], kb: KnowledgeBase) -> dict[str, Participant]:
    """Name → the one person of the article bearing it whom the knowledge base does not list, by their full name
    as a title first gave it and by their family name alone: later sentences call them so ("Liaoning party
    secretary Hao Peng led the delegation ... Hao Peng held a video call", "... Zhang is expected to")."""
    bearers: dict[str, set[Participant]] = {}
    for person in named:
        if person.person_id is None and not _INITIALS.match(person.name) and len(person.name.split()) > 1:
            bearers.setdefault(family_name(person), set()).add(person)
    known = _by_family_name(kb)
    alone = {family: next(iter(people)) for family, people in bearers.items()
             if len({p.name for p in people}) == 1 and family not in known}
    full = {p.name: p for people in bearers.values() for p in people if _LATIN_NAME.fullmatch(p.name)}
    return full | alone


def with_strangers(scan: PeopleScan, text: str, family: dict[str, Participant]) -> PeopleScan:
    """The sentence's scan with the bare family names of the article's strangers (`stranger_family_names`)."""
    if not family or not any(name in text for name in family):
        return scan
    taken = [(o.start, o.end) for o in scan.titled] + [(s, e) for s, e, _ in scan.aliases]
    whole = [(m.start(), m.end(), family[m.group(0)]) for name in family if " " in name
             for m in re.finditer(rf"(?<![\w'-]){re.escape(name)}(?![\w'-])", text)]
    taken += [(s, e) for s, e, _ in whole if not any(ts <= s < te for ts, te in taken)]
    found = tuple(sorted([*((s, e, p) for s, e, p in whole if (s, e) in taken),
                          *((m.start(), m.end(), family[m.group(0)]) for m in _bare_family_names(text, family)
                            if not any(s <= m.start() < e for s, e in taken))]))
    return replace(scan, strangers=found) if found else scan


def _someone_else(text: str, start: int, end: int, person: Person, kb: KnowledgeBase) -> bool:
    """"Дмитрий Патрушев", "Dmitry Patrushev" is not Nikolai Patrushev: a family name the knowledge base lists
    as one person's alias, right after a first name that is none of that person's, names someone else."""
    if " " in text[start:end]:
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is None:
        return False
    given = before.group(1)
    key = fold(given)[:PREFIX]
    if key in _own_first_names(kb).get(person.id, ()):
        return False
    return key in _first_names(kb) or (has_cyrillic(given) and russian_names.is_first_name(given))


@per_knowledge
def _own_first_names(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Each person's first names as their spellings open with them, by their first letters (any case ending)."""
    return {person.id: frozenset(fold(name.split()[0])[:PREFIX] for name in person.names if " " in name)
            for person in kb.people}


@per_knowledge
def _first_names(kb: KnowledgeBase) -> frozenset[str]:
    """First names in Latin letters that open the spellings of the people listed from countries that put the
    first name first (a Chinese name opens with the family name), ranks aside."""
    return frozenset(fold(first)[:PREFIX] for person in kb.people if person.country != "China"
                     for name in person.names if " " in name
                     if len(first := name.split()[0]) >= 3 and first.isalpha() and not has_cyrillic(first)
                     and fold(first) not in _RANKS)


@per_knowledge
def _by_family_name(kb: KnowledgeBase) -> dict[str, list[Person]]:
    out: dict[str, list[Person]] = {}
    for person in kb.people:
        out.setdefault(family_name(person), []).append(person)
    return out


@per_knowledge
def _family_words(kb: KnowledgeBase) -> frozenset[str]:
    """The family names as `words` gives them: a capitalised word of a sentence is one of its words."""
    return frozenset(fold(name) for name in _by_family_name(kb))


def find_people(text: str, kb: KnowledgeBase, on: dt.date, *, context: frozenset[str] = frozenset(),
                scan: PeopleScan | None = None, undated: bool = False) -> list[PersonHit]:
    """Everyone the sentence names, once each; `context` (ids named in the article) settles "Mr Wang".

    `undated`: `on` is a guess (the article gives no day of its own), so a role phrase ("China's defence
    minister") names whoever the article itself names who ever held that office, rather than today's holder.
    """
    scan = scan or scan_people(text, kb)
    if scan.names_nobody:
        return []  # most sentences name nobody
    hits = [PersonHit(start, end, participant_for(kb, person, on), "alias") for start, end, person in scan.aliases
            if not _someone_else(text, start, end, person, kb)]
    for start, end, surname in scan.honorifics:
        matches = _by_family_name(kb).get(surname, [])
        if len(matches) > 1:
            matches = [p for p in matches if p.id in context]
        if len(matches) == 1:
            hits.append(PersonHit(start, end, participant_for(kb, matches[0], on), "honorific"))
    hits += _titled_strangers(scan.titled, hits, kb, on)
    named = sorted(hits, key=lambda h: h.start)
    for start, end, role_id in scan.roles:
        if not _apposition(text, start, end, named) and names_one(text, start, end):
            holders = kb.holders(role_id, on)
            if undated and (ours := [p for p in kb.ever_held(role_id) if p.id in context]):
                holders = ours
            if _shared_office(kb, role_id) and not definite(text, start):
                holders = []  # "a Chinese Vice Foreign Minister": one of several, the phrase does not say which
            elif len(holders) > 1:  # "the Chinese Vice Premier": one of several, the one the article names
                holders = [p for p in holders if p.id in context]
            if len(holders) == 1:
                hits.append(PersonHit(start, end, participant_for(kb, holders[0], on), "role"))
    for start, end, surname in scan.surnames:  # "Lavrov last met Wang": a family name of someone named
        matches = [p for p in _by_family_name(kb).get(surname, []) if p.id in context]
        if len(matches) == 1 and not any(h.start <= start < h.end for h in hits):
            hits.append(PersonHit(start, end, participant_for(kb, matches[0], on), "surname"))
    for start, end, stranger in scan.strangers:  # "Zhang is expected to ...": the vice premier named before
        if not any(h.start <= start < h.end for h in hits):
            hits.append(PersonHit(start, end, stranger, "surname"))
    return _first_of_each(hits)


def _longest(found: list[tuple[re.Match[str], str]]) -> list[tuple[re.Match[str], str]]:
    """A role phrase inside a longer one of another office ("Deputy Secretary of the Security Council") names nobody."""
    spans = sorted(((m.start(), -m.end()) for m, _ in found))
    kept, reach = [], -1
    for start, neg_end in spans:
        if -neg_end > reach:
            kept.append((start, -neg_end))
            reach = -neg_end
    outer = set(kept)
    return [(m, role) for m, role in found if (m.start(), m.end()) in outer]


def _apposition(text: str, start: int, end: int, named: list[PersonHit]) -> bool:
    """A role phrase right next to a name describes that name; after "former" it names nobody now."""
    if _NOT_A_HOLDER.search(text[max(0, start - 30) : start]):
        return True
    for hit in named:
        if 0 <= hit.start - end <= 2 or (0 <= start - hit.end <= 6 and "," in text[hit.end : start + 1]):
            return True
        if hit.start <= start < hit.end:
            return True
    return False


def _titled_strangers(found: tuple[Official, ...], known: list[PersonHit], kb: KnowledgeBase,
                      on: dt.date) -> list[PersonHit]:
    """"Heilongjiang provincial party secretary Xu Qin": someone found by their title, with its country.

    A name the knowledge base knows under any alias is its person (titled as of the day); a name already
    read as a known alias is left to that reading.
    """
    out = []
    for official in found:
        name_start = official.name_start if official.name_start >= 0 else official.start
        if any(h.start < official.end and name_start < h.end for h in known):
            continue
        person = _by_alias(kb).get(fold(official.name)) or _by_alias(kb).get(fold(official.native or "-"))
        if person is not None:
            out.append(PersonHit(official.start, official.end, participant_for(kb, person, on), "alias"))
            continue
        out.append(PersonHit(official.start, official.end,
                             Participant(official.name, official.country, official.title or None), "title"))
    return out



def full_names(named: Sequence[Participant]) -> dict[str, Participant]:
    """"O.N. Kozhemyako" of a headline → "Oleg Kozhemyako" of the body: a stranger named by initials is the one
    stranger of that family name and first initial the article names in full, so its reports merge."""
    spelt = [p for p in named if p.person_id is None and not _INITIALS.match(p.name)]
    out: dict[str, Participant] = {}
    for short in {p for p in named if p.person_id is None and _INITIALS.match(p.name)}:
        initials, _, surname = short.name.rpartition(" ")
        full = {p.name: p for p in spelt if p.name.split()[-1] == surname and p.name[:1] == initials[:1]
                and p.country == short.country}
        if len(full) == 1:
            out[short.name] = next(iter(full.values()))
    return out


@per_knowledge
def _by_alias(kb: KnowledgeBase) -> dict[str, Person]:
    """Every spelling of a known person, folded: a stranger found by title may be someone known after all."""
    return {fold(name): person for person in kb.people for name in person.names}


@per_knowledge
def _place_words(kb: KnowledgeBase) -> frozenset[str]:
    """Single words that name a place: a capitalised word after a title may be a city, not a name."""
    return frozenset(word for place in kb.places for name in (place.name, *place.aliases) for word in name.split())


def _first_of_each(hits: list[PersonHit]) -> list[PersonHit]:
    seen: set[str] = set()
    out = []
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        key = hit.participant.person_id or hit.participant.name
        if key not in seen:
            seen.add(key)
            out.append(hit)
    return out
