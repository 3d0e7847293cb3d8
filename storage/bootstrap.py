"""Open a store ready for use: engine, schema at the newest migration, knowledge mirrored."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError

from knowledge import KnowledgeBase, default_knowledge, fingerprint
from storage import articles
from storage.db import make_engine, migrate, schema_revision, session_scope
from storage.errors import SchemaTooNew, StoreUnavailable
from storage.models import StoreMetaRow
from storage.writes import sync_knowledge

KNOWLEDGE_KEY = "knowledge_fingerprint"


def open_store(url: str, knowledge: KnowledgeBase | None = None) -> Engine:
    """Every front end starts here, so a new or old database is always usable.

    The bundled knowledge base is mirrored only when its files changed since the last start
    (the mirror is most of the start-up time); a knowledge base passed in is always mirrored.
    Raises StoreUnavailable, saying why in a sentence, when the database cannot be opened or created.
    """
    try:
        engine = make_engine(url)
    except OSError as error:  # its folder could not be created
        raise StoreUnavailable(f"cannot create the folder for the store {store_location(url)}: "
                               f"{(error.strerror or str(error)).lower()}") from error
    try:
        _prepare(engine, knowledge)
    except DatabaseError as error:
        raise StoreUnavailable(f"cannot use the store {store_location(url)}: {_why(error)}") from error
    except SchemaTooNew as error:
        raise StoreUnavailable(f"cannot use the store {store_location(url)}: a newer version of Briefing Bot has "
                               f"upgraded it ({error}); update this installation") from error
    return engine


def _prepare(engine: Engine, knowledge: KnowledgeBase | None) -> None:
    """The schema at the newest migration and the knowledge mirrored."""
    migrate(engine)
    stamp = fingerprint() if knowledge is None else None
    with session_scope(engine) as session:
        stored = session.get(StoreMetaRow, KNOWLEDGE_KEY)
        if stamp is None or stored is None or stored.value != stamp:
            sync_knowledge(session, knowledge or default_knowledge())
            if stamp is not None:
                session.merge(StoreMetaRow(key=KNOWLEDGE_KEY, value=stamp))


def check_store(url: str) -> int:
    """Read an existing store without changing it, as a health check beside a running bot: its article count.

    Raises StoreUnavailable when it cannot be opened or holds no schema yet (the bot has not started).
    """
    try:
        engine = make_engine(url)
    except OSError as error:
        raise StoreUnavailable(f"cannot reach the store {store_location(url)}: {(error.strerror or str(error)).lower()}"
                               ) from error
    try:
        if schema_revision(engine) is None:
            raise StoreUnavailable(f"the store {store_location(url)} has no tables yet: has the bot started?")
        with session_scope(engine) as session:
            return articles.article_count(session)
    except DatabaseError as error:
        raise StoreUnavailable(f"cannot use the store {store_location(url)}: {_why(error)}") from error
    finally:
        engine.dispose()


def _why(error: DatabaseError) -> str:
    """SQLite's reason, said for someone who has to fix the folder or the file."""
    reason = str(error.orig).lower()
    if "unable to open" in reason:
        return "its folder is missing or not writable by this user"
    if "readonly" in reason:
        return "the file or its folder is read-only for this user"
    if "not a database" in reason:
        return "the file is not an SQLite database"
    return str(error.orig)


def sqlite_file(url: str) -> Path | None:
    """The file a SQLite URL names, made absolute; None for another database, memory or an unparsable URL."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database).expanduser().absolute()


def store_location(url: str) -> str:
    """Where a store is, for a message: a SQLite file's path, else the URL without its password."""
    if (path := sqlite_file(url)) is not None:
        return str(path)
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url
