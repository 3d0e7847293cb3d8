"""Mentions of one event spread over several sentences become one meeting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from extraction.meetings import Mention
from extraction.same_event import same_day_in_article
from extraction.types import Counterpart, MeetingKind, PartialDate, Participant


@dataclass
class Group:
    """The mentions believed to report one event, in the order the article gives them."""

    mentions: list[Mention] = field(default_factory=list)
    _date: PartialDate | None = field(default=None, init=False, repr=False)
    _dated: int = field(default=0, init=False, repr=False)  # how many mentions `_date` has seen

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(p.key for p in self.mentions[0].participants)

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)

    @property
    def participants(self) -> tuple[Participant, ...]:
        return self.mentions[0].participants

    @property
    def date(self) -> PartialDate | None:
        """The most precise date any mention gives (the first of those); kept up to date as mentions join."""
        for m in self.mentions[self._dated :]:
            if m.date is not None and m.date.more_precise_than(self._date):
                self._date = m.date
        self._dated = len(self.mentions)
        return self._date

    @property
    def place(self) -> str | None:
        return next((m.place for m in self.mentions if m.place), None)

    @property
    def held(self) -> bool:
        """A mention says the event took place ("met", "провел"): no date read after publication makes it a plan."""
        return any(m.held for m in self.mentions)

    @property
    def counterpart(self) -> Counterpart | None:
        """The other side named only as a body, when no mention names any of its people."""
        return next((m.counterpart for m in self.mentions if m.counterpart), None)

    @property
    def label(self) -> str | None:
        return next((m.label for m in self.mentions if m.label), None)

    def kind(self, published: dt.date) -> MeetingKind:
        """A date after publication means the event is still to come; otherwise calls win over meetings."""
        kinds = {m.kind for m in self.mentions}
        date = self.date
        if date is not None and date.first_day() > published and not self.held:
            return "planned"
        if "call" in kinds:
            return "call"
        if "meeting" in kinds and (date is None or date.first_day() <= published or "planned" not in kinds):
            return "meeting"
        return "planned"


def merge(mentions: list[Mention]) -> list[Group]:
    """Same participants and compatible dates → one group; an undated mention joins the latest such group."""
    groups: list[Group] = []
    latest: dict[frozenset[str], Group] = {}  # the group of these people that grew last
    index: dict[tuple, list[Group]] = {}  # (people, date prefix) → groups dated within it
    for mention in mentions:
        keys = frozenset(p.key for p in mention.participants)
        if mention.date is None:
            group = latest.get(keys)
            group = group if group is not None and _same_event(group, mention) else None
        else:
            candidates = [g for g in _near(index, keys, mention.date) if same_day_in_article(g.date, mention.date)
                          and _same_event(g, mention)]
            exact = [g for g in candidates if g.date == mention.date]
            group = max(exact or candidates, key=lambda g: g.mentions[-1].sentence, default=None)
        if group is None:
            group = Group([])
            groups.append(group)
        before = group.date
        group.add(mention)
        if group.date != before or len(group.mentions) == 1:
            prefixes = _prefixes(group.date)
            index.setdefault((keys, "=", prefixes[-1]), []).append(group)
            for prefix in prefixes:
                index.setdefault((keys, "<", prefix), []).append(group)
        latest[keys] = group
    return groups


def without_covered(groups: list[Group]) -> list[Group]:
    """Drop a meeting with an unnamed side ("arrived in Beijing for talks with the Chinese side") when the article
    also reports, on a date that can be the same, a meeting of the same people with that side named: the
    same event, told with less."""
    named = [g for g in groups if g.counterpart is None]
    return [g for g in groups if g.counterpart is None or not any(
        g.keys < other.keys and same_day_in_article(g.date, other.date) for other in named)]


def _same_event(group: Group, mention: Mention) -> bool:
    """A visit planned is not the call the article reports: "they spoke by phone about their next meeting"."""
    return _same_place(group, mention) and not (
        mention.kind == "planned" and not mention.call and any(m.call and m.kind != "planned" for m in group.mentions))


def _same_place(group: Group, mention: Mention) -> bool:
    """False when the mention names a city of its own for the event and the group another:
    "we met in St. Petersburg not long ago", said at talks in Tashkent, is another meeting."""
    return not (mention.own_place and group.place and mention.place != group.place)


def _prefixes(date: PartialDate | None) -> list[tuple[int, ...]]:
    if date is None:
        return [()]
    parts = (date.year, date.month, date.day)
    return [tuple(p for p in parts[:n] if p is not None) for n in (1, 2, 3) if parts[n - 1] is not None]


def _near(index: dict[tuple, list[Group]], keys: frozenset[str], date: PartialDate) -> list[Group]:
    """Groups whose date may be this one: undated, coarser or finer within it (the calendar bounds them)."""
    found: dict[int, Group] = {}
    own = tuple(p for p in (date.year, date.month, date.day) if p is not None)
    for n in range(len(own)):
        found.update((id(g), g) for g in index.get((keys, "=", own[:n]), ()))
    found.update((id(g), g) for g in index.get((keys, "<", own), ()))
    return list(found.values())
