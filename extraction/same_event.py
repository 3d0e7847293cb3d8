"""When two reports can tell of one event, and what the one meeting then keeps.

Within an article, mentions merge into a meeting (`extraction.merge`); across articles, a report merges
into the stored meeting of the same people (`storage.writes`). Both ask here whether the dates agree, and
the store asks here what the merged meeting says.
"""

from __future__ import annotations

from dataclasses import dataclass

from extraction.types import Meeting, MeetingKind, PartialDate


def same_day_in_article(a: PartialDate | None, b: PartialDate | None) -> bool:
    """Two dates one article gives that can mean the same day: equal, or one is the other at a coarser
    precision, down to a bare year ("in 2024 … on 5 March"); no date agrees with any."""
    if a is None or b is None:
        return True
    if a.year != b.year:
        return False
    if a.month is None or b.month is None or a.month != b.month:
        return a.month is None or b.month is None
    return a.day is None or b.day is None or a.day == b.day


def same_day_across_articles(a: PartialDate, b: PartialDate) -> bool:
    """Two articles' dates that can mean the same event: equal, or a day inside a month the other gave.
    Never a bare year: two articles about one pair of people in one year are often two meetings."""
    if a == b:
        return True
    if a.precision == "year" or b.precision == "year":
        return False
    return (a.year, a.month) == (b.year, b.month) and "month" in (a.precision, b.precision)


@dataclass(frozen=True)
class Details:
    """What the store holds of an event besides who took part: what another report of it may add to."""

    date: PartialDate | None
    date_certain: bool
    date_text: str  # with an uncertain date: the words that date the meeting, as written
    place: str | None
    label: str
    counterpart: str  # the words naming a side given only as a body ("" when its people are named)
    kind: MeetingKind
    agenda: tuple[str, ...]


def merged_details(kept: Details, report: Meeting) -> Details:
    """`kept` with what another report of the event adds: what it lacks filled, the more precise date, a held
    meeting over a plan, and every report's agenda items, each said once and none dropped.

    A date that rests on a guessed publication day (`date_certain` False) yields to one a report states.
    """
    date, certain, date_text = kept.date, kept.date_certain, kept.date_text
    if not certain and report.date_certain and report.date is not None:
        date, certain, date_text = None, True, ""
    if report.date is not None and report.date.more_precise_than(date):
        date = report.date
    return Details(
        date=date, date_certain=certain, date_text=date_text,
        place=kept.place or report.place,
        label=kept.label or report.label,
        counterpart=kept.counterpart or (report.counterpart.words if report.counterpart else ""),
        kind=report.kind if kept.kind == "planned" and report.kind != "planned" else kept.kind,
        agenda=each_item_once(kept.agenda, report.agenda) if report.agenda else kept.agenda,
    )


def each_item_once(*agendas: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Several reports' (or sentences') agenda items, each said once whatever its case and spacing, in the
    order first said and as first spelt."""
    out: list[str] = []
    seen: set[str] = set()
    for items in agendas:
        for item in items:
            key = " ".join(item.casefold().split())
            if key not in seen:
                seen.add(key)
                out.append(item)
    return tuple(out)
