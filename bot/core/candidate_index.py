"""Indexes that find, among many strings, the few a fuzzy search can score high enough, so not all are scored:
`Strings` finds the strings whose `fuzz.ratio` to a query reaches a cutoff, from their lengths and letter
triples; `Words` holds the words of one script's spellings, each with the spellings that hold it, for scores
word by word. They know nothing of targets or ranking (that is `matching`): only which strings may reach a bar.
"""

from __future__ import annotations

import math
from collections import defaultdict

from rapidfuzz import fuzz, process


class Strings:
    """Strings indexed by length and by their letter triples, so that a search scores a few, not all.

    `fuzz.ratio(a, b)` is 200·LCS/(|a|+|b|): reaching a cutoff c takes an LCS of c·(|a|+|b|)/200, so |b|
    between |a|·c/(200−c) and |a|·(200−c)/c. Padded with two marks each side, the strings share every triple
    of a common subsequence except those that a deleted or inserted letter splits, at most two per letter:
    at least 5·LCS + 2 − 2·(|a|+|b|) triples. A string sharing t of the query's N triples holds one of any
    N − t + 1 of them, so, length by length, only the postings of the query's rarest triples are read and
    scored. Where the bound says nothing (cutoffs below about 80) or few strings are that long, all are scored.
    """

    def __init__(self, strings: list[str]) -> None:
        self.strings = strings
        self.by_length: dict[int, list[int]] = {}
        for n, text in enumerate(strings):
            self.by_length.setdefault(len(text), []).append(n)
        self.postings: dict[int, defaultdict[str, list[int]]] = {}  # length -> triple -> strings that long
        for length, numbers in self.by_length.items():
            postings = self.postings[length] = defaultdict(list)
            for n in numbers:
                for triple in set(_triples(strings[n])):
                    postings[triple].append(n)

    def near(self, query: str, cutoff: float) -> list[tuple[int, float]]:
        """(number, ratio) of every string whose ratio to `query` is at least `cutoff`, scored in C."""
        size, triples = len(query), _triples(query)
        scanned: list[int] = []
        filtered: list[list[int]] = []
        shortest = math.ceil(size * cutoff / (200 - cutoff) - 1e-9)
        for length in range(shortest, math.floor(size * (200 - cutoff) / cutoff + 1e-9) + 1):
            bucket = self.by_length.get(length, [])
            shared = 5 * math.ceil(cutoff * (size + length) / 200 - 1e-9) + 2 - 2 * (size + length)
            if shared > 0 and len(bucket) > _SCAN:
                postings = self.postings[length]
                rarest = sorted([postings.get(t, []) for t in triples], key=len)[: len(triples) - shared + 1]
                if sum(map(len, rarest)) < len(bucket):
                    filtered += rarest
                    continue
            scanned += bucket
        numbers = scanned + list(set().union(*filtered))
        found = process.extract(query, [self.strings[n] for n in numbers], scorer=fuzz.ratio, limit=None,
                                score_cutoff=cutoff)
        return [(numbers[i], score) for _, score, i in found]


_SCAN = 24  # strings of a length this rare are scored outright: cheaper than reading postings


def _triples(text: str) -> list[str]:
    """The letter triples of `text` between two start and two end marks, repeats kept."""
    padded = f"^^{text}$$"
    return [padded[i : i + 3] for i in range(len(padded) - 2)]


class Words:
    """The words of one script's spellings (forms), each with the forms that hold it, for word-by-word scores."""

    def __init__(self, forms: dict[int, str]) -> None:
        self.number: dict[str, int] = {}
        self.forms: list[list[int]] = []  # word -> forms that contain it
        self.beside: list[dict[int, list[int]]] = []  # word -> itself or a word sharing a form -> those forms
        self.form_ids: dict[int, tuple[int, ...]] = {}  # form -> its words
        for form, text in forms.items():
            ids = tuple(self.number.setdefault(word, len(self.number)) for word in dict.fromkeys(text.split()))
            self.form_ids[form] = ids
            for w in ids:
                if w == len(self.forms):
                    self.forms.append([])
                    self.beside.append({})
                self.forms[w].append(form)
                for u in ids:
                    self.beside[w].setdefault(u, []).append(form)
        self.index = Strings(list(self.number))
        self.beside_ids = [list(near) for near in self.beside]
        self.beside_words = [[self.index.strings[u] for u in near] for near in self.beside]
