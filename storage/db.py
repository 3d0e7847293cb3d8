"""One engine per database, SQLite tuned for a bot that reads and writes at once, and migrations."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, Row, Select, event, inspect
from sqlmodel import Session, create_engine

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def _tune_sqlite(dbapi_connection, _record) -> None:
    # WAL lets readers (commands) run while a writer (an upload) commits; the busy timeout
    # makes a second writer wait instead of failing; SQLite leaves foreign keys off by default.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


FTS_PREFIX = "sentence_fts"  # the search index of migration 0003, which no model describes


def managed_by_models(name: str | None, type_: str, _parents: object) -> bool:
    """Alembic's comparison filter: leave the FTS5 index and its shadow tables out of it."""
    return not (type_ == "table" and name and name.startswith(FTS_PREFIX))


def make_engine(url: str) -> Engine:
    """An engine for `url`; for a file database its folder is created first."""
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False} if url.startswith("sqlite") else {})
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _tune_sqlite)
    return engine


def alembic_config(engine: Engine) -> Config:
    """Alembic configured in code, so that an installed package needs no alembic.ini."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    config.attributes["engine"] = engine
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision; a no-op when it is already there."""
    command.upgrade(alembic_config(engine), "head")


def schema_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    if not inspect(engine).has_table("alembic_version"):
        return None
    with engine.connect() as conn:
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One unit of work: committed when the block ends, rolled back when it raises."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def core_rows(session: Session, statement: Select, **params: object) -> list[Row]:
    """Run a prepared select as plain Core on the session's connection: the hot paths (replies, ingest)
    run statements composed once, and the ORM's per-statement bookkeeping would cost more than SQLite."""
    return list(session.connection().execute(statement, params))
