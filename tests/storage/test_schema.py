"""The schema comes from migrations, and the SQLite settings that protect data are on."""

from __future__ import annotations

from sqlalchemy import inspect

from storage.bootstrap import open_store
from storage.db import make_engine, migrate, schema_revision


def test_migrations_build_every_table_from_empty(db_url):
    engine = make_engine(db_url)
    assert schema_revision(engine) is None
    migrate(engine)
    tables = set(inspect(engine).get_table_names())
    assert {"article", "sentence", "person", "personalias", "personrole", "meeting", "meetingparticipant",
            "topic", "topicsynonym", "meetingtopic", "meetingsource", "subscriber", "delivery"} <= tables
    assert schema_revision(engine) == "0001"


def test_migrating_twice_is_harmless(db_url):
    open_store(db_url).dispose()
    engine = open_store(db_url)
    assert schema_revision(engine) == "0001"


def test_sqlite_runs_with_wal_busy_timeout_and_foreign_keys(engine):
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
