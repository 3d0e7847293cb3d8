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
