"""The one place that turns knowledge and extraction results into rows.

Writes are idempotent: syncing the knowledge base twice, or storing the same article twice,
leaves the store as it was after the first time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import dataclass

from sqlmodel import Session, col, delete, func, select

from extraction.knowledge import KnowledgeBase
from extraction.types import Extraction, PartialDate
from extraction.types import Meeting as ExtractedMeeting
from extraction.types import Participant as ExtractedParticipant
from storage.errors import DuplicateArticle
from storage.models import (
    Article,
    Broadcast,
    Meeting,
    MeetingParticipant,
    MeetingSource,
    MeetingTopic,
    Person,
    PersonAlias,
    PersonRole,
    Sentence,
    Topic,
    TopicSynonym,
)


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

    article: Article
    meeting_ids: tuple[int, ...]
    new_meeting_ids: tuple[int, ...]


def content_hash(text: str) -> str:
    """A fingerprint that ignores Unicode form and whitespace, so a re-encoded copy is a duplicate."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def sync_knowledge(session: Session, knowledge: KnowledgeBase) -> None:
    """Mirror the knowledge base's people, aliases, roles and topics into the store."""
    titles = {r.id: r.title for r in knowledge.roles}
    for kp in knowledge.people:
        person = session.exec(select(Person).where(Person.key == kp.id)).first()
        if person is None:
            # someone first stored as unknown may since have been added to the knowledge base
            person = session.exec(
                select(Person).where(col(Person.key).is_(None), func.lower(Person.name) == kp.name.lower())
            ).first() or Person()
        person.key, person.name, person.country = kp.id, kp.name, kp.country
        session.add(person)
        session.flush()
        session.exec(delete(PersonAlias).where(col(PersonAlias.person_id) == person.id))
        session.exec(delete(PersonRole).where(col(PersonRole.person_id) == person.id))
        for alias in dict.fromkeys(kp.names):
            session.add(PersonAlias(person_id=person.id, alias=alias))
        for tenure in kp.tenures:
            session.add(PersonRole(person_id=person.id, role_key=tenure.role_id, title=titles[tenure.role_id],
                                   start=tenure.start, end=tenure.end))
    for kt in knowledge.topics:
        topic = _topic(session, kt.name)
        session.exec(delete(TopicSynonym).where(col(TopicSynonym.topic_id) == topic.id))
        for synonym in dict.fromkeys(kt.synonyms):
            session.add(TopicSynonym(topic_id=topic.id, synonym=synonym))
    session.flush()


def store_extraction(session: Session, extraction: Extraction, meta: ArticleMeta, *,
                     announce: bool = False) -> StoredArticle:
    """Store an article with its meetings; raise `DuplicateArticle` if the same text is there.

    With `announce`, its new meetings are queued for the subscribers' push in the same
    transaction, so an article is never stored without its announcement (or the reverse).
    """
    digest = content_hash(extraction.text)
    existing = session.exec(select(Article).where(Article.content_hash == digest)).first()
    if existing is not None:
        raise DuplicateArticle(existing.id or 0, existing.published, existing.title)
    article = Article(
        content_hash=digest,
        title=extraction.title,
        url=meta.url,
        outlet=meta.outlet,
        filename=meta.filename,
        published=extraction.published,
        published_source=extraction.published_source,
        text=extraction.text,
        added_by=meta.added_by,
    )
    session.add(article)
    session.flush()
    stored = _store_contents(session, article, extraction)
    if announce and stored.new_meeting_ids:
        session.add(Broadcast(article_id=article.id, meeting_ids=",".join(map(str, stored.new_meeting_ids))))
    return stored


def reextract_article(session: Session, article: Article, extraction: Extraction) -> StoredArticle:
    """Replace what an article says with a fresh extraction, keeping its id.

    Meetings created here are dated as old as the article, so digests do not offer them as new.
    """
    session.exec(delete(MeetingSource).where(col(MeetingSource.article_id) == article.id))
    session.exec(delete(Sentence).where(col(Sentence.article_id) == article.id))
    _delete_unsourced_meetings(session)
    article.title, article.published = extraction.title, extraction.published
    article.published_source = extraction.published_source
    session.add(article)
    session.flush()
    return _store_contents(session, article, extraction, created_at=article.added_at)


def _store_contents(session: Session, article: Article, extraction: Extraction, *,
                    created_at: dt.datetime | None = None) -> StoredArticle:
    for position, sentence in enumerate(extraction.sentences):
        session.add(Sentence(article_id=article.id, position=position, text=sentence))
    meeting_ids: list[int] = []
    new_ids: list[int] = []
    for extracted in extraction.meetings:
        meeting, is_new = _store_meeting(session, extracted, article.id or 0, created_at=created_at)
        if meeting.id in meeting_ids:
            continue
        meeting_ids.append(meeting.id or 0)
        if is_new:
            new_ids.append(meeting.id or 0)
    session.flush()
    return StoredArticle(article=article, meeting_ids=tuple(meeting_ids), new_meeting_ids=tuple(new_ids))


def _delete_unsourced_meetings(session: Session) -> int:
    """Meetings no article reports any more go; returns how many."""
    orphans = session.exec(select(Meeting).where(col(Meeting.id).not_in(select(MeetingSource.meeting_id)))).all()
    for meeting in orphans:
        session.delete(meeting)
    session.flush()
    return len(orphans)


def _store_meeting(session: Session, extracted: ExtractedMeeting, article_id: int, *,
                   created_at: dt.datetime | None = None) -> tuple[Meeting, bool]:
    people = [_person(session, p) for p in extracted.participants]
    person_ids = list(dict.fromkeys(p.id or 0 for p in people))
    meeting = _same_event(session, extracted.date, person_ids)
    is_new = meeting is None
    if meeting is None:
        meeting = Meeting(kind=extracted.kind, label=extracted.label)
        if created_at is not None:
            meeting.created_at = created_at
        session.add(meeting)
    _merge_details(meeting, extracted)
    session.flush()
    known_people = set(session.exec(
        select(MeetingParticipant.person_id).where(MeetingParticipant.meeting_id == meeting.id)
    ).all())
    for position, (person, participant) in enumerate(zip(people, extracted.participants, strict=True)):
        if person.id not in known_people:
            known_people.add(person.id)
            session.add(MeetingParticipant(meeting_id=meeting.id, person_id=person.id,
                                           role=participant.role, position=position))
    for link in extracted.topics:
        topic = _topic(session, link.name)
        if session.get(MeetingTopic, (meeting.id, topic.id)) is None:
            session.add(MeetingTopic(meeting_id=meeting.id, topic_id=topic.id, quote=link.quote))
    if session.get(MeetingSource, (meeting.id, article_id)) is None:
        session.add(MeetingSource(meeting_id=meeting.id, article_id=article_id, quote=extracted.quote))
    session.flush()
    return meeting, is_new


def _merge_details(meeting: Meeting, extracted: ExtractedMeeting) -> None:
    """Fill what the stored meeting lacks and keep the most precise date; a held meeting beats a plan."""
    new_date = extracted.date
    old_date = PartialDate.parse(meeting.date) if meeting.date else None
    if new_date is not None and (old_date is None or _precision_rank(new_date) > _precision_rank(old_date)):
        meeting.date, meeting.date_precision = new_date.iso(), new_date.precision
        meeting.sort_date = new_date.first_day()
    meeting.place = meeting.place or extracted.place
    meeting.label = meeting.label or extracted.label
    if meeting.kind == "planned" and extracted.kind != "planned":
        meeting.kind = extracted.kind


def _precision_rank(date: PartialDate) -> int:
    return {"year": 0, "month": 1, "day": 2}[date.precision]


def _same_event(session: Session, date: PartialDate | None, person_ids: list[int]) -> Meeting | None:
    """A stored meeting of exactly these people on a compatible date: another report of one event."""
    if date is None or len(person_ids) < 2:
        return None
    prefix = date.iso()[:7] if date.precision != "year" else date.iso()
    candidates = session.exec(select(Meeting).where(col(Meeting.date).startswith(prefix))).all()
    wanted = set(person_ids)
    for meeting in candidates:
        if not _compatible(PartialDate.parse(meeting.date or ""), date):
            continue
        present = set(session.exec(
            select(MeetingParticipant.person_id).where(MeetingParticipant.meeting_id == meeting.id)
        ).all())
        if present == wanted:
            return meeting
    return None


def _compatible(a: PartialDate, b: PartialDate) -> bool:
    """Equal dates, or a day inside a month the other report gave (never a bare year: too loose)."""
    if a == b:
        return True
    if a.precision == "year" or b.precision == "year":
        return False
    return (a.year, a.month) == (b.year, b.month) and "month" in (a.precision, b.precision)


def _person(session: Session, participant: ExtractedParticipant) -> Person:
    if participant.person_id is not None:
        person = session.exec(select(Person).where(Person.key == participant.person_id)).first()
        if person is not None:
            return person
    person = session.exec(
        select(Person).where(func.lower(Person.name) == participant.name.lower())
    ).first()
    if person is None:
        person = Person(key=participant.person_id, name=participant.name, country=participant.country)
        session.add(person)
        session.flush()
        session.add(PersonAlias(person_id=person.id, alias=participant.name))
    return person


def _topic(session: Session, name: str) -> Topic:
    topic = session.exec(select(Topic).where(Topic.name == name)).first()
    if topic is None:
        topic = Topic(name=name)
        session.add(topic)
        session.flush()
    return topic



def delete_article(session: Session, *, article_id: int) -> int | None:
    """Remove an article and every meeting it alone reported; None when there is no such article.

    Returns how many meetings went with it.
    """
    article = session.get(Article, article_id)
    if article is None:
        return None
    session.delete(article)
    session.flush()  # the cascade removes its sentences and source links
    return _delete_unsourced_meetings(session)
