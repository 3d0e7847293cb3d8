"""Taps and replies that reach Telegram at awkward moments: late taps, taps by the wrong member, gone chats."""

from __future__ import annotations

import asyncio
import logging
import re

import pytest

from bot.core import render
from storage import subscriptions as subs
from storage.db import session_scope
from tests.e2e.briefing_harness import Briefing

EXPIRED = "Bad Request: query is too old and response timeout expired or query id is invalid"


def calls_to(briefing: Briefing, method: str, chat_id: int, since: int = 0) -> list:
    return [c for c in briefing.api.calls[since:] if c.method == method and c.chat_id == chat_id]


async def test_a_tap_too_old_to_answer_still_shows_the_page(briefing: Briefing):
    since = len(briefing.api.calls)
    briefing.api.inject_message(41, "/latest 2")
    first = await briefing.api.wait_for_sent(41, since=since)
    [[older], _details] = first.params["reply_markup"]["inline_keyboard"]
    briefing.api.fail_next("answerCallbackQuery", 400, EXPIRED)  # the tap was made while the bot was down
    since = len(briefing.api.calls)
    briefing.api.inject_callback(41, first.result["message_id"], older["callback_data"])
    page = await briefing.api.wait_for(lambda c: c.method == "editMessageText", since=since)
    assert "Latest meetings</b> (3–4 of" in page.params["text"]
    assert not [c for c in calls_to(briefing, "sendMessage", 41, since) if "went wrong" in (c.text or "")]


async def test_a_members_tap_on_an_admins_choice_is_refused_to_them_alone(briefing: Briefing):
    briefing.api.set_member_status(-901, 71, "administrator")
    briefing.api.set_member_status(-901, 72, "member")
    since = len(briefing.api.calls)
    briefing.api.inject_message(-901, "/follow wang", user_id=71)
    choice = await briefing.api.wait_for_sent(-901, since=since)
    button = choice.params["reply_markup"]["inline_keyboard"][0][0]

    since = len(briefing.api.calls)
    briefing.api.inject_callback(-901, choice.result["message_id"], button["callback_data"], user_id=72)
    answer = await briefing.api.wait_for(lambda c: c.method == "answerCallbackQuery", since=since)
    assert "Only an admin of this chat" in answer.params["text"]
    assert answer.params["show_alert"] in (True, "true")
    await briefing.api.wait_for(lambda c: c.method == "getUpdates", since=len(briefing.api.calls))
    touched = [c for c in briefing.api.calls[since:] if c.method in ("editMessageText", "sendMessage")]
    assert touched == []  # the shared message keeps its text and its buttons

    since = len(briefing.api.calls)
    briefing.api.inject_callback(-901, choice.result["message_id"], button["callback_data"], user_id=71)
    edited = await briefing.api.wait_for(lambda c: c.method == "editMessageText", since=since)
    assert edited.params["text"].startswith("Following")


@pytest.mark.parametrize(("code", "description"), [
    (403, "Forbidden: bot was blocked by the user"),
    (400, "Bad Request: chat not found"),
])
async def test_a_reader_who_blocked_the_bot_is_not_kept_as_a_subscriber(briefing: Briefing, caplog, code,
                                                                        description):
    caplog.set_level(logging.INFO)
    briefing.api.fail_next("sendMessage", code, description, chat_id=42, count=5)
    briefing.api.fail_next("sendDocument", code, description, chat_id=42, count=5)
    briefing.api.inject_message(42, "/subscribe")
    for _ in range(100):
        with session_scope(briefing.engine) as session:
            subscriber = subs.get_subscriber(session, chat_id=42)
            if subscriber is not None and not subscriber.active:
                break
        await asyncio.sleep(0.05)
    else:
        pytest.fail("the chat that blocked the bot stayed subscribed")
    await briefing.api.wait_for(lambda c: c.method == "getUpdates", since=len(briefing.api.calls))
    assert len(calls_to(briefing, "sendMessage", 42)) == 1  # no apology sent after the refused reply
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert [r for r in caplog.records if "chat 42 is gone" in r.getMessage()]


async def test_an_export_keeps_telegrams_pace_in_the_chat(briefing: Briefing):
    briefing.api.chat_interval = 0.9  # strict: Telegram's "about one message per second" in a chat
    since = len(briefing.api.calls)
    briefing.api.inject_message(43, "/export csv")
    document = await briefing.api.wait_for(lambda c: c.ok and c.method == "sendDocument", since=since, timeout=10)
    assert document.params["document"].filename == "meetings.csv"
    refused = [c for c in briefing.api.calls[since:] if c.chat_id == 43 and c.error_code == 429]
    assert refused == []


async def test_a_long_reply_comes_in_whole_meetings_at_telegrams_pace(briefing: Briefing, monkeypatch):
    briefing.api.chat_interval = 0.9
    # the seeds' dozen meetings fit one message of 4096 characters; in messages of 1,500 they take several
    monkeypatch.setattr("bot.telegram.delivery.split_message", lambda text: render.split_message(text, 1500))
    last_line = briefing.app.bot_data.core.handle("/latest 20").html.splitlines()[-1]
    since = len(briefing.api.calls)
    briefing.api.inject_message(44, "/latest 20")
    await briefing.api.wait_for(lambda c: c.ok and c.method == "sendMessage" and c.chat_id == 44
                                and c.params["text"].endswith(last_line), since=since, timeout=15)
    parts = [c.params["text"] for c in calls_to(briefing, "sendMessage", 44, since) if c.ok]
    assert len(parts) > 1
    blocks = [b for part in parts for b in part.split("\n\n")][1:]  # after the title, one block per meeting
    # each block whole: from its date to its last row, the quote and its source, which ends with the source's date
    assert all(b.startswith("<b>") and re.search(r"(\d{4}|date unknown)$", b.splitlines()[-1]) for b in blocks)
    assert not [c for c in calls_to(briefing, "sendMessage", 44, since) if c.error_code == 429]
