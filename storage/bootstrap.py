"""Open a store ready for use: engine, schema at the newest migration, knowledge mirrored."""

from __future__ import annotations

from sqlalchemy import Engine

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
