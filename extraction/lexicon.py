"""Word lists and pattern helpers shared by the stages (countries, Cyrillic endings)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache, wraps
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from extraction.knowledge import KnowledgeBase

T = TypeVar("T")

COUNTRY_ADJECTIVES: dict[str, str] = {
    "Chinese": "China", "China's": "China", "PRC": "China", "Russian": "Russia", "Russia's": "Russia",
    "US": "United States", "U.S.": "United States", "American": "United States", "America's": "United States",
    "Japanese": "Japan", "Japan's": "Japan", "Indian": "India", "India's": "India", "Brazilian": "Brazil",
    "French": "France", "German": "Germany", "British": "United Kingdom", "UK": "United Kingdom",
    "Iranian": "Iran", "Iran's": "Iran", "Turkish": "Turkey", "Ukrainian": "Ukraine", "Ukraine's": "Ukraine",
    "Kazakh": "Kazakhstan", "North Korean": "North Korea", "South Korean": "South Korea",
    "Mongolian": "Mongolia", "Belarusian": "Belarus", "Pakistani": "Pakistan", "Vietnamese": "Vietnam",
    "Indonesian": "Indonesia", "Saudi": "Saudi Arabia", "Israeli": "Israel", "Egyptian": "Egypt",
    "Uzbek": "Uzbekistan", "Kyrgyz": "Kyrgyzstan", "Tajik": "Tajikistan", "Serbian": "Serbia",
    "Hungarian": "Hungary", "Italian": "Italy", "Polish": "Poland", "EU": "European Union",
    "South African": "South Africa", "Emirati": "United Arab Emirates", "Qatari": "Qatar",
}  # fmt: skip

# Words that name one side of a Russian–Chinese meeting, used to tell whether a sentence involves it.
COUNTRY_WORDS: dict[str, str] = {
    "China": "China", "Chinese": "China", "Beijing": "China", "PRC": "China", "Китай": "China",
    "китайск": "China", "Пекин": "China", "КНР": "China",
    "Russia": "Russia", "Russian": "Russia", "Moscow": "Russia", "Kremlin": "Russia", "Россия": "Russia",
    "Росси": "Russia", "российск": "Russia", "Москв": "Russia", "Кремл": "Russia",
}  # fmt: skip

_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_ENDING = "аяоеёиыуюйь"
_DASH = r"[\s\-\u2010\u2011\u2012\u2013\u2014]"  # "military-technical", "Military—technical", "Asia Pacific"


def _word(word: str) -> str:
    """A Cyrillic word tolerates case endings (Путин → Путина, Путиным); other words match as written."""
    if _CYRILLIC.search(word) and len(word) > 3:
        stem = word.rstrip(_ENDING) or word
        return re.escape(stem) + r"[а-яё]{0,3}"
    return re.escape(word)


def word_pattern(phrase: str, *, ignore_case: bool = False) -> str:
    """A regex for a phrase on word boundaries, flexible about spaces, hyphens and Russian endings."""
    words = re.split(r"[\s]+", phrase.strip())
    body = r"[\s-]+".join(_word(w).replace(r"\-", _DASH) for w in words)
    pattern = rf"(?<![\w-]){body}(?!\w)"
    return f"(?i:{pattern})" if ignore_case else pattern


_RUN = re.compile(r"\w+")
_LATIN_OR_CYRILLIC = re.compile(r"^[\da-zа-яёà-ÿāăąćčđēęěğīıłńňōőœřśşšţťūůűźżžß_]+$")
_OTHER_SCRIPT = re.compile(r"[^\x00-\u024f\u0400-\u04ff\u2000-\u206f]")  # CJK and the like: no spaces
_PREFIXES = (2, 3, 4)  # a Cyrillic key is looked up by the first letters of each word, whatever its ending


def _key(phrase: str) -> tuple[str, str]:
    """How to spot a phrase cheaply: ("word", w), ("prefix", p) for Cyrillic stems, or ("substring", s) for CJK."""
    runs = _RUN.findall(phrase.lower()) or [phrase.lower()]
    best = max(runs, key=len)
    if not _LATIN_OR_CYRILLIC.match(best):
        return "substring", best
    if _CYRILLIC.search(best):
        stem = best.rstrip(_ENDING) or best
        return "prefix", stem[: max(n for n in _PREFIXES if n <= max(len(stem), 2))]
    return "word", best


@lru_cache(maxsize=8)
def _words(text: str) -> tuple[frozenset[str], frozenset[str], str | None]:
    """A sentence's lower-cased words, its Cyrillic words' beginnings, and itself if it has CJK-like script."""
    lower = text.lower()
    words = frozenset(_RUN.findall(lower))
    starts = frozenset(w[:n] for w in words if _CYRILLIC.match(w) for n in _PREFIXES)
    return words, starts, lower if _OTHER_SCRIPT.search(lower) else None


class Matcher:
    """One compiled regex over the spellings of one entry (a person, a role, a place, a topic)."""

    def __init__(self, phrases: list[str] | tuple[str, ...], pattern: str) -> None:
        self.phrases = tuple(phrases)
        self.regex = re.compile(pattern)

    def finditer(self, text: str) -> list[re.Match[str]]:
        return list(self.regex.finditer(text))


class MatcherSet(Generic[T]):
    """Many matchers behind one index of their words: a sentence runs only the regexes it could match.

    Each spelling is reduced to one literal word (a Cyrillic stem, a CJK substring); a sentence's words
    are looked up in a dictionary, so the cost per sentence does not grow with the knowledge base.
    """

    def __init__(self, entries: list[tuple[Matcher, T]] | tuple[tuple[Matcher, T], ...]) -> None:
        self.entries = tuple(entries)
        self._words: dict[str, set[int]] = {}
        self._prefixes: dict[str, set[int]] = {}
        self._substrings: dict[str, set[int]] = {}
        tables = {"word": self._words, "prefix": self._prefixes, "substring": self._substrings}
        for index, (matcher, _) in enumerate(self.entries):
            for phrase in matcher.phrases:
                kind, key = _key(phrase)
                tables[kind].setdefault(key, set()).add(index)

    def candidates(self, text: str) -> list[tuple[Matcher, T]]:
        """The entries whose literal word occurs in the text, in the order they were given."""
        words, starts, other = _words(text)
        found: set[int] = set()
        for table, keys in ((self._words, words), (self._prefixes, starts)):
            for key in keys & table.keys() if len(keys) > len(table) else table.keys() & keys:
                found.update(table[key])
        if other is not None:
            for key, indices in self._substrings.items():
                if key in other:
                    found.update(indices)
        return [self.entries[i] for i in sorted(found)]

    def search(self, text: str) -> list[tuple[re.Match[str], T]]:
        """Every match of every entry, entry by entry."""
        return [(m, payload) for matcher, payload in self.candidates(text) for m in matcher.regex.finditer(text)]


def per_knowledge(build: Callable[[KnowledgeBase], T]) -> Callable[[KnowledgeBase], T]:
    """Cache what is compiled from a knowledge base by its identity: hashing the whole base is slow."""
    built: dict[int, tuple[KnowledgeBase, T]] = {}

    @wraps(build)
    def get(kb: KnowledgeBase) -> T:
        entry = built.get(id(kb))
        if entry is None or entry[0] is not kb:
            entry = built[id(kb)] = (kb, build(kb))
        return entry[1]

    return get


@lru_cache(maxsize=16)
def lowered(text: str) -> str:
    return text.lower()


class Folded:
    """A case-insensitive regex run case-sensitively over the lower-cased text, which `re` does far faster.

    Positions are those of the original text (lower-casing keeps the length of Latin and Cyrillic);
    for the rare text whose length changes, the ordinary case-insensitive regex is used.
    """

    def __init__(self, pattern: str) -> None:
        if re.search(r"\\[A-Z]", pattern):
            raise ValueError("an upper-case escape would change meaning once lower-cased")
        self.regex = re.compile(pattern.lower())
        self.fallback = re.compile(pattern, re.IGNORECASE)

    def _pick(self, text: str) -> tuple[re.Pattern[str], str]:
        lower = lowered(text)
        return (self.regex, lower) if len(lower) == len(text) else (self.fallback, text)

    def search(self, text: str) -> re.Match[str] | None:
        regex, subject = self._pick(text)
        return regex.search(subject)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        regex, subject = self._pick(text)
        return regex.finditer(subject)
