"""Reports merge into one stored meeting only on dates their articles state, never on an assumed one."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlmodel import func, select

from extraction import extract
from storage.db import session_scope
from storage.models import MeetingRow
from storage.writes import ArticleMeta, store_extraction
from tests.factories import extraction, meeting

ADDED = dt.date(2026, 12, 3)
CITIES = ("KHABAROVSK", "HARBIN", "VLADIVOSTOK", "BEIJING", "MOSCOW", "SHANGHAI")
MONTHS = ("Jan", "March", "May", "Aug", "Oct")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def _meetings(engine) -> int:
    with session_scope(engine) as session:
        return session.exec(select(func.count()).select_from(MeetingRow)).one()


def test_thirty_short_stories_added_on_one_day_stay_thirty_meetings(engine):
    """Each story has its own dateline and no year: none may borrow the day it was added."""
    stored = []
    for n in range(30):
        text = (f"{CITIES[n % 6]}, {MONTHS[n % 5]} {n + 1} (Reuters) - Russian Foreign Minister Sergei Lavrov "
                f"met Chinese Foreign Minister Wang Yi on {DAYS[n % 5]} to discuss trade.")
        result = extract(text, today=ADDED)
        assert [m.date for m in result.meetings] == [None]
        with session_scope(engine) as session:
            stored.append(store_extraction(session, result, ArticleMeta(filename=f"story{n}.txt")))
    assert len({s.meeting_ids for s in stored}) == 30
    assert _meetings(engine) == 30


def test_an_uncertain_date_never_merges_even_with_a_report_of_that_same_date(engine):
    with session_scope(engine) as session:
        store_extraction(session, extraction(meeting(date="2025-12"), text="A sure report."), ArticleMeta())
    unsure = dataclasses.replace(meeting(date="2025-12"), date_certain=False)
    with session_scope(engine) as session:
        store_extraction(session, extraction(unsure, text="A report with a guessed date."), ArticleMeta())
    assert _meetings(engine) == 2
