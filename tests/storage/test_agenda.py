"""A meeting's agenda is stored, merged across reports, read back, and added to stores made before it."""

from __future__ import annotations

import dataclasses

from alembic import command
from alembic.script import ScriptDirectory
from sqlmodel import select

from storage import queries
from storage.db import alembic_config, make_engine, migrate, session_scope
from storage.models import MeetingRow
from tests.factories import extraction, meeting
from tests.storage.test_profile_counts import store


def with_agenda(*items: str):
    return dataclasses.replace(meeting(topics=("Taiwan",)), agenda=items)


def agenda_of_the_only_meeting(engine) -> tuple[str, ...]:
    with session_scope(engine) as session:
        [view] = list(queries.each_meeting(session))
        return view.agenda


def test_an_agenda_is_stored_and_read_back_in_its_words(engine):
    store(engine, extraction(with_agenda("preparations for the SCO summit", "ситуацию на Украине")))
    assert agenda_of_the_only_meeting(engine) == ("preparations for the SCO summit", "ситуацию на Украине")


def test_a_second_report_of_the_meeting_adds_only_the_items_it_is_first_to_say(engine):
    store(engine, extraction(with_agenda("trade", "the Arctic")))
    store(engine, extraction(with_agenda("The Arctic", "grain supplies"), text="Shoigu and Wang Yi met again."))
    assert agenda_of_the_only_meeting(engine) == ("trade", "the Arctic", "grain supplies")


def test_upgrading_gives_existing_meetings_an_empty_agenda_and_downgrading_drops_it(db_url):
    engine = make_engine(db_url)
    config = alembic_config(engine)
    before = str(ScriptDirectory.from_config(config).get_revision("0016").down_revision)
    command.upgrade(config, before)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO meeting (date, place, kind, label, created_at) "
                             "VALUES ('2025-12-02', 'Moscow', 'meeting', 'talks', '2025-12-02 10:00:00')")
    migrate(engine)
    with session_scope(engine) as session:
        assert session.exec(select(MeetingRow.agenda)).all() == ["[]"]
        assert [v.agenda for v in queries.each_meeting(session)] == [()]
    command.downgrade(config, before)
    with engine.connect() as conn:
        columns = [row[1] for row in conn.exec_driver_sql("PRAGMA table_info(meeting)")]
        assert "agenda" not in columns
        assert conn.exec_driver_sql("SELECT place FROM meeting").scalar() == "Moscow"
    engine.dispose()
