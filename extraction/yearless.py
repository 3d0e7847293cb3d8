"""The year of a wire dateline that gives none ("Москва. 20 декабря. INTERFAX.RU"), from the page's own dates.

A story cannot be filed before the events it reports as past, so every date the page states with its
year ("25 октября 2023 года", "in March 2023") and tells in the past is a lower bound on the day it was
filed; a plan it announces ("will be held on 3 June 2024") lies after that day. The dateline's day and
month are then most likely the first such day on or after the latest past date stated: the story came
out within the year after the last thing it reports. That is an inference, not a statement, so the
meetings dated through it are marked uncertain (`trust.flag_inferred`); nothing is inferred when the
page states no past date with a year, or when a plan it states would fall between that date and the
inferred day.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from extraction.dateline import Dateline
from extraction.dates import find_dates
from extraction.sentences import split_paragraphs
from extraction.triggers import sounds_planned


@dataclass(frozen=True)
class InferredDay:
    """The day a yearless dateline most likely means, and the stated date it rests on."""

    day: dt.date
    bound: dt.date  # the latest date the page states as past, with its year
    bound_text: str  # that date as written ("25 октября 2023 года"), or the summit that gave the year
    by_summit: bool = False  # the year is the one a summit the page names was held in its host city


def infer_dateline_day(filed: Dateline, paragraphs: Sequence[str], *, today: dt.date | None = None
                       ) -> InferredDay | None:
    """The first day with the dateline's day and month on or after the latest past date the page states with
    its year; None when the page states none, or when the answer would contradict a plan or `today`."""
    past: list[tuple[dt.date, str]] = []
    planned: list[dt.date] = []
    for sentence in split_paragraphs(paragraphs):
        stated = [(e.text, dt.date(e.year, e.month, e.day or 1))
                  for e in find_dates(sentence.text) if e.year is not None and e.month is not None]
        if not stated:
            continue
        if sounds_planned(sentence.text):
            planned.extend(day for _, day in stated)
        else:
            past.extend((day, text) for text, day in stated)
    if not past:
        return None
    bound, text = max(past)
    day = _first_on_or_after(filed.month, filed.day, bound)
    # a plan dated between the last past event and the inferred day would already be past: the guess is wrong
    # (a date before that event, in a sentence that also speaks of the future, is simply another past date)
    if day is None or any(bound < plan < day for plan in planned) or (today is not None and day > today):
        return None
    return InferredDay(day, bound, text.strip(" ,."))


def _first_on_or_after(month: int, day: int, bound: dt.date) -> dt.date | None:
    """The first `month`/`day` on or after `bound` (29 February waits for a leap year, up to four years)."""
    for year in range(bound.year, bound.year + 5):
        if day <= calendar.monthrange(year, month)[1] and (found := dt.date(year, month, day)) >= bound:
            return found
    return None


def infer_from_summit(filed: Dateline, summits: set[tuple[int, str]], *, today: dt.date | None = None
                      ) -> InferredDay | None:
    """The dateline's day in the one year the summits the page names with their host city were held there ("the
    BRICS summit in Xiamen": 2017); None when they name several years, or none, or the day is after `today`."""
    years = {year for year, _ in summits}
    if len(years) != 1:
        return None
    year = years.pop()
    try:
        day = dt.date(year, filed.month, filed.day)
    except ValueError:
        return None
    if today is not None and day > today:
        return None
    said = min(name for y, name in summits if y == year)
    return InferredDay(day, dt.date(year, 1, 1), said, by_summit=True)

