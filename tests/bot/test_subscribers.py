"""What subscribers and admins are told: refusals on shared buttons, first digests, alerts not repeated, /stats."""

from __future__ import annotations

import pytest

from bot.core.commands import CommandCore
from bot.core.replies import Caller
from knowledge import default_knowledge
from storage import inbox, ledger, queries
from storage import subscriptions as subs
from storage.db import session_scope
from tests.factories import SHOIGU, WANG_YI, extraction, meeting, participant, store

GROUP = -500
MEMBER = Caller(chat_id=GROUP, user_id=72, can_manage_chat=False)
GROUP_ADMIN = Caller(chat_id=GROUP, user_id=71, can_manage_chat=True)
READER = Caller(chat_id=5, user_id=5)
ADMIN = Caller(chat_id=7, user_id=7, is_admin=True)
PATRUSHEV = participant("Nikolai Patrushev", "patrushev", "Secretary of the Security Council of Russia", "Russia")


@pytest.fixture
def core(engine):
    store(engine, extraction(meeting(SHOIGU, WANG_YI, topics=("Taiwan",))))
    return CommandCore(engine, default_knowledge())


def shoigu_id(core: CommandCore) -> int:
    with session_scope(core.engine) as session:
        return next(p.person_id for m in queries.all_meetings(session) for p in m.participants
                    if p.name == "Sergei Shoigu")


def test_a_members_tap_on_a_follow_choice_is_a_private_refusal(core):
    refused = core.press(f"F:1:p:{shoigu_id(core)}", MEMBER)
    assert refused.private
    assert "Only an admin of this chat" in refused.plain()
    done = core.press(f"F:1:p:{shoigu_id(core)}", GROUP_ADMIN)
    assert not done.private
    assert done.plain().startswith("Following Sergei Shoigu")


def test_a_readers_tap_on_an_admin_button_is_a_private_refusal(core):
    refused = core.press("D:1:y", MEMBER)
    assert refused.private
    assert "Only admins" in refused.plain()


def alerted(engine, chat_id: int) -> None:
    """The queued articles' alert reached the chat, as the running bot's round would have sent it."""
    with session_scope(engine) as session:
        number = subs.gather_round(session)
        subscriber = subs.get_subscriber(session, chat_id=chat_id)
        ledger.claim_delivery(session, subscriber_id=subscriber.id, kind="push", key=f"round:{number}")
        ledger.settle_delivery(session, subscriber_id=subscriber.id, kind="push", key=f"round:{number}", status="sent")


def test_a_new_subscribers_first_digest_covers_the_last_week(core):
    core.handle("/subscribe", READER)
    digest = core.handle("/digest", READER).plain()
    assert "1 meeting added in the last 7 days (your first digest)" in digest
    assert "Sergei Shoigu" in digest
    assert core.handle("/digest", READER).plain() == "Nothing new since your last digest."


def test_a_first_digest_with_nothing_to_say_does_not_mention_a_last_digest(engine):
    core = CommandCore(engine, default_knowledge())  # an empty store
    core.handle("/subscribe", READER)
    assert core.handle("/digest", READER).plain() == "Nothing added in the last 7 days."


def test_a_digest_does_not_repeat_at_length_what_an_alert_already_showed(core, engine):
    core.handle("/subscribe", READER)
    core.handle("/digest", READER)  # the first digest: what was there before
    store(engine, extraction(meeting(PATRUSHEV, WANG_YI, date="2026-03-01", place="Shanghai"), text="Pushed."),
          alert=True)
    alerted(engine, READER.chat_id)
    store(engine, extraction(meeting(SHOIGU, WANG_YI, date="2026-03-02", place="Harbin"), text="Not pushed yet."))
    digest = core.handle("/digest", READER).plain()
    assert "2 meetings added since" in digest
    assert "Already in your alerts, not repeated here: 1 meeting" in digest
    assert "Harbin" in digest
    assert "Shanghai" not in digest
    assert "Patrushev" not in digest


def test_stats_count_each_chat_once_and_only_what_was_delivered(core, engine):
    core.handle("/subscribe", READER)
    core.handle("/follow shoigu", Caller(chat_id=6, user_id=6))  # follows, never subscribes
    core.handle("/subscribe", Caller(chat_id=8, user_id=8))
    core.handle("/unsubscribe", Caller(chat_id=8, user_id=8))
    store(engine, extraction(meeting(PATRUSHEV, WANG_YI, date="2026-03-01"), text="Pushed."), alert=True)
    alerted(engine, READER.chat_id)
    with session_scope(engine) as session:  # an alert to chat 8 that Telegram refused stays unsent
        ledger.claim_delivery(session, subscriber_id=subs.get_subscriber(session, chat_id=8).id, kind="push",
                            key="round:1")
        for update_id in (1, 2, 3):
            inbox.take_in(session, update_id=update_id, payload="{}")
    stats = core.handle("/stats", ADMIN).plain()
    assert "Subscribers: 1 active (1 with alerts, 0 following someone or something); 1 stopped" in stats
    assert "Chats that follow without subscribing: 1" in stats
    assert "Alerts and digests delivered in the last 24 hours: 1" in stats
    assert "Messages and taps received from chats in the last 24 hours: 3" in stats
