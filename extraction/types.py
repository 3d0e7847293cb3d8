"""Frozen values passed between the extraction stages and out to storage.

Nothing here does I/O: an `Extraction` is a plain description of what one article says.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["day", "month", "year"]
MeetingKind = Literal["meeting", "call", "planned"]
PublishedSource = Literal["given", "byline", "url", "dateline", "assumed"]
_PRECISION_RANK: dict[Precision, int] = {"year": 0, "month": 1, "day": 2}


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the day, the month or only the year, as news reports give them."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def precision_rank(self) -> int:
        """0 for a year, 1 for a month, 2 for a day: how much of the day the date pins down."""
        return _PRECISION_RANK[self.precision]

    def more_precise_than(self, other: PartialDate | None) -> bool:
        """Whether this date pins the day down further than `other` (None: no date at all): of two reports of
        one event, the date the meeting keeps; on a tie, the one it had."""
        return other is None or self.precision_rank > other.precision_rank

    def iso(self) -> str:
        """`YYYY-MM-DD`, `YYYY-MM` or `YYYY`, the export format's spelling."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def first_day(self) -> dt.date:
        """The earliest day the date can mean; used to resolve roles and to sort."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read back what `iso()` wrote."""
        parts = [int(p) for p in text.split("-")]
        return cls(*parts)

    @classmethod
    def of(cls, day: dt.date) -> PartialDate:
        return cls(day.year, day.month, day.day)


@dataclass(frozen=True)
class Participant:
    """A person taking part in a meeting, with the role they held on its date."""

    name: str
    country: str | None = None
    role: str | None = None
    person_id: str | None = None  # the knowledge base's id; None for someone it does not know

    @property
    def known(self) -> bool:
        return self.person_id is not None

    @property
    def key(self) -> str:
        """One identity per participant: the knowledge base id, else the name as written."""
        return self.person_id or self.name


@dataclass(frozen=True)
class Counterpart:
    """One side of a meeting named only as a body ("the Chinese side", "руководством провинции Цзилинь"): the
    words as written, and that side's country."""

    words: str
    country: str
    start: int = 0  # where the words begin in their sentence


@dataclass(frozen=True)
class Official:
    """A titled person in a sentence: where, the name in Latin, the title as written and its country."""

    start: int
    end: int
    name: str
    country: str | None
    title: str | None
    native: str = ""  # the name as the text spells it, in the nominative (Cyrillic for Russian text)
    name_start: int = -1  # where the name itself begins (`start` is where its title does, when before it)


@dataclass(frozen=True)
class TopicLink:
    """A topic discussed at a meeting and the sentence that says so."""

    name: str
    quote: str


@dataclass(frozen=True)
class Meeting:
    """One event (talks, a call, a planned visit) with the evidence for it."""

    kind: MeetingKind
    participants: tuple[Participant, ...]
    date: PartialDate | None = None
    place: str | None = None
    label: str = ""
    topics: tuple[TopicLink, ...] = ()
    quote: str = ""  # the sentence that reports the meeting
    date_quote: str = ""  # the sentence the date was read from ("" when none states it)
    place_quote: str = ""  # the sentence (or dateline) the place was read from
    # False when the article does not say when it was published and the date it states for the meeting
    # ("on Wednesday", "Aug 14") cannot be pinned down without that: the date is then as coarse as is
    # safe (often None), never one counted from the day the article was added
    date_certain: bool = True
    date_text: str = ""  # with an uncertain date: the words that date the meeting, as written ("on Wednesday")


    agenda: tuple[str, ...] = ()  # what the text says was discussed, in its own words ("preparations for …")
    # the other side when the text names none of its people, only a body ("the leadership of Jilin Province")
    counterpart: Counterpart | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything the pipeline read from one article."""

    text: str
    title: str | None
    published: dt.date | None
    published_source: PublishedSource
    meetings: tuple[Meeting, ...] = ()
    sentences: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default=())
