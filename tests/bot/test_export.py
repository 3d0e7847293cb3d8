"""Exports: the JSON shape the scorer reads, CSV a spreadsheet opens, ICS a calendar imports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from bot.export import to_csv, to_ics, to_json
from storage.queries import MeetingView, ParticipantView, SourceView, TopicView


def view(**overrides) -> MeetingView:
    values = {
        "id": 7, "date": "2025-12-02", "place": "Moscow", "kind": "meeting", "label": "Consultations, round 20",
        "participants": (ParticipantView(1, "Sergei Shoigu", "Secretary", "Russia"),
                         ParticipantView(2, "Wang Yi", None, "China")),
        "topics": (TopicView(3, "Taiwan", "Shoigu confirmed support on Taiwan."),),
        "sources": (SourceView(4, "Title", "https://example.org/a", "Izvestia", dt.date(2025, 12, 2), "They met."),),
    }
    values.update(overrides)
    return MeetingView(**values)


def test_json_has_exactly_the_documented_shape():
    [meeting] = json.loads(to_json([view()]))["meetings"]
    assert set(meeting) >= {"id", "date", "place", "kind", "label", "participants", "topics", "sources"}
    assert meeting["participants"][0] == {"name": "Sergei Shoigu", "role": "Secretary", "country": "Russia"}
    assert meeting["topics"] == [{"name": "Taiwan", "quote": "Shoigu confirmed support on Taiwan."}]
    assert meeting["sources"] == [{"article_id": 4, "title": "Title", "url": "https://example.org/a",
                                   "published": "2025-12-02", "quote": "They met."}]


def test_csv_has_a_header_and_a_row_per_meeting():
    rows = list(csv.reader(io.StringIO(to_csv([view(), view(id=8, date=None)]))))
    assert rows[0][:3] == ["id", "date", "place"]
    assert rows[1][5] == "Sergei Shoigu (Secretary); Wang Yi"
    assert rows[2][1] == ""


def test_ics_has_an_event_per_day_dated_meeting_only():
    text = to_ics([view(), view(id=8, date="2025-05"), view(id=9, date=None)])
    assert text.count("BEGIN:VEVENT") == 1
    assert "DTSTART;VALUE=DATE:20251202" in text
    assert "SUMMARY:Consultations\\, round 20" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
