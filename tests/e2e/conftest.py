"""End-to-end fixtures: a fake Bot API on 127.0.0.1 and real PTB Applications polling it."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack

import pytest
from telegram.ext import Application

from bot.telegram import sends
from fakes.bot_api import FakeBotApi
from fakes.harness import StartApp, running
from tests.e2e.briefing_harness import Briefing, start_bot

LONG_READ_TIMEOUT = 8.0  # the tests' stand-in for bot.telegram.sends.SEND_TIMEOUTS.read


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Back-off in milliseconds, so fault tests take no longer than the rest."""
    monkeypatch.setattr("bot.telegram.delivery.RETRY_DELAYS", (0.01, 0.02, 0.05))
    monkeypatch.setattr("bot.telegram.app.ALERTS_EVERY", 0.3)
    monkeypatch.setattr("bot.telegram.digests.DIGEST_EVERY", 0.3)
    # a send with no answer gives up after 8 s rather than 30: still later than python-telegram-bot's
    # 5 s default, so a test can answer after that default and show the answer is still read
    monkeypatch.setattr(sends, "SEND_TIMEOUTS", dataclasses.replace(sends.SEND_TIMEOUTS, read=LONG_READ_TIMEOUT))


@pytest.fixture
async def bot_api(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeBotApi]:
    """A started fake Bot API; loopback traffic bypasses any proxy set in the environment."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    async with FakeBotApi() as api:
        yield api


@pytest.fixture
async def start_app(bot_api: FakeBotApi) -> AsyncIterator[StartApp]:
    """`await start_app(app)` runs an Application built with `app_builder`; teardown stops it."""
    async with AsyncExitStack() as stack:

        async def start(app: Application) -> Application:
            return await stack.enter_async_context(running(app))

        yield start


@pytest.fixture
async def briefing(bot_api: FakeBotApi, start_app: StartApp, seeded_db_url: str) -> Briefing:
    """The whole bot on a copy of the seeded store, polling the fake Bot API."""
    return await start_bot(bot_api, start_app, seeded_db_url)
