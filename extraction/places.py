"""Where a meeting took place: "in Beijing", "arrived in Moscow", "at the Kremlin", "in Kazan, Russia"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extraction.lexicon import Matcher, MatcherSet, per_knowledge
from knowledge import KnowledgeBase

_BEFORE = r"(?:\b(?:in|at|near|outside|inside)\s+(?:the\s+)?|visit(?:s|ed|ing)?\s+|(?:visit\w*|trip|travel\w*|journey|arriv\w+|came|flew|went|head\w*)\s+to\s+(?:the\s+)?|(?<!\w)(?:в|во|на)\s+|\b(?:city|town|capital|port|resort)\s+of\s+|\battend\w*\s+(?:the\s+)?(?:\d+\w*\s+)?)"  # noqa: E501
_CITY_COUNTRY = re.compile(
    r"\b(?:in|at)\s+(?P<city>[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?),\s+(?:Russia|China|Kazakhstan|Uzbekistan|India|Brazil"
    r"|South Africa|Iran|Turkey|Mongolia|Belarus|Kyrgyzstan|Tajikistan|Egypt|Indonesia|Vietnam)\b"
)
_DATELINE = re.compile(r"^(?P<city>[A-Z][A-Z .'-]{2,30}?)\s*(?:,|\(|—|–|-)")


@dataclass(frozen=True)
class PlaceHit:
    """A city named as a location, with its canonical name."""

    start: int
    end: int
    name: str


@per_knowledge
def _place_patterns(kb: KnowledgeBase) -> MatcherSet[str]:
    out = []
    for place in kb.places:
        spellings = sorted({place.name, *place.aliases, *place.venues}, key=len, reverse=True)
        bare = [s.removeprefix("the ") for s in spellings]  # "the" is left to _BEFORE
        out.append((Matcher(bare, before=_BEFORE), place.name))
    return MatcherSet(out)


def find_places(text: str, kb: KnowledgeBase) -> list[PlaceHit]:
    """Known cities and venues after a locative preposition, plus "in X, Country" for cities it lacks."""
    hits = [PlaceHit(m.start(), m.end(), name) for m, name in _place_patterns(kb).search(text)]
    for m in _CITY_COUNTRY.finditer(text):
        if not any(h.start <= m.start() < h.end for h in hits):
            hits.append(PlaceHit(m.start(), m.end(), m.group("city")))
    return sorted(hits, key=lambda h: h.start)


def dateline_place(paragraphs: list[str] | tuple[str, ...], kb: KnowledgeBase) -> str | None:
    """"BEIJING, Feb 1 (Reuters) -": the city a wire story was filed from."""
    for line in paragraphs[:4]:
        m = _DATELINE.match(line)
        if not m:
            continue
        if (city := city_named(m.group("city"), kb)) is not None:
            return city
    return None


def city_named(spelling: str, kb: KnowledgeBase, *, venues: bool = False) -> str | None:
    """The city a whole spelling names, in any case ("MOSCOW", "St. Petersburg"); with `venues`, a venue
    names its city too ("The Kremlin")."""
    cities, with_venues = _cities_by_spelling(kb)
    return (with_venues if venues else cities).get(spelling.strip().casefold())


@per_knowledge
def _cities_by_spelling(kb: KnowledgeBase) -> tuple[dict[str, str], dict[str, str]]:
    """Spelling → city, without and with venues; where two places share a spelling, the first listed wins."""
    cities: dict[str, str] = {}
    with_venues: dict[str, str] = {}
    for place in kb.places:
        for spelling in (place.name, *place.aliases):
            cities.setdefault(spelling.casefold(), place.name)
        for spelling in (place.name, *place.aliases, *place.venues):
            with_venues.setdefault(spelling.casefold(), place.name)
    return cities, with_venues


def nearest(hits: list[PlaceHit], position: int) -> str | None:
    """The place closest to a position in the sentence (the trigger word)."""
    if not hits:
        return None
    return min(hits, key=lambda h: min(abs(h.start - position), abs(h.end - position))).name


_EVENT_REF = re.compile(  # "on the sidelines of the forum": an event the article named before
    r"\b(?:the|this\s+year's)\s+(?:[\w-]+\s+){0,2}?(forum|summit|conference|congress|expo|exhibition)\b",
    re.IGNORECASE)


def event_place(texts: Sequence[str], index: int, kb: KnowledgeBase) -> tuple[str, str] | None:
    """(city, sentence) for "the forum" in sentence `index`: the city of the nearest earlier sentence that
    names a forum and a place ("the St. Petersburg International Economic Forum", "the summit in Kazan")."""
    ref = _EVENT_REF.search(texts[index])
    if ref is None:
        return None
    word = re.compile(rf"\b{ref.group(1)}\b", re.IGNORECASE)
    for text in reversed(texts[:index]):
        if word.search(text) and (hits := find_places(text, kb)):
            return hits[0].name, text
    return None
