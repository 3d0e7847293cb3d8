"""The one place that turns knowledge and extraction results into rows.

Writes are idempotent: syncing the knowledge base twice, or storing the same article twice,
leaves the store as it was after the first time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import dataclass

from sqlmodel import Session, col, delete, select

from extraction.types import Extraction, Meeting, Participant
from knowledge import KnowledgeBase
from knowledge.spelling import spelling_key
from storage.db import DirectInsert, direct_rows, json_list
from storage.errors import DuplicateArticle
from storage.models import (
    ArticleRow,
    MeetingParticipantRow,
    MeetingRow,
    MeetingSourceRow,
    MeetingTopicRow,
    PersonAliasRow,
    PersonRoleRow,
    PersonRow,
    QueuedAlertRow,
    SentenceRow,
    TopicRow,
    TopicSynonymRow,
    utcnow,
)
from storage.same_event_rows import merge_report, stored_event
from storage.search_key import search_key


@dataclass(frozen=True)
class ArticleMeta:
    """What is known about an article from outside its text."""

    url: str | None = None
    outlet: str | None = None
    filename: str | None = None
    added_by: str | None = None


@dataclass(frozen=True)
class StoredArticle:
    """The stored article and its meetings; `new_meeting_ids` are the ones no other article had."""

    article_id: int
    title: str | None
    published: dt.date | None
    published_source: str
    meeting_ids: tuple[int, ...]
    new_meeting_ids: tuple[int, ...]


# The statements an ingest runs for every article, written once for SQLite and run on its own connection
# (see storage.db.DirectInsert): the ORM's per-object bookkeeping and SQLAlchemy's per-statement work
# cost more than SQLite took to run them. Lists go in as one JSON parameter. Dates are ISO text, as
# the ORM stores them.
_ARTICLE_BY_HASH = "SELECT id FROM article WHERE content_hash = ?"
_LINKED_TOPICS = "SELECT topic_id FROM meetingtopic WHERE meeting_id = ?"
_IS_SOURCE = "SELECT 1 FROM meetingsource WHERE meeting_id = ? AND article_id = ?"
_PEOPLE_BY_KEY = 'SELECT "key", id FROM person WHERE "key" IN (SELECT value FROM json_each(?))'
_PEOPLE_BY_FOLDED_NAME = "SELECT folded, id FROM person WHERE folded IN (SELECT value FROM json_each(?)) ORDER BY id"
_TOPICS_BY_NAME = "SELECT name, id FROM topic WHERE name IN (SELECT value FROM json_each(?))"
_ADD_ARTICLE = DirectInsert(ArticleRow, "content_hash", "title", "url", "outlet", "filename", "published",
                            "published_source", "text", "added_by", "added_at")
_LAST_SENTENCE_ID = "SELECT coalesce(max(id), 0) FROM sentence"  # the next ids SQLite would give
_ADD_SENTENCES = DirectInsert(SentenceRow, "id", "article_id", "position", "text", "search_key")
_ADD_MEETING = DirectInsert(MeetingRow, "date", "date_precision", "sort_date", "place", "kind", "label", "agenda",
                            "date_certain", "date_text", "counterpart", "created_at")
_ADD_PARTICIPANTS = DirectInsert(MeetingParticipantRow, "meeting_id", "person_id", "role", "position", "sort_date")
_ADD_TOPICS = DirectInsert(MeetingTopicRow, "meeting_id", "topic_id", "quote", "sort_date")
_ADD_SOURCE = DirectInsert(MeetingSourceRow, "meeting_id", "article_id", "quote")
_ADD_PERSON = DirectInsert(PersonRow, "key", "name", "folded", "country")
_ADD_ALIAS = DirectInsert(PersonAliasRow, "person_id", "alias")
_ADD_TOPIC = DirectInsert(TopicRow, "name")


def content_hash(text: str) -> str:
    """A fingerprint that ignores Unicode form and whitespace, so a re-encoded copy is a duplicate."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def sync_knowledge(session: Session, knowledge: KnowledgeBase) -> None:
    """Mirror the knowledge base's people, aliases, roles and topics into the store."""
    titles = {r.id: r.title for r in knowledge.roles}
    for kp in knowledge.people:
        person = session.exec(select(PersonRow).where(PersonRow.key == kp.id)).first()
        if person is None:
            # someone first stored as unknown may since have been added to the knowledge base
            person = session.exec(
                select(PersonRow).where(col(PersonRow.key).is_(None), PersonRow.folded == spelling_key(kp.name))
            ).first() or PersonRow()
        person.key, person.name, person.folded, person.country = kp.id, kp.name, spelling_key(kp.name), kp.country
        session.add(person)
        session.flush()
        session.exec(delete(PersonAliasRow).where(col(PersonAliasRow.person_id) == person.id))
        session.exec(delete(PersonRoleRow).where(col(PersonRoleRow.person_id) == person.id))
        for alias in dict.fromkeys(kp.names):
            session.add(PersonAliasRow(person_id=person.id, alias=alias))
        for tenure in kp.tenures:
            session.add(PersonRoleRow(person_id=person.id, role_key=tenure.role_id, title=titles[tenure.role_id],
                                      start=tenure.start, end=tenure.end))
    topic_ids = _topic_ids(session, [kt.name for kt in knowledge.topics])
    for kt in knowledge.topics:
        session.exec(delete(TopicSynonymRow).where(col(TopicSynonymRow.topic_id) == topic_ids[kt.name]))
        for synonym in dict.fromkeys(kt.synonyms):
            session.add(TopicSynonymRow(topic_id=topic_ids[kt.name], synonym=synonym))
    session.flush()


def store_extraction(session: Session, extraction: Extraction, meta: ArticleMeta, *,
                     alert: bool = False) -> StoredArticle:
    """Store an article with its meetings; raise `DuplicateArticle` if the same text is there.

    With `alert`, its new meetings are queued for the subscribers' alert in the same
    transaction, so an article is never stored without its alert (or the reverse).
    """
    digest = content_hash(extraction.text)
    if found := direct_rows(session, _ARTICLE_BY_HASH, digest):
        existing = session.get_one(ArticleRow, found[0][0])
        raise DuplicateArticle(existing.id or 0, existing.published, existing.title)
    article_id = _ADD_ARTICLE.one(session, (
        digest, extraction.title, meta.url, meta.outlet, meta.filename, extraction.published,
        extraction.published_source, extraction.text, meta.added_by, utcnow()))
    stored = _store_contents(session, article_id, extraction)
    if alert and stored.new_meeting_ids:
        session.add(QueuedAlertRow(article_id=article_id, meeting_ids=",".join(map(str, stored.new_meeting_ids))))
    return stored


def reextract_article(session: Session, article: ArticleRow, extraction: Extraction) -> StoredArticle:
    """Replace what an article says with a fresh extraction, keeping its id.

    Meetings created here are dated as old as the article, so digests do not offer them as new.
    """
    session.exec(delete(MeetingSourceRow).where(col(MeetingSourceRow.article_id) == article.id))
    session.exec(delete(SentenceRow).where(col(SentenceRow.article_id) == article.id))
    _delete_unsourced_meetings(session)
    article.title, article.published = extraction.title, extraction.published
    article.published_source = extraction.published_source
    session.add(article)
    session.flush()
    return _store_contents(session, article.id or 0, extraction, created_at=article.added_at)


def _store_contents(session: Session, article_id: int, extraction: Extraction, *,
                    created_at: dt.datetime | None = None) -> StoredArticle:
    """Sentences, people, topics and meetings in a few bulk statements: ingest is bound by round trips."""
    _add_sentences(session, article_id, extraction)
    people = _person_ids(session, [p for m in extraction.meetings for p in m.participants])
    topics = _topic_ids(session, [link.name for m in extraction.meetings for link in m.topics])
    meeting_ids: list[int] = []
    new_ids: list[int] = []
    for extracted in extraction.meetings:
        meeting_id, is_new = _store_meeting(session, extracted, article_id, people, topics,
                                            created_at=created_at or utcnow())
        if meeting_id in meeting_ids:
            continue
        meeting_ids.append(meeting_id)
        if is_new:
            new_ids.append(meeting_id)
    return StoredArticle(article_id=article_id, title=extraction.title, published=extraction.published,
                         published_source=extraction.published_source, meeting_ids=tuple(meeting_ids),
                         new_meeting_ids=tuple(new_ids))


def _add_sentences(session: Session, article_id: int, extraction: Extraction) -> None:
    """An article's sentences with their search keys, so each is written and indexed once.

    The key needs the sentence's id, so the ids are given here, as SQLite would have given them:
    the article was inserted first in this transaction, so no other writer can take them. The last
    sentence goes in first: keys fall as ids rise, and FTS5 writes out its pending index whenever a
    key is lower than the one before, which would make every sentence a segment of its own.
    """
    first = direct_rows(session, _LAST_SENTENCE_ID)[0][0] + 1
    _ADD_SENTENCES.many(session, [
        (first + position, article_id, position, sentence, search_key(extraction.published, first + position))
        for position, sentence in reversed(list(enumerate(extraction.sentences)))])


def _delete_unsourced_meetings(session: Session) -> int:
    """Meetings no article reports any more go; returns how many."""
    reported = select(MeetingSourceRow.meeting_id)
    orphans = session.exec(select(MeetingRow).where(col(MeetingRow.id).not_in(reported))).all()
    for meeting in orphans:
        session.delete(meeting)
    session.flush()
    return len(orphans)


def _store_meeting(session: Session, extracted: Meeting, article_id: int, people: dict[str, int],
                   topics: dict[str, int], *, created_at: dt.datetime) -> tuple[int, bool]:
    """Add one extracted meeting, or merge it into the stored report of the same event; (id, is new)."""
    person_ids = list(dict.fromkeys(people[p.key] for p in extracted.participants))
    existing = stored_event(session, extracted.date, person_ids, certain=extracted.date_certain)
    if existing is None:
        date = extracted.date
        sort_date = date.first_day() if date else None
        meeting_id = _ADD_MEETING.one(session, (
            date.iso() if date else None, date.precision if date else None, sort_date, extracted.place,
            extracted.kind, extracted.label, json_list(list(extracted.agenda)), extracted.date_certain,
            extracted.date_text if not extracted.date_certain else "",
            extracted.counterpart.words if extracted.counterpart else "", created_at))
        present: set[int] = set()
        linked: set[int] = set()
        sourced = False
    else:
        meeting_id = existing.id or 0
        merge_report(existing, extracted)
        session.add(existing)
        session.flush()
        sort_date = existing.sort_date
        present = set(person_ids)  # stored_event matched exactly these participants
        linked = {topic_id for (topic_id,) in direct_rows(session, _LINKED_TOPICS, meeting_id)}
        sourced = bool(direct_rows(session, _IS_SOURCE, meeting_id, article_id))
    joining = []
    for position, participant in enumerate(extracted.participants):
        person_id = people[participant.key]
        if person_id not in present:
            present.add(person_id)
            joining.append((meeting_id, person_id, participant.role, position, sort_date))
    _ADD_PARTICIPANTS.many(session, joining)
    links = []
    for link in extracted.topics:
        if topics[link.name] not in linked:
            linked.add(topics[link.name])
            links.append((meeting_id, topics[link.name], link.quote, sort_date))
    _ADD_TOPICS.many(session, links)
    if not sourced:
        _ADD_SOURCE.one(session, (meeting_id, article_id, extracted.quote))
    return meeting_id, existing is None


def _person_ids(session: Session, participants: list[Participant]) -> dict[str, int]:
    """The stored id of each participant (by `Participant.key`), adding people seen for the first time.

    A knowledge-base person is found by key; anyone else, or a key not yet mirrored, by `spelling_key`
    (as a reader's lookup folds names), so someone first stored as a stranger keeps one row whatever the
    case, accents or punctuation of their name.
    """
    wanted = {p.key: p for p in participants}
    keys = [p.person_id for p in wanted.values() if p.person_id is not None]
    found: dict[str, int] = dict(direct_rows(session, _PEOPLE_BY_KEY, json_list(keys))) if keys else {}
    missing = [p for k, p in wanted.items() if k not in found]
    by_name: dict[str, int] = {}
    if missing:
        for folded, person_id in direct_rows(session, _PEOPLE_BY_FOLDED_NAME,
                                             json_list([spelling_key(p.name) for p in missing])):
            by_name.setdefault(folded, person_id)  # the oldest row of a name, should there be several
    for participant in missing:
        folded = spelling_key(participant.name)
        person_id = by_name.get(folded)
        if person_id is None:
            person_id = _ADD_PERSON.one(session, (participant.person_id, participant.name, folded,
                                                  participant.country))
            _ADD_ALIAS.one(session, (person_id, participant.name))
            by_name[folded] = person_id
        found[participant.key] = person_id
    return found


def _topic_ids(session: Session, names: list[str]) -> dict[str, int]:
    """The stored id of each topic name, adding topics not yet stored."""
    wanted = list(dict.fromkeys(names))
    found: dict[str, int] = dict(direct_rows(session, _TOPICS_BY_NAME, json_list(wanted))) if wanted else {}
    for name in wanted:
        if name not in found:
            found[name] = _ADD_TOPIC.one(session, (name,))
    return found


def delete_article(session: Session, *, article_id: int) -> int | None:
    """Remove an article and every meeting it alone reported; None when there is no such article.

    Returns how many meetings went with it.
    """
    article = session.get(ArticleRow, article_id)
    if article is None:
        return None
    session.delete(article)
    session.flush()  # the cascade removes its sentences and source links
    return _delete_unsourced_meetings(session)
