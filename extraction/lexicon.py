"""Word lists and pattern helpers shared by the stages (countries, Cyrillic endings)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache, wraps
from typing import TYPE_CHECKING, Generic, TypeVar

import ahocorasick

if TYPE_CHECKING:
    from knowledge import KnowledgeBase

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


def has_cyrillic(text: str) -> bool:
    """Whether any letter of the text is Cyrillic: Russian rules, names and spellings apply."""
    return _CYRILLIC.search(text) is not None


def _flexible(word: str) -> bool:
    """A Cyrillic word of more than three letters is matched by its stem, whatever its case ending."""
    return bool(_CYRILLIC.search(word)) and len(word) > 3


def _stem(word: str) -> str:
    return word.rstrip(_ENDING) or word


def _word(word: str) -> str:
    """A Cyrillic word tolerates case endings (Путин → Путина, Путиным); other words match as written."""
    if _flexible(word):
        return re.escape(_stem(word)) + r"[а-яё]{0,3}"
    return re.escape(word)


def _phrase_words(phrase: str) -> list[str]:
    return re.split(r"[\s]+", phrase.strip())


def word_pattern(phrase: str, *, ignore_case: bool = False) -> str:
    """A regex for a phrase on word boundaries, flexible about spaces, hyphens and Russian endings."""
    body = r"[\s-]+".join(_word(w).replace(r"\-", _DASH) for w in _phrase_words(phrase))
    pattern = rf"(?<![\w-]){body}(?!\w)"
    return f"(?i:{pattern})" if ignore_case else pattern


_RUN = re.compile(r"\w+")
PREFIX = 4  # a Cyrillic stem is looked up by its first letters, whatever ending the text gives it
# Letters that `re` matches case-insensitively but `str.lower` keeps apart (from `re`'s own equivalences)
_FOLD_TABLE = {"İ": "i", "ı": "i", "ſ": "s", "ᲀ": "в", "ᲁ": "д", "ᲂ": "о", "ᲃ": "с", "ᲄ": "т", "ᲅ": "т", "ᲆ": "ъ"}
_FOLDED_APART = re.compile(f"[{''.join(_FOLD_TABLE)}]")
_CYRILLIC_OR_FOLDED_APART = re.compile(f"[а-яёА-ЯЁ{''.join(_FOLD_TABLE)}]")


def fold(text: str) -> str:
    """Lower case, with the few letters `re` also takes as equal: a case-insensitive match is still found."""
    if _FOLDED_APART.search(text):  # rare
        for odd, plain in _FOLD_TABLE.items():
            text = text.replace(odd, plain)
    return text.lower()


def literals(phrase: str) -> frozenset[str]:
    """The words a text must contain (folded) wherever `word_pattern(phrase)` matches it, in either case.

    The pattern holds each word of the phrase between non-word characters, so each of its runs of
    word characters is a whole run of the text; the last run of a Cyrillic stem is only the start of
    one, and stands for it by its first letters (see `words`).
    """
    out: set[str] = set()
    for word in _phrase_words(phrase):
        if not _flexible(word):
            out.update(_RUN.findall(fold(word)))
            continue
        stem = fold(_stem(word))
        runs = _RUN.findall(stem)
        if runs and stem.endswith(runs[-1]):  # the text may add an ending to this run
            last = runs.pop()
            if _CYRILLIC.match(last):
                runs.append(last[:PREFIX])
        out.update(runs)
    return frozenset(out)


@lru_cache(maxsize=512)
def words(text: str) -> frozenset[str]:
    """A sentence's folded words, plus the first one to four letters of its Cyrillic words (for stems).

    Cached: every stage asks about the same few dozen sentences of an article.
    """
    if not _CYRILLIC_OR_FOLDED_APART.search(text):  # most sentences: English, nothing but lower-casing to do
        return frozenset(_RUN.findall(text.lower()))
    runs = _RUN.findall(fold(text))
    return frozenset(runs).union(w[:n] for w in runs if _CYRILLIC.match(w) for n in range(1, PREFIX + 1))


class Matcher:
    """The spellings of one entry (a person, a role, a place, a topic) as one regex: their alternation.

    Spellings come in order of preference, each made a pattern by `word_pattern`, all after `before`
    (what must precede any of them). A sentence runs only the alternatives whose words it has: one
    that cannot match anywhere changes no match, and each position tries fewer of them.
    """

    def __init__(self, phrases: Sequence[str], *, ignore_case: bool | Callable[[str], bool] = False,
                 before: str = "") -> None:
        self.phrases = tuple(phrases)
        self._pieces = tuple(word_pattern(p, ignore_case=ignore_case(p) if callable(ignore_case) else ignore_case)
                             for p in self.phrases)
        self._before = before
        self._compiled: dict[tuple[int, ...], re.Pattern[str]] = {}
        self.regex = self.regex_for(tuple(range(len(self.phrases))))

    def regex_for(self, alive: tuple[int, ...]) -> re.Pattern[str]:
        """The alternation of the spellings numbered `alive`, compiled once for each such choice (a few per entry)."""
        regex = self._compiled.get(alive)
        if regex is None:
            body = "|".join(self._pieces[i] for i in alive)
            regex = self._compiled[alive] = re.compile(f"{self._before}(?:{body})" if self._before else body)
        return regex


class MatcherSet(Generic[T]):
    """Many matchers behind one index of their words: a sentence runs only the regexes it could match.

    A spelling is tried only when the sentence has all its words (`literals`), so "Foreign Minister"
    costs nothing in a sentence that says "minister" alone. Each spelling is filed under its word the
    fewest spellings share, and a sentence's words are looked up in that dictionary, so the cost per
    sentence does not grow with the knowledge base.
    """

    def __init__(self, entries: list[tuple[Matcher, T]] | tuple[tuple[Matcher, T], ...]) -> None:
        self.entries = tuple(entries)
        required = [(entry, spelling, literals(phrase)) for entry, (matcher, _) in enumerate(self.entries)
                    for spelling, phrase in enumerate(matcher.phrases)]
        shared = Counter(word for _, _, needed in required for word in needed)
        self._always = [(entry, spelling) for entry, spelling, needed in required if not needed]
        self._index: dict[str, list[tuple[int, int, frozenset[str]]]] = {}
        for entry, spelling, needed in required:
            if needed:
                anchor = min(needed, key=lambda w: (shared[w], -len(w), w))
                self._index.setdefault(anchor, []).append((entry, spelling, needed))
        self._anchors = frozenset(self._index)

    def _alive(self, text: str) -> dict[int, list[int]]:
        """Entry → its spellings whose words are all in the text."""
        tokens = words(text)
        alive: dict[int, list[int]] = {}
        for entry, spelling in self._always:
            alive.setdefault(entry, []).append(spelling)
        for anchor in self._anchors & tokens:
            for entry, spelling, needed in self._index[anchor]:
                if needed <= tokens:
                    alive.setdefault(entry, []).append(spelling)
        return alive

    def search(self, text: str) -> list[tuple[re.Match[str], T]]:
        """Every match of every entry, entry by entry in the order they were given."""
        alive = self._alive(text)
        if not alive:
            return []
        out = []
        for entry in sorted(alive):
            matcher, payload = self.entries[entry]
            out += [(m, payload) for m in matcher.regex_for(tuple(sorted(alive[entry]))).finditer(text)]
        return out


def per_knowledge(build: Callable[[KnowledgeBase], T]) -> Callable[[KnowledgeBase], T]:
    """Cache what is compiled from a knowledge base by its identity: hashing the whole base is slow.

    The base asked about last is answered first, before any look-up: a process reads with one base, and
    the stages ask for their patterns about a hundred thousand times a minute.
    """
    built: dict[int, tuple[KnowledgeBase, T]] = {}
    last: tuple[KnowledgeBase, T] | None = None

    @wraps(build)
    def get(kb: KnowledgeBase) -> T:
        nonlocal last
        if last is not None and last[0] is kb:
            return last[1]
        entry = built.get(id(kb))
        if entry is None or entry[0] is not kb:
            entry = built[id(kb)] = (kb, build(kb))
        last = entry
        return entry[1]

    return get


def any_of(strings: Iterable[str]) -> re.Pattern[str]:
    """A regex for any of these literal strings: `re` skips to their first letters, so a miss is cheap."""
    return re.compile("|".join(re.escape(s) for s in sorted(strings, key=len, reverse=True)))


class _NeedIndex:
    """Every `Folded`'s `needs`, found in a text in one pass, shared by all of them.

    A sentence is asked about by a score of patterns in turn (meeting, visit, plan, speech, agenda words),
    each once checking its own few dozen words one `in` at a time: that was a sixth of an extraction.
    One Aho-Corasick automaton over all their words reads the lower-cased text once and says which of
    them it holds; each pattern then only intersects its words with that set. The answer is kept for
    the last few hundred texts, the sentences of the article being read: its stages ask about each
    sentence one after another, a pass over the whole article apart.
    """

    def __init__(self) -> None:
        self._words: set[str] = set()
        self._automaton: ahocorasick.Automaton | None = None
        self.read = lru_cache(maxsize=256)(self._read)

    def add(self, needs: Iterable[str]) -> None:
        """Take a new pattern's words: the automaton is built again, and earlier answers are forgotten."""
        if not set(needs) <= self._words:
            self._words.update(needs)
            self._automaton = None
            self.read.cache_clear()

    def _read(self, text: str) -> tuple[str, frozenset[str]]:
        """The text lower-cased, and the pattern words it contains (none when lower-casing changed its length:
        `Folded` then runs its case-insensitive regex without looking at words)."""
        lower = text.lower()
        if len(lower) != len(text) or not self._words:
            return lower, frozenset()
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            for word in self._words:
                automaton.add_word(word, word)
            automaton.make_automaton()
            self._automaton = automaton
        return lower, frozenset(word for _, word in self._automaton.iter(lower))


_NEEDED = _NeedIndex()


class Folded:
    """A case-insensitive regex run case-sensitively over the lower-cased text, which `re` does far faster.

    Positions are those of the original text (lower-casing keeps the length of Latin and Cyrillic);
    for the rare text whose length changes, the ordinary case-insensitive regex is used.
    `needs`, when given, are lower-case strings one of which every match contains: a text with none
    of them is not searched (a cheap first look for patterns most sentences miss). Which of them a text
    holds is found for all patterns at once (`_NeedIndex`).
    """

    def __init__(self, pattern: str, *, needs: Iterable[str] = ()) -> None:
        if re.search(r"\\[A-Z]", pattern):
            raise ValueError("an upper-case escape would change meaning once lower-cased")
        self.regex = re.compile(pattern.lower())
        self.fallback = re.compile(pattern, re.IGNORECASE)
        self._needs = frozenset(needs)
        _NEEDED.add(self._needs)

    def _pick(self, text: str) -> tuple[re.Pattern[str], str] | None:
        lower, present = _NEEDED.read(text)
        if len(lower) != len(text):
            return self.fallback, text
        if self._needs and self._needs.isdisjoint(present):
            return None
        return self.regex, lower

    def search(self, text: str) -> re.Match[str] | None:
        picked = self._pick(text)
        return picked[0].search(picked[1]) if picked else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        picked = self._pick(text)
        return picked[0].finditer(picked[1]) if picked else iter(())


def masked(text: str, spans: list[tuple[int, int]]) -> str:
    """The sentence with the spans blanked out, every other character where it was."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
