"""SQLModel tables: articles, the people and topics they mention, meetings with evidence, subscribers.

Every change to these classes comes with an Alembic migration in `storage/migrations/versions/`.
Each class is named for one stored row (`MeetingRow`), so that it is never mistaken for extraction's
value of the same name (`extraction.types.Meeting`); each names its table as the migrations do.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, ForeignKey, Index, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _fk(target: str, *, index: bool = True) -> Column:
    """A foreign key that takes its rows with it when the parent goes (articles, meetings)."""
    return Column(Integer, ForeignKey(target, ondelete="CASCADE"), nullable=False, index=index)


class ArticleRow(SQLModel, table=True):
    """One news text as added, with how its publication date was known."""

    __tablename__ = "article"

    id: int | None = Field(default=None, primary_key=True)
    content_hash: str = Field(unique=True, index=True, max_length=64)
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    filename: str | None = None
    published: dt.date | None = Field(default=None, index=True)  # /articles lists newest published first
    published_source: str = "assumed"  # given | byline | url | dateline | assumed
    text: str
    added_by: str | None = None  # "telegram:<user id>", "cli" or "seed"
    added_at: dt.datetime = Field(default_factory=utcnow)


class SentenceRow(SQLModel, table=True):
    """One sentence of an article, kept for full-text search and as evidence."""

    __tablename__ = "sentence"

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(sa_column=_fk("article.id"))
    position: int
    text: str
    # the article's publication day and this id in one number (set by triggers, migration 0014): the
    # full-text index is keyed by it, so search hits come newest published first without sorting
    search_key: int | None = Field(default=None, unique=True, index=True)


class PersonRow(SQLModel, table=True):
    """Someone who took part in a meeting; `key` links to the knowledge base when it knows them."""

    __tablename__ = "person"

    id: int | None = Field(default=None, primary_key=True)
    key: str | None = Field(default=None, unique=True, index=True)
    name: str = Field(index=True)
    folded: str = Field(index=True)  # the name as lookups fold it (knowledge.spelling.spelling_key), to match strangers
    country: str | None = None


class PersonAliasRow(SQLModel, table=True):
    """Every spelling of a person's name that a reader may type."""

    __tablename__ = "personalias"

    __table_args__ = (UniqueConstraint("person_id", "alias"),)
    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(sa_column=_fk("person.id"))
    alias: str


class PersonRoleRow(SQLModel, table=True):
    """An office a person held between two dates (end exclusive; None while in office)."""

    __tablename__ = "personrole"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(sa_column=_fk("person.id"))
    role_key: str
    title: str
    start: dt.date | None = None
    end: dt.date | None = None


class MeetingRow(SQLModel, table=True):
    """One event: talks, a call or a planned visit, dated to the day, month or year."""

    __tablename__ = "meeting"

    id: int | None = Field(default=None, primary_key=True)
    date: str | None = Field(default=None, index=True)  # YYYY-MM-DD, YYYY-MM or YYYY
    date_precision: str | None = None  # day | month | year
    sort_date: dt.date | None = Field(default=None, index=True)  # first day the date can mean
    place: str | None = None
    kind: str = "meeting"  # meeting | call | planned
    label: str = ""
    # what the articles say was discussed, in their words: a JSON list of strings, "[]" when none says
    agenda: str = Field(default="[]", sa_column_kwargs={"server_default": "[]"})
    # False when no report states the date in full and its article gave no publication day: the date is then
    # only what every possible day agrees on (often none), and `date_text` keeps the words that date it
    # ("on Wednesday"), so that readers are told rather than shown a precise wrong date
    date_certain: bool = Field(default=True, sa_column_kwargs={"server_default": "1"})
    date_text: str = Field(default="", sa_column_kwargs={"server_default": ""})
    # the other side, when no article names any of its people: the words that name it as a body ("the leadership
    # of Jilin Province"); its country is the side none of the participants is from
    counterpart: str = Field(default="", sa_column_kwargs={"server_default": ""})
    created_at: dt.datetime = Field(default_factory=utcnow, index=True)


class MeetingParticipantRow(SQLModel, table=True):
    """A person at a meeting, with the title they held on its date.

    `sort_date` copies the meeting's (triggers of migration 0006 keep it, writers need not set it), so
    that a person's meetings come newest first straight from an index, not by sorting tens of thousands.
    """

    __tablename__ = "meetingparticipant"

    __table_args__ = (Index("ix_meetingparticipant_person_newest", "person_id", "sort_date", "meeting_id"),)
    meeting_id: int = Field(sa_column=Column(Integer, ForeignKey("meeting.id", ondelete="CASCADE"),
                                             primary_key=True))
    person_id: int = Field(sa_column=Column(Integer, ForeignKey("person.id", ondelete="CASCADE"),
                                            primary_key=True))
    role: str | None = None
    position: int = 0  # order of mention, so that replies list people as the article did
    sort_date: dt.date | None = None  # the meeting's, kept by triggers


class TopicRow(SQLModel, table=True):
    """A subject of talks from the taxonomy."""

    __tablename__ = "topic"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, index=True)


class TopicSynonymRow(SQLModel, table=True):
    """Words that mean the topic, in any language a reader may use."""

    __tablename__ = "topicsynonym"

    __table_args__ = (UniqueConstraint("topic_id", "synonym"),)
    id: int | None = Field(default=None, primary_key=True)
    topic_id: int = Field(sa_column=_fk("topic.id"))
    synonym: str


class MeetingTopicRow(SQLModel, table=True):
    """A topic discussed at a meeting and the sentence that supports the link.

    `sort_date` copies the meeting's, kept by triggers like `MeetingParticipantRow.sort_date`, for the same reason.
    """

    __tablename__ = "meetingtopic"

    __table_args__ = (Index("ix_meetingtopic_topic_newest", "topic_id", "sort_date", "meeting_id"),)
    meeting_id: int = Field(sa_column=Column(Integer, ForeignKey("meeting.id", ondelete="CASCADE"),
                                             primary_key=True))
    topic_id: int = Field(sa_column=Column(Integer, ForeignKey("topic.id", ondelete="CASCADE"),
                                           primary_key=True))
    quote: str
    sort_date: dt.date | None = None  # the meeting's, kept by triggers


class PersonPartnerRow(SQLModel, table=True):
    """How many meetings a person shared with another, for /who without counting thousands of links.

    Kept by triggers on `meetingparticipant` (migration 0006), whatever writes or cascades the links, so
    the rows need no foreign keys. Both directions are stored; the row of a person with themself counts
    their own meetings. Pairs whose count falls to zero are removed.
    """

    __tablename__ = "personpartner"

    # the top counterparts come from walking this index, not from sorting thousands of pairs
    __table_args__ = (Index("ix_personpartner_top", "person_id", "meetings"),)
    person_id: int = Field(primary_key=True)
    partner_id: int = Field(primary_key=True)
    meetings: int


class PersonTopicRow(SQLModel, table=True):
    """How many of a person's meetings discussed a topic; kept like `PersonPartnerRow`."""

    __tablename__ = "persontopic"

    person_id: int = Field(primary_key=True)
    topic_id: int = Field(primary_key=True)
    meetings: int


class RowCountRow(SQLModel, table=True):
    """How many rows a big table holds, kept by triggers: `meeting` (migration 0006; count(*) over a
    quarter of a million meetings was the largest part of every /latest), `article` and `participant`,
    the people who took part in a meeting (0009, for /start and /help)."""

    __tablename__ = "rowcount"

    table_name: str = Field(primary_key=True)
    total: int


class MeetingSourceRow(SQLModel, table=True):
    """An article that reports a meeting, with the sentence that does."""

    __tablename__ = "meetingsource"

    meeting_id: int = Field(sa_column=Column(Integer, ForeignKey("meeting.id", ondelete="CASCADE"),
                                             primary_key=True))
    article_id: int = Field(sa_column=Column(Integer, ForeignKey("article.id", ondelete="CASCADE"),
                                             primary_key=True, index=True))
    quote: str = ""


class SubscriberRow(SQLModel, table=True):
    """A chat (private, group or channel) that receives digests and alerts; its digest time and zone are the
    digest's only schedule (storage.digests_due)."""

    __tablename__ = "subscriber"

    __table_args__ = (Index("ix_subscriber_timezone_digest_time", "timezone", "digest_time"),)
    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(unique=True, index=True)
    digest_time: str = "08:00"  # HH:MM, local to `timezone`
    timezone: str = "UTC"
    alerts: bool = True
    active: bool = True
    created_at: dt.datetime = Field(default_factory=utcnow)
    last_digest_at: dt.datetime | None = None  # None until its first digest, which covers the last week
    subscribed_at: dt.datetime | None = None  # last /subscribe; None for a chat that only keeps follows


class FollowRow(SQLModel, table=True):
    """A person or topic a subscriber follows: digests and alerts then carry only what involves it."""

    __tablename__ = "follow"

    __table_args__ = (UniqueConstraint("subscriber_id", "kind", "target_id"),)
    id: int | None = Field(default=None, primary_key=True)
    subscriber_id: int = Field(sa_column=_fk("subscriber.id"))
    kind: str  # person | topic
    target_id: int  # a person.id or a topic.id


class DeliveryRow(SQLModel, table=True):
    """A message to a subscriber; the unique key lets each digest and alert be sent to a chat once.

    `queued` when claimed (not sent yet), `sending` once its request left for Telegram (after the rate
    limiter's wait), then settled: `sent`, `gone` (the chat blocked the bot), `failed` (given up) or `empty`
    (a digest day with nothing new). A digest's row is also its schedule: see storage.digests_due.
    A crash leaves `queued` (known unsent: sent at the next start) or `sending` (outcome unknown: not
    sent again, see storage.ledger.claim_delivery).
    """

    __tablename__ = "delivery"

    __table_args__ = (UniqueConstraint("subscriber_id", "kind", "key"),)
    id: int | None = Field(default=None, primary_key=True)
    subscriber_id: int = Field(sa_column=_fk("subscriber.id"))
    kind: str  # digest | push (an alert: storage.subscriptions.ALERT)
    key: str  # the digest's local date, or "round:<n>" for an alert (storage.subscriptions.AlertRound)
    status: str = Field(default="sent", sa_column_kwargs={"server_default": "sent"})  # see above
    attempts: int = Field(default=0, sa_column_kwargs={"server_default": "0"})  # times it was taken up
    sent_at: dt.datetime = Field(default_factory=utcnow)


class QueuedAlertRow(SQLModel, table=True):
    """An article whose new meetings subscribers must hear about in an alert; written with the article itself,
    so that a crash before or during the alert round is finished by the next start."""

    __tablename__ = "broadcast"  # the table's name from before alerts had one word

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(sa_column=Column(Integer, ForeignKey("article.id", ondelete="CASCADE"),
                                             nullable=False, unique=True))
    meeting_ids: str  # comma-separated ids of the meetings that were new
    created_at: dt.datetime = Field(default_factory=utcnow)
    finished_at: dt.datetime | None = Field(default=None, index=True)
    push_round: int | None = Field(default=None, index=True)  # the alert round: articles queued together, one message


class StoreMetaRow(SQLModel, table=True):
    """Facts about the store itself, such as which knowledge base it mirrors."""

    __tablename__ = "storemeta"

    key: str = Field(primary_key=True)
    value: str


class InboxUpdateRow(SQLModel, table=True):
    """An update from Telegram, written before it is handled and marked done after.

    Telegram forgets an update once the bot has fetched the next batch, usually while the first is
    still being handled; a crash in between would lose a /subscribe. One still `handling` at start-up
    is handled again, at most `MAX_ATTEMPTS` times in all, so an update that crashes the bot cannot do
    it forever.
    """

    __tablename__ = "inboxupdate"

    update_id: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))
    payload: str  # the update as Telegram sent it (JSON)
    status: str = "handling"  # handling | done
    attempts: int = 1
    received_at: dt.datetime = Field(default_factory=utcnow, index=True)


class SavedSearchRow(SQLModel, table=True):
    """A search a reader ran, so that its "more" button carries a number, not the text (64 bytes at most)."""

    __tablename__ = "savedsearch"

    id: int | None = Field(default=None, primary_key=True)
    text: str = Field(unique=True, index=True)
