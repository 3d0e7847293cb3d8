"""The command core: a command line or a button's data in, a `Reply` out.

Shared by Telegram, the console chat and `briefing ask`; nothing here knows about Telegram.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Engine

from bot.core import buttons, registry
from bot.core.access import refusal
from bot.core.admin import AdminCommands
from bot.core.buttons import ArticlesPage, DeleteArticle, Follow, LatestPage, PersonPage, SearchPage, TopicPage
from bot.core.export import CHUNKS, CalendarTally
from bot.core.lookup import Lookup
from bot.core.matching import Resolution
from bot.core.plural import counted, noun
from bot.core.reader import MAX_PAGE, MAX_SEARCH, PAGE, ReaderCommands
from bot.core.render import clip, esc, human_date
from bot.core.replies import CONSOLE, Attachment, Caller, Reply
from bot.core.subscribing import SubscriptionCommands
from knowledge import KnowledgeBase
from storage import queries, sentence_search
from storage.db import session_scope

__all__ = ["MAX_PAGE", "CommandCore"]

MAX_EXPORT_BYTES = 50 * 2**20  # the largest file the Bot API lets a bot send


class CommandCore:
    """Dispatches commands and button presses to the reader, subscription and admin commands."""

    def __init__(self, engine: Engine, knowledge: KnowledgeBase, *, today: Callable[[], dt.date] | None = None,
                 now: Callable[[], dt.datetime] | None = None, digest_time: str = "08:00",
                 timezone: str = "UTC") -> None:
        self.engine = engine
        self.now = now or (lambda: dt.datetime.now(dt.UTC))
        self.lookup = Lookup(engine, knowledge, today or (lambda: self.now().date()))
        self.reader = ReaderCommands(engine, self.lookup)
        self.subscriptions = SubscriptionCommands(engine, self.lookup, digest_time=digest_time, timezone=timezone,
                                                  now=self.now)
        self.admin = AdminCommands(engine, self.now)

    def handle(self, line: str, caller: Caller = CONSOLE) -> Reply:
        """Dispatch `/command args`; words without a slash are looked up as the reader most likely means them."""
        line = line.strip()
        if not line.startswith("/"):
            return self.look_up(line)
        name, _, args = line[1:].partition(" ")
        command = registry.find(name)
        if command is None or command.answer is None:
            return Reply(f"Unknown command /{esc(registry.command_name(name)[:40])}. Send /help for the list.")
        if (refused := refusal(command.access, caller, f"/{command.name}")) is not None:
            return refused
        return command.answer(self, args.strip(), caller)

    def press(self, data: str, caller: Caller = CONSOLE) -> Reply:
        """Answer a button press; stale or forged data gets a clear message, never an error."""
        action = buttons.decode(data)
        if action is not None and (refused := refusal(action.access, caller, f"button {data}")) is not None:
            return refused
        match action:
            case LatestPage(offset, size, full):
                size = PAGE if size is None else min(MAX_PAGE, max(1, size))
                return self.reader.latest_page(limit=size, offset=max(0, offset), full=full)
            case PersonPage(person_id, offset, full):
                return self.reader.person_page(person_id, offset=max(0, offset), full=full)
            case TopicPage(topic_id, offset, full):
                return self.reader.topic_page(topic_id, offset=max(0, offset), full=full)
            case SearchPage(search_id, offset):
                return self.reader.search_page(search_id, offset=max(0, offset))
            case Follow(on, kind, target_id):
                return self.subscriptions.set_follow(caller, kind, target_id, on=on)
            case ArticlesPage(offset):
                return self.admin.articles_page(max(0, offset), caller)
            case DeleteArticle(article_id, confirmed):
                return self.admin.confirm_delete(article_id, confirmed=confirmed, caller=caller)
            case _:
                return Reply(buttons.STALE)

    def start(self, _args: str = "", caller: Caller = CONSOLE) -> Reply:
        with session_scope(self.engine) as session:
            summary = queries.store_summary(session)
        if summary.meetings:
            known = (f"I know {_bold(summary.meetings, 'meeting')} of {_bold(summary.people, 'official')} "
                     f"from {_bold(summary.articles, 'article')}, "
                     f"{esc(human_date(summary.first_date))} to {esc(human_date(summary.last_date))}.")
        else:
            known = f"No meetings stored yet ({counted(summary.articles, 'article')})."
        intro = ("<b>Briefing Bot</b> tracks meetings between Russian and Chinese officials: "
                 "who met whom, when, where and about what, with the sentence that says so.")
        return Reply(f"{intro}\n{known}\n\n{registry.help_text(caller.front_end, admin=caller.is_admin)}")

    def look_up(self, text: str) -> Reply:
        """Plain words, as an analyst types them: a person's name, else a topic meetings discussed, else an
        office ("defence minister"), else the article sentences.

        A topic comes before an office: "ukraine" means the war more often than Ukraine's president. The reply
        opens with the command that answered, so the reader learns the command for next time.
        """
        query = " ".join(text.split())
        if not query or len(query) > MAX_SEARCH:
            return Reply("Commands start with a slash, e.g. <code>/latest</code>; a name, a topic or a few words "
                         "without one are looked up. Send /help for the list.")
        person, topics = self.lookup.person(query), self.lookup.topic(query)
        if person.resolution.status != "none" and person.role_title is None:
            command, answer = "who", self.reader.who
        elif self._discussed(topics):
            command, answer = "topic", self.reader.topic
        elif person.resolution.status != "none":
            command, answer = "who", self.reader.who
        elif self._mentioned(query):
            command, answer = "search", self.reader.search
        elif topics.status == "one":  # a topic no meeting discussed yet: saying so beats "no match"
            command, answer = "topic", self.reader.topic
        else:
            return Reply(f"No person, topic or article sentence matches “{esc(clip(query, 60))}”. "
                         "Send /help for the commands.")
        reply = answer(query)
        return Reply(f"<i>Answered as /{command} {esc(clip(query, 60))}</i>\n{reply.html}", reply.buttons,
                     reply.document)

    def _discussed(self, topics: Resolution) -> bool:
        """Whether the words name topics and, when they name one, some meeting discussed it."""
        if topics.status != "one":
            return topics.status == "several"
        with session_scope(self.engine) as session:
            return queries.meetings_with_topic(session, topic_id=int(topics.matches[0].target), limit=1,
                                               offset=0).total > 0

    def _mentioned(self, query: str) -> bool:
        with session_scope(self.engine) as session:
            return bool(sentence_search.search_sentences(session, text=query, limit=1).hits)

    def export(self, args: str, _caller: Caller) -> Reply:
        fmt = (args.split() or ["json"])[0].lower()
        if fmt not in CHUNKS:
            return Reply("Export as <code>/export json</code>, <code>/export csv</code> or <code>/export ics</code>.")
        parts: list[bytes] = []
        size = 0
        tally = CalendarTally()
        with session_scope(self.engine) as session:
            count = queries.meeting_count(session)
            for chunk in CHUNKS[fmt](tally.count(queries.each_meeting(session))):
                parts.append(chunk.encode("utf-8"))
                size += len(parts[-1])
                if size > MAX_EXPORT_BYTES:
                    return Reply(f"The export of {counted(count, 'meeting')} is larger than the "
                                 f"{MAX_EXPORT_BYTES // 2**20} MB Telegram lets a bot send. On the server, "
                                 f"<code>briefing export --format {fmt}</code> writes it whole.")
        text = esc(tally.summary()) if fmt == "ics" else f"{counted(count, 'meeting')} as {fmt.upper()}."
        if fmt == "ics" and tally.left_out:
            text += " <code>/export json</code> and <code>/export csv</code> hold every meeting."
        return Reply(text, document=Attachment(f"meetings.{fmt}", b"".join(parts)))


def _bold(number: int, singular: str) -> str:
    """"<b>11</b> meetings": the figure stands out, the noun agrees with it."""
    return f"<b>{number:,}</b> {noun(number, singular)}"
