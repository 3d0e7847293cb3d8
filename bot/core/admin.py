"""Admin commands: /articles, /delete (with a confirmation button), /stats, and adding an article: who may, what
may be added, and the report of what was found."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from bot.core import registry
from bot.core.access import refusal
from bot.core.buttons import ArticlesPage, DeleteArticle, button
from bot.core.plural import counted
from bot.core.render import clip, esc, human_date, meeting_date
from bot.core.replies import Caller, Reply
from bot.services.ingest import ArticleInput, Ingestor, IngestResult, UnreadableUpload, parse_caption, suffix_problem
from storage import articles, inbox, queries
from storage import subscriptions as subs
from storage.db import session_scope
from storage.errors import DuplicateArticle
from storage.writes import delete_article

if TYPE_CHECKING:
    from bot.services.fetch import FetchError

ARTICLES_PAGE = 10
PUBLISHED_HOW = {"given": "as given", "byline": "from the byline", "url": "from the page's address",
                 "dateline": "from the dateline", "assumed": "not stated"}


class AdminCommands:
    def __init__(self, engine: Engine, now: Callable[[], dt.datetime]) -> None:
        self.engine, self.now = engine, now

    def articles(self, args: str, caller: Caller) -> Reply:
        return self.articles_page(0, caller)

    def articles_page(self, offset: int, caller: Caller) -> Reply:
        with session_scope(self.engine) as session:
            rows, total = articles.list_articles(session, limit=ARTICLES_PAGE, offset=offset)
        if not total:
            return Reply("No articles yet. Send a .txt, .md, .html or .pdf file to add one.")
        lines = [f"<b>Articles</b> ({offset + 1}–{offset + len(rows)} of {total}), newest published first"]
        for row in rows:
            when = row.published.isoformat() if row.published else "date unknown"
            lines.append(f"#{row.id} · {when} · {esc(clip(row.title or 'untitled', 80))}"
                         + (f" · {esc(row.outlet)}" if row.outlet else "") + f" · {counted(row.meetings, 'meeting')}")
        buttons = []
        if offset > 0:
            buttons.append(button("◀ Newer", ArticlesPage(max(0, offset - ARTICLES_PAGE))))
        if offset + len(rows) < total:
            buttons.append(button("Older ▶", ArticlesPage(offset + len(rows))))
        lines.append("/delete ID removes one with its meetings.")
        return Reply("\n".join(lines), (tuple(buttons),) if buttons else ())

    def delete(self, args: str, caller: Caller) -> Reply:
        word = args.strip().lstrip("#")
        if not word.isdigit():
            return Reply("Which article? e.g. <code>/delete 12</code> (see /articles for ids).")
        with session_scope(self.engine) as session:
            article = articles.get_article(session, article_id=int(word))
            title = article.title if article else None
        if article is None:
            return Reply(f"There is no article #{esc(word)}. /articles lists them.")
        return Reply(
            f"Delete article #{article.id} “{esc(clip(title or 'untitled', 80))}” and the meetings only it reports?",
            ((button("Delete", DeleteArticle(article.id or 0, confirmed=True)),
              button("Keep", DeleteArticle(article.id or 0, confirmed=False))),),
        )

    def confirm_delete(self, article_id: int, *, confirmed: bool, caller: Caller) -> Reply:
        if not confirmed:
            return Reply(f"Kept article #{article_id}.")
        with session_scope(self.engine) as session:
            removed = delete_article(session, article_id=article_id)
        if removed is None:
            return Reply(f"Article #{article_id} was already gone.")
        return Reply(f"Deleted article #{article_id} and {counted(removed, 'meeting')} only it reported.")

    def stats(self, _args: str, caller: Caller) -> Reply:
        with session_scope(self.engine) as session:
            summary = queries.store_summary(session)
            day_ago = self.now() - dt.timedelta(days=1)
            counts = subs.subscriber_counts(session, since=day_ago)
            received = inbox.received_since(session, since=day_ago)
        return Reply("\n".join([
            "<b>Statistics</b>",
            f"Articles: {summary.articles}",
            f"Meetings: {summary.meetings} ({esc(human_date(summary.first_date))} to "
            f"{esc(human_date(summary.last_date))})",
            f"People at meetings: {summary.people}",
            f"Subscribers: {counts.active} active ({counts.with_alerts} with alerts, {counts.following} following "
            f"someone or something); {counts.stopped} stopped (unsubscribed or blocked the bot)",
            f"Chats that follow without subscribing: {counts.only_following}",
            f"Alerts and digests delivered in the last 24 hours: {counts.delivered}",
            f"Messages and taps received from chats in the last 24 hours: {received}",
        ]))


@dataclass(frozen=True)
class ToAdd:
    """An upload or `/add URL` an admin may make: the page's address (a caption may give it) and the publication
    date they gave, if any."""

    url: str | None
    published: dt.date | None


def may_add(caller: Caller, how: str) -> Reply | None:
    """The gate every way of adding an article passes before anything is downloaded: /add's access (bot admins),
    refused in the words every admin command uses."""
    return refusal(registry.BY_NAME["add"].access, caller, how)


def upload_to_add(caller: Caller, *, filename: str, size: int | None, max_mb: float, caption: str) -> ToAdd | Reply:
    """What a sent file adds, or why it will not be added: checked before it is downloaded."""
    if (refused := may_add(caller, "upload")) is not None:
        return refused
    if (problem := suffix_problem(filename)) is not None:
        return Reply(esc(problem) + ".")
    if size and size > max_mb * 1048576:
        return Reply(f"That file is {size / 1048576:.1f} MB; the limit is {max_mb:g} MB.")
    published, url, problem = parse_caption(caption)
    return Reply(esc(problem)) if problem else ToAdd(url, published)


def page_to_add(args: str, caller: Caller) -> ToAdd | Reply:
    """`/add URL [published: YYYY-MM-DD]` in Telegram: the page to fetch, or why there is none."""
    if (refused := may_add(caller, "/add")) is not None:
        return refused
    words = args.split()
    if not words:
        return Reply("Which page? e.g. <code>/add https://example.org/news/talks.html</code>")
    published, _, problem = parse_caption(" ".join(words[1:]))
    return Reply(esc(problem)) if problem else ToAdd(words[0], published)


def could_not_fetch(error: FetchError) -> Reply:
    return Reply(f"I could not add that page: {esc(error)}.")


def add_article(ingestor: Ingestor, article: ArticleInput, caller: Caller) -> tuple[Reply, IngestResult | None]:
    """Store an upload, a fetched page or a named file and say what became of it, in Telegram and the
    console alike; the result when it was stored (its subscribers are then due an alert)."""
    added_by = "console" if caller.front_end == "console" else f"telegram:{caller.user_id}"
    source = article.filename or article.url or "the article"
    try:
        result = ingestor.add(replace(article, added_by=added_by))
    except UnreadableUpload as error:
        return Reply(f"I could not add {esc(source)}: {esc(error)}."), None
    except DuplicateArticle as error:
        return duplicate_report(error), None
    return ingest_report(result), result


def ingest_report(result: IngestResult) -> Reply:
    """What an admin sees after adding an article: its meetings and every warning."""
    stored = result.stored
    when = stored.published.isoformat() if stored.published else "unknown"
    lines = [f"Added article #{stored.article_id}: {esc(clip(stored.title or 'untitled', 120))}",
             f"Published {when} ({PUBLISHED_HOW.get(stored.published_source, stored.published_source)})."]
    if result.meetings:
        lines.append(f"\n<b>{counted(len(result.meetings), 'meeting')} found</b> "
                     f"({len(stored.new_meeting_ids)} new):")
        for m in result.meetings:
            who = ", ".join(esc(p.name) for p in m.participants)
            where = f" · {esc(m.place)}" if m.place else ""
            topics = f" · {', '.join(esc(t.name) for t in m.topics)}" if m.topics else ""
            lines.append(f"• {esc(meeting_date(m))}{where} · {who}{topics}")
    for warning in result.warnings:
        lines.append(f"⚠ {esc(warning)}")
    return Reply("\n".join(lines))


def duplicate_report(error: DuplicateArticle) -> Reply:
    when = error.published.isoformat() if error.published else "an unknown date"
    return Reply(f"Already stored as article #{error.article_id} (published {when}): nothing changed.")
