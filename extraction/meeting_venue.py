"""Where a meeting was when its own sentences name no city: a meeting of the same trip, the summit or forum it
was held at, the visit it was part of, the dateline, the country the text sends it to."""

from __future__ import annotations

import datetime as dt

from extraction.discourse import sentence_date
from extraction.meetings import Mention
from extraction.merge import Group
from extraction.places import city_country, dateline_place, event_place
from extraction.types import PartialDate
from extraction.venue import Visit, stated_country, summit_place, visit_place
from knowledge import KnowledgeBase

_TRIP_DAYS = 3  # meetings of one visit share its city when the article names it only once


def _reported(texts: list[str], mention: Mention) -> list[str]:
    """The sentences, the mention's own read without its parts about other events ("'... at the summit,'
    Putin said at a meeting with Han Zheng": the summit is not where the meeting was)."""
    if not mention.reported:
        return texts
    view = list(texts)
    view[mention.sentence] = mention.reported
    return view


def venue_of(group: Group, mine: list[int], date: PartialDate | None, texts: list[str], kb: KnowledgeBase,
           published: dt.date, dateline: str | None, trips: dict[tuple[str, dt.date], str], travels: list[Visit],
           *, planned: bool) -> tuple[str | None, str]:
    """(place, the sentence that says so) for a meeting whose own sentences name no city, strongest first:
    a meeting of the same trip on a near day, the summit it was held at, the visit it was part of, a forum
    the article named before, the dateline (for a meeting of the day it was filed), the country the text
    sends it to."""
    if (place := _trip_place(group, date, trips)) is not None:
        return place, ""
    reports = [m.sentence for m in group.mentions]
    # each report read without its parts about other events ("'... at the summit,' Putin said at a meeting
    # with Han Zheng": the summit is not where the meeting was)
    own = {m.sentence: _reported(texts, m)[m.sentence] for m in group.mentions}
    year = date.year if date else published.year
    for i in [*reports, *mine]:
        if (city := summit_place(own.get(i, texts[i]), year, kb)) is not None:
            return city, texts[i]
    if (visit := visit_place(group.keys, reports[0], date, travels)) is not None:
        return visit.place, visit.quote
    if (forum := next(filter(None, (event_place(_reported(texts, m), m.sentence, kb) for m in group.mentions)),
                      None)) is not None:
        return forum  # "on the sidelines of the forum": the city of the forum named before
    country = stated_country([texts[i] for i in [*reports, *mine]])
    if country is None and (visit := visit_place(group.keys, reports[0], date, travels, country=True)):
        country = visit.place
    filed = _filed_on(texts, kb, published) if dateline else None
    if not planned and (place := _near_publication(dateline, date, filed or published, days=1 if country else 2)):
        return place, ""
    if dateline and date is None and country and city_country(dateline, kb) == country:
        return dateline, ""  # "his trip to China", filed from Shanghai: the city the story was filed from
    return country, ""


def _filed_on(texts: list[str], kb: KnowledgeBase, published: dt.date) -> dt.date | None:
    """The day a wire's dateline gives ("МОСКВА, 15 декабря. /ТАСС/."): when the page states no publication
    date of its own, the dateline's day is the day the reporter was in that city."""
    for text in texts[:4]:
        if dateline_place([text], kb) is not None:
            day = sentence_date(text, published)
            return day.first_day() if day is not None and day.day is not None else None
    return None


def visit_of(group: Group, travels: list[Visit]) -> Visit | None:
    """The dated visit one of the meeting's people makes ("begins a four-day trip to Russia on Monday"), for
    talks "during the visit" that the text dates no other way."""
    report = group.mentions[0].sentence
    found = visit_place(group.keys, report, None, travels) or visit_place(group.keys, report, None, travels,
                                                                           country=True)
    return found if found is not None and found.date is not None else None


def _trip_place(group: Group, date: PartialDate | None, trips: dict[tuple[str, dt.date], str]) -> str | None:
    """A meeting of the same visit (a shared participant, within a few days) lends its city."""
    if date is None or date.day is None:
        return None
    day = date.first_day()
    for offset in sorted(range(-_TRIP_DAYS, _TRIP_DAYS + 1), key=abs):
        for key in sorted(group.keys):
            if (place := trips.get((key, day + dt.timedelta(days=offset)))) is not None:
                return place
    return None


def trips_of(drafts: list, published: dt.date) -> dict[tuple[str, dt.date], str]:
    """(person, day) → the city of a dated meeting that person had that day, for `_trip_place`; a plan's
    city is where someone will be, not where they were that day."""
    out: dict[tuple[str, dt.date], str] = {}
    for group, _, date, place in drafts:
        if place and date is not None and date.day is not None and group.kind(published) != "planned":
            for key in group.keys:
                out.setdefault((key, date.first_day()), place)
    return out


def _near_publication(dateline: str | None, date: PartialDate | None, published: dt.date, *, days: int = 2
                      ) -> str | None:
    """The city a story was filed from, for a meeting within `days` of filing: a wire's reporter is where
    the news is, but only for the news of that day or so."""
    if dateline is None or date is None or date.day is None:
        return None
    return dateline if abs((date.first_day() - published).days) <= days else None
