"""Fuzzy resolution of what a reader typed to the people or topics it most likely means.

Readers type surnames, typos, other transliterations and Cyrillic; the store holds every alias.
A query resolves to one target, to several close ones (the reader chooses), or to none (with the
nearest names as suggestions).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

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


def similarity(query: str, spelling: str) -> float:
    """0–100: whole-string likeness, or every typed word close to some word of the spelling."""
    q, s = normalize(query), normalize(spelling)
    if not q or not s:
        return 0.0
    if latin(q) != q or latin(s) != s:
        q, s = latin(q), latin(s)
    whole = fuzz.ratio(q, s)
    s_words = s.split()
    per_word = [max(fuzz.ratio(w, sw) for sw in s_words) for w in q.split()]
    words = sum(per_word) / len(per_word)
    if len(q) < 3:  # "xi", "li": only an exact word counts, or every Li is a "Xi"
        words = 100.0 if q in s_words else 0.0
    return max(whole, words)


def resolve(query: str, entries: Iterable[Entry], *, limit: int = 8) -> Resolution:
    """The targets a query most likely means, best first."""
    best: dict[Hashable, Match] = {}
    exact: dict[Hashable, Match] = {}
    wanted = normalize(query)
    for entry in entries:
        score = similarity(query, entry.spelling)
        if score > best.get(entry.target, Match(entry.target, entry.canonical, -1)).score:
            best[entry.target] = Match(entry.target, entry.canonical, score)
        if wanted and normalize(entry.spelling) == wanted:
            exact[entry.target] = Match(entry.target, entry.canonical, 100.0)
    if len(exact) == 1:
        return Resolution("one", tuple(exact.values()))
    ranked = sorted(best.values(), key=lambda m: (-m.score, m.canonical))
    if not ranked or ranked[0].score < ACCEPT:
        return Resolution("none", tuple(m for m in ranked[:3] if m.score >= SUGGEST))
    close = [m for m in ranked if m.score >= max(ACCEPT, ranked[0].score - CLOSE)][:limit]
    return Resolution("one" if len(close) == 1 else "several", tuple(close))
