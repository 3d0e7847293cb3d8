"""How much of a meeting's date the article really says, when it does not say exactly when it ran.

"On Wednesday", "yesterday", "Aug 14", "in May" are read against the publication day. When the page
gives only its month, or nothing at all, such a date is only as good as a guess: each meeting's date
is read again against every day the publication could be, and only what all readings share is kept
(a year, a month, or nothing), with the meeting marked `date_certain=False`. A date the text states in
full ("December 13, 2013", "in 2019") reads the same whatever the day, and stays.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from extraction.dates import DateExpr, find_dates, resolve
from extraction.triggers import sounds_planned
from extraction.types import Meeting, PartialDate

_NEAR_DAYS = 3  # "a day later", "the same day": as sure as a meeting with a sure date this close
_OTHER_YEARS = (1, 6)  # an unknown publication day is read as the same day these many years earlier too


def settle(meetings: Sequence[Meeting], reference: dt.date, span: tuple[dt.date, dt.date] | None, *,
           stamped: dt.date | None = None) -> list[Meeting]:
    """Each meeting with the part of its date that does not depend on the unknown publication day.

    `reference` is the day the dates were read against; `span` the first and last day the publication
    can be (None when nothing says); `stamped` a readout stamp's day, which the page states in full.
    """
    readings = _readings(reference, span)
    settled: list[Meeting] = []
    sure: list[dt.date] = []
    for meeting in meetings:
        date = meeting.date
        if date is None or (stamped is not None and date == PartialDate.of(stamped)):
            settled.append(meeting)
            continue
        basis = _basis(meeting.date_quote, date, reference, future=meeting.kind == "planned")
        kept = _kept(basis, date, readings, sure, future=meeting.kind == "planned")
        if kept == date:
            sure.append(date.first_day())
            settled.append(meeting)
        else:
            said = basis.text.rstrip(" .,") if basis else ""
            settled.append(replace(meeting, date=kept, date_certain=False, date_text=said))
    return settled


# "as part of the state visit", "в рамках визита": the meeting is one of a visit's days, which the report leaves open
_WITHIN_VISIT = re.compile(
    r"\b(?:as\s+part\s+of|during|in\s+the\s+course\s+of)\s+(?:[\w'’-]+\s+){0,4}?(?:visit|trip|tour|stay)\b"
    r"|\b(?:в\s+рамках|в\s+ходе|во\s+время)\s+(?:\w+\s+){0,3}?(?:визит|поездк|пребывани)\w*", re.IGNORECASE)


def day_of_report(published: dt.date, reports: Sequence[str]) -> PartialDate:
    """The date of a meeting whose report gives none, from the day the story ran: that day for talks or a call
    reported as news of the day, only its month for a meeting held as part of a visit (any of its days)."""
    if within_visit(reports):
        return PartialDate(published.year, published.month)
    return PartialDate.of(published)


def within_visit(reports: Sequence[str]) -> bool:
    """Whether a meeting's reports place it during a visit ("as part of the state visit", "в ходе визита")."""
    return any(_WITHIN_VISIT.search(text) for text in reports)


# a sentence that tells of a visit or an arrival: the visit lasts days, and which of them a meeting fell on it does
# not say
_TELLS_OF_VISIT = re.compile(r"\b(?:visit\w*|trip|tour|arriv\w+|визит\w*|поездк\w*|прибы\w*|прилет\w*|прилёт\w*)",
                             re.IGNORECASE)
_EARLIER_WORDS = r"earlier|previously|ранее|прежде"
_EARLIER = re.compile(rf"\b(?:{_EARLIER_WORDS}|before\s+that|до\s+этого)\b", re.IGNORECASE)
_OPENS_EARLIER = re.compile(rf"(?:{_EARLIER_WORDS})\b", re.IGNORECASE)


def opens_as_earlier(report: str) -> bool:
    """A sentence that opens by placing its event before the story's own ("Earlier, ...", "Ранее в Пекине ...")."""
    return _OPENS_EARLIER.match(report) is not None


def borrowed(date: PartialDate | None, source: str, report: str, *, planned: bool | None = None
             ) -> PartialDate | None:
    """A date a meeting takes from another sentence than its own (`source`). From one that tells of a visit or
    an arrival ("arrived in Beijing on Tuesday, kicking off a three-day visit"), only its month when the meeting
    is planned for the visit or its `report` sets it before ("Ранее в Пекине ..."): the sentence does not say
    which of the visit's days it is. Talks told as what followed the arrival keep its day."""
    if date is None or date.day is None or not _TELLS_OF_VISIT.search(source):
        return date
    if (sounds_planned(report) if planned is None else planned) or _EARLIER.search(report):
        return PartialDate(date.year, date.month)
    return date


def flag_inferred(meetings: Sequence[Meeting], reference: dt.date, *, dateline: str) -> list[Meeting]:
    """Meetings dated against a publication day the page implies but does not state (`yearless`): a date the
    text states with its year stays sure; every other keeps its value but is marked uncertain, with the
    words that date it (else the dateline whose year was inferred), so that a reader is told."""
    flagged: list[Meeting] = []
    for meeting in meetings:
        date = meeting.date
        basis = None if date is None else _basis(meeting.date_quote, date, reference,
                                                 future=meeting.kind == "planned")
        if date is None or (basis is not None and basis.year is not None):
            flagged.append(meeting)
            continue
        said = basis.text if basis is not None else dateline
        flagged.append(replace(meeting, date_certain=False, date_text=said.strip(" .,-—–")))
    return flagged


def _kept(basis: DateExpr | None, date: PartialDate, readings: Sequence[dt.date], sure: Sequence[dt.date], *,
          future: bool) -> PartialDate | None:
    if basis is None:
        return None  # nothing in the text states this date: it came from the guessed day itself
    if basis.relative is not None and basis.relative[1] == "recent":  # "not long ago": the year of a sure date
        return date if any(day.year == date.year for day in sure) else None
    if basis.relative is not None and basis.relative[0] == "prev":
        near = any(abs((date.first_day() - day).days) <= _NEAR_DAYS for day in sure)
        return date if near else None
    kept: PartialDate | None = date
    for day in readings:
        kept = common(kept, resolve(basis, published=day, future=future, previous=date))
    return kept


def _basis(quote: str, date: PartialDate, reference: dt.date, *, future: bool) -> DateExpr | None:
    """The expression in the date's sentence that gives it: the date itself, else (for a month taken from a day
    of it, as a visit's month from its arrival) a day of that month."""
    values = [(e, resolve(e, published=reference, future=future, previous=date)) for e in find_dates(quote)]
    return next((e for e, value in values if value == date), None) or next(
        (e for e, value in values if date.day is None and date.month is not None and value is not None
         and (value.year, value.month) == (date.year, date.month)), None)


def _readings(reference: dt.date, span: tuple[dt.date, dt.date] | None) -> list[dt.date]:
    """The days the publication could be: both ends of its span, or the same day in other years."""
    if span is not None:
        return [span[0], span[1]]
    return [_years_before(reference, n) for n in _OTHER_YEARS]


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def common(a: PartialDate | None, b: PartialDate | None) -> PartialDate | None:
    """What two readings of a date agree on: the same day, else month, else year, else nothing."""
    if a is None or b is None or a.year != b.year:
        return None
    if a.month is None or a.month != b.month:
        return PartialDate(a.year)
    if a.day is None or a.day != b.day:
        return PartialDate(a.year, a.month)
    return a
