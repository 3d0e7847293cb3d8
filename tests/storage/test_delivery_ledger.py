"""The delivery ledger: what a crash leaves is told apart, and every delivery is settled in the end."""

from __future__ import annotations

from sqlmodel import select

from storage import ledger
from storage import subscriptions as subs
from storage.db import session_scope
from storage.models import DeliveryRow

PUSH = {"subscriber_id": 1, "kind": "push", "key": "round:1"}


def subscribed(engine) -> None:
    with session_scope(engine) as session:
        subs.subscribe(session, chat_id=42, digest_time="08:00", timezone="UTC")


def claim(engine) -> bool:
    with session_scope(engine) as session:
        return ledger.claim_delivery(session, **PUSH)


def row(engine) -> tuple[str, int]:
    with session_scope(engine) as session:
        delivery = session.exec(select(DeliveryRow)).one()
        return delivery.status, delivery.attempts


def test_a_delivery_a_crash_left_waiting_for_its_turn_is_sent_at_the_next_start(engine):
    subscribed(engine)
    assert claim(engine)  # then the process dies in the rate limiter's queue, before the request left
    assert claim(engine)
    assert row(engine) == ("queued", 2)


def test_a_delivery_a_crash_left_on_the_wire_is_not_sent_again(engine):
    subscribed(engine)
    assert claim(engine)
    with session_scope(engine) as session:
        ledger.mark_sending(session, **PUSH)  # the request left; the process dies before its answer
    assert not claim(engine)
    assert row(engine) == ("failed", 1)


def test_a_sent_delivery_is_never_claimed_again(engine):
    subscribed(engine)
    assert claim(engine)
    with session_scope(engine) as session:
        ledger.mark_sending(session, **PUSH)
        ledger.settle_delivery(session, **PUSH, status="sent")
    assert not claim(engine)
    assert row(engine) == ("sent", 1)


def test_a_delivery_that_keeps_failing_is_given_up_after_a_bounded_number_of_attempts(engine):
    subscribed(engine)
    for _ in range(ledger.MAX_ATTEMPTS):
        assert claim(engine)
        with session_scope(engine) as session:
            ledger.mark_sending(session, **PUSH)
            ledger.settle_delivery(session, **PUSH, status="queued")  # refused for a passing reason
    assert not claim(engine)
    assert row(engine) == ("failed", ledger.MAX_ATTEMPTS)
