"""Fuzzy resolution of what a reader typed to the people or topics it most likely means.

Readers type surnames, typos, other transliterations and Cyrillic; the store holds every alias.
A query resolves to one target, to several close ones (the reader chooses), or to none (with the
nearest names as suggestions).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process

ACCEPT = 80  # below this a spelling is a suggestion, not a match
CLOSE = 4  # targets within this many points of the best are offered as a choice
SUGGEST = 45

_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
     "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
    strict=True,
))
_PUNCTUATION = re.compile(r"[^\w\s]|_")
_POSSESSIVE = re.compile(r"['’]s\b")


def normalize(text: str) -> str:
    """Lower case, no accents, no punctuation, single spaces: what two spellings share."""
    text = _POSSESSIVE.sub("", text.casefold())
    text = unicodedata.normalize("NFKD", text.replace("ё", "е"))
    text = "".join(c for c in text if not unicodedata.combining(c) or c == "\u0306")
    text = unicodedata.normalize("NFC", text)
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def latin(text: str) -> str:
    """A rough Latin transliteration of normalized Cyrillic, so `Шойгу` can meet `shoigu`."""
    return "".join(_CYRILLIC.get(c, c) for c in text)


@dataclass(frozen=True)
class Entry:
    """One spelling of a target (a person id, a topic id, a role id)."""

    target: Hashable
    canonical: str
    spelling: str


@dataclass(frozen=True)
class Match:
    target: Hashable
    canonical: str
    score: float


@dataclass(frozen=True)
class Resolution:
    """`one`: a single match; `several`: close matches to choose from; `none`: suggestions only."""

    status: Literal["one", "several", "none"]
    matches: tuple[Match, ...]


def _spelling(text: str) -> str:
    """The form two spellings are compared in: normalized, then Cyrillic in Latin letters.

    Transliterating both sides always gives what comparing Latin with Latin or Cyrillic with Latin does,
    since `latin` leaves Latin text as it is.
    """
    return latin(normalize(text))


def _score(q: str, q_words: list[str], s: str, s_words: list[str]) -> float:
    """`similarity` of two spellings already in `_spelling` form (q non-empty)."""
    whole = fuzz.ratio(q, s)
    if len(q) < 3:  # "xi", "li": only an exact word counts, or every Li is a "Xi"
        return max(whole, 100.0 if q in s_words else 0.0)
    if not q_words or not s_words:
        return whole
    per_word = [max(fuzz.ratio(w, sw) for sw in s_words) for w in q_words]
    return max(whole, sum(per_word) / len(per_word))


def similarity(query: str, spelling: str) -> float:
    """0–100: whole-string likeness, or every typed word close to some word of the spelling."""
    if not normalize(query) or not normalize(spelling):
        return 0.0
    q, s = _spelling(query), _spelling(spelling)
    return _score(q, q.split(), s, s.split()) if q else 0.0


class _Strings:
    """Strings sorted by length, so that a search scores only those long enough and short enough to match.

    `fuzz.ratio(a, b)` is 200·LCS/(|a|+|b|) ≤ 200·min(|a|,|b|)/(|a|+|b|): reaching a cutoff c needs
    |b| between |a|·c/(200−c) and |a|·(200−c)/c, two thirds to one and a half times the query at c = 80.
    """

    def __init__(self, strings: list[str]) -> None:
        self.strings = strings
        self.order = sorted(range(len(strings)), key=lambda n: len(strings[n]))
        self.sorted = [strings[n] for n in self.order]
        self.lengths = [len(text) for text in self.sorted]

    def near(self, query: str, cutoff: float) -> list[tuple[int, float]]:
        """(number, ratio) of every string whose ratio to `query` is at least `cutoff`, scored in C."""
        size = len(query)
        low = bisect_left(self.lengths, size * cutoff / (200 - cutoff) - 1e-9)
        high = bisect_right(self.lengths, size * (200 - cutoff) / cutoff + 1e-9)
        found = process.extract(query, self.sorted[low:high], scorer=fuzz.ratio, limit=None, score_cutoff=cutoff)
        return [(self.order[low + i], score) for _, score, i in found]


class AliasIndex:
    """Every spelling of many targets, prepared once, so that a query scores a few of them, not all.

    Scores are `similarity`'s and the ranking is `resolve`'s, entry for entry. A reader's typo usually
    scores ≥ ACCEPT against what they meant, and the bigram index finds those spellings directly; only
    a query that matches nobody ("did you mean") scans every spelling for the nearest ones.
    """

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries = list(entries)
        self.exact: dict[str, dict[Hashable, Entry]] = {}
        self.first: dict[Hashable, int] = {}  # a target's first entry: ties rank in entry order
        form_number: dict[str, int] = {}
        words: dict[str, int] = {}
        forms: list[str] = []
        self.form_words: list[list[str]] = []
        self.form_word_ids: list[list[int]] = []
        self.form_entries: list[list[int]] = []  # form -> entries spelt that way
        self.word_forms: list[list[int]] = []  # word -> forms that contain it
        for i, entry in enumerate(self.entries):
            self.first.setdefault(entry.target, i)
            wanted = normalize(entry.spelling)
            if not wanted:
                continue
            self.exact.setdefault(wanted, {})[entry.target] = entry  # the last one, as `resolve` always did
            form = latin(wanted)
            number = form_number.get(form)
            if number is None:
                number = form_number[form] = len(forms)
                forms.append(form)
                self.form_words.append(form.split())
                self.form_entries.append([])
                ids = [words.setdefault(word, len(words)) for word in dict.fromkeys(form.split())]
                self.form_word_ids.append(ids)
                for w in ids:
                    if w == len(self.word_forms):
                        self.word_forms.append([])
                    self.word_forms[w].append(number)
            self.form_entries[number].append(i)
        self.forms, self.words = _Strings(forms), _Strings(list(words))
        self.word_number = words

    def resolve(self, query: str, *, limit: int = 8) -> Resolution:
        """The targets a query most likely means, best first (what `resolve` returns for these entries)."""
        return self.strong(query, limit=limit) or self.weak(query)

    def strong(self, query: str, *, limit: int = 8) -> Resolution | None:
        """The resolution when some target scores at least ACCEPT (or exactly one is spelt so); else None."""
        wanted = normalize(query)
        if not wanted:
            return None
        exact = self.exact.get(wanted, {})
        if len(exact) == 1:
            ((target, entry),) = exact.items()
            return Resolution("one", (Match(target, entry.canonical, 100.0),))
        q = latin(wanted)
        if not q:
            return None
        ranked = self._ranked(q, self._candidates(q, ACCEPT, self.forms.near, self.words.near), ACCEPT)
        if not ranked:
            return None
        close = [m for m in ranked if m.score >= max(ACCEPT, ranked[0].score - CLOSE)][:limit]
        return Resolution("one" if len(close) == 1 else "several", tuple(close))

    def weak(self, query: str) -> Resolution:
        """When nothing scores ACCEPT: up to three suggestions scoring at least SUGGEST."""
        q = latin(normalize(query))
        if not q:
            return Resolution("none", ())
        bounds = self._candidates(q, SUGGEST, self.forms.near, self.words.near)
        found: dict[Hashable, tuple[float, int]] = {}
        ranked: list[Match] = []
        # score in order of an upper bound (the best whole or single-word ratio), stopping once three
        # targets are known to beat every spelling not yet scored
        order = sorted(bounds.items(), key=lambda item: -item[1])
        for position, (form, _) in enumerate(order):
            self._add(found, form, _score(q, q.split(), self.forms.strings[form], self.form_words[form]), SUGGEST)
            ranked = self._sorted(found)
            following = order[position + 1][1] if position + 1 < len(order) else -1.0
            if len(ranked) >= 3 and ranked[2].score > following:
                break
        return Resolution("none", tuple(ranked[:3]))

    def _candidates(self, q: str, cutoff: float, whole, word) -> dict[int, float]:
        """Forms that may score at least `cutoff`, each with an upper bound of its score."""
        bounds: dict[int, float] = dict(whole(q, cutoff))
        if len(q) < 3:
            number = self.word_number.get(q)
            for form in self.word_forms[number] if number is not None else ():
                bounds[form] = 100.0
            return bounds
        for typed in dict.fromkeys(q.split()):  # a mean over typed words reaches the cutoff only if one does
            for w, score in word(typed, cutoff):
                for form in self.word_forms[w]:
                    if score > bounds.get(form, -1.0):
                        bounds[form] = score
        return bounds

    def _ranked(self, q: str, bounds: dict[int, float], cutoff: float) -> list[Match]:
        q_words = q.split()
        found: dict[Hashable, tuple[float, int]] = {}
        for form in bounds:
            self._add(found, form, _score(q, q_words, self.forms.strings[form], self.form_words[form]), cutoff)
        return self._sorted(found)

    def _add(self, found: dict[Hashable, tuple[float, int]], form: int, score: float, cutoff: float) -> None:
        """Keep each target's best score and the first entry that has it, as `resolve` does."""
        if score < cutoff:
            return
        for i in self.form_entries[form]:
            target = self.entries[i].target
            old = found.get(target)
            if old is None or score > old[0] or (score == old[0] and i < old[1]):
                found[target] = (score, i)

    def _sorted(self, found: dict[Hashable, tuple[float, int]]) -> list[Match]:
        matches = [(Match(t, self.entries[i].canonical, score), self.first[t]) for t, (score, i) in found.items()]
        matches.sort(key=lambda pair: (-pair[0].score, pair[0].canonical, pair[1]))
        return [m for m, _ in matches]


def resolve(query: str, entries: Iterable[Entry], *, limit: int = 8) -> Resolution:
    """The targets a query most likely means, best first."""
    return AliasIndex(entries).resolve(query, limit=limit)
