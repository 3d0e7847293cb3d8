"""Topics named in a sentence, from the taxonomy in knowledge/data/topics.toml.

A synonym counts only where it means the topic: not inside a longer synonym of another topic, not
inside one of the topic's `except_in` phrases ("Sea of Japan" is no talk about Japan), and not inside
an office's title ("Energy Minister Sergei Tsivilev", "министр сельского хозяйства"): a participant's
portfolio is not what the meeting discussed.
"""

from __future__ import annotations

import re

from extraction.agenda import discussion_start
from extraction.background import discussed
from extraction.lexicon import Matcher, MatcherSet, per_knowledge
from knowledge import KnowledgeBase

_PORTFOLIO_RU = (r"(?:по\s+развитию\s+)?(?:(?:сельского\s+хозяйства|экономического\s+развития|природных\s+ресурсов"
                 r"|высшего\s+образования|цифрового\s+развития|[А-ЯЁа-яё-]+(?:ики|ии|ства|ли|ы|а|ов|ок))"
                 r"(?:\s*,\s*|\s+и\s+)?){1,4}")
# "Minister of Energy", "Ministry for the Development of the Russian Far East and Arctic", "Energy Minister",
# "Natural Resources and Environment Ministry", "министр энергетики", "Министерство сельского хозяйства"
_OFFICE = re.compile(
    r"\b(?i:minister|ministry|department|secretary|commissioner)\s+(?:of|for)\s+(?:the\s+)?[\w-]+"
    r"(?:\s+(?:[A-Z][\w-]*|and|of|the|for))*"
    r"|(?<![\w-])(?:[A-Z][\w-]*\s+(?:and\s+|&\s+)?){1,4}(?:Minister|Ministry|Department)\b"
    r"|(?<![\w-])(?i:министр|министерств|замминистр|минист|ведомств|департамент)[а-яё]*\s+" + _PORTFOLIO_RU
)


def _case_sensitive(name: str) -> bool:
    """Acronyms such as US, UN, SCO, START match only in capitals, so "us" and "start" stay words."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and len(letters) <= 6 and all(c.isupper() for c in letters)


def _matcher(phrases: tuple[str, ...]) -> Matcher:
    return Matcher(sorted(set(phrases), key=len, reverse=True), ignore_case=lambda n: not _case_sensitive(n))


@per_knowledge
def _topic_patterns(kb: KnowledgeBase) -> MatcherSet[str]:
    return MatcherSet([(_matcher(topic.names), topic.name) for topic in kb.topics])


@per_knowledge
def _excepting(kb: KnowledgeBase) -> frozenset[str]:
    return frozenset(topic.name for topic in kb.topics if topic.except_in)


@per_knowledge
def _said_discussed_only(kb: KnowledgeBase) -> frozenset[str]:
    return frozenset(topic.name for topic in kb.topics if topic.only_as_discussed)


@per_knowledge
def _exceptions(kb: KnowledgeBase) -> MatcherSet[str]:
    return MatcherSet([(_matcher(topic.except_in), topic.name) for topic in kb.topics if topic.except_in])


_OFFICE_WORDS = re.compile(r"(?i:minist|department|secretary|commissioner|минист|ведомств|департамент)")
# money, not the country: "US $5.9 billion", "U.S. dollars"
_CURRENCY = re.compile(r"\b(?:US|U\.S\.)(?:\s?\$|\s+dollars?\b)")


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _shadows(s: int, e: int, start: int, end: int) -> bool:
    """A longer match overlapping this one ("diplomatic relations| between the two countries") reads the words."""
    return s < end and start < e and ((e - s) > (end - start) or ((e - s) == (end - start) and s < start))


def _hits(text: str, kb: KnowledgeBase) -> list[tuple[int, int, str]]:
    """(start, end, topic) of each match that means its topic, in order of appearance."""
    hits = [(m.start(), m.end(), name) for m, name in _topic_patterns(kb).search(text)]
    if not hits:  # most sentences name no topic at all
        return []
    named = {name for _, _, name in hits}
    excepted: dict[str, list[tuple[int, int]]] = {}
    if _excepting(kb) & named:
        for m, name in _exceptions(kb).search(text):
            excepted.setdefault(name, []).append((m.start(), m.end()))
    if only := _said_discussed_only(kb) & named:
        start = discussion_start(text)
        hits = [h for h in hits if h[2] not in only or (start is not None and h[0] >= start)]
    other = [(m.start(), m.end()) for m in _CURRENCY.finditer(text)]
    if _OFFICE_WORDS.search(text):
        other += [(m.start(), m.end()) for m in _OFFICE.finditer(text)]
    return sorted(
        (start, end, name)
        for start, end, name in hits
        if not any(_shadows(s, e, start, end) and n != name for s, e, n in hits)
        and not _inside(start, end, excepted.get(name, []))
        and not _inside(start, end, other)
    )


def _names(hits: list[tuple[int, int, str]]) -> list[str]:
    return list(dict.fromkeys(name for _, _, name in hits))


def find_topics(text: str, kb: KnowledgeBase) -> list[str]:
    """Topic names in order of appearance; a match overlapping a longer one of another topic does not count."""
    return _names(_hits(text, kb))


def discussed_topics(text: str, kb: KnowledgeBase) -> list[str]:
    """Topics a sentence says were discussed: not those of the scene it sets (`extraction.background`)."""
    hits = _hits(text, kb)
    if not hits:
        return []
    scene = discussed(text)
    return _names([(s, e, n) for s, e, n in hits if scene[s:e] == text[s:e]])
