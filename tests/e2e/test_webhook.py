"""Webhook mode: Telegram is told the URL and a secret; updates carrying the secret are answered, others refused."""

from __future__ import annotations

import socket

import httpx
from pydantic import SecretStr

from bot.core.commands import CommandCore
from bot.telegram.app import build_application
from bot.telegram.startup import webhook_options
from fakes.bot_api import FakeBotApi
from knowledge import default_knowledge
from storage.bootstrap import open_store
from tests.e2e.briefing_harness import settings_for


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def test_a_webhook_answers_updates_that_carry_its_secret_and_refuses_the_rest(bot_api: FakeBotApi,
                                                                                   seeded_db_url: str):
    port = free_port()
    settings = settings_for(bot_api, seeded_db_url).model_copy(update={
        "webhook_url": f"http://127.0.0.1:{port}/telegram/hook", "webhook_listen": "127.0.0.1",
        "webhook_port": port, "webhook_secret": SecretStr("s3cret_-token")})
    engine = open_store(seeded_db_url)
    app = build_application(settings, engine, CommandCore(engine, default_knowledge()))
    options = webhook_options(settings)
    await app.initialize()
    await app.updater.start_webhook(**options)
    await app.start()
    try:
        [registered] = [c for c in bot_api.calls if c.method == "setWebhook"]
        assert registered.params["url"] == settings.webhook_url
        assert registered.params["secret_token"] == "s3cret_-token"
        message = bot_api.inject_message(42, "/who shoygu")  # built like Telegram's; posted, not polled
        update = {"update_id": 1000, "message": message}
        async with httpx.AsyncClient() as client:
            forged = await client.post(settings.webhook_url, json=update,
                                       headers={"X-Telegram-Bot-Api-Secret-Token": "guess"})
            missing = await client.post(settings.webhook_url, json={**update, "update_id": 1001})
            genuine = await client.post(settings.webhook_url, json={**update, "update_id": 1002},
                                        headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret_-token"})
        assert (forged.status_code, missing.status_code, genuine.status_code) == (403, 403, 200)
        reply = await bot_api.wait_for_sent(42)
        assert "Sergei Shoigu" in reply.text
        assert len(bot_api.sent_messages(42)) == 1  # the refused posts were not handled
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
        engine.dispose()


def test_without_a_configured_secret_each_start_makes_a_new_one(tmp_path):
    from bot.services.config import Settings

    settings = Settings(webhook_url="https://bot.example.org/telegram", database_url=f"sqlite:///{tmp_path}/x.db",
                        _env_file=None)
    first, second = webhook_options(settings), webhook_options(settings)
    assert first["secret_token"] != second["secret_token"]
    assert len(first["secret_token"]) >= 32
    assert first["url_path"] == "telegram"
