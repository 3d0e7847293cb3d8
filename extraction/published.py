"""The publication date an article states about itself: its byline or stamp, its address, its dateline."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from extraction.clean import pick_title
from extraction.dateline import Dateline, every_dateline, find_dateline
from extraction.dates import find_dates
from extraction.types import PartialDate, PublishedSource
from extraction.urldate import url_date
from extraction.yearless import InferredDay, infer_dateline_day, infer_from_summit

# a page-edit stamp says when the page changed, not when the story ran
_STAMP = re.compile(
    r"^\s*(?:last\s+)?(?:update[ds]?|modified|edited|changed|обновлено|изменено|обновлён)\b", re.IGNORECASE
)
_STAMP_INSIDE = re.compile(r"\b(?:last\s+)?(?:updated?|modified|обновлено|изменено)\b", re.IGNORECASE)
_BYLINE = re.compile(
    r"^\s*(?:by\s|от\s|автор|published|posted|опубликовано|дата\s+публикации)", re.IGNORECASE
)


def find_published(paragraphs: Sequence[str], *, title: str | None = None, window: int = 12, max_words: int = 14
                   ) -> dt.date | None:
    """The first full date in a short byline-like line near the top; edit stamps are skipped. Lines from the
    headline (`title`, else the one `clean.pick_title` finds) on come first: above it a site prints its own
    "today" ("13 июля 2025, Воскресенье")."""
    top = list(paragraphs[:window])
    title = title or pick_title(paragraphs)
    start = top.index(title) if title in top else 0
    for line in top[start:] + top[:start]:
        if _STAMP.match(line):
            continue
        line = _STAMP_INSIDE.split(line, maxsplit=1)[0]  # "March 3, 2025 4:51 PM Updated 2 hours ago"
        words = line.split()
        if len(words) > max_words and not _BYLINE.match(line):
            continue
        for expr in find_dates(line):
            if expr.year and expr.month and expr.day and (_BYLINE.match(line) or len(words) <= 8):
                return dt.date(expr.year, expr.month, expr.day)
    return None


def find_edit_stamp(paragraphs: Sequence[str], *, window: int = 12) -> dt.date | None:
    """The date of an "Updated ..." stamp: the best guess left when a page shows no other date."""
    for line in paragraphs[:window]:
        stamp = _STAMP_INSIDE.search(line)  # "Updated: ..." or "By Xinhua | Updated: 2024-05-16 10:23"
        if stamp and len(line.split()) <= 14:
            for expr in find_dates(line[stamp.start():]):
                if expr.year and expr.month and expr.day:
                    return dt.date(expr.year, expr.month, expr.day)
    return None


@dataclass(frozen=True)
class Publication:
    """When the page ran, as far as the page (or its caller) says, and the day its relative dates count from.

    `date` is as precise as the witnesses allow (a month-only address gives a month); None when nothing
    says. `reference` is the day "on Wednesday" or "yesterday" is read against: the dateline's day when
    the story was filed then, else the publication day; None unless that day is known, or `inferred`
    from a yearless dateline and the page's own dates (then every date read against it is uncertain).
    """

    date: PartialDate | None
    source: PublishedSource
    reference: dt.date | None
    notes: tuple[str, ...] = ()  # what the reader should know about how the date was found
    inferred: InferredDay | None = None  # the dateline's year is inferred, not stated
    dateline: str = ""  # the dateline as written, when the page has one

    def span(self) -> tuple[dt.date, dt.date] | None:
        """The first and last day the publication can be; None when nothing says."""
        if self.date is None:
            return None
        return self.date.first_day(), _last_day(self.date)


_SAY = {"url": "page's address", "byline": "page's stamp", "given": "date given"}
_DATELINE_BEFORE = 10  # days a dateline may precede its page's stamp (a story filed, then published)
_DATELINE_AFTER = 1  # and follow it (the stamp in one time zone, the dateline in another)


def publication(paragraphs: Sequence[str], *, title: str | None = None, given: dt.date | None = None,
                url: str | None = None, today: dt.date | None = None,
                summits: Callable[[], set[tuple[int, str]]] | None = None) -> Publication:
    """Every witness of the date, in order of trust: the caller's date, the page's byline or stamp, its
    address, then its dateline (whose year, when it gives none, comes from one of the others, else is
    inferred from the dates the page states, else from the one year the `summits` it names with their host
    city were held there: never later than `today`)."""
    notes: list[str] = []
    date: PartialDate | None = None
    source: PublishedSource = "assumed"
    from_url = url_date(url)
    if given is not None:
        date, source = PartialDate.of(given), "given"
    elif (byline := find_published(paragraphs, title=title)) is not None:
        date, source = PartialDate.of(byline), "byline"
    else:
        edited = find_edit_stamp(paragraphs)
        if from_url is not None and from_url.date.day is not None and (
                edited is None or from_url.date.first_day() <= edited):  # an edit comes after the story
            date, source = from_url.date, "url"
            notes.append(f"publication date read from the page's address ({from_url.text})")
        elif edited is not None:
            date, source = PartialDate.of(edited), "byline"
            notes.append(f"publication date taken from the page's edit stamp: {edited.isoformat()}")
        elif from_url is not None:
            date, source = from_url.date, "url"
            notes.append(f"publication month read from the page's address ({from_url.text}); the day is unknown")
    filed = find_dateline(paragraphs)
    day = _dateline_day(filed, date)
    guess = None
    if filed is not None and day is None and date is None:
        guess = infer_dateline_day(filed, paragraphs, today=today)
        if guess is None and summits is not None:
            guess = infer_from_summit(filed, summits(), today=today)
        if guess is None:
            notes.append(f"the dateline “{filed.text}” gives no year and nothing else on the page does; "
                         "dates read from it are uncertain")
        elif guess.by_summit:
            notes.append(f"the dateline “{filed.text}” gives no year: taken as {guess.day.isoformat()}, in the year "
                         f"of the {guess.bound_text} the page names; dates read from it are uncertain")
        else:
            notes.append(f"the dateline “{filed.text}” gives no year: taken as {guess.day.isoformat()}, the first "
                         f"such day after the latest date the page reports as past (“{guess.bound_text}”); "
                         "dates read from it are uncertain")
    if filed is not None and day is not None and (date is None or date.day is None):
        whence = "its own" if filed.year is not None else f"from the {_SAY.get(source, source)}"
        notes = [f"publication day read from the dateline “{filed.text}”, its year {whence}"]
        date, source = PartialDate.of(day), "dateline"
    reference = day or (date.first_day() if date is not None and date.day is not None else None)
    if reference is None and guess is not None:
        reference = guess.day
    return Publication(date, source, reference, tuple(notes), inferred=guess,
                       dateline=filed.text if filed is not None else "")


def story_days(paragraphs: Sequence[str], pub: Publication, reference: dt.date) -> dict[int, dt.date]:
    """For a page of several wire stories, each with its dateline: paragraph index → the day its story was
    filed, from which that story's "on Wednesday" counts. Empty for a page of one story.

    A dateline without a year on a page that gives none is read in the year before `reference`; every
    date read from it is then uncertain (`trust.settle`), but stories of different days stay apart.
    """
    found = every_dateline(paragraphs)
    if len(found) < 2:
        return {}
    days = {}
    for index, filed in found:
        day = _dateline_day(filed, pub.date) or _latest(filed, reference)
        if day is not None:
            days[index] = day
    return days


def _latest(filed: Dateline, reference: dt.date) -> dt.date | None:
    """The dateline's month and day in the last year that puts it on or before `reference`."""
    for year in range(reference.year, reference.year - 8, -1):
        if (filed.month, filed.day) != (2, 29) or calendar.isleap(year):
            day = dt.date(year, filed.month, filed.day)
            if day <= reference:
                return day
    return None


def _dateline_day(filed: Dateline | None, date: PartialDate | None) -> dt.date | None:
    """The dateline's day, its year its own or the one that puts it just before the page's date."""
    if filed is None:
        return None
    if filed.year is not None:
        return dt.date(filed.year, filed.month, filed.day)
    if date is None:
        return None
    first, last = date.first_day(), _last_day(date)
    for year in sorted({first.year - 1, first.year, last.year, last.year + 1}, reverse=True):
        if filed.month == 2 and filed.day == 29 and not calendar.isleap(year):
            continue
        day = dt.date(year, filed.month, filed.day)
        if first - dt.timedelta(days=_DATELINE_BEFORE) <= day <= last + dt.timedelta(days=_DATELINE_AFTER):
            return day
    return None


def _last_day(date: PartialDate) -> dt.date:
    if date.day is not None:
        return date.first_day()
    if date.month is None:
        return dt.date(date.year, 12, 31)
    return dt.date(date.year, date.month, calendar.monthrange(date.year, date.month)[1])
