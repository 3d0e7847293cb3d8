"""Upgrading a store filled before the scope rule removes its meetings without both sides, counts exact."""

from __future__ import annotations

from alembic import command
from alembic.script import ScriptDirectory
from sqlmodel import select

from storage.db import alembic_config, migrate, session_scope
from storage.models import ArticleRow, MeetingRow, PersonRow
from tests.factories import extraction, meeting, participant
from tests.storage.test_profile_counts import LAVROV, ZHOU, assert_exact, store

PUTIN = participant("Vladimir Putin", "putin", "President of Russia", "Russia")
WITKOFF = participant("Steve Witkoff", "witkoff", "Special Envoy of the United States", "United States")
STRANGER = participant("Ivan Petrenko")  # not in the knowledge base, no country in the article


def test_upgrading_drops_meetings_without_a_russian_and_a_chinese_participant(engine):
    text = "Shoigu met Wang Yi. Putin met Witkoff. Lavrov met Petrenko. Lavrov met Zhou."
    store(engine, extraction(
        meeting(topics=("Taiwan",)),
        meeting(PUTIN, WITKOFF, date="2025-12-02", topics=("Ukraine",)),
        meeting(LAVROV, STRANGER, date="2025-11-01", topics=("Taiwan",)),
        meeting(LAVROV, ZHOU, WITKOFF, date="2025-10-01", topics=("Arctic",)),
        text=text))
    config = alembic_config(engine)
    before = ScriptDirectory.from_config(config).get_revision("0013").down_revision
    command.downgrade(config, str(before))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM meeting").scalar() == 4

    migrate(engine)

    with session_scope(engine) as session:
        kept = session.exec(select(MeetingRow.date)).all()
        assert sorted(d for d in kept if d) == ["2025-10-01", "2025-12-02"]  # Shoigu–Wang; Lavrov–Zhou (+Witkoff)
        assert session.exec(select(ArticleRow)).one().text == text  # the article stays, searchable
        assert {p.name for p in session.exec(select(PersonRow)).all()} >= {"Steve Witkoff", "Ivan Petrenko"}
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'Witkoff'").scalar()
    assert_exact(engine)
