"""The part of a long evidence sentence that says what happened, for a list that has no room for all of it.

Cutting a sentence after its first words keeps "In particular, in May, at the invitation of…" and loses
who arrived where. Here the words that carry the meeting (its verb, its people, its place, its topics)
are weighed, and the excerpt is the window of whole words that holds the most of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from extraction.triggers import find_trigger

ELLIPSIS = "…"
CLAUSE_WORDS = frozenset({"that", "as", "while", "when", "where", "which", "who", "and", "but", "after", "before"})
DANGLING = frozenset({"a", "an", "the", "in", "on", "at", "of", "to", "for", "with", "by", "from", "and", "or"})
STUB = 2  # words of a clause begun at a window's cut end that are dropped rather than shown
MIN_NAME_PART = 3  # letters a part of a name needs to count alone ("Shoigu", "Wang"; not "Yi")
# weights: the meeting's verb, a person, a place or topic; the topic a page is about outweighs them all, as its
# name is why the quote was picked
TRIGGER, PERSON, OTHER, FOCUS = 3, 2, 1, 10


@dataclass(frozen=True)
class Key:
    """Where a telling word stands in the sentence; `label` counts each person or topic once."""

    label: str
    start: int
    end: int
    weight: int


def meeting_keys(text: str, *, people: Iterable[str], places: Iterable[str], topics: Iterable[str],
                 focus: str | None = None) -> list[Key]:
    """The words of `text` that tell of the meeting: its trigger ("met", "held talks") weighs most, then its
    people (by any part of their name), then its place and topics; `focus`, the topic a page is about, more
    than all of them."""
    keys: list[Key] = []
    trigger = find_trigger(text)
    if trigger is not None:
        keys.append(Key("\x00trigger", trigger.start, trigger.end, TRIGGER))
    for name in people:
        parts = [p for p in name.split() if sum(c.isalpha() for c in p) >= MIN_NAME_PART]
        keys += _found(text, name, parts, weight=PERSON, case=True)
    for place in filter(None, places):
        keys += _found(text, place, [place], weight=OTHER, case=True)
    for topic in topics:
        weight = FOCUS if focus is not None and topic.casefold() == focus.casefold() else OTHER
        keys += _found(text, topic, [topic], weight=weight, case=False)
    return keys


def _found(text: str, label: str, words: list[str], *, weight: int, case: bool) -> list[Key]:
    if not words:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", 0 if case else re.IGNORECASE)
    return [Key(label, m.start(), m.end(), weight) for m in pattern.finditer(text)]


def excerpt(text: str, keys: Iterable[Key], *, limit: int) -> str:
    """At most `limit` characters of whole words from `text` holding the most weight of `keys` (each label
    counted once), "…" where it was cut. Of equal windows: the one from the sentence's start, else from the
    start of a clause ("…that bilateral relations could…", not "…relations could…"), else not from a word
    like "of", then the earliest, which keeps the words that lead up to the meeting rather than those after."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    keys = list(keys)
    best: tuple[tuple[int, bool, bool, bool, int], str] | None = None
    for i, (start, _) in enumerate(spans):
        j = _last_fitting(spans, i, limit)
        if j < i:
            continue
        end = spans[j][1]
        weights: dict[str, int] = {}
        for key in keys:
            if start <= key.start and key.end <= end:
                weights[key.label] = max(weights.get(key.label, 0), key.weight)
        first = text[start: spans[i][1]].casefold()
        rank = (-sum(weights.values()), i > 0, not _starts_clause(text, spans, i), first in DANGLING, i)
        if best is None or rank < best[0]:
            last_key = max((k.end for k in keys if start <= k.start and k.end <= end), default=start)
            best = (rank, _shown(text, spans, i, _clause_end(text, spans, last_key, j)))
    return best[1] if best else text[: limit - 1] + ELLIPSIS


def _clause_end(text: str, spans: list[tuple[int, int]], after: int, j: int) -> int:
    """A window cut at its end drops the stub of a clause it has only begun ("…met in Beijing on Feb 1…",
    not "…on Feb 1, according…"), if that stub comes after its last key; one that reaches the sentence's end
    stays whole."""
    if j == len(spans) - 1:
        return j
    for k in range(j - 1, max(-1, j - 1 - STUB), -1):
        if spans[k][1] > after and text[spans[k][1] - 1] in ",;:":
            return k
    return j


def _starts_clause(text: str, spans: list[tuple[int, int]], i: int) -> bool:
    """Word `i` opens the sentence or a clause: it follows a comma or a colon, or is a word like "that"."""
    if i == 0:
        return True
    word = text[spans[i][0]: spans[i][1]]
    return text[spans[i - 1][1] - 1] in ",;:(—" or word.casefold() in CLAUSE_WORDS


def _last_fitting(spans: list[tuple[int, int]], i: int, limit: int) -> int:
    """The last word from word `i` on that keeps the excerpt, ellipses included, within `limit`."""
    last = len(spans) - 1
    j = i - 1
    while j < last and spans[j + 1][1] - spans[i][0] + (i > 0) + (j + 1 < last) <= limit:
        j += 1
    return j


def _shown(text: str, spans: list[tuple[int, int]], i: int, j: int) -> str:
    """Words `i` to `j` with "…" where cut; a cut end never leaves a dangling "in", "of" or "the"."""
    last = len(spans) - 1
    while i < j < last and text[spans[j][0]: spans[j][1]].casefold() in DANGLING:
        j -= 1
    body = text[spans[i][0]: spans[j][1]]
    if j < last:
        body = body.rstrip(",;:—–-") + ELLIPSIS
    return (ELLIPSIS if i > 0 else "") + body
