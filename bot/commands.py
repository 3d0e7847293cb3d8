"""The command core: text in, `Reply` out. Shared by Telegram, the console chat and `briefing ask`.

Nothing here knows about Telegram; each command parses its arguments, runs one or two queries
in a short session and renders the result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Engine

from bot.matching import Entry, Resolution, resolve
from bot.render import clip, counted, esc, human_date, meeting_block
from bot.replies import Button, Reply
from extraction.knowledge import KnowledgeBase
from storage import queries
from storage.db import session_scope

DEFAULT_LATEST = 5
MAX_PAGE = 20  # meetings in one message; more are a button away
PAGE = 5
MAX_QUERY = 200  # characters of a name or topic worth matching

HELP = """\
<b>Commands</b>
/latest [N] — the N newest meetings (default 5), e.g. <code>/latest 3</code>
/who NAME — a person's meetings, counterparts and topics, e.g. <code>/who Shoigu</code>, \
<code>/who шойгу</code>, <code>/who security chief</code>
/topic NAME — meetings where a topic came up, e.g. <code>/topic Taiwan</code>
/help — this list"""


class CommandCore:
    """Turns a command line (`/who shoygu`) or a button's data into a reply."""

    def __init__(self, engine: Engine, knowledge: KnowledgeBase,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        self.engine, self.knowledge, self.today = engine, knowledge, today
        self._commands: dict[str, Callable[[str], Reply]] = {
            "start": self.start, "help": self.help, "latest": self.latest, "who": self.who, "topic": self.topic,
        }

    def handle(self, line: str) -> Reply:
        """Dispatch `/command args`; anything else gets a pointer to /help."""
        line = line.strip()
        if not line.startswith("/"):
            return Reply("Commands start with a slash, e.g. <code>/latest</code>. Send /help for the list.")
        name, _, args = line[1:].partition(" ")
        name = name.split("@", 1)[0].lower()  # /who@BriefingBot in groups
        command = self._commands.get(name)
        if command is None:
            return Reply(f"Unknown command /{esc(name)}. Send /help for the list.")
        return command(args.strip())

    def press(self, data: str) -> Reply:
        """Answer a button press; stale or forged data gets a clear message, never an error."""
        kind, _, rest = data.partition(":")
        try:
            numbers = [int(x) for x in rest.split(":")] if rest else []
            if kind == "L" and len(numbers) == 1:
                return self._latest_page(limit=PAGE, offset=max(0, numbers[0]))
            if kind == "W" and len(numbers) == 2:
                return self._person_page(numbers[0], offset=max(0, numbers[1]))
            if kind == "T" and len(numbers) == 2:
                return self._topic_page(numbers[0], offset=max(0, numbers[1]))
        except ValueError:
            pass
        return Reply("That button is no longer valid. Send the command again.")

    # /start and /help ------------------------------------------------------------------

    def start(self, _args: str = "") -> Reply:
        with session_scope(self.engine) as session:
            summary = queries.store_summary(session)
        if summary.meetings:
            known = (f"I know <b>{summary.meetings}</b> meetings of <b>{summary.people}</b> officials "
                     f"from <b>{summary.articles}</b> articles, "
                     f"{esc(human_date(summary.first_date))} to {esc(human_date(summary.last_date))}.")
        else:
            known = f"No meetings stored yet ({summary.articles} articles)."
        intro = ("<b>Briefing Bot</b> tracks meetings between Russian and Chinese officials: "
                 "who met whom, when, where and about what, with the sentence that says so.")
        return Reply(f"{intro}\n{known}\n\n{HELP}")

    help = start

    # /latest -----------------------------------------------------------------------------

    def latest(self, args: str) -> Reply:
        if not args:
            return self._latest_page(limit=DEFAULT_LATEST, offset=0)
        try:
            count = int(args.split()[0])
        except ValueError:
            return Reply(f"/latest takes a number of meetings, e.g. <code>/latest 3</code>; "
                         f"“{esc(clip(args, 40))}” is not a number.")
        if count < 1:
            return Reply("Ask for at least one meeting, e.g. <code>/latest 3</code>.")
        note = f"(Showing {MAX_PAGE}, the most one message holds.)\n" if count > MAX_PAGE else ""
        reply = self._latest_page(limit=min(count, MAX_PAGE), offset=0)
        return Reply(note + reply.html, reply.buttons)

    def _latest_page(self, *, limit: int, offset: int) -> Reply:
        with session_scope(self.engine) as session:
            page = queries.latest_meetings(session, limit=limit, offset=offset)
        if not page.total:
            return Reply("No meetings stored yet. An admin can add articles.")
        if not page.items:
            return Reply("No older meetings.")
        title = f"<b>Latest meetings</b> ({offset + 1}–{offset + len(page.items)} of {page.total})"
        return self._paged(title, page, lambda o: f"L:{o}")

    # /who --------------------------------------------------------------------------------

    def who(self, args: str) -> Reply:
        query = " ".join(args.split())
        if not query:
            return Reply("Whose meetings? e.g. <code>/who Shoigu</code>, <code>/who Wang Yi</code>, "
                         "<code>/who Russia's security chief</code>.")
        if len(query) > MAX_QUERY:
            return Reply(f"That name is too long ({len(query)} characters); try a surname.")
        with session_scope(self.engine) as session:
            names = queries.person_names(session)
            resolution = resolve(query, [Entry(n.target_id, n.canonical, n.spelling) for n in names])
            role_note = ""
            if resolution.status != "one" or resolution.matches[0].score < 90:
                by_role = self._resolve_role(session, query)
                if by_role is not None:
                    resolution, role_note = by_role
        if resolution.status == "one":
            reply = self._person_page(int(resolution.matches[0].target), offset=0)
            return Reply(role_note + reply.html, reply.buttons) if role_note else reply
        return self._choices(resolution, query, what="person", prefix="W")

    def _resolve_role(self, session, query: str) -> tuple[Resolution, str] | None:
        """A role phrase ("Russia's security chief") means whoever holds the office today."""
        roles = resolve(query, [Entry(r.id, r.title, p) for r in self.knowledge.roles for p in (r.title, *r.phrases)])
        if roles.status != "one" or roles.matches[0].score < 90:
            return None
        role = self.knowledge.role(str(roles.matches[0].target))
        holders = self.knowledge.holders(role.id, self.today()) if role else []
        ids = queries.person_key_ids(session, keys=[p.id for p in holders])
        if not role or not ids:
            return None
        people = [p for p in holders if p.id in ids]
        note = f"“{esc(query)}” today: {esc(role.title)}, {', '.join(esc(p.name) for p in people)}.\n\n"
        matches = tuple(type(roles.matches[0])(ids[p.id], p.name, 100.0) for p in people)
        return Resolution("one" if len(matches) == 1 else "several", matches), note

    def _person_page(self, person_id: int, *, offset: int) -> Reply:
        with session_scope(self.engine) as session:
            person = queries.get_person(session, person_id=person_id)
            if person is None:
                return Reply("That person is no longer in the store.")
            page = queries.meetings_with_person(session, person_id=person_id, limit=PAGE, offset=offset)
            title_now = queries.person_title_on(session, person_id=person_id, on=self.today())
            partners = queries.counterparts(session, person_id=person_id)
            topics = queries.topics_of_person(session, person_id=person_id)
        head = [f"<b>{esc(person.name)}</b>" + (f" ({esc(person.country)})" if person.country else "")]
        if title_now:
            head.append(f"Now: {esc(title_now)}")
        if not page.total:
            head.append("No meetings stored for this person yet.")
            return Reply("\n".join(head))
        if offset == 0:
            if partners:
                head.append(f"Most frequent counterparts: {counted(partners)}")
            if topics:
                head.append(f"Most discussed topics: {counted(topics)}")
        head.append(f"\n<b>Meetings</b>, newest first ({offset + 1}–{offset + len(page.items)} of {page.total})")
        return self._paged("\n".join(head), page, lambda o: f"W:{person_id}:{o}")

    # /topic ------------------------------------------------------------------------------

    def topic(self, args: str) -> Reply:
        query = " ".join(args.split())
        if not query:
            return Reply("Which topic? e.g. <code>/topic Taiwan</code>, <code>/topic arms control</code>.")
        if len(query) > MAX_QUERY:
            return Reply(f"That topic is too long ({len(query)} characters); try a word or two.")
        with session_scope(self.engine) as session:
            names = queries.topic_names(session)
        resolution = resolve(query, [Entry(n.target_id, n.canonical, n.spelling) for n in names])
        if resolution.status == "one":
            return self._topic_page(int(resolution.matches[0].target), offset=0)
        if resolution.status == "none":
            found = self._text_fallback(query)
            if found is not None:
                return found
        return self._choices(resolution, query, what="topic", prefix="T")

    def _topic_page(self, topic_id: int, *, offset: int) -> Reply:
        with session_scope(self.engine) as session:
            topic = queries.get_topic(session, topic_id=topic_id)
            if topic is None:
                return Reply("That topic is no longer in the store.")
            page = queries.meetings_with_topic(session, topic_id=topic_id, limit=PAGE, offset=offset)
        if not page.total:
            return Reply(f"<b>{esc(topic.name)}</b>: no meeting in the store discussed it yet.")
        title = (f"<b>{esc(topic.name)}</b>: meetings where it came up, newest first "
                 f"({offset + 1}–{offset + len(page.items)} of {page.total})")
        quotes = {m.id: next((t.quote for t in m.topics if t.topic_id == topic_id), None) for m in page.items}
        return self._paged(title, page, lambda o: f"T:{topic_id}:{o}", quotes=quotes)

    def _text_fallback(self, query: str) -> Reply | None:
        """Outside the topic list: the article sentences that contain the words."""
        with session_scope(self.engine) as session:
            hits = queries.sentences_containing(session, text=query, limit=PAGE)
        if not hits:
            return None
        lines = [f"“{esc(query)}” is not one of my topics; sentences that mention it:"]
        lines += [f"• <i>«{esc(clip(h.sentence))}»</i> (article #{h.article_id}, "
                  f"{esc(h.published.isoformat() if h.published else 'date unknown')})" for h in hits]
        return Reply("\n".join(lines))

    # shared pieces -----------------------------------------------------------------------

    def _paged(self, title: str, page: queries.Page, data: Callable[[int], str], *,
               quotes: dict[int, str | None] | None = None) -> Reply:
        blocks = [meeting_block(m, quote=(quotes or {}).get(m.id)) for m in page.items]
        buttons: list[Button] = []
        if page.offset > 0:
            buttons.append(Button("◀ Newer", data(max(0, page.offset - PAGE))))
        if page.offset + len(page.items) < page.total:
            buttons.append(Button("Older ▶", data(page.offset + len(page.items))))
        return Reply("\n\n".join([title, *blocks]), (tuple(buttons),) if buttons else ())

    @staticmethod
    def _choices(resolution: Resolution, query: str, *, what: str, prefix: str) -> Reply:
        buttons = tuple((Button(m.canonical, f"{prefix}:{m.target}:0"),) for m in resolution.matches)
        if resolution.status == "several":
            names = ", ".join(esc(m.canonical) for m in resolution.matches)
            return Reply(f"Several {what}s match “{esc(query)}”: {names}. Which one?", buttons)
        if resolution.matches:
            names = ", ".join(esc(m.canonical) for m in resolution.matches)
            return Reply(f"No {what} matches “{esc(query)}”. Did you mean: {names}?", buttons)
        return Reply(f"No {what} matches “{esc(query)}”. Try another spelling or /help.")
