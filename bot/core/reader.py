"""Commands every reader has: /latest, /who, /topic, /search, and the pages behind their buttons."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from sqlalchemy import Engine

from bot.core.buttons import STALE, LatestPage, Paging, PersonPage, SearchPage, TopicPage, button
from bot.core.lookup import Lookup
from bot.core.matching import Resolution
from bot.core.render import clip, counted, esc, highlighted, human_date, meeting_blocks
from bot.core.replies import Button, Reply
from knowledge import KnowledgeBase
from storage import people_and_topics, queries, sentence_search
from storage.db import session_scope
from storage.search_terms import without_quotes

DEFAULT_LATEST = 5
MAX_PAGE = 20  # meetings in one message; more are a button away
PAGE = 5
MAX_QUERY = 200  # characters of a name or topic worth matching
MAX_SEARCH = 300
SEARCH_PAGE = 10  # sentences in one reply


class ReaderCommands:
    def __init__(self, engine: Engine, lookup: Lookup) -> None:
        self.engine, self.lookup = engine, lookup

    # /latest -----------------------------------------------------------------------------

    def latest(self, args: str) -> Reply:
        if not args:
            return self.latest_page(limit=DEFAULT_LATEST, offset=0)
        try:
            count = int(args.split()[0])
        except ValueError:
            return Reply(f"/latest takes a number of meetings, e.g. <code>/latest 3</code>; "
                         f"“{esc(clip(args, 40))}” is not a number.")
        if count < 1:
            return Reply("Ask for at least one meeting, e.g. <code>/latest 3</code>.")
        reply = self.latest_page(limit=min(count, MAX_PAGE), offset=0)
        if count <= MAX_PAGE:
            return reply
        with session_scope(self.engine) as session:
            stored = queries.meeting_count(session)
        if stored <= MAX_PAGE:  # every meeting is in this message: nothing was held back
            return reply
        return Reply(f"(Showing {MAX_PAGE}, the most one message holds; Older ▶ shows more.)\n" + reply.html,
                     reply.buttons)

    def latest_page(self, *, limit: int, offset: int, full: bool = False) -> Reply:
        with session_scope(self.engine) as session:
            page = queries.latest_meetings(session, limit=limit, offset=offset)
        if not page.total:
            return Reply("No meetings stored yet. An admin can add articles.")
        if not page.items:
            return Reply("No older meetings.")
        title = f"<b>Latest meetings</b> ({offset + 1}–{offset + len(page.items)} of {page.total})"
        return paged(title, page, LatestPage(offset, limit, full), size=limit, knowledge=self.lookup.knowledge)

    # /who --------------------------------------------------------------------------------

    def who(self, args: str) -> Reply:
        query = " ".join(args.split())
        if not query:
            return Reply("Whose meetings? e.g. <code>/who Shoigu</code>, <code>/who Wang Yi</code>, "
                         "<code>/who Russia's security chief</code>.")
        if len(query) > MAX_QUERY:
            return Reply(f"That name is too long ({len(query)} characters); try a surname.")
        found = self.lookup.person(query)
        if found.resolution.status == "several" and found.offices:  # "defence minister": one in each country
            held = "; ".join(f"{esc(found.offices[m.target])}, {esc(m.canonical)}" for m in found.resolution.matches)
            return Reply(f"“{esc(clip(query, 60))}” today: {held}. Which one?", _buttons(found.resolution, PersonPage))
        if found.resolution.status != "one":
            return choices(found.resolution, query, what="person", opens=PersonPage)
        match = found.resolution.matches[0]
        reply = self.person_page(int(match.target), offset=0)
        if found.role_title is None:
            return reply
        note = f"“{esc(query)}” today: {esc(found.role_title)}, {esc(match.canonical)}.\n\n"
        return Reply(note + reply.html, reply.buttons)

    def person_page(self, person_id: int, *, offset: int, full: bool = False) -> Reply:
        with session_scope(self.engine) as session:
            person = people_and_topics.get_person(session, person_id=person_id)
            if person is None:
                return Reply("That person is no longer in the store.")
            page = queries.meetings_with_person(session, person_id=person_id, limit=PAGE, offset=offset)
            title_now = people_and_topics.person_title_on(session, person_id=person_id, on=self.lookup.today())
            partners, topics = people_and_topics.person_profile(session, person_id=person_id)
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
        return paged("\n".join(head), page, PersonPage(person_id, offset, full),
                     knowledge=self.lookup.knowledge, subject=person_id, subject_title=title_now)

    # /topic ------------------------------------------------------------------------------

    def topic(self, args: str) -> Reply:
        query = " ".join(args.split())
        if not query:
            return Reply("Which topic? e.g. <code>/topic Taiwan</code>, <code>/topic arms control</code>.")
        if len(query) > MAX_QUERY:
            return Reply(f"That topic is too long ({len(query)} characters); try a word or two.")
        resolution = self.lookup.topic(query)
        if resolution.status != "one" and (within := self.lookup.topic_within(query)).status != "none":
            resolution = within
        if resolution.status == "one":
            return self.topic_page(int(resolution.matches[0].target), offset=0, typed=query)
        if resolution.status == "none":
            found = self._search(query, intro=f"“{esc(query)}” is not one of my topics; sentences that mention it:")
            if found is not None:
                return found
        return choices(resolution, query, what="topic", opens=TopicPage)

    def topic_page(self, topic_id: int, *, offset: int, full: bool = False, typed: str | None = None) -> Reply:
        """A page of the topic's meetings; with none yet, the sentences that mention what the reader `typed`."""
        with session_scope(self.engine) as session:
            topic = people_and_topics.get_topic(session, topic_id=topic_id)
            if topic is None:
                return Reply("That topic is no longer in the store.")
            page = queries.meetings_with_topic(session, topic_id=topic_id, limit=PAGE, offset=offset)
        if not page.total:
            none = f"<b>{esc(topic.name)}</b>: no meeting in the store discussed it yet."
            mention = f"{none} Sentences that mention “{esc(without_quotes(typed or ''))}”:"
            found = self._search(typed, intro=mention) if typed else None
            return found or Reply(none)
        title = (f"<b>{esc(topic.name)}</b>: meetings where it came up, newest first "
                 f"({offset + 1}–{offset + len(page.items)} of {page.total})")
        quotes = {m.id: next((t.quote for t in m.topics if t.topic_id == topic_id), None) for m in page.items}
        return paged(title, page, TopicPage(topic_id, offset, full), quotes=quotes,
                     knowledge=self.lookup.knowledge, topic=topic_id)

    # /search -----------------------------------------------------------------------------

    def search(self, args: str) -> Reply:
        query = " ".join(args.split())
        if not query:
            return Reply("Search for what? e.g. <code>/search missile defence</code>, "
                         "<code>/search \"strategic security\"</code> for a phrase.")
        if len(query) > MAX_SEARCH:
            return Reply(f"That search is too long ({len(query)} characters); try a few words.")
        found = self._search(query, intro=_searched(query))
        return found or Reply(f"No article sentence contains “{esc(without_quotes(query))}”.")

    def search_page(self, search_id: int, *, offset: int) -> Reply:
        """A later page of a search, from its "Older" button."""
        with session_scope(self.engine) as session:
            query = sentence_search.saved_search_text(session, search_id=search_id)
        if query is None:
            return Reply(STALE)
        found = self._search(query, intro=_searched(query, more=True), offset=offset)
        return found or Reply("No older sentences.")

    def _search(self, query: str, *, intro: str, offset: int = 0) -> Reply | None:
        """Sentences newest published first, a page at a time, with a button for older ones."""
        with session_scope(self.engine) as session:
            page = sentence_search.search_sentences(session, text=query, limit=SEARCH_PAGE, offset=offset)
            more = sentence_search.saved_search(session, text=query) if page.next_offset is not None else None
        if not page.hits:
            return None
        lines = [intro]
        lines += [f"• {highlighted(h.marked)} (article #{h.article_id}, "
                  f"{human_date(h.published)})" for h in page.hits]
        if more is None:
            return Reply("\n".join(lines))
        return Reply("\n".join(lines), ((button("Older ▶", SearchPage(more, page.next_offset)),),))


def _searched(query: str, *, more: bool = False) -> str:
    return f"Sentences with “{esc(without_quotes(query))}”, newest first{' (continued)' if more else ''}:"


def paged(title: str, page: queries.Page, shown: Paging, *,
          quotes: dict[int, str | None] | None = None, size: int = PAGE,
          knowledge: KnowledgeBase | None = None, subject: int | None = None,
          subject_title: str | None = None, topic: int | None = None) -> Reply:
    """A page of meetings with Newer/Older buttons and "Full details": the same page with full titles, every
    topic and whole quotes ("Short view" goes back); `shown` is the page shown, in the view shown."""
    full = shown.full
    blocks = meeting_blocks(page.items, quotes=quotes, full=full, knowledge=knowledge, subject=subject,
                            subject_title=subject_title, topic=topic)
    buttons: list[Button] = []
    if page.offset > 0:
        buttons.append(button("◀ Newer", replace(shown, offset=max(0, page.offset - size))))
    if page.offset + len(page.items) < page.total:
        buttons.append(button("Older ▶", replace(shown, offset=page.offset + len(page.items))))
    toggle = button("Short view" if full else "Full details", replace(shown, offset=page.offset, full=not full))
    rows = ((tuple(buttons),) if buttons else ()) + ((toggle,),)
    return Reply("\n\n".join([title, *blocks]), rows)


def choices(resolution: Resolution, query: str, *, what: str, opens: Callable[[int], Paging]) -> Reply:
    """Buttons for several close matches, or "did you mean" with the nearest names."""
    buttons = _buttons(resolution, opens)
    names = ", ".join(esc(m.canonical) for m in resolution.matches)
    if resolution.status == "several":
        many = {"person": "people"}.get(what, f"{what}s")
        return Reply(f"Several {many} match “{esc(clip(query, 60))}”: {names}. Which one?", buttons)
    if resolution.matches:
        return Reply(f"No {what} matches “{esc(clip(query, 60))}”. Did you mean: {names}?", buttons)
    return Reply(f"No {what} matches “{esc(clip(query, 60))}”. Try another spelling, or /help.")


def _buttons(resolution: Resolution, opens: Callable[[int], Paging]) -> tuple[tuple[Button, ...], ...]:
    """One button a row per match, in the resolution's order (the most met first), opening its first page."""
    return tuple((button(m.canonical[:40], opens(int(m.target))),) for m in resolution.matches)
