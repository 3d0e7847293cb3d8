"""When and where each merged meeting was, by its own mentions or else by the sentences near them.

A meeting whose mentions give no date takes one from a sentence about it that tells its circumstances or
names its people a paragraph or two away ("arrived here Wednesday"), read in the tense of that sentence;
else a readout's stamp, else, for the lead's meeting, the day the article states for itself. A place comes
likewise from those sentences, and meetings one sentence reports together share what the first of them
found. Kept apart from the building of `Meeting` values: the dates found here are fed back into the
attribution of sentences to meetings before anything else is read from them. Where a meeting was when
no sentence near it names a city is `meeting_venue`'s question.
"""

from __future__ import annotations

import datetime as dt

from extraction.discourse import Facts, sentence_date, tells_circumstances
from extraction.header import ReadoutStamp
from extraction.merge import Group
from extraction.places import find_places
from extraction.sentences import Sentence
from extraction.triggers import sounds_planned
from extraction.trust import borrowed, day_of_report, opens_as_earlier
from extraction.types import PartialDate
from knowledge import KnowledgeBase

_NEAR_PARAGRAPHS = 2  # a date or place for a meeting is looked for this close to where it is reported


def dates_and_places(groups: list[Group], evidence: list[int | None], sentences: tuple[Sentence, ...],
                     facts: list[Facts], kb: KnowledgeBase, published: dt.date, stamp: ReadoutStamp | None,
                     stated: dt.date | None) -> list[tuple[PartialDate | None, str | None]]:
    """Each meeting's date and place, from its own mentions or else from nearby sentences naming its people.

    A meeting held without a day of its own takes a readout's stamp; failing that, when the lead reports
    it, the date the article states for itself (never one assumed from the day it was added): an
    announcement or a same-day story leaves its day to the byline.
    """
    found = []
    owned = sentences_by_meeting(evidence)
    lead = min((sentences[m.sentence].paragraph for g in groups for m in g.mentions
                if sentences[m.sentence].paragraph > 0), default=None)  # paragraph 0 is the title
    for g, group in enumerate(groups):
        mine = owned.get(g, [])
        date, place = group.date, group.place
        near = {sentences[m.sentence].paragraph for m in group.mentions}
        told = [i for i in mine if facts[i].group is None and tells_circumstances(sentences[i].text)]
        named = told + [i for i in mine if facts[i].people and facts[i].group is None and i not in told
                        and any(abs(sentences[i].paragraph - p) <= _NEAR_PARAGRAPHS for p in near)]
        held = group.kind(published) != "planned"
        if date is None:
            reports = " ".join(m.quote for m in group.mentions)
            # read in the tense of the sentence it is taken from: "arrived here Wednesday" is past for a plan too
            dates = (borrowed(d, sentences[i].text, reports, planned=not held) for i in named
                     if (d := sentence_date(sentences[i].text, published,
                                            future=not held and sounds_planned(sentences[i].text))))
            # a visit still to come takes no date that is all past: "were in China on 21-23 November 2023"
            date = next((d for d in dates if d is not None and (held or not _over_before(d, published))), None)
        # "Earlier, Xi received him": a meeting recalled takes neither the day the readout nor the article is dated
        recalled = any(opens_as_earlier(m.quote) for m in group.mentions)
        if date is None and stamp is not None and held and not recalled:
            date = PartialDate(stamp.date.year, stamp.date.month, stamp.date.day)
        if date is None and stated is not None and lead in near and held and not recalled:
            date = day_of_report(stated, [m.quote for m in group.mentions])
        if place is None:
            place = next((hits[0].name for i in named if (hits := find_places(sentences[i].text, kb))), None)
        found.append((date, place))
    return _shared_with_siblings(groups, found)


def _shared_with_siblings(groups: list[Group], found: list[tuple[PartialDate | None, str | None]]
                          ) -> list[tuple[PartialDate | None, str | None]]:
    """"He is scheduled to meet Putin, Shuvalov and Dvorkovich": meetings one sentence reports together take the
    place and the month the first of them found, when they found none of their own (its day is its own)."""
    first: dict[int, tuple[PartialDate | None, str | None]] = {}
    for group, (date, place) in zip(groups, found, strict=True):
        for m in group.mentions:
            first.setdefault(m.sentence, (date, place))
    out = []
    for group, (date, place) in zip(groups, found, strict=True):
        near, where = next((first[m.sentence] for m in group.mentions), (None, None))
        month = PartialDate(near.year, near.month) if near is not None else None
        out.append((date or month, place or where))
    return out


def _over_before(date: PartialDate, day: dt.date) -> bool:
    """Whether every day the date can mean is before `day`: a visit still to come cannot take it."""
    return (date.year, date.month or 12, date.day or 31) < (day.year, day.month, day.day)


def sentences_by_meeting(evidence: list[int | None]) -> dict[int, list[int]]:
    """Meeting index → the sentences that are evidence for it."""
    out: dict[int, list[int]] = {}
    for i, owner in enumerate(evidence):
        if owner is not None:
            out.setdefault(owner, []).append(i)
    return out
