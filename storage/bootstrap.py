"""Open a store ready for use: engine, schema at the newest migration, knowledge mirrored."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, make_url
from sqlalchemy.exc import ArgumentError

from extraction.knowledge import KnowledgeBase, default_knowledge, fingerprint
from storage.db import make_engine, migrate, session_scope
from storage.models import StoreMeta
from storage.writes import sync_knowledge

KNOWLEDGE_KEY = "knowledge_fingerprint"


def open_store(url: str, knowledge: KnowledgeBase | None = None) -> Engine:
    """Every front end starts here, so a new or old database is always usable.

    The bundled knowledge base is mirrored only when its files changed since the last start
    (the mirror is most of the start-up time); a knowledge base passed in is always mirrored.
    """
    engine = make_engine(url)
    migrate(engine)
    stamp = fingerprint() if knowledge is None else None
    with session_scope(engine) as session:
        stored = session.get(StoreMeta, KNOWLEDGE_KEY)
        if stamp is None or stored is None or stored.value != stamp:
            sync_knowledge(session, knowledge or default_knowledge())
            if stamp is not None:
                session.merge(StoreMeta(key=KNOWLEDGE_KEY, value=stamp))
    return engine


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
