"""Meetings as JSON (the shape `shared/eval/score.py` reads), CSV and iCalendar.

Each format is written as a stream of text chunks, a meeting at a time, so that exporting a store of
a quarter of a million meetings needs the memory of one meeting, not of the whole file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from bot.core.plural import counted
from storage.queries import MeetingView, SourceView


def meeting_dict(meeting: MeetingView) -> dict:
    return {
        "id": meeting.id,
        "date": meeting.date,
        "date_certain": meeting.date_certain,
        "date_text": meeting.date_text,
        "place": meeting.place,
        "kind": meeting.kind,
        "label": meeting.label,
        "participants": [{"name": p.name, "role": p.role, "country": p.country} for p in meeting.participants],
        "counterpart": meeting.counterpart or None,  # the other side named only as a body, in the article's words
        "topics": [{"name": t.name, "quote": t.quote} for t in meeting.topics],
        "agenda": list(meeting.agenda),
        "sources": [
            {"article_id": s.article_id, "title": s.title, "url": s.url,
             "published": s.published.isoformat() if s.published else None, "quote": s.quote}
            for s in meeting.sources
        ],
    }


def json_chunks(meetings: Iterable[MeetingView]) -> Iterator[str]:
    """`{"meetings": [...]}` indented by two, exactly as json.dumps(..., indent=2) would write it whole."""
    yield '{\n  "meetings": ['
    first = True
    for m in meetings:
        body = json.dumps(meeting_dict(m), ensure_ascii=False, indent=2).replace("\n", "\n    ")
        yield ("\n    " if first else ",\n    ") + body
        first = False
    yield "]\n}" if first else "\n  ]\n}"


def csv_chunks(meetings: Iterable[MeetingView]) -> Iterator[str]:
    """One row per meeting; lists joined with "; " so that a spreadsheet shows them in one cell. Each source
    reads "article #4 | Izvestia | 2023-02-22 | https://…", every part in its place even when unknown. The
    agenda (the items as the articles word them), whether the date is certain, with the words that date it
    when it is not, and the other side when only a body names it, come last, so that columns read by position
    keep theirs."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "date", "place", "kind", "label", "participants", "topics", "sources", "agenda",
                     "date_certain", "date_text", "counterpart"])
    for m in meetings:
        writer.writerow([
            m.id, m.date or "", m.place or "", m.kind, m.label,
            "; ".join(f"{p.name} ({p.role})" if p.role else p.name for p in m.participants),
            "; ".join(t.name for t in m.topics),
            "; ".join(_source_cell(s) for s in m.sources),
            "; ".join(m.agenda),
            "yes" if m.date_certain else "no",
            m.date_text,
            m.counterpart,
        ])
        yield out.getvalue()
        out.seek(0)
        out.truncate()
    yield out.getvalue()  # the header, when there was no meeting


def _source_cell(source: SourceView) -> str:
    return " | ".join([f"article #{source.article_id}", source.outlet or "outlet unknown",
                       source.published.isoformat() if source.published else "date unknown",
                       source.url or "no URL"])


@dataclass
class CalendarTally:
    """What an ICS export held and left out, counted as the meetings stream past: a reply must say why
    a calendar holds fewer events than there are meetings."""

    events: int = 0
    month_or_year: int = 0
    undated: int = 0

    def count(self, meetings: Iterable[MeetingView]) -> Iterator[MeetingView]:
        for meeting in meetings:
            if calendar_day(meeting) is not None:
                self.events += 1
            elif meeting.date:
                self.month_or_year += 1
            else:
                self.undated += 1
            yield meeting

    @property
    def left_out(self) -> int:
        return self.month_or_year + self.undated

    def summary(self) -> str:
        """E.g. "8 of 11 meetings as ICS …; the other 3 have no day …", for the reply and the command line."""
        total = self.events + self.left_out
        head = f"{self.events:,} of {counted(total, 'meeting')} as ICS, one all-day event each"
        if not self.left_out:
            return head + "."
        why = [f"{self.month_or_year:,} dated only to a month or year"] if self.month_or_year else []
        why += [f"{self.undated:,} with no date"] if self.undated else []
        verb = "has" if self.left_out == 1 else "have"
        return f"{head}; the other {self.left_out:,} {verb} no day to put in a calendar ({' and '.join(why)})."


def calendar_day(meeting: MeetingView) -> dt.date | None:
    """The day of a meeting's all-day event; None when it is dated only to a month or year, or not at all."""
    return dt.date.fromisoformat(meeting.date) if meeting.date and len(meeting.date) == 10 else None


def _ics_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """RFC 5545 lines are at most 75 octets; longer ones continue on lines that start with a space."""
    out, current = [], ""
    for char in line:
        if len((current + char).encode("utf-8")) > 75:
            out.append(current)
            current = " "
        current += char
    return "\r\n".join([*out, current])


def ics_chunks(meetings: Iterable[MeetingView], *, now: dt.datetime | None = None) -> Iterator[str]:
    """An all-day event per meeting dated to the day (a month or a year is not a calendar day)."""
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%SZ")
    yield _lines(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Briefing Bot//meetings//EN", "CALSCALE:GREGORIAN"])
    for m in meetings:
        if (day := calendar_day(m)) is None:
            continue
        who = ", ".join(p.name for p in m.participants)
        lines = [
            "BEGIN:VEVENT",
            f"UID:meeting-{m.id}@briefing-bot",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_ics_text(m.label or who)}",
            f"DESCRIPTION:{_ics_text(who + ('. Topics: ' + ', '.join(t.name for t in m.topics) if m.topics else ''))}",
        ]
        if m.place:
            lines.append(f"LOCATION:{_ics_text(m.place)}")
        lines.append("END:VEVENT")
        yield _lines(lines)
    yield _lines(["END:VCALENDAR"])


def _lines(lines: list[str]) -> str:
    return "".join(_fold(line) + "\r\n" for line in lines)


CHUNKS: dict[str, Callable[[Iterable[MeetingView]], Iterator[str]]] = {
    "json": json_chunks, "csv": csv_chunks, "ics": ics_chunks}


def to_json(meetings: Iterable[MeetingView]) -> str:
    return "".join(json_chunks(meetings))


def to_csv(meetings: Iterable[MeetingView]) -> str:
    return "".join(csv_chunks(meetings))


def to_ics(meetings: Iterable[MeetingView], *, now: dt.datetime | None = None) -> str:
    return "".join(ics_chunks(meetings, now=now))
