"""Reads about articles themselves: how many there are, their ids, the /articles listing and titles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, func, select

from storage.db import direct_rows, json_list
from storage.models import ArticleRow, MeetingSourceRow
from storage.queries import kept_count


def article_count(session: Session) -> int:
    return kept_count(session, "article")


def article_ids(session: Session) -> list[int]:
    """Every article id, oldest first (re-extraction walks them one transaction at a time)."""
    return [i for i in session.exec(select(ArticleRow.id).order_by(col(ArticleRow.id))) if i is not None]


@dataclass(frozen=True)
class ArticleListing:
    """One line of /articles: an article and how many meetings it reports."""

    id: int
    title: str | None
    outlet: str | None
    published: dt.date | None
    meetings: int


def list_articles(session: Session, *, limit: int, offset: int = 0) -> tuple[list[ArticleListing], int]:
    """Articles, newest published first (undated last, ties newest added first), with how many meetings each
    reports; and the total. The page comes from walking the index on `published`, then its counts."""
    page = session.exec(
        select(ArticleRow.id, ArticleRow.title, ArticleRow.outlet, ArticleRow.published)
        .order_by(col(ArticleRow.published).desc(), col(ArticleRow.id).desc())
        .limit(limit)
        .offset(offset)
    ).all()
    ids = [row[0] for row in page]
    counts = dict(session.exec(
        select(MeetingSourceRow.article_id, func.count())
        .where(col(MeetingSourceRow.article_id).in_(ids))
        .group_by(col(MeetingSourceRow.article_id))
    ).all()) if ids else {}
    return [ArticleListing(*row, meetings=counts.get(row[0], 0)) for row in page], article_count(session)


def get_article(session: Session, *, article_id: int) -> ArticleRow | None:
    return session.get(ArticleRow, article_id)


def article_titles(session: Session, *, article_ids: list[int]) -> list[str | None]:
    """The titles of these articles, in the order given; deleted ones are left out."""
    titles = dict(direct_rows(session, "SELECT id, title FROM article WHERE id IN (SELECT value FROM json_each(?))",
                              json_list(article_ids)))
    return [titles[i] for i in article_ids if i in titles]
