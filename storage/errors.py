"""Domain errors raised deep in storage and turned into a friendly reply at the edge."""

from __future__ import annotations

import datetime as dt


class DuplicateArticle(Exception):
    """The same text (whatever its encoding or whitespace) is already stored."""

    def __init__(self, article_id: int, published: dt.date | None, title: str | None) -> None:
        self.article_id, self.published, self.title = article_id, published, title
        when = published.isoformat() if published else "an unknown date"
        super().__init__(f"already stored as article #{article_id} (published {when})")


class StoreUnavailable(Exception):
    """The database named by the settings cannot be opened or created (a read-only folder, not SQLite...)."""


class SchemaTooNew(Exception):
    """The store's schema is at a revision this version's migrations do not have: a newer version upgraded it."""

    def __init__(self, revision: str | None, newest: str | None) -> None:
        self.revision, self.newest = revision, newest
        super().__init__(f"schema {revision}, this version knows up to {newest}")
