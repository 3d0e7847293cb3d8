"""Officials the knowledge base does not know, found by the title next to their name, English and Russian.

"Heilongjiang provincial party secretary Xu Qin", "Igor Krasnov, Prosecutor General of the Russian
Federation,", "губернатор Приморского края Олег Кожемяко", "с секретарем парткома провинции Хэйлунцзян
Сюй Цинем": each gives a person, in Latin as English media spell them, with the country the title (or,
failing that, the name itself) gives. Each language has its own reader (`officials_english`,
`officials_russian`); a sentence goes to the one its script calls for, and only when it holds a title
head and, in Cyrillic, a pair of capitalised words.
"""

from __future__ import annotations

import re

from extraction.lexicon import has_cyrillic
from extraction.officials_english import english_officials
from extraction.officials_russian import russian_officials
from extraction.titles import EN_TITLE_WORDS, RU_TITLE_HEAD
from extraction.types import Official

_CYRILLIC_NAME_PAIR = re.compile(r"[А-ЯЁ][а-яё]+[\s-]+[А-ЯЁ][а-яё]+")


def find_officials(text: str, places: frozenset[str] = frozenset()) -> tuple[Official, ...]:
    """Every titled stranger in a sentence; `places` are place names a capitalised word may be instead."""
    if _QUOTED_NAME.search(text):
        text = _QUOTED_NAME.sub(_unquoted, text)  # same length: positions still point into the sentence
    if has_cyrillic(text):
        return russian_officials(text) if _CYRILLIC_NAME_PAIR.search(text) and RU_TITLE_HEAD.search(text) else ()
    return english_officials(text, places) if EN_TITLE_WORDS.search(text) else ()


# an organisation's name in quotation marks within a title: генеральный директор "Росатома", глава «Роснефти»,
# the head of "Rosneft"
_QUOTED_NAME = re.compile(r"[\"«“„](?P<name>[A-ZА-ЯЁ][\w-]*(?:\s+[\w-]+){0,2})[\"»”“]")


def _unquoted(m: re.Match[str]) -> str:
    return f" {m.group('name')} "
