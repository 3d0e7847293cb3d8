"""End-to-end fixtures: a fake Bot API on 127.0.0.1 and real PTB Applications polling it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack

import pytest
from telegram.ext import Application

from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.harness import StartApp, running


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
