"""The schema comes from migrations, and the SQLite settings that protect data are on."""

from __future__ import annotations

from sqlalchemy import inspect

from storage.bootstrap import open_store
from storage.db import alembic_config, make_engine, managed_by_models, migrate, newest_revision, schema_revision


def test_migrations_build_every_table_from_empty(db_url):
    engine = make_engine(db_url)
    assert schema_revision(engine) is None
    migrate(engine)
    tables = set(inspect(engine).get_table_names())
    assert {"article", "sentence", "person", "personalias", "personrole", "meeting", "meetingparticipant",
            "topic", "topicsynonym", "meetingtopic", "meetingsource", "subscriber", "follow", "delivery",
            "broadcast", "storemeta"} <= tables
    assert schema_revision(engine) == newest_revision()


def test_migrating_twice_is_harmless(db_url):
    open_store(db_url).dispose()
    engine = open_store(db_url)
    assert schema_revision(engine) == newest_revision()


def test_an_older_database_is_upgraded_and_keeps_its_rows(db_url):
    from alembic import command

    engine = make_engine(db_url)
    command.upgrade(alembic_config(engine), "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO subscriber (chat_id, digest_time, timezone, alerts, active, created_at) "
                             "VALUES (42, '08:00', 'UTC', 1, 1, '2026-01-01 00:00:00')")
    migrate(engine)
    assert schema_revision(engine) == newest_revision()
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT chat_id FROM subscriber").scalar() == 42


def test_the_newest_revision_read_from_the_files_is_alembics_head(engine):
    """Start-up compares the store with it to skip importing Alembic; it must be the revision Alembic upgrades to."""
    from alembic.script import ScriptDirectory

    assert newest_revision() == ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def test_models_and_migrations_agree(engine):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": managed_by_models})
        assert compare_metadata(context, SQLModel.metadata) == []


def test_sqlite_runs_with_wal_busy_timeout_and_foreign_keys(engine):
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_the_knowledge_base_is_mirrored_again_only_when_its_files_change(db_url, monkeypatch):
    from sqlmodel import select

    from storage import bootstrap
    from storage.db import session_scope
    from storage.models import PersonRow

    open_store(db_url).dispose()
    calls = []
    monkeypatch.setattr(bootstrap, "sync_knowledge", lambda session, kb: calls.append(kb))
    open_store(db_url).dispose()
    assert calls == []  # unchanged files: no work at start-up
    monkeypatch.setattr(bootstrap, "fingerprint", lambda: "changed")
    engine = open_store(db_url)
    assert len(calls) == 1
    with session_scope(engine) as session:
        assert session.exec(select(PersonRow)).first() is not None


def test_folded_names_are_filled_in_for_people_stored_before_them_and_removed_without_loss(engine):
    from alembic import command

    from knowledge.spelling import spelling_key

    def people(conn) -> list[tuple]:
        return conn.exec_driver_sql("SELECT p.id, p.name, count(a.id) FROM person p "
                                    "JOIN personalias a ON a.person_id = p.id GROUP BY p.id ORDER BY p.id").all()

    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO person (name, folded) VALUES ('ЛИ  Вэй', '')")
        conn.exec_driver_sql("INSERT INTO personalias (person_id, alias) VALUES (last_insert_rowid(), 'ЛИ  Вэй')")
        before = people(conn)
    command.downgrade(alembic_config(engine), "0006")
    with engine.connect() as conn:
        assert people(conn) == before  # the aliases survive: the column went, not the table
    migrate(engine)
    with engine.connect() as conn:
        assert people(conn) == before
        folded = dict(conn.exec_driver_sql("SELECT name, folded FROM person").all())
    assert folded["ЛИ  Вэй"] == "ли вэй"
    assert all(f == spelling_key(name) for name, f in folded.items())
