"""A topic named inside a reader's own phrase: "Ukraine war", "war in Ukraine", "the situation in Ukraine".

Fuzzy matching compares the whole phrase with each spelling, so words around a topic's name sink it.
Here a topic matches when the phrase holds every word of one of its names or synonyms, in any order,
in either British or American spelling, with at most one word besides them and filler words.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from functools import lru_cache

from bot.core.matching import Entry, Match, Resolution
from knowledge.spelling import spelling_key
from storage.search_terms import spellings

MAX_OTHER_WORDS = 1  # "Ukraine war" is about Ukraine; "Ukraine grain deal talks" is a search of its own
FILLERS = frozenset({"a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "about", "over", "around",
                     "between", "and", "or", "s", "re", "в", "во", "на", "о", "об", "и", "с", "по"})


@lru_cache(maxsize=4096)
def _word(word: str) -> str:
    """One form for a word's British and American spellings."""
    return min(spellings(word))


def _words(text: str) -> list[str]:
    return [_word(w) for w in spelling_key(text).split() if w not in FILLERS]


class TopicWords:
    """Every topic spelling as a set of words, prepared once per set of names (a few hundred spellings)."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.spellings = [(e.target, e.canonical, frozenset(words)) for e in entries if (words := _words(e.spelling))]

    def find(self, query: str) -> Resolution:
        """The topic whose spelling covers most of the query's words; several when tied; none when no
        spelling is held whole or too many other words remain."""
        typed = _words(query)
        if len(typed) < 2:  # one word is fuzzy matching's to judge
            return Resolution("none", ())
        held = set(typed)
        best: dict[Hashable, tuple[int, str]] = {}
        for target, canonical, words in self.spellings:
            if not words <= held:
                continue
            others = sum(1 for w in typed if w not in words)
            if others <= MAX_OTHER_WORDS and len(words) > best.get(target, (0, ""))[0]:
                best[target] = (len(words), canonical)
        if not best:
            return Resolution("none", ())
        most = max(covered for covered, _ in best.values())
        matches = tuple(Match(t, canonical, 100.0) for t, (covered, canonical) in best.items() if covered == most)
        return Resolution("one" if len(matches) == 1 else "several", matches)
