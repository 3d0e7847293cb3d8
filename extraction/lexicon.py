"""Word lists and pattern helpers shared by the stages (countries, Cyrillic endings)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TYPE_CHECKING, TypeVar

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


@lru_cache(maxsize=8)
def _lower(text: str) -> str:
    return text.lower()


def _anchor(phrase: str) -> str:
    """The longest literal piece of a phrase (a Cyrillic word without its ending), lower-cased."""
    parts = [p for p in re.split(r"[\s\-\u2010-\u2014]+", phrase) if p]
    best = max(parts, key=len, default=phrase)
    if _CYRILLIC.search(best) and len(best) > 3:
        best = best.rstrip(_ENDING) or best
    return best.lower()


class Matcher:
    """One regex over many phrases, run only when one of their literal anchors occurs in the text.

    The substring test is cheap, so a long text without any of the phrases costs almost nothing.
    """

    def __init__(self, phrases: list[str] | tuple[str, ...], pattern: str) -> None:
        self.anchors = tuple({_anchor(p) for p in phrases})
        self.regex = re.compile(pattern)

    def finditer(self, text: str) -> list[re.Match[str]]:
        hay = _lower(text)
        if not any(map(hay.__contains__, self.anchors)):
            return []
        return list(self.regex.finditer(text))


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
