"""Telegram misbehaving: 429, 5xx, gone chats and crowds never cost a reply, a push or a subscriber."""

from __future__ import annotations

import pytest

from bot import delivery
from storage import subscriptions as subs
from storage.db import session_scope
from tests.e2e.briefing_harness import ADMIN, ARTICLE, Briefing


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
async def test_a_chat_that_is_gone_is_marked_inactive_during_a_push(briefing: Briefing, code, description):
    for chat in (31, 32):
        await briefing.say(chat, "/subscribe")
    briefing.api.fail_next("sendMessage", code, description, chat_id=31)
    since = len(briefing.api.calls)
    briefing.api.inject_document(ADMIN, ADMIN, "lavrov.txt", ARTICLE.encode(), "text/plain")
    assert "New article" in (await briefing.api.wait_for_sent(32, since=since)).text
    await briefing.pushes_done()
    with session_scope(briefing.engine) as session:
        assert not subs.get_subscriber(session, chat_id=31).active
        assert subs.get_subscriber(session, chat_id=32).active


async def test_a_push_that_failed_for_a_passing_reason_is_sent_on_the_next_round(briefing: Briefing):
    await briefing.say(33, "/subscribe")
    attempts = len(delivery.RETRY_DELAYS) + 1
    briefing.api.fail_next("sendMessage", 502, chat_id=33, count=attempts)  # outlasts the retries
    since = len(briefing.api.calls)
    briefing.api.inject_document(ADMIN, ADMIN, "lavrov.txt", ARTICLE.encode(), "text/plain")
    await briefing.api.wait_for(lambda c: c.method == "sendMessage" and c.chat_id == 33 and c.ok, since=since)
    assert statuses(briefing, 33)[-attempts - 1:] == [502] * attempts + [None]
    pushes = [c for c in briefing.api.sent_messages(33) if "New article" in (c.text or "")]
    assert len(pushes) == 1


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
