"""The sentence behind a meeting's date and place, so that `explain` can show why each was chosen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from extraction.dates import find_dates, resolve
from extraction.places import dateline_place, find_places
from extraction.sentences import Sentence
from extraction.types import PartialDate
from knowledge import KnowledgeBase

_WINDOW = 20  # sentences either side of a meeting's report searched for its date or place


def candidates(reports: Sequence[int], owned: Sequence[int], sentences: Sequence[Sentence]) -> list[int]:
    """Where to look, best first: the reports, the sentences about the meeting, then its neighbourhood."""
    first = reports[0]
    near = sorted(range(max(0, first - _WINDOW), min(len(sentences), first + _WINDOW + 1)),
                  key=lambda i: (sentences[i].paragraph != sentences[first].paragraph, abs(i - first)))
    return list(dict.fromkeys([*reports, *owned, *near]))


def date_quote(date: PartialDate | None, order: Sequence[int], sentences: Sequence[Sentence],
               published: dt.date, *, future: bool) -> str:
    """The first sentence with a date expression that means this date; for a month, else one that gives a day of
    it (the month of a visit read from the day of the arrival)."""
    if date is None:
        return ""
    same_month = date.month is not None and date.day is None
    for exact in (True, False) if same_month else (True,):
        for i in order:
            for expr in find_dates(sentences[i].text):
                value = resolve(expr, published=published, future=future, previous=date)
                if value == date or (not exact and value is not None
                                     and (value.year, value.month) == (date.year, date.month)):
                    return sentences[i].text
    return ""


def place_quote(place: str | None, order: Sequence[int], sentences: Sequence[Sentence], kb: KnowledgeBase) -> str:
    """The first sentence that names the place as a location, else the dateline it came from."""
    if place is None:
        return ""
    for i in order:
        if any(hit.name == place for hit in find_places(sentences[i].text, kb)):
            return sentences[i].text
    return next((s.text for s in sentences[:4] if dateline_place([s.text], kb) == place), "")
