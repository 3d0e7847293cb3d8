"""Who is due a daily digest: read from the subscriber rows and the delivery ledger alone."""

from __future__ import annotations

import datetime as dt

import pytest

from storage import ledger
from storage import subscriptions as subs
from storage.db import session_scope
from storage.digests_due import DIGEST, due_digests

UTC = dt.UTC


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=UTC)


def subscribe(engine, chat_id: int, digest_time: str, zone: str, *, when: str = "2026-01-01T00:00") -> int:
    with session_scope(engine) as session:
        return subs.subscribe(session, chat_id=chat_id, digest_time=digest_time, timezone=zone, at=at(when)).id


def due(engine, now: str) -> dict[int, str]:
    """chat id → the local day whose digest is due."""
    with session_scope(engine) as session:
        return {d.chat_id: d.day for d in due_digests(session, now=at(now))}


def settle(engine, subscriber_id: int, day: str, status: str) -> None:
    where = {"subscriber_id": subscriber_id, "kind": DIGEST, "key": day}
    with session_scope(engine) as session:
        assert ledger.claim_delivery(session, **where)
        if status != "queued":
            ledger.settle_delivery(session, **where, status=status)


def test_each_chat_is_due_by_its_own_clock_on_both_sides_of_midnight(engine):
    subscribe(engine, 1, "07:00", "Asia/Shanghai")  # 07:30 on 11 March there: due, for the 11th
    subscribe(engine, 2, "08:00", "Asia/Shanghai")  # not yet
    subscribe(engine, 3, "16:00", "America/Los_Angeles")  # 16:30 on 10 March there (PDT): due, for the 10th
    subscribe(engine, 4, "17:00", "America/Los_Angeles")  # not yet
    subscribe(engine, 5, "23:00", "UTC")
    assert due(engine, "2026-03-10T23:30") == {1: "2026-03-11", 3: "2026-03-10", 5: "2026-03-10"}
    assert due(engine, "2026-03-10T22:59") == {}  # 06:59 on the 11th in Shanghai, 15:59 on the 10th in Los Angeles
    assert due(engine, "2026-03-11T07:30") == {1: "2026-03-11", 2: "2026-03-11"}  # 00:30 in Los Angeles


def test_a_digest_time_the_clocks_skip_comes_when_they_jump_over_it(engine):
    subscribe(engine, 1, "02:30", "Europe/Berlin")  # 29 March 2026: 02:00 CET becomes 03:00 CEST
    assert due(engine, "2026-03-29T00:59") == {}  # 01:59 CET
    assert due(engine, "2026-03-29T01:00") == {1: "2026-03-29"}  # 03:00 CEST


def test_a_digest_time_the_clocks_pass_twice_sends_once(engine):
    subscriber = subscribe(engine, 1, "02:30", "Europe/Berlin")  # 25 October 2026: 03:00 CEST becomes 02:00 CET
    assert due(engine, "2026-10-25T00:29") == {}  # 02:29 CEST
    assert due(engine, "2026-10-25T00:30") == {1: "2026-10-25"}  # the first 02:30
    settle(engine, subscriber, "2026-10-25", "sent")
    assert due(engine, "2026-10-25T01:30") == {}  # the second 02:30, the same local day


@pytest.mark.parametrize(("status", "due_again"), [
    ("sent", False), ("empty", False), ("gone", False), ("failed", False),
    ("queued", True),  # known not delivered (a passing failure, a crash before it left): tried again
])
def test_a_chat_with_todays_digest_settled_is_not_due_again_today(engine, status, due_again):
    subscriber = subscribe(engine, 1, "08:00", "Europe/Moscow")
    settle(engine, subscriber, "2026-03-10", status)
    assert due(engine, "2026-03-10T12:00") == ({1: "2026-03-10"} if due_again else {})
    assert due(engine, "2026-03-11T05:00") == {1: "2026-03-11"}  # 08:00 the next day in Moscow


def test_an_alert_is_not_taken_for_a_digest(engine):
    subscriber = subscribe(engine, 1, "08:00", "UTC")
    with session_scope(engine) as session:
        ledger.claim_delivery(session, subscriber_id=subscriber, kind="push", key="2026-03-10")
        ledger.settle_delivery(session, subscriber_id=subscriber, kind="push", key="2026-03-10", status="sent")
    assert due(engine, "2026-03-10T09:00") == {1: "2026-03-10"}


def test_a_chat_that_unsubscribed_or_blocked_the_bot_is_never_due(engine):
    subscribe(engine, 1, "08:00", "UTC")
    subscribe(engine, 2, "08:00", "UTC")
    subscribe(engine, 3, "08:00", "UTC")
    with session_scope(engine) as session:
        subs.unsubscribe(session, chat_id=1)
        subs.mark_inactive(session, chat_id=2)
        subs.chat_record(session, chat_id=4, digest_time="08:00", timezone="UTC")  # follows only
    assert due(engine, "2026-03-10T09:00") == {3: "2026-03-10"}


def test_a_new_subscriber_starts_at_the_next_digest_time_not_at_once(engine):
    subscribe(engine, 1, "08:00", "UTC", when="2026-03-10T10:00")
    subscribe(engine, 2, "12:00", "UTC", when="2026-03-10T10:00")
    assert due(engine, "2026-03-10T12:00") == {2: "2026-03-10"}
    assert due(engine, "2026-03-11T08:00") == {1: "2026-03-11"}


def test_a_changed_time_counts_at_once(engine):
    subscriber = subscribe(engine, 1, "20:00", "UTC")
    subscribe(engine, 1, "10:30", "UTC", when="2026-03-10T09:30")  # later today: today's digest then
    assert due(engine, "2026-03-10T10:29") == {}
    assert due(engine, "2026-03-10T10:30") == {1: "2026-03-10"}
    settle(engine, subscriber, "2026-03-10", "sent")
    subscribe(engine, 1, "12:00", "UTC", when="2026-03-10T11:00")  # today's went out: none more today
    assert due(engine, "2026-03-10T12:00") == {}
    subscribe(engine, 1, "08:00", "Asia/Tokyo", when="2026-03-10T11:05")  # 20:05 in Tokyo: from tomorrow
    assert due(engine, "2026-03-10T14:00") == {}
    assert due(engine, "2026-03-10T23:00") == {1: "2026-03-11"}  # 08:00 on the 11th in Tokyo


def test_a_chat_in_a_zone_this_machine_does_not_know_is_skipped_not_fatal(engine):
    subscribe(engine, 1, "08:00", "Mars/Olympus")
    subscribe(engine, 2, "08:00", "UTC")
    assert due(engine, "2026-03-10T09:00") == {2: "2026-03-10"}
