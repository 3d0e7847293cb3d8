"""Every read the bot makes, as keyword-only functions that return frozen views, not ORM rows.

Views are detached from the session, so front ends can render them after the session closes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import Select, nulls_last
from sqlmodel import Session, col, func, select

from storage.models import (
    Article,
    Meeting,
    MeetingParticipant,
    MeetingSource,
    MeetingTopic,
    Person,
    PersonAlias,
    PersonRole,
    Topic,
    TopicSynonym,
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


@dataclass(frozen=True)
class NameEntry:
    """One spelling that points at a person or a topic, for fuzzy matching."""

    target_id: int
    canonical: str
    spelling: str


@dataclass(frozen=True)
class SentenceHit:
    article_id: int
    published: dt.date | None
    sentence: str
    marked: str  # the sentence (or its matching part) with hits between \x01 and \x02


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
    return query.order_by(nulls_last(col(Meeting.sort_date).desc()), col(Meeting.id).desc())


def _page(session: Session, query: Select, count_query: Select, *, limit: int, offset: int) -> Page:
    ids = list(session.exec(_newest_first(query).limit(limit).offset(offset)).all())
    total = session.exec(count_query).one()
    return Page(items=tuple(meeting_views(session, meeting_ids=ids)), total=total, offset=offset)


SCAN_FROM = 1000  # linked meetings from which walking all meetings newest first beats sorting the linked ones


def _linked_page(session: Session, link: type[MeetingParticipant] | type[MeetingTopic], where,
                 *, limit: int, offset: int) -> Page:
    """A page of the meetings linked to a person or topic, newest first.

    Few links: sort them (cheap). Many: walk the date index and probe the link's primary key, which
    finds the newest few after a handful of probes instead of sorting tens of thousands of rows.
    The order is the same either way.
    """
    total = session.exec(select(func.count()).select_from(link).where(where)).one()
    if total >= SCAN_FROM:
        linked = select(link.meeting_id).where(col(link.meeting_id) == Meeting.id, where).exists()
        query = select(Meeting.id).where(linked)
    else:
        query = select(Meeting.id).where(col(Meeting.id).in_(select(link.meeting_id).where(where)))
    ids = list(session.exec(_newest_first(query).limit(limit).offset(offset)).all()) if total else []
    return Page(items=tuple(meeting_views(session, meeting_ids=ids)), total=total, offset=offset)


def latest_meetings(session: Session, *, limit: int, offset: int = 0) -> Page:
    """Meetings by meeting date, newest first; undated ones last."""
    # count(*), not count(id): SQLite counts the smallest index without reading a column
    return _page(session, select(Meeting.id), select(func.count()).select_from(Meeting), limit=limit, offset=offset)


def meetings_with_person(session: Session, *, person_id: int, limit: int, offset: int = 0) -> Page:
    """A person's meetings, newest first."""
    return _linked_page(session, MeetingParticipant, col(MeetingParticipant.person_id) == person_id,
                        limit=limit, offset=offset)


def meetings_with_topic(session: Session, *, topic_id: int, limit: int, offset: int = 0) -> Page:
    """Meetings where a topic came up, newest first."""
    return _linked_page(session, MeetingTopic, col(MeetingTopic.topic_id) == topic_id, limit=limit, offset=offset)


def all_meetings(session: Session) -> list[MeetingView]:
    """Every meeting, oldest first, for exports."""
    ids = session.exec(
        select(Meeting.id).order_by(nulls_last(col(Meeting.sort_date).asc()), col(Meeting.id))
    ).all()
    return meeting_views(session, meeting_ids=list(ids))


def meeting_views(session: Session, *, meeting_ids: list[int]) -> list[MeetingView]:
    """Full views of the given meetings, in the given order (four queries, whatever the count)."""
    if not meeting_ids:
        return []
    meetings = {m.id: m for m in session.exec(select(Meeting).where(col(Meeting.id).in_(meeting_ids)))}
    participants: dict[int, list[ParticipantView]] = {i: [] for i in meeting_ids}
    for link, person in session.exec(
        select(MeetingParticipant, Person)
        .join(Person, col(Person.id) == MeetingParticipant.person_id)
        .where(col(MeetingParticipant.meeting_id).in_(meeting_ids))
        .order_by(col(MeetingParticipant.position))
    ):
        participants[link.meeting_id].append(
            ParticipantView(person_id=person.id or 0, name=person.name, role=link.role, country=person.country)
        )
    topics: dict[int, list[TopicView]] = {i: [] for i in meeting_ids}
    for link, topic in session.exec(
        select(MeetingTopic, Topic)
        .join(Topic, col(Topic.id) == MeetingTopic.topic_id)
        .where(col(MeetingTopic.meeting_id).in_(meeting_ids))
        .order_by(func.lower(Topic.name))
    ):
        topics[link.meeting_id].append(TopicView(topic_id=topic.id or 0, name=topic.name, quote=link.quote))
    sources: dict[int, list[SourceView]] = {i: [] for i in meeting_ids}
    for link, article in session.exec(
        select(MeetingSource, Article)
        .join(Article, col(Article.id) == MeetingSource.article_id)
        .where(col(MeetingSource.meeting_id).in_(meeting_ids))
        .order_by(col(Article.id))
    ):
        sources[link.meeting_id].append(SourceView(
            article_id=article.id or 0, title=article.title, url=article.url, outlet=article.outlet,
            published=article.published, quote=link.quote,
        ))
    return [
        MeetingView(
            id=i, date=meetings[i].date, place=meetings[i].place, kind=meetings[i].kind, label=meetings[i].label,
            participants=tuple(participants[i]), topics=tuple(topics[i]), sources=tuple(sources[i]),
        )
        for i in meeting_ids
        if i in meetings
    ]


def person_names(session: Session) -> list[NameEntry]:
    """Every spelling of every person's name."""
    rows = session.exec(
        select(Person.id, Person.name, PersonAlias.alias).join(PersonAlias, col(PersonAlias.person_id) == Person.id)
    ).all()
    return [NameEntry(target_id=pid or 0, canonical=name, spelling=alias) for pid, name, alias in rows]


def topic_names(session: Session) -> list[NameEntry]:
    """Every topic name and synonym."""
    topics = session.exec(select(Topic.id, Topic.name)).all()
    synonyms = session.exec(
        select(Topic.id, Topic.name, TopicSynonym.synonym).join(TopicSynonym, col(TopicSynonym.topic_id) == Topic.id)
    ).all()
    return [NameEntry(target_id=tid or 0, canonical=name, spelling=name) for tid, name in topics] + [
        NameEntry(target_id=tid or 0, canonical=name, spelling=syn) for tid, name, syn in synonyms
    ]


def names_version(session: Session) -> tuple[int, ...]:
    """A cheap fingerprint of every person's and topic's spellings: it changes when a name is added,
    removed or re-synced (new rows), so that a cached index of names knows when to rebuild."""
    row = session.connection().exec_driver_sql(
        "SELECT (SELECT max(id) FROM personalias), (SELECT count(*) FROM personalias), "
        "(SELECT max(id) FROM person), (SELECT count(*) FROM person), "
        "(SELECT max(id) FROM topic), (SELECT count(*) FROM topic), "
        "(SELECT max(id) FROM topicsynonym), (SELECT count(*) FROM topicsynonym)"
    ).one()
    return tuple(value or 0 for value in row)


def get_person(session: Session, *, person_id: int) -> Person | None:
    return session.get(Person, person_id)


def get_topic(session: Session, *, topic_id: int) -> Topic | None:
    return session.get(Topic, topic_id)


def person_key_ids(session: Session, *, keys: list[str]) -> dict[str, int]:
    """Store ids of the knowledge base's people with these keys."""
    rows = session.exec(select(Person.key, Person.id).where(col(Person.key).in_(keys))).all()
    return {key: pid for key, pid in rows if key and pid}


def person_title_on(session: Session, *, person_id: int, on: dt.date) -> str | None:
    """The person's offices on that day, joined ("Foreign Minister of China and ...")."""
    roles = session.exec(
        select(PersonRole).where(PersonRole.person_id == person_id).order_by(col(PersonRole.start).desc())
    ).all()
    titles = [r.title for r in roles if (r.start is None or r.start <= on) and (r.end is None or on < r.end)]
    return " and ".join(dict.fromkeys(titles)) or None


RECENT = 1000  # counterparts and topics are counted over a person's newest meetings, at most this many


def _recent_meetings(session: Session, person_id: int) -> list[int]:
    """A person's newest RECENT meeting ids: counting tens of thousands of links would take 0.1-0.7 s.

    Up to RECENT, every linked meeting (no sorting needed). Beyond, whichever is cheaper: sorting the
    person's meetings (cost grows with their count), or walking the date index newest first with a
    probe of the link (cost grows with how rare they are: all meetings / theirs, per hit).
    """
    mine = col(MeetingParticipant.person_id) == person_id
    total = session.exec(select(func.count()).select_from(MeetingParticipant).where(mine)).one()
    if total <= RECENT:
        return list(session.exec(select(MeetingParticipant.meeting_id).where(mine)))
    everyone = session.exec(select(func.count()).select_from(Meeting)).one()
    if total * total > RECENT * everyone:
        linked = select(MeetingParticipant.meeting_id).where(col(MeetingParticipant.meeting_id) == Meeting.id, mine)
        query = select(Meeting.id).where(linked.exists())
    else:
        joined = col(MeetingParticipant.meeting_id) == Meeting.id
        query = select(Meeting.id).join(MeetingParticipant, joined).where(mine)
    return [i for i in session.exec(_newest_first(query).limit(RECENT)) if i]


def person_profile(session: Session, *, person_id: int, limit: int = 5) -> tuple[list[tuple[str, int]],
                                                                            list[tuple[str, int]]]:
    """Whom someone met most often and what they discussed most, over their newest RECENT meetings."""
    mine = _recent_meetings(session, person_id)
    partners = _most_common(session, select(Person.name)
                            .join(MeetingParticipant, col(MeetingParticipant.person_id) == Person.id)
                            .where(col(MeetingParticipant.meeting_id).in_(mine), Person.id != person_id), limit)
    topics = _most_common(session, select(Topic.name)
                          .join(MeetingTopic, col(MeetingTopic.topic_id) == Topic.id)
                          .where(col(MeetingTopic.meeting_id).in_(mine)), limit)
    return partners, topics


def _most_common(session: Session, names: Select, limit: int) -> list[tuple[str, int]]:
    """`Counter(names).most_common(limit)`, counted by SQLite: a busy person has tens of thousands of rows.

    Ties keep the order in which the rows come (the first row of each name), as a Counter would.
    """
    rows = names.add_columns(func.row_number().over().label("seen")).subquery()
    name = rows.c[0]
    counted = (select(name, func.count(), func.min(rows.c.seen).label("first"))
               .group_by(name).order_by(func.count().desc(), "first").limit(limit))
    return [(n, c) for n, c, _ in session.exec(counted).all()]


def store_summary(session: Session) -> StoreSummary:
    """Counts and the date range, for /start and /help."""
    # min and max in separate queries: each is then one step down the date index, together a full scan
    first = session.exec(select(func.min(Meeting.date))).one()
    last = session.exec(select(func.max(Meeting.date))).one()
    return StoreSummary(
        meetings=session.exec(select(func.count()).select_from(Meeting)).one(),
        articles=article_count(session),
        people=session.exec(
            select(func.count(func.distinct(MeetingParticipant.person_id)))
        ).one(),
        first_date=first,
        last_date=last,
    )


def article_count(session: Session) -> int:
    return session.exec(select(func.count()).select_from(Article)).one()


def article_ids(session: Session) -> list[int]:
    """Every article id, oldest first (re-extraction walks them one transaction at a time)."""
    return [i for i in session.exec(select(Article.id).order_by(col(Article.id))) if i is not None]


def search_sentences(session: Session, *, text: str, limit: int) -> list[SentenceHit]:
    """Sentences that contain every word typed, newest articles first, matched words between \\x01 and \\x02.

    Each word is quoted, so FTS syntax typed by a reader (AND, NEAR(, *, ") is read as plain words.
    """
    words = re.findall(r"\w+", text)[:12]
    if not words:
        return []
    match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
    rows = session.connection().exec_driver_sql(
        "SELECT s.article_id, a.published, s.text, "
        "snippet(sentence_fts, 0, char(1), char(2), '…', 48) "
        "FROM sentence_fts JOIN sentence s ON s.id = sentence_fts.rowid JOIN article a ON a.id = s.article_id "
        "WHERE sentence_fts MATCH ? ORDER BY sentence_fts.rowid DESC LIMIT ?",
        (match, limit),
    ).all()
    return [
        SentenceHit(article_id=aid, published=dt.date.fromisoformat(pub) if pub else None, sentence=sentence,
                    marked=marked)
        for aid, pub, sentence, marked in rows
    ]


@dataclass(frozen=True)
class ArticleRow:
    id: int
    title: str | None
    outlet: str | None
    published: dt.date | None
    meetings: int


def list_articles(session: Session, *, limit: int, offset: int = 0) -> tuple[list[ArticleRow], int]:
    """Articles, newest added first, with how many meetings each reports; and the total."""
    rows = session.exec(
        select(Article.id, Article.title, Article.outlet, Article.published, func.count(col(MeetingSource.meeting_id)))
        .join(MeetingSource, col(MeetingSource.article_id) == Article.id, isouter=True)
        .group_by(col(Article.id))
        .order_by(col(Article.id).desc())
        .limit(limit)
        .offset(offset)
    ).all()
    return [ArticleRow(*row) for row in rows], article_count(session)


def get_article(session: Session, *, article_id: int) -> Article | None:
    return session.get(Article, article_id)
