"""Mentions of one event spread over several sentences become one meeting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from extraction.meetings import Mention
from extraction.people import person_key
from extraction.types import MeetingKind, PartialDate, Participant

_RANK = {"day": 3, "month": 2, "year": 1}


@dataclass
class Group:
    """The mentions believed to report one event, in the order the article gives them."""

    mentions: list[Mention] = field(default_factory=list)

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(person_key(p) for p in self.mentions[0].participants)

    @property
    def participants(self) -> tuple[Participant, ...]:
        return self.mentions[0].participants

    @property
    def date(self) -> PartialDate | None:
        dates = [m.date for m in self.mentions if m.date is not None]
        return max(dates, key=lambda d: _RANK[d.precision], default=None)

    @property
    def place(self) -> str | None:
        return next((m.place for m in self.mentions if m.place), None)

    @property
    def label(self) -> str | None:
        return next((m.label for m in self.mentions if m.label), None)

    @property
    def first_sentence(self) -> int:
        return self.mentions[0].sentence

    def kind(self, published: dt.date) -> MeetingKind:
        """A date after publication means the event is still to come; otherwise calls win over meetings."""
        kinds = {m.kind for m in self.mentions}
        date = self.date
        if date is not None and date.first_day() > published:
            return "planned"
        if "call" in kinds:
            return "call"
        if "meeting" in kinds and (date is None or date.first_day() <= published or "planned" not in kinds):
            return "meeting"
        return "planned"


def compatible(a: PartialDate | None, b: PartialDate | None) -> bool:
    """Two dates that can mean the same day: equal, or one is the other at a coarser precision."""
    if a is None or b is None:
        return True
    if a.year != b.year:
        return False
    if a.month is None or b.month is None or a.month != b.month:
        return a.month is None or b.month is None
    return a.day is None or b.day is None or a.day == b.day


def merge(mentions: list[Mention]) -> list[Group]:
    """Same participants and compatible dates → one group; an undated mention joins the latest such group."""
    groups: list[Group] = []
    for mention in mentions:
        keys = frozenset(person_key(p) for p in mention.participants)
        candidates = [g for g in groups if g.keys == keys and compatible(g.date, mention.date)]
        if mention.date is not None:
            exact = [g for g in candidates if g.date == mention.date]
            candidates = exact or candidates
        if candidates:
            max(candidates, key=lambda g: g.mentions[-1].sentence).mentions.append(mention)
        else:
            groups.append(Group([mention]))
    return groups
