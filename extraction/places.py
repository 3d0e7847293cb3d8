"""Where a meeting took place: "in Beijing", "arrived in Moscow", "at the Kremlin", "в Харбине".

The knowledge base's places come first: their venues ("the Great Hall of the People" → Beijing) and the
names it prefers ("Ulaanbaatar"). Any other city of the gazetteer (`extraction.gazetteer`) counts too
when a locative or a destination introduces it ("in Guilin", "arrived in Severomorsk", "в городе
Чанчунь"); countries are found apart (`find_countries`), for a meeting whose city nobody names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from extraction import gazetteer
from extraction.lexicon import Matcher, MatcherSet, per_knowledge
from knowledge import KnowledgeBase

T = TypeVar("T")

_BEFORE = r"(?:\b(?:in|at|near|outside|inside)\s+(?:the\s+|his\s+|her\s+|their\s+)?|visit(?:s|ed|ing)?\s+|(?:visit\w*|trip|travel\w*|journey|arriv\w+|came|flew|went|head\w*)\s+to\s+(?:the\s+)?|(?<!\w)(?:в|во|на)\s+|\b(?:city|town|capital|port|resort)\s+of\s+|\battend\w*\s+(?:the\s+)?(?:\d+\w*\s+)?)"  # noqa: E501
_CITY_COUNTRY = re.compile(
    r"\b(?:in|at)\s+(?P<city>[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?),\s+(?:Russia|China|Kazakhstan|Uzbekistan|India|Brazil"
    r"|South Africa|Iran|Turkey|Mongolia|Belarus|Kyrgyzstan|Tajikistan|Egypt|Indonesia|Vietnam)\b"
)
_DATELINE = re.compile(r"^(?P<city>[A-ZА-ЯЁ][A-ZА-ЯЁ .'-]{2,30}?)\s*(?:,|\(|—|–|-)")
# "Beijing, March 5 (Xinhua) --", "Москва, 12 мая /ТАСС/": a dateline in title case, known by what follows it
_TITLED_DATELINE = re.compile(
    r"^(?P<city>[A-ZА-ЯЁ][\w .'-]{2,30}?),\s+(?:[A-Za-zА-Яа-яё]{3,9}\.?\s+\d{1,2}|\d{1,2}\s+[A-Za-zА-Яа-яё]{3,9})"
    r"(?:,?\s+\d{4})?\.?\s*(?:\(|/|[-—–]{1,2}\s)")
_VENUES = (r"(?:мэри[ия]|здани[ия]|зал[еа]|отел[ея]|гостиниц[еы]|резиденци[ия]|администраци[ия]|правительств[еа]"
           r"|университет[еа]|музе[ея]|театр[еа]|павильон[еа]|выставочн\w+\s+центр[еа]|центр[еа]|порту|порта)")
# a locative or a destination, then capitalised words that may name a city or a country
_CUE = (r"(?:(?:\b(?i:in|at|near|outside|inside)|(?:visit\w*|trip|travel\w*|journey|arriv\w+|came|flew|went|head\w*"
        r"|welcomed?|return\w*)\s+to)\s+(?:the\s+)?"
        r"(?:(?:\w+(?:ern)?\s+)?(?:China|Russia)['’]s\s+(?:\w+\s+){0,3}?)?"  # "in northeast China's Harbin"
        r"|\bvisit(?:s|ed|ing)?\s+"
        r"|\b(?:city|town|capital|port|resort|village)(?:\s+of|,)?\s+"  # "the Volga city of Kazan", "capital Astana"
        # "в Харбине", "в китайский город Харбин", "в столице Китая Пекине", "посетит Чанчунь", "г. Маньчжурия"
        r"|(?<!\w)(?:[вВ]|[вВ]о|[нН]а)\s+(?:[а-яё]+(?:ом|ой|ем|ий|ый|ую|ое)\s+)?"
        r"(?:(?:город[еау]?|г\.|столиц[еуы](?:\s+[А-ЯЁ][а-яё]+[аыия])?)\s*)?"
        # "о посещении Санкт-Петербурга": what a visit was about, not where anything happens now
        r"|(?<!\w)(?:посети\w*|посетя\w*|(?<!\bо\s)(?<!\bоб\s)посещени\w+|город[еау]?)\s+|(?<![\w\d])(?<!\d\s)г\.\s*"
        # "в мэрии Харбина", "в зале отеля «Хуаци» Харбина": a venue of the city, the city in the genitive
        rf"|(?<!\w)(?:[вВ]|[нН]а)\s+(?:{_VENUES})\s+(?:(?:{_VENUES})\s+)?(?:[«\"„][^»\"“]{{1,40}}[»\"“]\s+)?)")
_CUE_BEFORE = re.compile(f"{_CUE}$")
# "с делегацией Народного правительства г. Маньчжурия": the city an organisation or a delegation is of, where it
# comes from rather than where anything happens (but "в администрации города Хэйхэ" is a venue)
_ORIGIN = re.compile(r"(?<!\sв\s)(?<!\sна\s)(?<!^в\s)(?<!^на\s)\b(?:[дД]елегаци|[аА]дминистраци|[мМ]эри|[пП]равительств"
                     r"|[кК]омитет|[гГ]орком|[пП]артком)\w*\s+(?:г\.|города)\s*$")
_CUE_REACH = 80  # characters before a name where its cue is looked for
_RUN = r"[A-ZА-ЯЁ][\w'’.-]*(?:\s+(?:[A-ZА-ЯЁ][\w'’.-]*|de|do|da|del|la|on|upon|am|an))*"
_RUN_AT = re.compile(_RUN)
_WORD = re.compile(r"\S+")
_TAIL = re.compile(r"(?:['’]s|[.,'’])$")
_MAX_WORDS = 4


@dataclass(frozen=True)
class PlaceHit:
    """A city (or, from `find_countries`, a country) named as a location, with its English name."""

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
    """Cities and venues after a locative or a destination: the knowledge base's, then the gazetteer's, then
    "in X, Country" for a city neither lists."""
    return list(_places_in(text, kb))


def _places_in(text: str, kb: KnowledgeBase) -> tuple[PlaceHit, ...]:
    """Memoised per knowledge base: every stage asks about the same few dozen sentences of an article."""
    seen = _seen(kb)
    hits = seen.get(text)
    if hits is None:
        if len(seen) > 2048:
            seen.clear()
        hits = seen[text] = _scan_places(text, kb)
    return hits


@per_knowledge
def _seen(kb: KnowledgeBase) -> dict[str, tuple[PlaceHit, ...]]:
    return {}


def _scan_places(text: str, kb: KnowledgeBase) -> tuple[PlaceHit, ...]:
    hits = [PlaceHit(m.start(), m.end(), name) for m, name in _place_patterns(kb).search(text)]
    for start, end, name in _named(text, _city_first_words(kb), lambda spelling: city_named(spelling, kb)):
        if not any(h.start <= start < h.end or start <= h.start < end for h in hits):
            hits.append(PlaceHit(start, end, name))
    hits += _coordinated(text, hits, kb)
    for m in _CITY_COUNTRY.finditer(text):
        if not any(h.start <= m.start("city") < h.end for h in hits):
            hits.append(PlaceHit(m.start(), m.end(), m.group("city")))
    return tuple(sorted(hits, key=lambda h: h.start))


@per_knowledge
def _city_first_words(kb: KnowledgeBase) -> frozenset[str]:
    return gazetteer.city_first_words() | ({gazetteer.first_word(s) for s in _cities_by_spelling(kb)[0]} - {"the"})


_AND = re.compile(rf"\s*(?:,\s*|\s(?:and|и|а\s+также)\s+)(?P<run>{_RUN})")


def _coordinated(text: str, hits: list[PlaceHit], kb: KnowledgeBase) -> list[PlaceHit]:
    """"in Beijing and Shanghai", "посетит Пекин и Чанчунь": a city joined to a found one shares its cue."""
    out: list[PlaceHit] = []
    ends = sorted(h.end for h in hits)
    while ends:
        m = _AND.match(text, ends.pop(0))
        if m is None:
            continue
        found = _longest(m.group("run"), 0, lambda spelling: city_named(spelling, kb))
        if found is not None:
            length, name = found
            hit = PlaceHit(m.start("run"), m.start("run") + length, name)
            if all(h.start != hit.start for h in [*hits, *out]):
                out.append(hit)
                ends.append(hit.end)
    return out


def find_countries(text: str) -> list[PlaceHit]:
    """Countries after a locative or a destination: "in China", "a visit to Russia", "в Китае", "в Россию"."""
    return list(_countries_in(text))


@lru_cache(maxsize=1024)
def _countries_in(text: str) -> tuple[PlaceHit, ...]:
    return tuple(PlaceHit(start, end, place.name) for start, end, place in
                 _named(text, gazetteer.country_first_words(), gazetteer.country))


def _named(text: str, first_words: frozenset[str], lookup: Callable[[str], T | None]) -> list[tuple[int, int, T]]:
    """(start, end, what `lookup` makes of it) for each spelling of up to four capitalised words that a cue
    ("in", "arrived in", "в", "в городе") introduces: a word no spelling starts with costs one set look-up."""
    out: list[tuple[int, int, T]] = []
    folded, words = gazetteer.capitalised_words(text)
    if first_words.isdisjoint(folded):
        return out  # most sentences: no capitalised word starts a place's name
    taken = 0
    for start, word in words:
        if start < taken or word not in first_words:
            continue
        run = _RUN_AT.match(text, start)
        found = _longest(run.group(), 0, lookup) if run else None
        if found is not None and _names_someone(run.group(), found[0]):
            found = None  # "at Vladimir Putin's invitation": the city of Vladimir begins a person's name
        if (found is not None and _CUE_BEFORE.search(text, max(0, start - _CUE_REACH), start)
                and not _ORIGIN.search(text, max(0, start - _CUE_REACH), start)):
            out.append((start, start + found[0], found[1]))
            taken = start + found[0]
    return out


_NAME_GOES_ON = re.compile(r"\s+(?!(?:City|Province|Municipality|Region|Oblast|Krai|District|County|Prefecture)\b)"
                           r"[A-Z][a-z]")


def _names_someone(run: str, length: int) -> bool:
    """An English place name followed by another capitalised word that is not "City" or "Province": the
    run is a person's name ("Vladimir Putin") or an organisation's, not a place. Russian puts a name after
    a locative ("В Пекине Си Цзиньпин ..."), so Cyrillic runs are not judged by this."""
    return run[:1].isascii() and _NAME_GOES_ON.match(run, length) is not None


def _longest(run: str, offset: int, lookup: Callable[[str], T | None],
             words: list[re.Match[str]] | None = None) -> tuple[int, T] | None:
    """(length, value) of the longest leading words of `run[offset:]` that `lookup` knows."""
    if words is None:
        words = list(_WORD.finditer(run, offset))[:_MAX_WORDS]
    for last in reversed(words):
        spelling = _TAIL.sub("", run[offset : last.end()])
        if (value := lookup(spelling)) is not None:
            return len(spelling), value
    return None


def dateline_place(paragraphs: list[str] | tuple[str, ...], kb: KnowledgeBase) -> str | None:
    """"BEIJING, Feb 1 (Reuters) -", "Beijing, March 5 (Xinhua) --", "МОСКВА, 12 мая /ТАСС/": the city a
    wire story was filed from."""
    for line in paragraphs[:4]:
        for pattern in (_DATELINE, _TITLED_DATELINE):
            m = pattern.match(line)
            if m and (city := city_named(m.group("city"), kb)) is not None:
                return city
    return None


def city_named(spelling: str, kb: KnowledgeBase, *, venues: bool = False) -> str | None:
    """The city a whole spelling names, in any case ("MOSCOW", "St. Petersburg", "Харбине"), by the
    knowledge base's name for it where it lists it; with `venues`, a venue names its city too ("The Kremlin")."""
    cities, with_venues = _cities_by_spelling(kb)
    key = spelling.strip().casefold()
    known = (with_venues if venues else cities).get(key)
    if known is not None:
        return known
    place = gazetteer.city(key)
    if place is None:
        return None
    return cities.get(place.name.casefold(), place.name)


def city_country(city: str, kb: KnowledgeBase) -> str | None:
    """The country of a city by its English name: the knowledge base's, else the gazetteer's."""
    known = _countries_of_cities(kb).get(city)
    return known or (found.country if (found := gazetteer.city(city)) else None)


@per_knowledge
def _countries_of_cities(kb: KnowledgeBase) -> dict[str, str | None]:
    """City name → country, where two places share a name the first listed wins (as `next` over them did)."""
    out: dict[str, str | None] = {}
    for place in kb.places:
        out.setdefault(place.name, place.country)
    return out


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


_EVENT_REF = re.compile(  # "on the sidelines of the forum", "перед заседанием": an event the article named before
    r"\b(?:the|this\s+year's)\s+(?:[\w-]+\s+){0,2}?(forum|summit|conference|congress|expo|exhibition|session)\b"
    r"|(?<!\w)(?:перед|на\s+полях|в\s+рамках|в\s+ходе|во\s+время|после|накануне|на)\s+(?:[\w-]+\s+){0,2}?"
    r"(форум|саммит|заседани|конференци|выставк|сесси|съезд)\w*",
    re.IGNORECASE)


def event_place(texts: Sequence[str], index: int, kb: KnowledgeBase) -> tuple[str, str] | None:
    """(city, sentence) for "the forum" or "на полях форума" in sentence `index`: the city of the nearest earlier
    sentence that names such an event and a place ("the St. Petersburg International Economic Forum", "the summit
    in Kazan", "в Москве проходит заседание")."""
    ref = _EVENT_REF.search(texts[index])
    if ref is None:
        return None
    word = re.compile(rf"\b{ref.group(1)}\b" if ref.group(1) else rf"\b{ref.group(2)}\w*", re.IGNORECASE)
    for text in reversed(texts[:index]):
        if word.search(text) and (hits := find_places(text, kb)):
            return hits[0].name, text
    return None
