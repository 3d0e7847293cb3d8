"""Exports: the JSON shape the scorer reads, CSV a spreadsheet opens, ICS a calendar imports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from bot.core import commands
from bot.core.commands import CommandCore
from bot.core.export import to_csv, to_ics, to_json
from knowledge import default_knowledge
from storage import queries
from storage.bootstrap import open_store
from storage.db import session_scope
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


def test_streamed_exports_read_every_meeting_in_order_a_batch_at_a_time(seeded_db_url, monkeypatch):
    engine = open_store(seeded_db_url)
    with session_scope(engine) as session:
        whole = [m.id for m in queries.each_meeting(session)]
        monkeypatch.setattr(queries, "_BATCH", 2)  # the seeds' 11 meetings in six batches
        streamed = [m["id"] for m in json.loads(to_json(queries.each_meeting(session)))["meetings"]]
        views = queries.meeting_views(session, meeting_ids=whole[::-1])  # a long list is read in batches too
    assert len(whole) == 11  # Putin and the US envoy are context, not a meeting
    assert streamed == whole
    assert [v.id for v in views] == whole[::-1]


def test_an_export_too_big_for_telegram_says_how_to_get_it(seeded_db_url, monkeypatch):
    core = CommandCore(open_store(seeded_db_url), default_knowledge())
    monkeypatch.setattr(commands, "MAX_EXPORT_BYTES", 4 * 2**10)
    refused = core.handle("/export json")
    assert refused.document is None
    assert "is larger than" in refused.html
    assert "briefing export --format json" in refused.html
    monkeypatch.setattr(commands, "MAX_EXPORT_BYTES", 50 * 2**20)
    sent = core.handle("/export json")
    assert sent.document is not None
    assert len(json.loads(sent.document.data)["meetings"]) == 11
