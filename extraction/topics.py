"""Topics named in a sentence, from the taxonomy in knowledge/topics.toml."""

from __future__ import annotations

from extraction.background import discussed
from extraction.lexicon import Matcher, MatcherSet, per_knowledge
from knowledge import KnowledgeBase


def _case_sensitive(name: str) -> bool:
    """Acronyms such as US, UN, SCO, START match only in capitals, so "us" and "start" stay words."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and len(letters) <= 6 and all(c.isupper() for c in letters)


@per_knowledge
def _topic_patterns(kb: KnowledgeBase) -> MatcherSet[str]:
    out = []
    for topic in kb.topics:
        names = sorted(set(topic.names), key=len, reverse=True)
        out.append((Matcher(names, ignore_case=lambda n: not _case_sensitive(n)), topic.name))
    return MatcherSet(out)


def find_topics(text: str, kb: KnowledgeBase) -> list[str]:
    """Topic names in order of appearance; a match inside a longer one of another topic does not count."""
    hits = [(m.start(), m.end(), name) for m, name in _topic_patterns(kb).search(text)]
    kept = [
        (start, end, name)
        for start, end, name in hits
        if not any(s <= start and end <= e and (e - s) > (end - start) and n != name for s, e, n in hits)
    ]
    out: list[str] = []
    for _, _, name in sorted(kept):
        if name not in out:
            out.append(name)
    return out


def discussed_topics(text: str, kb: KnowledgeBase) -> list[str]:
    """Topics a sentence says were discussed: not those of the scene it sets (`extraction.background`)."""
    named = find_topics(text, kb)
    return find_topics(discussed(text), kb) if named else named  # most sentences name no topic at all
