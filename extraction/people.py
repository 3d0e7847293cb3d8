"""People named in a sentence: known aliases, role phrases resolved by date, and titled strangers."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from extraction.knowledge import KnowledgeBase, Person
from extraction.lexicon import COUNTRY_ADJECTIVES, Matcher, per_knowledge, word_pattern
from extraction.types import Participant

_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Mister|Madam)\.?\s+(?P<surname>[A-Z][a-z]+)\b")
_NOT_A_HOLDER = re.compile(r"(?:former|ex-|then-|previously\s+served\s+as|served\s+as|as|was|predecessor)\s*$",
                           re.IGNORECASE)
_TITLES = (
    r"(?:(?:First\s+)?Deputy\s+|Vice\s+|Acting\s+)?(?:Prime\s+Minister|Premier|President|Chancellor"
    r"|(?:[A-Z][a-z]+\s+){0,2}Minister(?:\s+of\s+[A-Z][a-z]+(?:\s+(?:and|of)\s+[A-Z][a-z]+)*)?"
    r"|Special\s+(?:Presidential\s+)?(?:Envoy|Representative)|Envoy|Ambassador|State\s+Counci(?:l)?lor"
    r"|Chairman|Chairwoman|Chair|Speaker|Secretary\s+of\s+State|Secretary-General|General\s+Secretary"
    r"|National\s+Security\s+Advis[eo]r|Security\s+Council\s+Secretary|Defen[cs]e\s+Secretary"
    r"|Chief\s+of\s+(?:the\s+)?General\s+Staff|King|Crown\s+Prince|Emir|Sultan|Governor|Mayor|Presidential\s+Aide)"
)
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
def _alias_patterns(kb: KnowledgeBase) -> tuple[tuple[Matcher, Person], ...]:
    pairs = []
    for person in kb.people:
        names = sorted(set(person.names), key=len, reverse=True)
        pairs.append((Matcher(names, "|".join(word_pattern(n) for n in names)), person))
    return tuple(pairs)


@per_knowledge
def _role_patterns(kb: KnowledgeBase) -> tuple[tuple[Matcher, str], ...]:
    pairs = []
    for role in kb.roles:
        phrases = sorted({*role.phrases, role.title}, key=len, reverse=True)
        pairs.append((Matcher(phrases, "|".join(word_pattern(p, ignore_case=True) for p in phrases)), role.id))
    return tuple(pairs)


def participant_for(kb: KnowledgeBase, person: Person, on: dt.date | None) -> Participant:
    """A known person as a participant, titled as they were on that day."""
    return Participant(name=person.name, country=person.country, role=kb.title_on(person, on),
                       person_id=person.id)


def family_name(person: Person) -> str:
    """Chinese names put the family name first, Russian and Western ones last."""
    parts = person.name.split()
    return parts[0] if person.country == "China" else parts[-1]


def find_people(text: str, kb: KnowledgeBase, on: dt.date, *, context: frozenset[str] = frozenset()
                ) -> list[PersonHit]:
    """Everyone the sentence names, once each; `context` (ids named in the article) settles "Mr Wang"."""
    hits: list[PersonHit] = []
    for pattern, person in _alias_patterns(kb):
        hits += [PersonHit(m.start(), m.end(), participant_for(kb, person, on), "alias")
                 for m in pattern.finditer(text)]
    for m in _HONORIFIC.finditer(text):
        matches = [p for p in kb.people if family_name(p) == m.group("surname")]
        if len(matches) > 1:
            matches = [p for p in matches if p.id in context]
        if len(matches) == 1:
            hits.append(PersonHit(m.start(), m.end(), participant_for(kb, matches[0], on), "honorific"))
    named = sorted(hits, key=lambda h: h.start)
    for pattern, role_id in _role_patterns(kb):
        for m in pattern.finditer(text):
            if _apposition(text, m.start(), m.end(), named):
                continue
            hits += [PersonHit(m.start(), m.end(), participant_for(kb, p, on), "role")
                     for p in kb.holders(role_id, on)]
    hits += _titled_strangers(text, hits)
    return _first_of_each(hits)


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


def _titled_strangers(text: str, known: list[PersonHit]) -> list[PersonHit]:
    """"Chinese Vice Premier Ding Xuexiang": someone the knowledge base does not know, with title and country."""
    out = []
    for m in _TITLED.finditer(text):
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


def person_key(participant: Participant) -> str:
    """One identity per participant: the knowledge base id, else the name as written."""
    return participant.person_id or participant.name
