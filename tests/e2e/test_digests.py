"""Daily digests end to end: the periodic digest round, the fake Bot API and the store, across a restart.

The bot's clock is a fixed day in March 2026, before the store's meetings were written: every digest the
round might send has something in it, so only the schedule (the subscriber row and the ledger) can keep a
chat from getting a second one.
"""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from sqlmodel import select

from bot.telegram import digests
from fakes.bot_api import FakeBotApi
from storage import ledger
from storage import subscriptions as subs
from storage.db import session_scope
from storage.digests_due import due_digests
from storage.models import DeliveryRow
from tests.e2e.briefing_harness import Briefing, start_bot


class Clock:
    """The bot's clock, moved by the test."""

    def __init__(self, start: str) -> None:
        self.at = dt.datetime.fromisoformat(start).replace(tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.at

    def set(self, when: str) -> None:
        self.at = dt.datetime.fromisoformat(when).replace(tzinfo=dt.UTC)


class Rounds:
    """Counts the digest rounds the periodic job finished, so a test can wait for the next few."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.done = 0
        real = digests.run_digests

        async def counted(application):
            tally = await real(application)
            self.done += 1
            return tally

        monkeypatch.setattr(digests, "run_digests", counted)

    async def wait(self, count: int = 3) -> None:
        target = self.done + count
        for _ in range(200):
            if self.done >= target:
                return
            await asyncio.sleep(0.05)
        pytest.fail(f"the digest job ran {self.done - target + count} of {count} rounds")


@pytest.fixture
def rounds(monkeypatch: pytest.MonkeyPatch) -> Rounds:
    return Rounds(monkeypatch)


def digests_to(api: FakeBotApi, chat_id: int) -> list[str]:
    return [c.text or "" for c in api.sent_messages(chat_id) if "<b>Digest</b>" in (c.text or "")]


async def test_a_chat_gets_one_digest_at_its_local_time_from_the_periodic_job(bot_api, start_app, seeded_db_url,
                                                                               rounds):
    clock = Clock("2026-03-10T05:00")  # 08:00 in Moscow
    briefing: Briefing = await start_bot(bot_api, start_app, seeded_db_url, now=clock)
    assert "08:30" in await briefing.say(201, "/subscribe 08:30 Europe/Moscow")
    await briefing.say(202, "/subscribe 08:30 Europe/Moscow")
    assert "Unsubscribed" in await briefing.say(202, "/unsubscribe")
    await rounds.wait()
    assert digests_to(bot_api, 201) == []  # 08:00 in Moscow: not yet

    clock.set("2026-03-10T05:30")  # 08:30 in Moscow
    await rounds.wait()
    [digest] = digests_to(bot_api, 201)
    assert "<b>Digest</b>: 11 meetings added in the last 7 days (your first digest)" in digest
    assert digests_to(bot_api, 202) == []  # unsubscribed

    clock.set("2026-03-10T20:59")  # 23:59 in Moscow: the same day, and every meeting still looks new
    await rounds.wait()
    assert len(digests_to(bot_api, 201)) == 1

    clock.set("2026-03-11T05:30")  # 08:30 the next day
    await rounds.wait()
    assert len(digests_to(bot_api, 201)) == 2


async def test_a_restart_sends_no_digest_twice_and_the_one_missed_while_down_once(bot_api, start_app,
                                                                                  seeded_db_url, rounds):
    clock = Clock("2026-03-10T07:00")
    first = await start_bot(bot_api, start_app, seeded_db_url, now=clock)
    await first.say(301, "/subscribe 08:00 UTC")
    await first.say(302, "/subscribe 09:00 UTC")
    clock.set("2026-03-10T08:00:30")
    await rounds.wait()
    assert len(digests_to(bot_api, 301)) == 1
    await first.app.updater.stop()
    await first.app.stop()

    clock.set("2026-03-10T09:30")  # 302's digest time came while the bot was down
    second = await start_bot(bot_api, start_app, seeded_db_url, now=clock)
    await rounds.wait()
    assert len(digests_to(bot_api, 302)) == 1  # sent as the bot came back
    assert len(digests_to(bot_api, 301)) == 1  # not again
    assert "08:00" in await second.say(301, "/settings")
    assert "Subscribed" in await second.say(301, "/subscribe 10:00 UTC")  # today's went out: none more today
    clock.set("2026-03-10T10:00")
    await rounds.wait()
    assert (len(digests_to(bot_api, 301)), len(digests_to(bot_api, 302))) == (1, 1)


async def test_a_day_with_nothing_new_sends_nothing_and_is_settled_for_the_day(bot_api, start_app, seeded_db_url,
                                                                                rounds):
    clock = Clock("2026-03-10T07:00")
    briefing = await start_bot(bot_api, start_app, seeded_db_url, now=clock)
    await briefing.say(401, "/subscribe 08:00 UTC")
    with session_scope(briefing.engine) as session:  # its last digest came after every meeting in the store
        subs.mark_digest_sent(session, chat_id=401, at=dt.datetime(2030, 1, 1, tzinfo=dt.UTC))
    clock.set("2026-03-10T08:00")
    await rounds.wait()
    assert digests_to(bot_api, 401) == []
    with session_scope(briefing.engine) as session:
        subscriber = subs.get_subscriber(session, chat_id=401)
        assert due_digests(session, now=clock()) == []  # not asked again today
        [row] = session.exec(select(DeliveryRow).where(DeliveryRow.subscriber_id == subscriber.id)).all()
    assert (row.kind, row.key, row.status) == ("digest", "2026-03-10", "empty")


async def test_a_digest_that_cannot_be_composed_holds_up_nobody_and_is_given_up_after_ten_tries(
        bot_api, start_app, seeded_db_url, rounds, monkeypatch, caplog):
    clock = Clock("2026-03-10T07:00")
    briefing = await start_bot(bot_api, start_app, seeded_db_url, now=clock)
    await briefing.say(501, "/subscribe 08:00 UTC")
    await briefing.say(502, "/subscribe 08:00 UTC")
    compose = briefing.app.bot_data.digests.compose_digest

    def broken_for_501(chat_id, **kw):
        if chat_id == 501:
            raise RuntimeError("a digest that cannot be composed")
        return compose(chat_id, **kw)

    monkeypatch.setattr(briefing.app.bot_data.digests, "compose_digest", broken_for_501)
    clock.set("2026-03-10T08:00")
    await rounds.wait(ledger.MAX_ATTEMPTS + 3)  # the first may have read the clock before it was set
    assert len(digests_to(bot_api, 502)) == 1
    assert digests_to(bot_api, 501) == []
    with session_scope(briefing.engine) as session:
        subscriber = subs.get_subscriber(session, chat_id=501)
        [row] = session.exec(select(DeliveryRow).where(DeliveryRow.subscriber_id == subscriber.id)).all()
        assert (row.status, row.attempts) == ("failed", ledger.MAX_ATTEMPTS)
        assert due_digests(session, now=clock()) == []
    tries = [r.getMessage() for r in caplog.records if "composing the digest for chat 501" in r.getMessage()]
    assert [t.rsplit("; ", 1)[1] for t in tries] == ["tried again next minute"] * ledger.MAX_ATTEMPTS + [
        "given up for the day"]


async def test_with_paid_broadcasts_a_digest_goes_out_as_paid(bot_api, start_app, seeded_db_url, rounds):
    clock = Clock("2026-03-10T05:00")
    briefing: Briefing = await start_bot(bot_api, start_app, seeded_db_url, now=clock, paid_broadcast=True)
    await briefing.say(201, "/subscribe 08:30 Europe/Moscow")
    clock.set("2026-03-10T05:30")
    await rounds.wait()
    [digest] = [c for c in bot_api.sent_messages(201) if "<b>Digest</b>" in (c.text or "")]
    assert digest.params.get("allow_paid_broadcast") in (True, "true", "True")
