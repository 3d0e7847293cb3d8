"""Chats that subscribed are told apart from chats that only follow, in new stores and upgraded ones."""

from __future__ import annotations

from alembic import command

from storage import subscriptions as subs
from storage.db import alembic_config, make_engine, migrate, session_scope


def test_an_upgraded_store_tells_chats_that_only_follow_from_those_that_stopped(db_url):
    engine = make_engine(db_url)
    command.upgrade(alembic_config(engine), "0010")
    with engine.begin() as conn:
        for row, (chat, active) in enumerate([(1, 1), (2, 0), (3, 0), (4, 0)], start=1):
            conn.exec_driver_sql("INSERT INTO subscriber (id, chat_id, digest_time, timezone, alerts, active, "
                                 f"created_at) VALUES ({row}, {chat}, '08:00', 'UTC', 1, {active}, '2026-01-01')")
        conn.exec_driver_sql("INSERT INTO follow (subscriber_id, kind, target_id) VALUES (1, 'topic', 1), "
                             "(3, 'topic', 1), (4, 'topic', 1)")  # 3 only followed; 4 followed and was served
        conn.exec_driver_sql("INSERT INTO delivery (subscriber_id, kind, key, status, sent_at) "
                             "VALUES (4, 'digest', '2026-01-02', 'sent', '2026-01-02')")
    migrate(engine)
    with session_scope(engine) as session:
        counts = subs.subscriber_counts(session, since=subs.get_subscriber(session, chat_id=1).created_at)
    assert (counts.active, counts.following, counts.stopped, counts.only_following) == (1, 1, 2, 1)


def test_a_chat_that_follows_then_subscribes_is_counted_once(engine):
    with session_scope(engine) as session:
        record = subs.chat_record(session, chat_id=9, digest_time="08:00", timezone="UTC")
        subs.follow(session, subscriber_id=record.id, kind="topic", target_id=1)
    with session_scope(engine) as session:
        before = subs.subscriber_counts(session, since=record.created_at)
        subs.subscribe(session, chat_id=9, digest_time="08:00", timezone="UTC")
    with session_scope(engine) as session:
        after = subs.subscriber_counts(session, since=record.created_at)
    assert (before.active, before.stopped, before.only_following) == (0, 0, 1)
    assert (after.active, after.following, after.stopped, after.only_following) == (1, 1, 0, 0)
