"""Where a meeting was when its own sentence does not say: the summit it was held at, the visit it was part
of, the country the visitor went to.

"Putin met Xi on the sidelines of the SCO summit" names no city, but the SCO summit of that year had one
(knowledge/data/summits.toml). "Wang Yi arrived in Moscow on Monday. ... He met Lavrov on Tuesday": the
visit's city is the city of the visitor's meetings of those days. "Wang Yi heads to Russia for talks with
Lavrov": when no city is named at all, the country the text sends the meeting to is better than nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from extraction.lexicon import Folded, literals, per_knowledge, word_pattern, words
from extraction.places import find_countries, find_places
from extraction.types import PartialDate
from knowledge import KnowledgeBase, Summit

# a visit or an arrival just before the city it names: "arrived in", "a visit to", "прибыл в", "визита в"
_VISIT = (r"(?:\b(?:visit\w*|trip|tour|stay\w*|arriv\w+|landed|came|flew|travel\w*|journey|head\w*|in\s+town)"
          r"|(?<!\w)(?:прибы\w*|прилет\w*|прилёт\w*|визит\w*|посещ\w*|посет\w*|поездк\w*|находи\w*|пребыва\w*"
          r"|турне))")
# most sentences have none of these letters: one literal scan of the lower-cased text passes them over
_VISIT_WORD = Folded(_VISIT, needs=("visit", "trip", "tour", "stay", "arriv", "landed", "came", "flew", "travel",
                                    "journey", "head", "town", "прибы", "прилет", "прилёт", "визит", "посещ", "посет",
                                    "поездк", "находи", "пребыва", "турне"))
_VISIT_BEFORE = re.compile(rf"{_VISIT}[^.;:]{{0,40}}$", re.IGNORECASE)
_VISIT_DAYS = 7  # a visit's city holds for meetings this close to it; state visits last up to a week


# "talks held in China", "встреча прошла в Китае": the verb that puts the meeting itself in a country
_HELD_BEFORE = re.compile(r"(?:\b(?:held|took\s+place|hosted|met|talks)|(?<!\w)(?:прошл\w*|пройд\w*|состо\w*"
                          r"|встрет\w*|переговор\w*))\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


@dataclass(frozen=True)
class Visit:
    """A sentence that sends someone to a city (or only a country): who goes, where, and the sentence,
    quoted as the evidence."""

    sentence: int
    place: str
    people: frozenset[str]
    date: PartialDate | None
    quote: str
    country: bool = False


def visits(texts: Sequence[str], people: Sequence[frozenset[str]],
           date_of: Callable[[str], PartialDate | None], kb: KnowledgeBase) -> list[Visit]:
    """Every sentence where a visit or an arrival names its city, or else its country, with the people
    that sentence names and the date it gives (read only for those sentences)."""
    out = []
    for i, text in enumerate(texts):
        if not _VISIT_WORD.search(text):
            continue
        city = next((h for h in find_places(text, kb) if _VISIT_BEFORE.search(text, max(0, h.start - 60), h.start)),
                    None)
        if city is not None:
            out.append(Visit(i, city.name, people[i], date_of(text), text))
        elif (country := _sent_to(text)) is not None:
            out.append(Visit(i, country, people[i], date_of(text), text, country=True))
    return out


def _sent_to(text: str, cues: tuple[re.Pattern[str], ...] | None = None) -> str | None:
    """The first country the sentence sends someone to ("a trip to Russia", "визит в Китай")."""
    for hit in find_countries(text):
        if any(cue.search(text, max(0, hit.start - 60), hit.start) for cue in cues or (_VISIT_BEFORE,)):
            return hit.name
    return None


def visit_place(keys: frozenset[str], sentence: int, date: PartialDate | None, trips: Sequence[Visit],
                *, country: bool = False) -> Visit | None:
    """The visit a meeting belongs to: one of its people travels there, near its day, the nearest such
    sentence before its report (else after it); with `country`, the visits that name only a country."""
    near = [v for v in trips if v.country == country and _close(v.date, date)]
    # one of its people goes there; failing that, a visit that names nobody ("the delegation is in Beijing
    # on 24-26 November") when it is the article's only one
    mine = [v for v in near if v.people & keys] or ([v for v in near if not v.people]
                                                    if len({v.place for v in trips if not v.people}) == 1 else [])
    before = [v for v in mine if v.sentence <= sentence]
    if before:
        return before[-1]
    return mine[0] if mine else None


def _close(a: PartialDate | None, b: PartialDate | None) -> bool:
    """Two dates that may be days of one visit; an unknown one agrees with anything."""
    if a is None or b is None:
        return True
    if a.year != b.year:
        return False
    if a.month is None or b.month is None:
        return True
    if a.day is None or b.day is None:
        return abs(a.month - b.month) <= 1
    return abs((dt.date(a.year, a.month, a.day) - dt.date(b.year, b.month, b.day)).days) <= _VISIT_DAYS


def summit_place(text: str, year: int, kb: KnowledgeBase) -> str | None:
    """The host city of a summit or forum the sentence names, in that year ("at the SCO summit", 2018 →
    Qingdao; "на полях ВЭФ" → Vladivostok), or None when it names none or its host that year is unknown."""
    tokens = words(text)
    for summit, needed, names, events in _summit_patterns(kb):
        if any(words_of_name <= tokens for words_of_name in needed) and names.search(text) \
                and (events is None or events.search(text)):
            city = summit.city(year)
            if city is not None:
                return city
    return None


# the number of a series' round, written just before its name: "the 19th regular meeting", "22-я регулярная встреча"
_ROUND = re.compile(r"(?<![\w-])(\d{1,3})(?:st|nd|rd|th|-?(?:[ая]я|[ыои]й|я|й|ю|ую|ей|ого|ой|е|го|м))?\s+$",
                    re.IGNORECASE)
_ROUND_OF = 60  # how far after a round's name the words saying whose series it is may come


def summit_years(text: str, kb: KnowledgeBase) -> set[tuple[int, str]]:
    """(year, "BRICS summit in Xiamen") for each summit the sentence names together with the city that hosted it:
    a summit and its host city name the year it was held there; so does a numbered round of a yearly series
    ("the 19th regular meeting of the heads of government": 2014)."""
    tokens = words(text)
    cities: set[str] | None = None
    out: set[tuple[int, str]] = set()
    for summit, needed, names, events in _summit_patterns(kb):
        if not (summit.hosts or summit.first_year) or not any(words_of_name <= tokens for words_of_name in needed) \
                or not names.search(text) or (events is not None and not events.search(text)):
            continue
        out |= _numbered_rounds(text, summit, names, events)
        if summit.hosts:
            cities = {hit.name for hit in find_places(text, kb)} if cities is None else cities
            out |= {(year, f"{summit.name} in {city}") for year, city in summit.hosts if city in cities}
    return out


def _numbered_rounds(text: str, summit: Summit, names: re.Pattern[str], events: re.Pattern[str] | None
                     ) -> set[tuple[int, str]]:
    """(year, "19th regular meeting (... of 2014)") for each numbered round the text names, its event words right
    after its name ("the 5th regular meeting of the ministries' departments" is some other series)."""
    out: set[tuple[int, str]] = set()
    for name in names.finditer(text):
        number = _ROUND.search(text, 0, name.start())
        if number is None or (events is not None and not events.search(text, name.end(), name.end() + _ROUND_OF)):
            continue
        if (year := summit.year_of_round(int(number.group(1)))) is not None:
            out.add((year, f"{text[number.start():name.end()]} ({summit.name} of {year})"))
    return out


@per_knowledge
def _summit_patterns(kb: KnowledgeBase) -> list[tuple[Summit, tuple[frozenset[str], ...], re.Pattern[str],
                                                      re.Pattern[str] | None]]:
    """Each summit with the words each of its names needs (`lexicon.literals`), its names and its events.

    A summit's names are tried only in a sentence that has all the words of one of them: the patterns
    are long and case-insensitive, and most sentences name no summit.
    """
    out = []
    for summit in kb.summits:
        # an acronym ("SCO", "ШОС") must be written in capitals; other names in any case
        pieces = [word_pattern(n, ignore_case=not n.isupper()) for n in summit.names]
        needed = tuple(literals(n) for n in summit.names)
        events = (re.compile("|".join(word_pattern(e, ignore_case=True) for e in summit.events))
                  if summit.events else None)
        out.append((summit, needed, re.compile("|".join(pieces)), events))
    return out


def stated_country(texts: Sequence[str]) -> str | None:
    """The first country these sentences put a meeting in ("a visit to China", "talks held in Russia",
    "в Россию"); not any country they name ("the situation in Afghanistan")."""
    for text in texts:
        if (country := _sent_to(text, (_VISIT_BEFORE, _HELD_BEFORE))) is not None:
            return country
    return None
