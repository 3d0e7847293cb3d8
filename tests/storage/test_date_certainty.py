"""A meeting's date that rests on a publication day its article does not give is stored as uncertain, with
the words that date it; a report that states the date makes it certain; stores made before learn it."""

from __future__ import annotations

import dataclasses

from alembic import command
from alembic.script import ScriptDirectory

from storage import queries
from storage.db import alembic_config, make_engine, migrate, session_scope
from tests.factories import extraction, meeting
from tests.storage.test_profile_counts import store


def unsure(date: str | None, said: str):
    return dataclasses.replace(meeting(date=date), date_certain=False, date_text=said)


def only_meeting(engine) -> queries.MeetingView:
    with session_scope(engine) as session:
        [view] = list(queries.each_meeting(session))
        return view


def test_an_uncertain_date_is_stored_with_the_words_that_date_it(engine):
    store(engine, extraction(unsure(None, "on Friday"), published=None))
    view = only_meeting(engine)
    assert (view.date, view.date_certain, view.date_text) == (None, False, "on Friday")


def test_a_date_the_article_states_is_stored_as_certain_with_no_words_kept(engine):
    store(engine, extraction(meeting(date="2025-12-02")))
    view = only_meeting(engine)
    assert (view.date, view.date_certain, view.date_text) == ("2025-12-02", True, "")


def test_a_later_report_that_states_the_day_makes_the_stored_date_certain(engine):
    store(engine, extraction(unsure("2025-12", "on Friday"), published=None, text="A report without a day."))
    store(engine, extraction(meeting(date="2025-12-05"), text="The readout of that meeting, dated."))
    view = only_meeting(engine)
    assert (view.date, view.date_certain, view.date_text) == ("2025-12-05", True, "")
    assert len(view.sources) == 2


def test_a_certain_report_of_the_same_month_replaces_the_uncertain_one(engine):
    store(engine, extraction(unsure("2025-12", "on Friday"), published=None, text="An undated page."))
    store(engine, extraction(meeting(date="2025-12"), text="A monthly review that names December."))
    view = only_meeting(engine)
    assert (view.date, view.date_certain, view.date_text) == ("2025-12", True, "")


def test_an_uncertain_report_leaves_a_stored_certain_meeting_as_it_was(engine):
    store(engine, extraction(meeting(date="2025-12-05"), text="The dated readout."))
    store(engine, extraction(unsure("2025-12", "on Friday"), published=None, text="An undated page."))
    with session_scope(engine) as session:
        views = list(queries.each_meeting(session))
    assert sorted((v.date, v.date_certain) for v in views) == [("2025-12", False), ("2025-12-05", True)]


def test_upgrading_marks_existing_meetings_certain_and_downgrading_drops_the_columns(db_url):
    engine = make_engine(db_url)
    config = alembic_config(engine)
    before = str(ScriptDirectory.from_config(config).get_revision("0017").down_revision)
    assert before == "0016"
    command.upgrade(config, before)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO rowcount (table_name, total) VALUES ('meeting', 0) "
                             "ON CONFLICT (table_name) DO NOTHING")
        conn.exec_driver_sql("INSERT INTO meeting (date, place, kind, label, agenda, created_at) "
                             "VALUES ('2024-05-16', 'Beijing', 'meeting', 'talks', '[]', '2024-05-16 10:00:00')")
    migrate(engine)
    with session_scope(engine) as session:
        [view] = list(queries.each_meeting(session))
        assert (view.date, view.place, view.date_certain, view.date_text) == ("2024-05-16", "Beijing", True, "")
    command.downgrade(config, before)
    with engine.begin() as conn:
        columns = [row[1] for row in conn.exec_driver_sql("PRAGMA table_info(meeting)")]
        assert {"date_certain", "date_text"}.isdisjoint(columns)
        assert conn.exec_driver_sql("SELECT place FROM meeting").scalar() == "Beijing"
        # the table was altered, not copied: its triggers (migration 0006) still count its rows
        conn.exec_driver_sql("INSERT INTO meeting (date, place, kind, label, agenda, created_at) "
                             "VALUES ('2024-05-17', 'Harbin', 'meeting', 'talks', '[]', '2024-05-17 10:00:00')")
        assert conn.exec_driver_sql("SELECT total FROM rowcount WHERE table_name = 'meeting'").scalar() == 2
    engine.dispose()
