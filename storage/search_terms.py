"""What a reader typed to /search, read as words and phrases, and written as an FTS5 MATCH expression.

Double quotes (straight, curly or «guillemets», as phones type them) make a phrase; everything else,
FTS syntax included (AND, OR, NEAR(, *, ^, parentheses), is read as plain words, so no query can
break the search. Each word also matches its other common English spelling (defence/defense,
programme/program, organise/organize, centre/center, honour/honor, dialogue/dialog,
travelled/traveled): British and American outlets report the same meetings.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

MAX_WORDS = 12  # words worth matching; the rest of a pasted paragraph is dropped
MAX_FORMS = 16  # spellings of one phrase searched together
_QUOTES = re.compile(r"[\"“”„«»]")
_WORD = re.compile(r"\w+")

# (pattern on a lower-case word, the other spelling): each rule applies in both directions.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), r) for p, r in (
    (r"^(\w{2,})ence(s?)$", r"\1ense\2"), (r"^(\w{2,})ense(s?)$", r"\1ence\2"),
    (r"^(\w{3,})is(e|es|ed|ing|ation|ations|ational)$", r"\1iz\2"),
    (r"^(\w{3,})iz(e|es|ed|ing|ation|ations|ational)$", r"\1is\2"),
    (r"^(\w{2,})ys(e|es|ed|ing)$", r"\1yz\2"), (r"^(\w{2,})yz(e|es|ed|ing)$", r"\1ys\2"),
    (r"^(\w{2,}[bt])re(s?)$", r"\1er\2"), (r"^(\w{2,}[bt])er(s?)$", r"\1re\2"),
    (r"^(\w{3,})our(s|ed|ing|able|ably|ite|ites)?$", r"\1or\2"),
    (r"^(\w{3,})or(s|ed|ing|able|ably|ite|ites)?$", r"\1our\2"),
    (r"^(\w{3,})ogue(s?)$", r"\1og\2"), (r"^(\w{3,})og(s?)$", r"\1ogue\2"),
    (r"^(\w{3,})amme(s?)$", r"\1am\2"), (r"^(\w{3,})am(s?)$", r"\1amme\2"),
    (r"^(\w{2,}[aeiou])ll(ed|ing|er|ers)$", r"\1l\2"), (r"^(\w{2,}[aeiou])l(ed|ing|er|ers)$", r"\1ll\2"),
))


def spellings(word: str) -> tuple[str, ...]:
    """The word (lower case) and its other British/American spellings."""
    word = word.lower()
    return (word, *dict.fromkeys(other for rule, other_form in _RULES
                                 if (other := rule.sub(other_form, word)) != word))


@dataclass(frozen=True)
class SearchTerms:
    """Phrases (two words or more, in the order typed) and single words, all of which a sentence must hold."""

    phrases: tuple[tuple[str, ...], ...]
    words: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not self.phrases and not self.words

    def match(self) -> str:
        """The FTS5 MATCH expression: every term, each in any of its spellings, every token quoted."""
        groups = [_any_of([[w] for w in spellings(word)]) for word in self.words]
        for phrase in self.phrases:
            forms = itertools.islice(itertools.product(*(spellings(w) for w in phrase)), MAX_FORMS)
            groups.append(_any_of([list(form) for form in forms]))
        return " AND ".join(groups)


def read_terms(text: str) -> SearchTerms:
    """Quoted runs become phrases; an unclosed quote and any syntax are just more words."""
    parts = _QUOTES.split(text)
    phrases: list[tuple[str, ...]] = []
    words: list[str] = []
    budget = MAX_WORDS
    for i, part in enumerate(parts):
        found = _WORD.findall(part)[:budget]
        budget -= len(found)
        quoted = i % 2 == 1 and i < len(parts) - 1  # between an opening and a closing quote
        if quoted and len(found) > 1:
            phrases.append(tuple(found))
        else:
            words += found
    return SearchTerms(tuple(dict.fromkeys(phrases)), tuple(dict.fromkeys(w.lower() for w in words)))


def _any_of(forms: list[list[str]]) -> str:
    quoted = ['"' + " ".join(token.replace('"', '""') for token in form) + '"' for form in forms]
    return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"


def without_quotes(text: str) -> str:
    """The search as a reply echoes it inside its own quotes: “strategic security”, not “"strategic security"”."""
    return " ".join(_QUOTES.sub(" ", text).split())
