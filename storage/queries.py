"""The bot's reads of meetings, as keyword-only functions that return frozen views, not ORM rows (names,
counts and profiles of people and topics are `people_and_topics.py`, searching sentences is
`sentence_search.py`, reads about articles `articles.py`).

Views are detached from the session, so front ends can render them after the session closes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, bindparam, nulls_last
from sqlmodel import Session, col, func, select

from storage.db import core_rows, direct_rows, json_list
from storage.models import (
    ArticleRow,
    MeetingParticipantRow,
    MeetingRow,
    MeetingSourceRow,
    MeetingTopicRow,
    PersonPartnerRow,
    PersonRow,
    RowCountRow,
    TopicRow,
)


@dataclass(frozen=True)
class ParticipantView:
    person_id: int
    name: str
    role: str | None
    country: str | None


@dataclass(frozen=True)
class TopicView:
    topic_id: int
    name: str
    quote: str


@dataclass(frozen=True)
class SourceView:
    article_id: int
    title: str | None
    url: str | None
    outlet: str | None
    published: dt.date | None
    quote: str


@dataclass(frozen=True)
class MeetingView:
    id: int
    date: str | None
    place: str | None
    kind: str
    label: str
    participants: tuple[ParticipantView, ...]
    topics: tuple[TopicView, ...]
    sources: tuple[SourceView, ...]
    agenda: tuple[str, ...] = ()  # what the articles say was discussed, in their words
    date_certain: bool = True  # False: the date rests on a publication day its article does not give
    date_text: str = ""  # then the words that date it, as the article wrote them ("on Wednesday"); may be ""
    counterpart: str = ""  # the other side named only as a body, in the article's words, when nobody of it is named


@dataclass(frozen=True)
class StoreSummary:
    meetings: int
    articles: int
    people: int
    first_date: str | None
    last_date: str | None


@dataclass(frozen=True)
class Page:
    """A slice of a longer list, with the total so that replies can offer the rest."""

    items: tuple[MeetingView, ...]
    total: int
    offset: int


def _newest_first(query: Select) -> Select:
    return query.order_by(nulls_last(col(MeetingRow.sort_date).desc()), col(MeetingRow.id).desc())


def _link_newest_first(link: type[MeetingParticipantRow] | type[MeetingTopicRow], owner: ColumnElement[int]) -> Select:
    """Meeting ids linked to `owner`, in the order of `_newest_first`, from the link's (owner, sort_date,
    meeting_id) index: the link rows carry their meeting's date (kept by triggers), so nothing is sorted."""
    return (select(link.meeting_id).where(owner == bindparam("owner"))
            .order_by(nulls_last(col(link.sort_date).desc()), col(link.meeting_id).desc())
            .limit(bindparam("limit")).offset(bindparam("offset")))


# The statements of every /latest, /who and /topic, composed once and run through the session's connection as
# plain Core: composing them per call and loading ORM objects cost several times what SQLite took to answer.
_IDS = bindparam("ids", expanding=True)
_LATEST = _newest_first(select(MeetingRow.id)).limit(bindparam("limit")).offset(bindparam("offset"))
_KEPT_COUNT = select(RowCountRow.total).where(RowCountRow.table_name == bindparam("name"))
_ALL_MEETING_IDS = select(MeetingRow.id).order_by(nulls_last(col(MeetingRow.sort_date).asc()), col(MeetingRow.id))
_BATCH = 500  # meetings read together for a view: few queries, few parameters
_KEPT_COUNTS = select(RowCountRow.table_name, RowCountRow.total)  # meeting, article, participant: migrations 0006, 0009
_PERSON_PAGE = _link_newest_first(MeetingParticipantRow, col(MeetingParticipantRow.person_id))
_TOPIC_PAGE = _link_newest_first(MeetingTopicRow, col(MeetingTopicRow.topic_id))
_TOPIC_COUNT = select(func.count()).select_from(MeetingTopicRow).where(MeetingTopicRow.topic_id == bindparam("owner"))
_OWN_COUNT = select(PersonPartnerRow.meetings).where(PersonPartnerRow.person_id == bindparam("owner"),
                                                     PersonPartnerRow.partner_id == bindparam("owner"))
_MEETINGS = select(MeetingRow.id, MeetingRow.date, MeetingRow.place, MeetingRow.kind, MeetingRow.label,
                   MeetingRow.agenda, MeetingRow.date_certain, MeetingRow.date_text,
                   MeetingRow.counterpart).where(col(MeetingRow.id).in_(_IDS))
_PARTICIPANTS = (
    select(MeetingParticipantRow.meeting_id, PersonRow.id, PersonRow.name, MeetingParticipantRow.role,
           PersonRow.country)
    .join(PersonRow, col(PersonRow.id) == MeetingParticipantRow.person_id)
    .where(col(MeetingParticipantRow.meeting_id).in_(_IDS)).order_by(col(MeetingParticipantRow.position))
)
_TOPICS = (
    select(MeetingTopicRow.meeting_id, TopicRow.id, TopicRow.name, MeetingTopicRow.quote)
    .join(TopicRow, col(TopicRow.id) == MeetingTopicRow.topic_id)
    .where(col(MeetingTopicRow.meeting_id).in_(_IDS)).order_by(func.lower(TopicRow.name))
)
_SOURCES = (
    select(MeetingSourceRow.meeting_id, ArticleRow.id, ArticleRow.title, ArticleRow.url, ArticleRow.outlet,
           ArticleRow.published, MeetingSourceRow.quote)
    .join(ArticleRow, col(ArticleRow.id) == MeetingSourceRow.article_id)
    .where(col(MeetingSourceRow.meeting_id).in_(_IDS)).order_by(col(ArticleRow.id))
)


def _page(session: Session, statement: Select, total: int, owner: int | None = None, *, limit: int,
          offset: int) -> Page:
    ids = [i for (i,) in core_rows(session, statement, owner=owner, limit=limit, offset=offset)] if total else []
    return Page(items=tuple(meeting_views(session, meeting_ids=ids)), total=total, offset=offset)


def latest_meetings(session: Session, *, limit: int, offset: int = 0) -> Page:
    """Meetings by meeting date, newest first; undated ones last."""
    return _page(session, _LATEST, meeting_count(session), limit=limit, offset=offset)


def meetings_with_person(session: Session, *, person_id: int, limit: int, offset: int = 0) -> Page:
    """A person's meetings, newest first; how many there are is their count with themself in `PersonPartnerRow`."""
    own = core_rows(session, _OWN_COUNT, owner=person_id)
    return _page(session, _PERSON_PAGE, own[0][0] if own else 0, person_id, limit=limit, offset=offset)


def meetings_with_topic(session: Session, *, topic_id: int, limit: int, offset: int = 0) -> Page:
    """Meetings where a topic came up, newest first."""
    total = core_rows(session, _TOPIC_COUNT, owner=topic_id)[0][0]
    return _page(session, _TOPIC_PAGE, total, topic_id, limit=limit, offset=offset)


def all_meetings(session: Session) -> list[MeetingView]:
    """Every meeting, oldest first (a small store's; an export streams `each_meeting`)."""
    return list(each_meeting(session))


def meeting_count(session: Session) -> int:
    return kept_count(session, "meeting")


def _agenda(stored: str | None) -> tuple[str, ...]:
    """A meeting's agenda column (a JSON list of strings) as items; anything else reads as no agenda."""
    try:
        items = json.loads(stored or "[]")
    except ValueError:
        return ()
    return tuple(str(item) for item in items) if isinstance(items, list) else ()


def kept_count(session: Session, name: str) -> int:
    """A count the triggers of migrations 0006 and 0009 keep in `rowcount`: meeting, article or participant."""
    rows = core_rows(session, _KEPT_COUNT, name=name)
    return rows[0][0] if rows else 0


def each_meeting(session: Session) -> Iterator[MeetingView]:
    """Every meeting, oldest first, read a batch at a time: an export of 250,000 meetings never holds them all."""
    ids = [i for (i,) in session.connection().execute(_ALL_MEETING_IDS)]
    for start in range(0, len(ids), _BATCH):
        yield from meeting_views(session, meeting_ids=ids[start : start + _BATCH])


def meeting_views(session: Session, *, meeting_ids: list[int]) -> list[MeetingView]:
    """Full views of the given meetings, in the given order (four queries per batch of 500)."""
    if not meeting_ids:
        return []
    if len(meeting_ids) > _BATCH:  # SQLite takes at most 32,766 parameters in one statement
        return [view for start in range(0, len(meeting_ids), _BATCH)
                for view in meeting_views(session, meeting_ids=meeting_ids[start : start + _BATCH])]
    meetings = {row.id: row for row in core_rows(session, _MEETINGS, ids=meeting_ids)}
    participants: dict[int, list[ParticipantView]] = {i: [] for i in meeting_ids}
    for meeting_id, person_id, name, role, country in core_rows(session, _PARTICIPANTS, ids=meeting_ids):
        participants[meeting_id].append(ParticipantView(person_id=person_id, name=name, role=role, country=country))
    topics: dict[int, list[TopicView]] = {i: [] for i in meeting_ids}
    for meeting_id, topic_id, name, quote in core_rows(session, _TOPICS, ids=meeting_ids):
        topics[meeting_id].append(TopicView(topic_id=topic_id, name=name, quote=quote))
    sources: dict[int, list[SourceView]] = {i: [] for i in meeting_ids}
    for meeting_id, article_id, title, url, outlet, published, quote in core_rows(session, _SOURCES, ids=meeting_ids):
        sources[meeting_id].append(SourceView(article_id=article_id, title=title, url=url, outlet=outlet,
                                              published=published, quote=quote))
    return [
        MeetingView(
            id=i, date=meetings[i].date, place=meetings[i].place, kind=meetings[i].kind, label=meetings[i].label,
            participants=tuple(participants[i]), topics=tuple(topics[i]), sources=tuple(sources[i]),
            agenda=_agenda(meetings[i].agenda), date_certain=bool(meetings[i].date_certain),
            date_text=meetings[i].date_text or "", counterpart=meetings[i].counterpart or "",
        )
        for i in meeting_ids
        if i in meetings
    ]


def store_summary(session: Session) -> StoreSummary:
    """Counts and the date range, for /start and /help: counts kept by triggers, dates from an index."""
    # min and max in separate queries: each is then one step down the date index, together a full scan
    first = session.exec(select(func.min(MeetingRow.date))).one()
    last = session.exec(select(func.max(MeetingRow.date))).one()
    counts = dict(core_rows(session, _KEPT_COUNTS))
    return StoreSummary(meetings=counts.get("meeting", 0), articles=counts.get("article", 0),
                        people=counts.get("participant", 0), first_date=first, last_date=last)


def newest_first(session: Session, *, meeting_ids: list[int]) -> list[int]:
    """These meetings, newest date first; deleted ones are left out. Any number of ids: one JSON parameter."""
    return [i for (i,) in direct_rows(
        session, "SELECT id FROM meeting WHERE id IN (SELECT value FROM json_each(?)) "
                 "ORDER BY sort_date DESC NULLS LAST, id DESC", json_list(meeting_ids))]
