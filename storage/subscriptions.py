"""Subscribers, what they follow, and the alert rounds; the ledger that sends each message once is
`storage.ledger`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, delete, func, select, update

from storage.db import direct_rows, json_list
from storage.models import (
    DeliveryRow,
    FollowRow,
    MeetingRow,
    PersonRow,
    QueuedAlertRow,
    StoreMetaRow,
    SubscriberRow,
    TopicRow,
)


@dataclass(frozen=True)
class FollowView:
    kind: str  # person | topic
    target_id: int
    name: str


def get_subscriber(session: Session, *, chat_id: int) -> SubscriberRow | None:
    return session.exec(select(SubscriberRow).where(SubscriberRow.chat_id == chat_id)).first()


def subscribe(session: Session, *, chat_id: int, digest_time: str, timezone: str,
              at: dt.datetime | None = None) -> SubscriberRow:
    """Create or update a subscription; re-subscribing reactivates it and keeps follows and history.

    `at` (now by default) is when the chat's digest time takes effect: a time already past today starts tomorrow.
    """
    subscriber = chat_record(session, chat_id=chat_id, digest_time=digest_time, timezone=timezone)
    subscriber.digest_time, subscriber.timezone, subscriber.active = digest_time, timezone, True
    subscriber.subscribed_at = at or dt.datetime.now(dt.UTC)
    session.add(subscriber)
    session.flush()
    return subscriber


def chat_record(session: Session, *, chat_id: int, digest_time: str, timezone: str) -> SubscriberRow:
    """The chat's row, made (not subscribed) when missing: what it follows is kept for a later /subscribe."""
    subscriber = get_subscriber(session, chat_id=chat_id)
    if subscriber is None:
        subscriber = SubscriberRow(chat_id=chat_id, digest_time=digest_time, timezone=timezone, active=False)
        session.add(subscriber)
        session.flush()
    return subscriber


def unsubscribe(session: Session, *, chat_id: int) -> bool:
    """Stop digests and alerts; False when the chat was not subscribed."""
    subscriber = get_subscriber(session, chat_id=chat_id)
    if subscriber is None or not subscriber.active:
        return False
    subscriber.active = False
    session.add(subscriber)
    return True


def set_alerts(session: Session, *, chat_id: int, on: bool) -> SubscriberRow | None:
    subscriber = get_subscriber(session, chat_id=chat_id)
    if subscriber is not None:
        subscriber.alerts = on
        session.add(subscriber)
    return subscriber


def mark_inactive(session: Session, *, chat_id: int) -> None:
    """The chat blocked or removed the bot: stop sending until it subscribes again."""
    subscriber = get_subscriber(session, chat_id=chat_id)
    if subscriber is not None and subscriber.active:
        subscriber.active = False
        session.add(subscriber)


def active_subscribers(session: Session, *, alerts_only: bool = False) -> list[SubscriberRow]:
    query = select(SubscriberRow).where(col(SubscriberRow.active))
    if alerts_only:
        query = query.where(col(SubscriberRow.alerts))
    return list(session.exec(query.order_by(col(SubscriberRow.id))))


def follow(session: Session, *, subscriber_id: int, kind: str, target_id: int) -> bool:
    """Follow a person or a topic; False when already followed."""
    exists = session.exec(select(FollowRow).where(
        FollowRow.subscriber_id == subscriber_id, FollowRow.kind == kind, FollowRow.target_id == target_id)).first()
    if exists is not None:
        return False
    session.add(FollowRow(subscriber_id=subscriber_id, kind=kind, target_id=target_id))
    return True


def unfollow(session: Session, *, subscriber_id: int, kind: str, target_id: int) -> bool:
    result = session.exec(delete(FollowRow).where(
        col(FollowRow.subscriber_id) == subscriber_id, col(FollowRow.kind) == kind,
        col(FollowRow.target_id) == target_id))
    return bool(result.rowcount)


def follows_of(session: Session, *, subscriber_id: int) -> list[FollowView]:
    people = session.exec(
        select(FollowRow.target_id, PersonRow.name).join(PersonRow, col(PersonRow.id) == FollowRow.target_id)
        .where(FollowRow.subscriber_id == subscriber_id, FollowRow.kind == "person")
    ).all()
    topics = session.exec(
        select(FollowRow.target_id, TopicRow.name).join(TopicRow, col(TopicRow.id) == FollowRow.target_id)
        .where(FollowRow.subscriber_id == subscriber_id, FollowRow.kind == "topic")
    ).all()
    return [FollowView("person", tid, name) for tid, name in people] + [
        FollowView("topic", tid, name) for tid, name in topics]


_FOLLOWED = ("SELECT meeting_id FROM meetingparticipant WHERE meeting_id IN (SELECT value FROM json_each(?)) "
             "AND person_id IN (SELECT value FROM json_each(?)) "
             "UNION SELECT meeting_id FROM meetingtopic WHERE meeting_id IN (SELECT value FROM json_each(?)) "
             "AND topic_id IN (SELECT value FROM json_each(?))")


def following_anything(session: Session) -> set[int]:
    """Subscribers who follow someone or something: the others want every meeting, and an alert round need not ask."""
    return set(session.exec(select(FollowRow.subscriber_id).distinct()))


def matching_follows(session: Session, *, subscriber_id: int, meeting_ids: list[int]) -> list[int]:
    """The meetings a subscriber wants: all of them if they follow nothing, else those that involve a follow.

    The ids go in as one JSON parameter: a digest after a big import asks about tens of thousands,
    more than SQLite takes as separate parameters.
    """
    follows = follows_of(session, subscriber_id=subscriber_id)
    if not follows or not meeting_ids:
        return list(meeting_ids)
    people = [f.target_id for f in follows if f.kind == "person"]
    topics = [f.target_id for f in follows if f.kind == "topic"]
    wanted = {meeting_id for (meeting_id,) in direct_rows(session, _FOLLOWED, json_list(meeting_ids),
                                                          json_list(people), json_list(meeting_ids),
                                                          json_list(topics))}
    return [m for m in meeting_ids if m in wanted]


def meetings_added_since(session: Session, *, since: dt.datetime | None) -> list[int]:
    """Ids of meetings first stored after `since`, newest meeting date first."""
    query = select(MeetingRow.id)
    if since is not None:
        query = query.where(col(MeetingRow.created_at) > since)
    return [i for i in session.exec(query.order_by(col(MeetingRow.sort_date).desc(), col(MeetingRow.id).desc())) if i]


@dataclass(frozen=True)
class AlertRound:
    """Articles queued for the subscribers' alert, sent together as one message to each chat."""

    number: int
    article_ids: tuple[int, ...]
    meeting_ids: tuple[int, ...]  # the meetings they added, in the order they were stored

    @property
    def key(self) -> str:
        """The delivery ledger's key for this round's message."""
        return f"round:{self.number}"


ROUND_COUNTER = "push_round"  # StoreMeta key: the last round number given out (its stored name)
ALERT = "push"  # DeliveryRow.kind of an alert, as the ledger stores it


def gather_round(session: Session) -> int | None:
    """Put every queued article that is in no round yet into a new one; its number, if there was any.

    An archive loaded with alerts on queues thousands of articles; each chat gets one message for them
    all instead of one each. A round never changes once formed, so an alert round cut short by a crash is
    finished under the same ledger key, and nobody gets it twice.
    """
    waiting = session.exec(select(QueuedAlertRow).where(col(QueuedAlertRow.finished_at).is_(None),
                                                        col(QueuedAlertRow.push_round).is_(None))).all()
    if not waiting:
        return None
    counter = session.get(StoreMetaRow, ROUND_COUNTER)
    highest = session.exec(select(func.max(QueuedAlertRow.push_round))).one() or 0
    number = max(int(counter.value) if counter else 0, highest) + 1
    session.merge(StoreMetaRow(key=ROUND_COUNTER, value=str(number)))
    for queued in waiting:
        queued.push_round = number
        session.add(queued)
    return number


def unfinished_rounds(session: Session) -> list[AlertRound]:
    """Rounds not yet sent to everyone, oldest first."""
    rows = session.exec(select(QueuedAlertRow).where(col(QueuedAlertRow.finished_at).is_(None),
                                                     col(QueuedAlertRow.push_round).is_not(None))
                        .order_by(col(QueuedAlertRow.push_round), col(QueuedAlertRow.id))).all()
    rounds: dict[int, tuple[list[int], list[int]]] = {}
    for b in rows:
        articles, meetings = rounds.setdefault(b.push_round or 0, ([], []))
        articles.append(b.article_id)
        meetings += [int(i) for i in b.meeting_ids.split(",") if i]
    return [AlertRound(number, tuple(articles), tuple(dict.fromkeys(meetings)))
            for number, (articles, meetings) in rounds.items()]


def finish_round(session: Session, *, number: int) -> None:
    """Everyone has been served: the round's articles leave the queue."""
    session.exec(update(QueuedAlertRow)
                 .where(col(QueuedAlertRow.push_round) == number, col(QueuedAlertRow.finished_at).is_(None))
                 .values(finished_at=dt.datetime.now(dt.UTC)))


def mark_digest_sent(session: Session, *, chat_id: int, at: dt.datetime) -> None:
    subscriber = get_subscriber(session, chat_id=chat_id)
    if subscriber is not None:
        subscriber.last_digest_at = at
        session.add(subscriber)


def alerts_received(session: Session, *, subscriber_id: int, since: dt.datetime) -> list[tuple[int, ...]]:
    """The meetings of each alert round delivered to a subscriber since `since` (all the round's meetings,
    before the subscriber's follows narrowed them)."""
    keys = session.exec(select(DeliveryRow.key).where(
        col(DeliveryRow.subscriber_id) == subscriber_id, col(DeliveryRow.kind) == ALERT,
        col(DeliveryRow.status) == "sent", col(DeliveryRow.sent_at) >= since)).all()
    numbers = [int(key.removeprefix("round:")) for key in keys if key.startswith("round:")]
    rows = session.exec(select(QueuedAlertRow.push_round, QueuedAlertRow.meeting_ids)
                        .where(col(QueuedAlertRow.push_round).in_(numbers))).all() if numbers else []
    rounds: dict[int, list[int]] = {}
    for number, ids in rows:
        rounds.setdefault(number or 0, []).extend(int(i) for i in ids.split(",") if i)
    return [tuple(dict.fromkeys(ids)) for ids in rounds.values()]


@dataclass(frozen=True)
class SubscriberCounts:
    """Every chat the bot knows is in exactly one of `active`, `stopped` and `only_following`."""

    active: int
    with_alerts: int  # of the active
    following: int  # of the active: those who follow someone or something
    stopped: int  # subscribed once, then unsubscribed or blocked the bot
    only_following: int  # never subscribed: follows kept for a later /subscribe
    delivered: int  # alerts and digests that Telegram accepted since `since`


def subscriber_counts(session: Session, *, since: dt.datetime) -> SubscriberCounts:
    """For /stats: how many chats are served, and how many alerts and digests reached them since `since`."""
    subscribers = session.exec(select(SubscriberRow.id, SubscriberRow.active, SubscriberRow.alerts,
                                      SubscriberRow.subscribed_at)).all()
    followers = set(session.exec(select(FollowRow.subscriber_id).distinct()).all())
    delivered = session.exec(select(func.count(col(DeliveryRow.id))).where(
        col(DeliveryRow.status) == "sent", col(DeliveryRow.sent_at) >= since)).one()
    return SubscriberCounts(
        active=sum(bool(active) for _, active, _, _ in subscribers),
        with_alerts=sum(bool(active and alerts) for _, active, alerts, _ in subscribers),
        following=sum(bool(active and sid in followers) for sid, active, _, _ in subscribers),
        stopped=sum(not active and subscribed is not None for _, active, _, subscribed in subscribers),
        only_following=sum(not active and subscribed is None for _, active, _, subscribed in subscribers),
        delivered=delivered,
    )
