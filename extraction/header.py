"""The stamp under an official readout's title: the day, often the hour, and where it took place.

Kremlin and foreign-ministry readouts open "Meeting with ... / April 1, 2025 / 17:30 / The Kremlin,
Moscow" and then say "Vladimir Putin met with ..." without repeating the day or the city: the stamp
is the event's, not only the page's. A date line followed by a time or a place line is such a stamp;
a lone byline date is not (a news story's lead names its own day).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from extraction.dates import find_dates
from extraction.lexicon import per_knowledge
from extraction.places import city_named
from knowledge import KnowledgeBase

_TIME = re.compile(r"^\s*\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|MSK|GMT|UTC))?\s*$", re.IGNORECASE)
_SHORT = 6  # words: a stamp line, not a sentence of the body


@dataclass(frozen=True)
class ReadoutStamp:
    date: dt.date
    place: str | None
    date_line: str  # the lines as written, quoted as the evidence for a date or place taken from them
    place_line: str | None


def readout_stamp(paragraphs: Sequence[str], kb: KnowledgeBase) -> ReadoutStamp | None:
    """The stamp among the lines that open the article, before its body starts; None for other layouts."""
    head = []
    for line in paragraphs[:6]:
        if len(line.split()) > _SHORT:
            if head:  # the title may be long; the body ends the stamp
                break
            continue
        head.append(line)
    for i, line in enumerate(head):
        day = next((d for d in find_dates(line) if d.year and d.month and d.day), None)
        if day is None:
            continue
        following = head[i + 1 : i + 3]
        places = [(place, candidate) for candidate in following if (place := _place_line(candidate, kb))]
        if places or any(_TIME.match(candidate) for candidate in following):
            place, place_line = places[0] if places else (None, None)
            return ReadoutStamp(dt.date(day.year, day.month, day.day), place, line, place_line)
    return None


def _place_line(line: str, kb: KnowledgeBase) -> str | None:
    """"The Kremlin, Moscow" or "Beijing, China": a line made only of known cities, venues and countries;
    the last city named."""
    found = None
    for part in (p.strip() for p in line.split(",") if p.strip()):
        city = city_named(part, kb, venues=True)
        if city is None and part.casefold() not in _countries(kb):
            return None
        found = city or found
    return found


@per_knowledge
def _countries(kb: KnowledgeBase) -> frozenset[str]:
    return frozenset(place.country.casefold() for place in kb.places if place.country)
