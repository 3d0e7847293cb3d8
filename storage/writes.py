"""The one place that turns knowledge and extraction results into rows.

Writes are idempotent: syncing the knowledge base twice, or storing the same article twice,
leaves the store as it was after the first time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import dataclass

from sqlalchemy import bindparam, insert
from sqlmodel import Session, SQLModel, col, delete, func, select

from extraction.knowledge import KnowledgeBase
from extraction.people import person_key
from extraction.types import Extraction, PartialDate
from extraction.types import Meeting as ExtractedMeeting
from extraction.types import Participant as ExtractedParticipant
from storage.db import core_rows
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


# The statements an ingest runs for every article, composed once: building them per call cost more than
# SQLite took to run them. They go through the session's connection as plain Core, past the ORM's
# per-object bookkeeping, which is meant for a few rows, not a hundred small ones per article.
_MEETINGS_OF_IN = (
    select(Meeting.id, Meeting.date)
    .join(MeetingParticipant, col(MeetingParticipant.meeting_id) == Meeting.id)
    .where(MeetingParticipant.person_id == bindparam("person"),
           col(Meeting.date) >= bindparam("first"), col(Meeting.date) < bindparam("after"))
)
_PARTICIPANTS_OF = select(MeetingParticipant.meeting_id, MeetingParticipant.person_id).where(
    col(MeetingParticipant.meeting_id).in_(bindparam("meetings", expanding=True)))
_PEOPLE_BY_KEY = select(Person.key, Person.id).where(col(Person.key).in_(bindparam("keys", expanding=True)))
_PEOPLE_BY_NAME = select(Person.name, Person.id).where(
    col(Person.name).in_(bindparam("names", expanding=True))).order_by(Person.id)
_PEOPLE_BY_LOWER_NAME = select(Person.name, Person.id).where(
    func.lower(Person.name).in_(bindparam("names", expanding=True))).order_by(Person.id)
_TOPICS_BY_NAME = select(Topic.name, Topic.id).where(col(Topic.name).in_(bindparam("names", expanding=True)))
_INSERT = {table: insert(table.__table__) for table in (Sentence, Meeting, MeetingParticipant, MeetingTopic,
                                                       MeetingSource, Person, PersonAlias, Topic)}


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
    topic_ids = _topic_ids(session, [kt.name for kt in knowledge.topics])
    for kt in knowledge.topics:
        session.exec(delete(TopicSynonym).where(col(TopicSynonym.topic_id) == topic_ids[kt.name]))
        for synonym in dict.fromkeys(kt.synonyms):
            session.add(TopicSynonym(topic_id=topic_ids[kt.name], synonym=synonym))
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
    """Sentences, people, topics and meetings in a few bulk statements: ingest is bound by round trips."""
    if extraction.sentences:
        _insert_many(session, Sentence, [{"article_id": article.id, "position": position, "text": sentence}
                                         for position, sentence in enumerate(extraction.sentences)])
    people = _person_ids(session, [p for m in extraction.meetings for p in m.participants])
    topics = _topic_ids(session, [link.name for m in extraction.meetings for link in m.topics])
    meeting_ids: list[int] = []
    new_ids: list[int] = []
    for extracted in extraction.meetings:
        meeting_id, is_new = _store_meeting(session, extracted, article.id or 0, people, topics,
                                            created_at=created_at)
        if meeting_id in meeting_ids:
            continue
        meeting_ids.append(meeting_id)
        if is_new:
            new_ids.append(meeting_id)
    return StoredArticle(article=article, meeting_ids=tuple(meeting_ids), new_meeting_ids=tuple(new_ids))


def _delete_unsourced_meetings(session: Session) -> int:
    """Meetings no article reports any more go; returns how many."""
    orphans = session.exec(select(Meeting).where(col(Meeting.id).not_in(select(MeetingSource.meeting_id)))).all()
    for meeting in orphans:
        session.delete(meeting)
    session.flush()
    return len(orphans)


def _store_meeting(session: Session, extracted: ExtractedMeeting, article_id: int, people: dict[str, int],
                   topics: dict[str, int], *, created_at: dt.datetime | None = None) -> tuple[int, bool]:
    """Add one extracted meeting, or merge it into the stored report of the same event; (id, is new)."""
    person_ids = list(dict.fromkeys(people[person_key(p)] for p in extracted.participants))
    existing = _same_event(session, extracted.date, person_ids)
    if existing is None:
        meeting = Meeting(kind=extracted.kind, label=extracted.label)
        if created_at is not None:
            meeting.created_at = created_at
        _merge_details(meeting, extracted)
        meeting_id = _insert(session, Meeting, meeting.model_dump(exclude={"id"}))
        sort_date = meeting.sort_date
        present: set[int] = set()
        linked: set[int] = set()
        sourced = False
    else:
        meeting_id = existing.id or 0
        _merge_details(existing, extracted)
        session.add(existing)
        session.flush()
        sort_date = existing.sort_date
        present = set(person_ids)  # _same_event matched exactly these participants
        linked = set(session.exec(select(MeetingTopic.topic_id).where(MeetingTopic.meeting_id == meeting_id)).all())
        sourced = session.get(MeetingSource, (meeting_id, article_id)) is not None
    joining = []
    for position, participant in enumerate(extracted.participants):
        person_id = people[person_key(participant)]
        if person_id not in present:
            present.add(person_id)
            joining.append({"meeting_id": meeting_id, "person_id": person_id, "role": participant.role,
                            "position": position, "sort_date": sort_date})  # else a trigger copies it
    _insert_many(session, MeetingParticipant, joining)
    links = []
    for link in extracted.topics:
        if topics[link.name] not in linked:
            linked.add(topics[link.name])
            links.append({"meeting_id": meeting_id, "topic_id": topics[link.name], "quote": link.quote,
                          "sort_date": sort_date})
    _insert_many(session, MeetingTopic, links)
    if not sourced:
        _insert(session, MeetingSource, {"meeting_id": meeting_id, "article_id": article_id, "quote": extracted.quote})
    return meeting_id, existing is None


def _insert(session: Session, table: type[SQLModel], row: dict[str, object]) -> int:
    """Insert one row; its new primary key."""
    return session.connection().execute(_INSERT[table], row).inserted_primary_key[0]


def _insert_many(session: Session, table: type[SQLModel], rows: list[dict[str, object]]) -> None:
    if rows:
        session.connection().execute(_INSERT[table], rows)


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
    """A stored meeting of exactly these people on a compatible date: another report of one event.

    Candidates are the first person's meetings in the same month (or year), found through indexes;
    their participant sets are then read in one query, not one query each.
    """
    if date is None or len(person_ids) < 2:
        return None
    prefix = date.iso()[:7] if date.precision != "year" else date.iso()
    dated = core_rows(session, _MEETINGS_OF_IN, person=person_ids[0], first=prefix, after=prefix + "\uffff")
    compatible = sorted(i for i, d in dated if _compatible(PartialDate.parse(d or ""), date))
    if not compatible:
        return None
    present: dict[int, set[int]] = {}
    for meeting_id, person_id in core_rows(session, _PARTICIPANTS_OF, meetings=compatible):
        present.setdefault(meeting_id, set()).add(person_id)
    same = next((i for i in compatible if present.get(i) == set(person_ids)), None)
    return session.get(Meeting, same) if same is not None else None


def _compatible(a: PartialDate, b: PartialDate) -> bool:
    """Equal dates, or a day inside a month the other report gave (never a bare year: too loose)."""
    if a == b:
        return True
    if a.precision == "year" or b.precision == "year":
        return False
    return (a.year, a.month) == (b.year, b.month) and "month" in (a.precision, b.precision)


def _person_ids(session: Session, participants: list[ExtractedParticipant]) -> dict[str, int]:
    """The stored id of each participant (by `person_key`), adding people seen for the first time.

    A knowledge-base person is found by key; anyone else, or a key not yet mirrored, by name
    regardless of case, so someone first stored as a stranger keeps one row.
    """
    wanted = {person_key(p): p for p in participants}
    keys = [p.person_id for p in wanted.values() if p.person_id is not None]
    found: dict[str, int] = dict(core_rows(session, _PEOPLE_BY_KEY, keys=keys)) if keys else {}
    missing = [p for k, p in wanted.items() if k not in found]
    by_name = _ids_by_name(session, [p.name for p in missing]) if missing else {}
    for participant in missing:
        person_id = by_name.get(participant.name.lower())
        if person_id is None:
            person_id = _insert(session, Person, {"key": participant.person_id, "name": participant.name,
                                                  "country": participant.country})
            _insert(session, PersonAlias, {"person_id": person_id, "alias": participant.name})
            by_name[participant.name.lower()] = person_id
        found[person_key(participant)] = person_id
    return found


def _ids_by_name(session: Session, names: list[str]) -> dict[str, int]:
    """Stored people by lower-cased name: the exact spelling through the index, other cases by a scan
    that only names not found that way need (SQLite's lower() folds ASCII only, as before)."""
    found: dict[str, int] = {}
    for name, person_id in core_rows(session, _PEOPLE_BY_NAME, names=names):
        found.setdefault(name.lower(), person_id)
    rest = list({n.lower() for n in names} - found.keys())
    for name, person_id in core_rows(session, _PEOPLE_BY_LOWER_NAME, names=rest) if rest else []:
        found.setdefault(name.lower(), person_id)
    return found


def _topic_ids(session: Session, names: list[str]) -> dict[str, int]:
    """The stored id of each topic name, adding topics not yet stored."""
    wanted = list(dict.fromkeys(names))
    found: dict[str, int] = dict(core_rows(session, _TOPICS_BY_NAME, names=wanted)) if wanted else {}
    for name in wanted:
        if name not in found:
            found[name] = _insert(session, Topic, {"name": name})
    return found


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
