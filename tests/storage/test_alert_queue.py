"""The alert queue: articles queued together form one round, rounds never change, numbers are never reused."""

from __future__ import annotations

from alembic import command
from sqlmodel import select

from storage import ledger
from storage import subscriptions as subs
from storage.db import alembic_config, migrate, session_scope
from storage.models import QueuedAlertRow, SubscriberRow
from storage.writes import delete_article
from tests.factories import extraction, meeting, store


def queue(engine, day: int) -> int:
    """Store an article reporting a meeting on that day of December, and queue its alert."""
    report = extraction(meeting(date=f"2025-12-{day:02d}"), text=f"Report {day}.")
    return store(engine, report, alert=True).article_id


def rounds(engine) -> list[subs.AlertRound]:
    with session_scope(engine) as session:
        subs.gather_round(session)
        return subs.unfinished_rounds(session)


def test_articles_queued_together_form_one_round_and_later_ones_the_next(engine):
    first, second = queue(engine, 1), queue(engine, 2)
    [together] = rounds(engine)
    assert together.article_ids == (first, second)
    third = queue(engine, 3)
    assert [r.article_ids for r in rounds(engine)] == [(first, second), (third,)]  # the first round kept its shape
    with session_scope(engine) as session:
        subs.finish_round(session, number=together.number)
    assert [r.article_ids for r in rounds(engine)] == [(third,)]


def test_a_round_number_is_never_given_out_twice_even_after_its_articles_are_deleted(engine):
    article = queue(engine, 1)
    [gone] = rounds(engine)
    with session_scope(engine) as session:
        delete_article(session, article_id=article)
    assert rounds(engine) == []
    queue(engine, 2)
    [fresh] = rounds(engine)
    assert fresh.number > gone.number  # a chat that got round `gone` must still get this one


def test_a_follower_query_takes_any_number_of_meetings(engine):
    with session_scope(engine) as session:
        subscriber = subs.subscribe(session, chat_id=5, digest_time="08:00", timezone="UTC")
        subs.follow(session, subscriber_id=subscriber.id or 0, kind="topic", target_id=1)
        many = list(range(1, 40_001))  # more than SQLite takes as separate parameters
        assert subs.matching_follows(session, subscriber_id=subscriber.id or 0, meeting_ids=many) == []


def test_an_alert_left_unfinished_before_rounds_keeps_its_record_of_who_got_it(engine):
    command.downgrade(alembic_config(engine), "0007")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO subscriber (id, chat_id, digest_time, timezone, alerts, active, created_at) "
                             "VALUES (1, 42, '08:00', 'UTC', 1, 1, '2026-01-01 00:00:00')")
        conn.exec_driver_sql("INSERT INTO article (id, content_hash, text, published_source, added_at) "
                             "VALUES (9, 'h', 'text', 'given', '2026-01-01 00:00:00')")
        conn.exec_driver_sql("INSERT INTO broadcast (article_id, meeting_ids, created_at) "
                             "VALUES (9, '', '2026-01-01 00:00:00')")
        conn.exec_driver_sql("INSERT INTO delivery (subscriber_id, kind, key, status, sent_at) "
                             "VALUES (1, 'push', 'article:9', 'sent', '2026-01-01 00:00:00')")
    migrate(engine)
    [legacy] = rounds(engine)
    assert legacy.article_ids == (9,)
    with session_scope(engine) as session:
        assert session.exec(select(SubscriberRow)).one().chat_id == 42
        assert not ledger.claim_delivery(session, subscriber_id=1, kind="push", key=legacy.key)  # already sent
        assert session.exec(select(QueuedAlertRow.push_round)).one() == legacy.number
