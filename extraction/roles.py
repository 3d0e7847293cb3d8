"""When a role phrase ("the Chinese President", "глава государства") names one person.

An office named in a sentence stands for whoever held it that day only when the phrase points at one
person: "the Chinese President said" is Xi Jinping in 2019. The same words name nobody when they
speak of the office in general or of several people: "the regular meeting between Chinese Premier and
Russian Prime Minister" (a mechanism, whoever holds the posts), "договоренностей глав государств"
(the heads of state, plural), "Chinese Vice Foreign Minister" when China has several.
"""

from __future__ import annotations

import re

# "between Chinese Premier and Russian Prime Minister": offices without an article, paired as a mechanism
_BETWEEN = re.compile(r"\bbetween\s+$|\bbetween\s+[^,;.()]{3,60}?\s+and\s+$", re.IGNORECASE)
# "regular meetings between the Chinese premier and ...": a standing mechanism, not one event
_MECHANISM = re.compile(r"\b(?:regular|annual|periodic|routine)\s+(?:\w+\s+){0,2}?meetings?\s+(?:between|of)\s+"
                        r"(?:the\s+)?(?:[^,;.()]{3,60}?\s+and\s+(?:the\s+)?)?$|\bmeetings\s+(?:between|of)\s+"
                        r"(?:the\s+)?(?:[^,;.()]{3,60}?\s+and\s+(?:the\s+)?)?$", re.IGNORECASE)
# a Russian office in the plural: "глав государств", "министров", "председателей"
_RU_PLURAL = re.compile(r"(?<![а-яё-])(?:глав|[а-яё-]+(?:ов|ев|ей))(?![а-яё])")
_DEFINITE = re.compile(r"\b(?:the|this|that)\s+$", re.IGNORECASE)
# offices several people hold at once ("Vice Premier", "Deputy Foreign Minister"), whoever the list knows
_SHARED_OFFICE = re.compile(r"\b(?:Deputy|Vice|Assistant)\b(?<!\bFirst Deputy)(?!\s+President\b)")


def names_one(text: str, start: int, end: int) -> bool:
    """True when the role phrase at text[start:end] points at one person, not at an office in general."""
    before = text[max(0, start - 90) : start]
    if _BETWEEN.search(before) and not _DEFINITE.search(before):
        return False
    if _MECHANISM.search(before):
        return False
    return not _RU_PLURAL.search(text[start:end].lower())


def shared(title: str) -> bool:
    """True for an office held by several people at once: its phrase alone never says which of them."""
    return bool(_SHARED_OFFICE.search(title))


def definite(text: str, start: int) -> bool:
    """"the Chinese vice premier": a phrase that points back at someone the article has named."""
    return bool(_DEFINITE.search(text[max(0, start - 10) : start]))
