"""Run a real PTB Application against the fake Bot API, inside the test's own event loop."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from telegram.ext import Application, ApplicationBuilder

from fakes.bot_api import FakeBotApi

StartApp = Callable[[Application], Awaitable[Application]]


def app_builder(api: FakeBotApi) -> ApplicationBuilder:
    """An ApplicationBuilder aimed at the fake server; add handlers or options, then `.build()`."""
    return ApplicationBuilder().token(api.token).base_url(api.base_url).base_file_url(api.file_base_url)


@asynccontextmanager
async def running(app: Application) -> AsyncIterator[Application]:
    """Run `app` as `run_polling` would, in the same order and with its hooks.

    `initialize()`/`start()` alone skip `post_init`, `post_stop` and `post_shutdown`: only
    `run_polling` calls them, and a bot that starts its jobs in `post_init` needs that.
    """
    assert app.updater is not None, "build the Application with an Updater"
    await app.initialize()
    try:
        if app.post_init:
            await app.post_init(app)
        await app.updater.start_polling(poll_interval=0, timeout=1)
        await app.start()
        yield app
    finally:
        if app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
            if app.post_stop:
                await app.post_stop(app)
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)
