"""People named in a sentence: known aliases, role phrases resolved by date, and titled strangers."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from extraction.lexicon import COUNTRY_ADJECTIVES, Matcher, MatcherSet, any_of, fold, per_knowledge, words
from extraction.roles import definite, names_one, shared
from extraction.types import Participant
from knowledge import KnowledgeBase, Person

_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Mister|Madam)\.?\s+(?P<surname>[A-Z][a-z]+)\b")
_NOT_A_HOLDER = re.compile(r"(?:former|ex-|then-|previously\s+served\s+as|served\s+as|as|was|predecessor"
                           r"|first|last|previous|every|any|no)\s*$",
                           re.IGNORECASE)
_TITLES = (
    r"(?:(?:First\s+)?Deputy\s+|Vice\s+|Acting\s+)?(?:Prime\s+Minister|Premier|President|Chancellor"
    r"|(?:[A-Z][a-z]+\s+){0,2}Minister(?:\s+of\s+[A-Z][a-z]+(?:\s+(?:and|of)\s+[A-Z][a-z]+)*)?"
    r"|Special\s+(?:Presidential\s+)?(?:Envoy|Representative)|Envoy|Ambassador|State\s+Counci(?:l)?lor"
    r"|Chairman|Chairwoman|Chair|Speaker|Secretary\s+of\s+State|Secretary-General|General\s+Secretary"
    r"|National\s+Security\s+Advis[eo]r|Security\s+Council\s+Secretary|Defen[cs]e\s+Secretary"
    r"|Chief\s+of\s+(?:the\s+)?General\s+Staff|King|Crown\s+Prince|Emir|Sultan|Governor|Mayor|Presidential\s+Aide)"
)
# Cheap first looks: every title above contains one of the first words, every honorific one of the second.
_TITLE_WORDS = any_of(["Minister", "Premier", "President", "Chancellor", "Envoy", "Representative", "Ambassador",
                       "Counci", "Chair", "Speaker", "Secretary", "Advis", "Chief", "King", "Prince", "Emir", "Sultan",
                       "Governor", "Mayor"])
_HONORIFIC_WORDS = any_of(["Mr", "Ms", "Dr", "Mister", "Madam"])
_CAPITALISED = re.compile(r"(?<![\w.'-])(?<![A-Z][a-z]\s)[A-Z][a-z]+\b(?!\s+[A-Z])(?!['-]\w)")
_AFTER_NAME = re.compile(r"[A-Z][\w'-]*\s+$")
_NAME_WORD = r"[A-Z][a-z]+(?:['-][A-Za-z][a-z]+)?"
_TITLED = re.compile(
    rf"(?:\b(?P<adj>{'|'.join(sorted((re.escape(a) for a in COUNTRY_ADJECTIVES), key=len, reverse=True))})\s+)?"
    rf"\b(?P<title>{_TITLES})\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})"
)
_NOT_NAME = frozenset(
    [
        "The", "A", "An", "Of", "And", "In", "On", "At", "For", "With", "By", "To", "From", "Foreign",
        "Ministry", "Ministers", "Minister", "Council", "Security", "Party", "Committee", "Commission",
        "Affairs", "Secretary", "President", "Premier", "Defense", "Defence", "Office", "State",
        "General", "Central", "Russia", "China", "Beijing", "Moscow", "Russian", "Chinese",
        "Federation", "Republic", "People's", "Mr", "Ms", "Mrs", "Dr", "Said", "Says", "Told", "Monday",
        "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
        "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"
    ]
)


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


def family_name(person: Person) -> str:
    """Chinese names put the family name first, Russian and Western ones last."""
    parts = person.name.split()
    return parts[0] if person.country == "China" else parts[-1]


@dataclass(frozen=True)
class PeopleScan:
    """What a sentence says about people whatever the date: read once, resolved for each date asked."""

    aliases: tuple[tuple[int, int, Person], ...]
    honorifics: tuple[tuple[int, int, str], ...]  # (start, end, surname)
    roles: tuple[tuple[int, int, str], ...]  # (start, end, role id)
    titled: tuple[re.Match[str], ...]
    surnames: tuple[tuple[int, int, str], ...] = ()  # a bare family name, not part of a longer name


def scan_people(text: str, kb: KnowledgeBase) -> PeopleScan:
    """Every alias, "Mr Surname", role phrase (the longest at each place) and titled name in a sentence."""
    honorifics = _HONORIFIC.finditer(text) if _HONORIFIC_WORDS.search(text) else ()
    return PeopleScan(
        aliases=tuple((m.start(), m.end(), person) for m, person in _alias_patterns(kb).search(text)),
        honorifics=tuple((m.start(), m.end(), m.group("surname")) for m in honorifics),
        roles=tuple((m.start(), m.end(), role) for m, role in _longest(_role_patterns(kb).search(text))),
        titled=tuple(_TITLED.finditer(text)) if _TITLE_WORDS.search(text) else (),
        surnames=_surnames(text, kb),
    )


def _surnames(text: str, kb: KnowledgeBase) -> tuple[tuple[int, int, str], ...]:
    """Bare family names of people the knowledge base knows; most sentences have none of their words."""
    if _family_words(kb).isdisjoint(words(text)):
        return ()
    return tuple((m.start(), m.end(), m.group(0)) for m in _CAPITALISED.finditer(text)
                 if m.group(0) in _by_family_name(kb)
                 and not _AFTER_NAME.search(text[max(0, m.start() - 30) : m.start()]))


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
                scan: PeopleScan | None = None) -> list[PersonHit]:
    """Everyone the sentence names, once each; `context` (ids named in the article) settles "Mr Wang"."""
    scan = scan or scan_people(text, kb)
    if not (scan.aliases or scan.honorifics or scan.roles or scan.surnames or scan.titled):
        return []  # most sentences name nobody
    hits = [PersonHit(start, end, participant_for(kb, person, on), "alias") for start, end, person in scan.aliases]
    for start, end, surname in scan.honorifics:
        matches = _by_family_name(kb).get(surname, [])
        if len(matches) > 1:
            matches = [p for p in matches if p.id in context]
        if len(matches) == 1:
            hits.append(PersonHit(start, end, participant_for(kb, matches[0], on), "honorific"))
    named = sorted(hits, key=lambda h: h.start)
    if scan.roles and scan.titled:  # "Chinese Vice Foreign Minister Ma Zhaoxu": the title of a stranger
        named = sorted([*named, *_titled_strangers(scan.titled, named)], key=lambda h: h.start)
    for start, end, role_id in scan.roles:
        if not _apposition(text, start, end, named) and names_one(text, start, end):
            holders = kb.holders(role_id, on)
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
    hits += _titled_strangers(scan.titled, hits)
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


def _titled_strangers(found: tuple[re.Match[str], ...], known: list[PersonHit]) -> list[PersonHit]:
    """"Chinese Vice Premier Ding Xuexiang": someone the knowledge base does not know, with title and country."""
    out = []
    for m in found:
        words = m.group("name").split()
        kept: list[str] = []
        for word in words:
            if word in _NOT_NAME:
                break
            kept.append(word)
        if not kept or (len(kept) == 1 and len(kept[0]) < 4):
            continue
        name_start = m.start("name")
        name_end = name_start + len(" ".join(kept))
        if any(h.start < name_end and name_start < h.end for h in known):
            continue
        adj = m.group("adj")
        country = COUNTRY_ADJECTIVES.get(adj) if adj else None
        title = " ".join(m.group("title").split())
        out.append(PersonHit(m.start(), name_end, Participant(" ".join(kept), country, title), "title"))
    return out


def _first_of_each(hits: list[PersonHit]) -> list[PersonHit]:
    seen: set[str] = set()
    out = []
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        key = hit.participant.person_id or hit.participant.name
        if key not in seen:
            seen.add(key)
            out.append(hit)
    return out
