"""Updates are written down before they are handled: a crash in between replays them at the next start."""

from __future__ import annotations

import asyncio
import datetime as dt
import json

from sqlmodel import select

from fakes.bot_api import FakeBotApi
from fakes.harness import StartApp
from storage import inbox
from storage import subscriptions as subs
from storage.bootstrap import open_store
from storage.db import session_scope
from storage.models import InboxUpdateRow
from tests.e2e.briefing_harness import start_bot


def subscribe_update(update_id: int, chat_id: int) -> dict:
    """A /subscribe as Telegram sends it, as the bot wrote it down before a crash."""
    return {"update_id": update_id, "message": {
        "message_id": 1, "date": int(dt.datetime.now(dt.UTC).timestamp()), "text": "/subscribe",
        "chat": {"id": chat_id, "type": "private", "first_name": "Reader"},
        "from": {"id": chat_id, "is_bot": False, "first_name": "Reader"},
        "entities": [{"type": "bot_command", "offset": 0, "length": 10}]}}


def write_down(db_url: str, update: dict, *, status: str = "handling", attempts: int = 1) -> None:
    with session_scope(open_store(db_url)) as session:
        session.add(InboxUpdateRow(update_id=update["update_id"], payload=json.dumps(update), status=status,
                                   attempts=attempts))


async def test_a_command_a_crash_cut_short_is_handled_at_the_next_start(bot_api: FakeBotApi, start_app: StartApp,
                                                                        seeded_db_url: str):
    write_down(seeded_db_url, subscribe_update(9001, 501))
    briefing = await start_bot(bot_api, start_app, seeded_db_url)
    reply = await bot_api.wait_for_sent(501)
    assert "Subscribed" in reply.text
    await done(briefing.engine, 9001)
    with session_scope(briefing.engine) as session:
        assert subs.get_subscriber(session, chat_id=501) is not None
        row = session.get(InboxUpdateRow, 9001)
        assert (row.status, row.attempts) == ("done", 2)


async def test_an_update_that_keeps_crashing_the_bot_is_given_up_after_three_starts(
        bot_api: FakeBotApi, start_app: StartApp, seeded_db_url: str):
    write_down(seeded_db_url, subscribe_update(9002, 502), attempts=inbox.MAX_ATTEMPTS)
    briefing = await start_bot(bot_api, start_app, seeded_db_url)
    assert "I know" in await briefing.say(503, "/start")  # the bot runs and answers others
    assert bot_api.sent_messages(502) == []
    with session_scope(briefing.engine) as session:
        assert session.get(InboxUpdateRow, 9002).status == "done"


async def test_an_update_telegram_sends_again_after_it_was_handled_is_ignored(bot_api: FakeBotApi,
                                                                              start_app: StartApp,
                                                                              seeded_db_url: str):
    briefing = await start_bot(bot_api, start_app, seeded_db_url)
    assert "I know" in await briefing.say(504, "/start")
    await done(briefing.engine, 1)
    with session_scope(briefing.engine) as session:
        resent = json.loads(session.get(InboxUpdateRow, 1).payload)
    bot_api.resend_update(resent)
    assert "Latest meetings" in await briefing.say(504, "/latest")  # handled after the resent one
    assert len([c for c in bot_api.sent_messages(504) if "I know" in (c.text or "")]) == 1


async def done(engine, update_id: int) -> None:
    """Wait until the update is marked done: that happens just after its reply has gone out."""
    for _ in range(100):
        with session_scope(engine) as session:
            if (row := session.get(InboxUpdateRow, update_id)) is not None and row.status == "done":
                return
        await asyncio.sleep(0.02)
    raise AssertionError(f"update {update_id} was never marked done")


def test_finished_updates_are_forgotten_after_a_while_unfinished_ones_never(engine):
    old = dt.datetime.now(dt.UTC) - dt.timedelta(days=3)
    with session_scope(engine) as session:
        session.add(InboxUpdateRow(update_id=1, payload="{}", status="done", received_at=old))
        session.add(InboxUpdateRow(update_id=2, payload="{}", status="handling", received_at=old))
        session.add(InboxUpdateRow(update_id=3, payload="{}", status="done"))
    with session_scope(engine) as session:
        assert inbox.prune(session, before=dt.datetime.now(dt.UTC) - dt.timedelta(days=2)) == 1
        assert sorted(r.update_id for r in session.exec(select(InboxUpdateRow)).all()) == [2, 3]
