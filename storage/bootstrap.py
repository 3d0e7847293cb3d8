"""Open a store ready for use: engine, schema at the newest migration, knowledge mirrored."""

from __future__ import annotations

from sqlalchemy import Engine

from extraction.knowledge import KnowledgeBase, default_knowledge
from storage.db import make_engine, migrate, session_scope
from storage.writes import sync_knowledge


def open_store(url: str, knowledge: KnowledgeBase | None = None) -> Engine:
    """Every front end starts here, so a new or old database is always usable."""
    engine = make_engine(url)
    migrate(engine)
    with session_scope(engine) as session:
        sync_knowledge(session, knowledge or default_knowledge())
    return engine
