"""Which meeting a sentence speaks about, so topics and missing dates are tied to the right event.

A sentence belongs to a meeting when it reports it, names only its participants, refers to it
("the parties", "the talks", "the Chinese guest"), or continues a paragraph about it. Outsiders'
voices (analysts, spokespeople), other people and other dates end the thread. In a transcript
("Vladimir Putin: Mr Wang Yi, friends, ..."), what a participant says belongs to their meeting,
whoever it names, until the next speaker or the next event reported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from extraction.dates import find_dates, resolve
from extraction.lexicon import Folded
from extraction.same_event import same_day_in_article
from extraction.types import PartialDate

_GENERIC = Folded(
    r"\b(?:the\s+(?:parties|sides|two\s+(?:sides|officials|ministers|leaders|diplomats|presidents|premiers"
    r"|heads\s+of\s+state)|diplomats|ministers|leaders|presidents|premiers|prime\s+ministers|heads\s+of\s+state"
    r"|politicians|meeting|talks|negotiations|consultations|discussions?|visit|agenda|conversation|call)"
    r"|both\s+sides|the\s+(?:Russian|Chinese)\s+(?:side|guest|counterpart|diplomat|official|minister)"
    r"|the\s+representative\s+of\s+(?:China|Russia|the\s+PRC)|стороны|министры|лидеры|собеседники|переговор\w*|встреч\w*)\b")
# "The meeting took place in Lianyungang", "Встреча состоялась в городе ...": a sentence that tells where or when
# the meeting it refers to was held
_CIRCUMSTANCES = Folded(
    r"^(?:the|this|their|today's)\s+(?:meeting|talks|negotiations|consultations|conversation|session)\s+"
    r"(?:took\s+place|was\s+held|were\s+held|happened|came)\b"
    r"|^(?:(?:эта|их|сама)\s+)?(?:встреча|переговоры|беседа|консультации)\s+(?:состоял\w+|прош[её]?л\w*|проходил\w*"
    r"|был[аи]?\s+организован\w*)")
_NEAR_PARAGRAPHS = 3  # naming a participant far from where a meeting is reported is about something else
_PRONOUN = Folded(r"\b(?:he|she|him|her|his|они|он|она|его|её|ее)\b")


@dataclass(frozen=True)
class Facts:
    """What attribution needs to know about one sentence."""

    text: str
    paragraph: int
    analyst: bool = False
    group: int | None = None  # the meeting this sentence itself reports
    people: frozenset[str] = frozenset()
    breaks: bool = False  # reports some other event
    speaker: bool = False  # opens a speaker's turn in a transcript ("Vladimir Putin: Mr Wang Yi, friends,")


@dataclass(frozen=True)
class GroupView:
    """A merged meeting as attribution sees it."""

    keys: frozenset[str]
    date: PartialDate | None
    mentions: int
    paragraphs: frozenset[int] = frozenset()  # where the meeting is reported

    def near(self, paragraph: int) -> bool:
        return any(abs(paragraph - p) <= _NEAR_PARAGRAPHS for p in self.paragraphs)


def attribute(facts: Sequence[Facts], groups: Sequence[GroupView], published: dt.date) -> list[int | None]:
    """For each sentence, the index of the meeting it is evidence for, or None."""
    main = max(range(len(groups)), key=lambda g: (groups[g].mentions, -g), default=None)
    out: list[int | None] = []
    current: int | None = None
    turn: int | None = None  # the meeting whose participant is speaking, in a transcript
    for i, f in enumerate(facts):
        pick: int | None = None
        if f.speaker:
            current = turn if turn is not None and f.people <= groups[turn].keys else None
            turn = None
        continuing = i > 0 and out[-1] is not None and facts[i - 1].paragraph == f.paragraph
        if f.analyst:
            current = None
        elif f.group is not None:
            pick = f.group
        elif f.people:
            pick = _by_people(f, groups, current, main, published)
            current = pick
        elif f.breaks:
            current = None
        elif _generic(f.text):
            candidate = current if current is not None else main
            pick = candidate if candidate is not None and _dates_fit(f.text, groups[candidate], published) else None
        elif current is not None and (continuing or _pronoun(f.text)):
            pick = current if _dates_fit(f.text, groups[current], published) else None
        if f.speaker:
            turn = pick
        elif f.analyst or f.breaks or f.group is not None:
            turn = None
        elif pick is None and turn is not None and _dates_fit(f.text, groups[turn], published):
            pick = turn  # "Please convey my best wishes to President Xi": said at the meeting, about Xi
        if pick is not None:
            current = pick
        out.append(pick)
    return out


@lru_cache(maxsize=256)  # attribution reads an article twice: once more when the meetings' dates are known
def _generic(text: str) -> bool:
    return bool(_GENERIC.search(text))


@lru_cache(maxsize=256)
def _pronoun(text: str) -> bool:
    return bool(_PRONOUN.search(text))


def _by_people(f: Facts, groups: Sequence[GroupView], current: int | None, main: int | None,
               published: dt.date) -> int | None:
    candidates = [g for g, view in enumerate(groups) if f.people <= view.keys]
    if not candidates:
        candidates = [g for g, view in enumerate(groups) if len(f.people & view.keys) >= 2]
    candidates = [g for g in candidates if _dates_fit(f.text, groups[g], published)
                  and (g in (current, main) or groups[g].near(f.paragraph))]
    if not candidates:
        return None
    if current in candidates:
        return current
    fitting = [g for g in candidates if _dates_fit(f.text, groups[g], published, strict=True)]
    pool = fitting or candidates
    return max(pool, key=lambda g: (groups[g].mentions, -g))


def _dates_fit(text: str, group: GroupView, published: dt.date, *, strict: bool = False) -> bool:
    """False when the sentence dates itself to some other time than the meeting."""
    values = [v for e in find_dates(text) if (v := resolve(e, published=published, previous=group.date))]
    if not values:
        return not strict
    return any(same_day_in_article(v, group.date) for v in values)


def sentence_date(text: str, published: dt.date, *, future: bool = False) -> PartialDate | None:
    """The first date a sentence gives, for a meeting that has none of its own."""
    for expr in find_dates(text):
        value = resolve(expr, published=published, future=future)
        if value is not None:
            return value
    return None


def tells_circumstances(text: str) -> bool:
    """Whether a sentence opens by telling where or when the meeting it refers to was held ("The talks took place
    in Qingdao", "Встреча состоялась в городе Ляньюньгане"): its place and date are that meeting's, before any
    dateline's."""
    return _CIRCUMSTANCES.search(text) is not None
