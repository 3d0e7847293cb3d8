"""Telegram misbehaving: 429, 5xx, gone chats and crowds never cost a reply, an alert or a subscriber."""

from __future__ import annotations

import pytest

from bot.services.ingest import ArticleInput, Ingestor
from bot.telegram import delivery
from storage import ledger
from storage import subscriptions as subs
from storage.db import session_scope
from tests.e2e.briefing_harness import ADMIN, ARTICLE, Briefing, alerts_to
from tests.e2e.conftest import LONG_READ_TIMEOUT


def statuses(briefing: Briefing, chat_id: int) -> list[int | None]:
    return [c.error_code for c in briefing.api.calls if c.method == "sendMessage" and c.chat_id == chat_id]


async def test_a_429_is_waited_out_and_the_reply_still_arrives(briefing: Briefing):
    briefing.api.fail_next("sendMessage", 429, retry_after=0.2, chat_id=21)
    assert "Latest meetings" in await briefing.say(21, "/latest 1")
    assert statuses(briefing, 21) == [429, None]


@pytest.mark.parametrize("code", [500, 502, 503])
async def test_a_server_error_is_retried_with_back_off(briefing: Briefing, code: int):
    briefing.api.fail_next("sendMessage", code, chat_id=22)
    assert "Sergei Shoigu" in await briefing.say(22, "/who shoigu")
    assert statuses(briefing, 22) == [code, None]


@pytest.mark.parametrize(("code", "description"), [
    (403, "Forbidden: bot was blocked by the user"),
    (400, "Bad Request: chat not found"),
    (403, "Forbidden: bot was kicked from the group chat"),
])
async def test_a_chat_that_is_gone_is_marked_inactive_during_an_alert_round(briefing: Briefing, code, description):
    for chat in (31, 32):
        await briefing.say(chat, "/subscribe")
    briefing.api.fail_next("sendMessage", code, description, chat_id=31)
    since = len(briefing.api.calls)
    briefing.api.inject_document(ADMIN, ADMIN, "lavrov.txt", ARTICLE.encode(), "text/plain")
    assert "New article" in (await briefing.api.wait_for_sent(32, since=since)).text
    await briefing.alerts_done()
    with session_scope(briefing.engine) as session:
        assert not subs.get_subscriber(session, chat_id=31).active
        assert subs.get_subscriber(session, chat_id=32).active


async def test_an_alert_that_failed_for_a_passing_reason_is_sent_on_the_next_round(briefing: Briefing):
    await briefing.say(33, "/subscribe")
    attempts = len(delivery.RETRY_DELAYS) + 1
    briefing.api.fail_next("sendMessage", 502, chat_id=33, count=attempts)  # outlasts the retries
    since = len(briefing.api.calls)
    briefing.api.inject_document(ADMIN, ADMIN, "lavrov.txt", ARTICLE.encode(), "text/plain")
    await briefing.api.wait_for(lambda c: c.method == "sendMessage" and c.chat_id == 33 and c.ok, since=since)
    assert statuses(briefing, 33)[-attempts - 1:] == [502] * attempts + [None]
    alerts = [c for c in briefing.api.sent_messages(33) if "New article" in (c.text or "")]
    assert len(alerts) == 1


async def test_fifty_readers_are_answered_while_an_admin_uploads(briefing: Briefing):
    since = len(briefing.api.calls)
    briefing.api.inject_document(ADMIN, ADMIN, "lavrov.txt", ARTICLE.encode(), "text/plain")
    readers = range(1000, 1050)
    for chat in readers:
        briefing.api.inject_message(chat, "/who wang yi" if chat % 2 else "/latest 2")
    for chat in readers:
        reply = await briefing.api.wait_for_sent(chat, since=since, timeout=30)
        assert "Wang Yi" in reply.text
        assert "locked" not in reply.text
    assert "Added article" in (await briefing.api.wait_for_sent(ADMIN, since=since, timeout=30)).text
    assert not [c for c in briefing.api.calls[since:] if "went wrong" in (c.text or "")]


@pytest.mark.parametrize("code", [502, 500])
async def test_updates_survive_a_failing_get_updates_and_are_handled_once(briefing: Briefing, code: int):
    briefing.api.fail_next("getUpdates", code, count=2)
    since = len(briefing.api.calls)
    briefing.api.inject_message(41, "/latest 1")
    await briefing.api.wait_for_sent(41, since=since, timeout=20)
    await briefing.api.wait_for(lambda c: c.method == "getUpdates" and c.ok, since=len(briefing.api.calls))
    assert len(briefing.api.sent_messages(41)) == 1


async def test_a_send_that_times_out_is_retried(briefing: Briefing):
    briefing.api.hang_next("sendMessage", chat_id=23)  # Telegram never answers: the client times out
    since = len(briefing.api.calls)
    briefing.api.inject_message(23, "/latest 1")
    reply = await briefing.api.wait_for_sent(23, since=since, timeout=30)
    assert "Latest meetings" in reply.text
    assert [c.chat_id for c in briefing.api.hanging] == [23]
    assert len(briefing.api.sent_messages(23)) == 1


async def test_an_answer_in_an_unexpected_shape_settles_the_alert_and_nobody_gets_it_twice(briefing: Briefing):
    for chat in (51, 52, 53):
        await briefing.say(chat, "/subscribe")
    briefing.api.garble_next("sendMessage", chat_id=52, count=100)  # every answer about chat 52 is malformed
    async with briefing.app.bot_data.alert_lock:  # the minute job may not start the round first
        Ingestor(briefing.engine, alert=True).add(ArticleInput(ARTICLE))
    for _ in range(4):  # an upload's push, then the minute job's runs
        await delivery.send_alerts(briefing.app)
    assert [alerts_to(briefing, chat) for chat in (51, 52, 53)] == [1, 1, 1]
    with session_scope(briefing.engine) as session:
        assert subs.unfinished_rounds(session) == []


async def test_a_reply_whose_answer_is_malformed_arrives_once_without_an_apology(briefing: Briefing):
    briefing.api.garble_next("sendMessage", chat_id=54, count=100)
    assert "Latest meetings" in await briefing.say(54, "/latest 1")
    await briefing.say(55, "/latest 1")  # by now the first reply's handler has finished
    assert [c.text for c in briefing.api.sent_messages(54)] == [briefing.api.sent_messages(54)[0].text]


async def test_a_late_answer_is_read_and_neither_reply_nor_alert_is_sent_twice(briefing: Briefing):
    late = 6.0  # later than python-telegram-bot's default 5 s read time-out, within ours
    assert late < LONG_READ_TIMEOUT
    briefing.api.answer_late_next("sendMessage", late, chat_id=56, count=2)
    assert "Subscribed" in await briefing.say(56, "/subscribe")
    async with briefing.app.bot_data.alert_lock:
        Ingestor(briefing.engine, alert=True).add(ArticleInput(ARTICLE))
    await delivery.send_alerts(briefing.app)  # returns once the push's late answer came
    await delivery.send_alerts(briefing.app)
    texts = [c.text or "" for c in briefing.api.sent_messages(56)]
    assert sum("Subscribed" in t for t in texts) == 1
    assert alerts_to(briefing, 56) == 1


async def test_an_alert_refused_on_every_round_is_given_up_and_its_round_finishes(briefing: Briefing, monkeypatch):
    monkeypatch.setattr(ledger, "MAX_ATTEMPTS", 3)
    await briefing.say(57, "/subscribe")
    await briefing.say(58, "/subscribe")
    briefing.api.fail_next("sendMessage", 502, chat_id=57, count=1000)  # Telegram never takes it
    async with briefing.app.bot_data.alert_lock:
        Ingestor(briefing.engine, alert=True).add(ArticleInput(ARTICLE))
    for _ in range(ledger.MAX_ATTEMPTS + 2):
        await delivery.send_alerts(briefing.app)
    attempts = len(delivery.RETRY_DELAYS) + 1
    assert statuses(briefing, 57).count(502) == ledger.MAX_ATTEMPTS * attempts
    assert alerts_to(briefing, 58) == 1
    with session_scope(briefing.engine) as session:
        assert subs.unfinished_rounds(session) == []
