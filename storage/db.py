"""One engine per database, SQLite tuned for a bot that reads and writes at once, and migrations."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, Row, Select, event, inspect
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlmodel import Session, SQLModel, create_engine

from storage.errors import SchemaTooNew

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def _tune_sqlite(dbapi_connection, _record) -> None:
    # WAL lets readers (commands) run while a writer (an upload) commits; the busy timeout
    # makes a second writer wait instead of failing; SQLite leaves foreign keys off by default.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # A checkpoint copies the log into the database and waits for the disk; at SQLite's default of every
    # 1,000 pages (about 13 articles) that wait was a sixth of an ingest. 4,000 pages (16 MB of log)
    # write each hot index page back once per ~50 articles, and readers do not notice.
    cursor.execute("PRAGMA wal_autocheckpoint=4000")
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
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    config.attributes["engine"] = engine
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision; a no-op when it is already there.

    Alembic is imported only when there is something to migrate: importing it takes about 0.2 s, most of
    the start-up of `briefing ask`, and a store already at the newest revision (every start but the first
    after an upgrade) is recognised by its alembic_version row alone. Raises SchemaTooNew for a revision
    this version's migrations do not have.
    """
    newest = newest_revision()
    if newest is not None and schema_revision(engine) == newest:
        return
    from alembic import command
    from alembic.util import CommandError

    try:
        command.upgrade(alembic_config(engine), "head")
    except CommandError as error:
        raise SchemaTooNew(schema_revision(engine), newest) from error


_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*([^#\n]*)", re.MULTILINE)


def newest_revision() -> str | None:
    """The newest revision this version's migrations know: the one no other migration revises.

    Read from the `revision` and `down_revision` lines of the migration files, as Alembic reads them but
    without importing it (see `migrate`); None when they do not name exactly one newest revision.
    """
    graph = _revision_graph()
    if graph is None:
        return None
    revisions, revised = graph
    heads = revisions - revised
    return heads.pop() if len(heads) == 1 else None


def known_revisions() -> frozenset[str]:
    """Every revision this version's migrations know: a store at any of them can be upgraded and used."""
    graph = _revision_graph()
    return frozenset(graph[0]) if graph else frozenset()


def _revision_graph() -> tuple[set[str], set[str]] | None:
    """(every revision, every revision some migration revises); None when a line cannot be read."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        for name, value in _REVISION_LINE.findall(path.read_text(encoding="utf-8")):
            try:
                parsed = ast.literal_eval(value.strip())
            except (ValueError, SyntaxError):
                return None
            if name == "revision":
                revisions.add(parsed)
            elif parsed is not None:
                revised.update((parsed,) if isinstance(parsed, str) else parsed)
    return revisions, revised


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


class DirectInsert:
    """An INSERT of chosen columns, run on SQLite's own connection inside the session's transaction.

    An ingest writes a hundred small rows per article, and SQLAlchemy's work per statement cost more
    than SQLite's. Values still pass through the column types' own converters, so dates and datetimes
    are stored exactly as the ORM writes and reads them. Many rows go in as one statement over a JSON
    array: FTS5 writes out its pending index at the end of every statement, so a row per statement
    made every sentence a segment of its own, the largest cost of an ingest.
    """

    _dialect = SQLiteDialect_pysqlite()

    def __init__(self, model: type[SQLModel], *columns: str) -> None:
        table = model.__table__  # type: ignore[attr-defined]
        names = ", ".join(f'"{c}"' for c in columns)
        self._one = f'INSERT INTO "{table.name}" ({names}) VALUES ({", ".join("?" * len(columns))})'
        picks = ", ".join(f"json_extract(value, '$[{i}]')" for i in range(len(columns)))
        self._many = f'INSERT INTO "{table.name}" ({names}) SELECT {picks} FROM json_each(?)'
        self._converters: list[tuple[int, Callable[[Any], Any]]] = [
            (i, convert) for i, c in enumerate(columns)
            if (convert := table.c[c].type.dialect_impl(self._dialect).bind_processor(self._dialect))]

    def one(self, session: Session, values: Sequence[object]) -> int:
        """Insert a row; its new rowid."""
        return _driver(session).execute(self._one, self._bound(values)).lastrowid or 0

    def many(self, session: Session, rows: Sequence[Sequence[object]]) -> None:
        """Insert rows in order, in one statement."""
        if rows:
            _driver(session).execute(self._many, (json_list([self._bound(r) for r in rows]),))

    def _bound(self, values: Sequence[object]) -> Sequence[object]:
        if not self._converters:
            return values
        bound = list(values)
        for i, convert in self._converters:
            bound[i] = convert(bound[i])
        return bound


def direct_rows(session: Session, sql: str, *params: object) -> list[tuple]:
    """Run a select written for SQLite on its own connection, in the session's transaction (see DirectInsert)."""
    return _driver(session).execute(sql, params).fetchall()


def json_list(values: Sequence[object]) -> str:
    """Values as one parameter, for `IN (SELECT value FROM json_each(?))` or `DirectInsert.many`."""
    return json.dumps(values, ensure_ascii=False)


_DRIVER = "sqlite3 connection"  # the key of `_driver`'s answer in `Session.info`


def _driver(session: Session) -> Any:
    """The sqlite3 connection under the session's, already in its transaction.

    Kept in the session for as long as its transaction lasts: an ingest runs about thirty statements, and
    asking SQLAlchemy for the connection each time cost a tenth of storing an article.
    """
    transaction = session.get_transaction()
    known = session.info.get(_DRIVER)
    if transaction is not None and known is not None and known[0] is transaction:
        return known[1]
    driver = session.connection().connection.driver_connection
    session.info[_DRIVER] = (session.get_transaction(), driver)
    return driver
