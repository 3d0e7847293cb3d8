"""How alike a typed query and one spelling are: the form both are compared in and the scores. A spelling
is compared in Latin letters (`spelling_key`, then Cyrillic transliterated by `latin`), as a whole and word
by word, and a word found only through transliteration counts ACROSS less. This is the measure alone, for
one pair of strings, apart from the indexes and the ranking of `matching`, which reproduce it for many
spellings at once and must agree with it to the last bit.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from knowledge.spelling import spelling_key

SHORT = 4  # a query shorter than this matches only a whole word: one letter of three makes another name
ACROSS = 25  # what a word found inside a spelling of the other script loses: the transliteration is rough
# (Cyrillic "Чен" is Korean "Jong", not Chinese "Chen"), so such a word alone only suggests, when exact

_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
     "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
    strict=True,
))
_LATIN = str.maketrans(_CYRILLIC)
_CYRILLIC_LETTER = re.compile("[\u0400-\u04ff]")


def latin(text: str) -> str:
    """A rough Latin transliteration of folded (`spelling_key`) Cyrillic, so `Шойгу` can meet `shoigu`."""
    return text.translate(_LATIN)


def cyrillic(text: str) -> bool:
    """Whether a spelling is written in Cyrillic: a Latin query meets its words only through `latin`."""
    return _CYRILLIC_LETTER.search(text) is not None


def _spelling(text: str) -> str:
    """The form two spellings are compared in: `spelling_key`, then Cyrillic in Latin letters.

    Transliterating both sides always gives what comparing Latin with Latin or Cyrillic with Latin does,
    since `latin` leaves Latin text as it is.
    """
    return latin(spelling_key(text))


def _score(q: str, q_words: list[str], s: str, s_words: list[str], *, across: bool = False) -> float:
    """`similarity` of two spellings already in `_spelling` form (q non-empty); `across`: in two scripts."""
    whole = fuzz.ratio(q, s)
    penalty = ACROSS if across else 0.0
    if len(q) < SHORT:  # "xi", "yan": only an exact word counts, or every Li is a "Xi" and every Yan a "Yang"
        return max(whole, 100.0 - penalty if q in s_words else 0.0)
    if not q_words or not s_words:
        return whole
    per_word = [max(fuzz.ratio(w, sw) for sw in s_words) for w in q_words]
    return max(whole, sum(per_word) / len(per_word) - penalty)


def nearness(q: str, q_words: list[str], s: str, s_words: list[str], *, across: bool = False) -> float:
    """What ranks suggestions and must reach NEAR: `_score` with every typed word of three letters or more
    compared letter by letter (shorter ones, "b" and "lt" left by markup, are not words to be near), so
    that chance letters in common suggest nobody, and "yan" still suggests Yang."""
    whole = fuzz.ratio(q, s)
    penalty = ACROSS if across else 0.0
    if len(q) < 3:  # one or two letters come near only a word they are
        return max(whole, 100.0 - penalty if q in s_words else 0.0)
    words = [w for w in q_words if len(w) >= 3]
    if not words or not s_words:
        return whole
    per_word = [max(fuzz.ratio(w, sw) for sw in s_words) for w in words]
    return max(whole, sum(per_word) / len(per_word) - penalty)


def similarity(query: str, spelling: str) -> float:
    """0–100: whole-string likeness, or every typed word close to some word of the spelling (a word found
    only through transliteration, in a spelling of the other script, counts ACROSS less)."""
    if not spelling_key(query) or not spelling_key(spelling):
        return 0.0
    q, s = _spelling(query), _spelling(spelling)
    across = cyrillic(spelling_key(query)) != cyrillic(spelling_key(spelling))
    return _score(q, q.split(), s, s.split(), across=across) if q else 0.0
