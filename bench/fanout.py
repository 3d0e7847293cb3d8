"""Fan-out: one alert to N subscribers through python-telegram-bot against a Bot API that enforces Telegram's limits.

The server is the fake Bot API of `fakes/` with Telegram's broadcast limits added: 30 messages
per second overall (1,000 for messages sent as paid broadcasts) and one per second per chat, answering 429 with
`retry_after` beyond them. The bot
side is the real thing: `build_application` (with its AIORateLimiter) and `bot.telegram.delivery.send_alert_round`.
"""

from __future__ import annotations

import asyncio
import collections
import datetime as dt
import os
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.synth import ArticleWriter, SynthPerson
from bot.core.commands import CommandCore
from bot.services.config import Settings
from bot.services.ingest import ArticleInput, Ingestor, Reader
from bot.telegram.app import build_application
from bot.telegram.delivery import send_alert_round
from fakes.api_faults import ApiError
from fakes.bot_api import FakeBotApi
from knowledge import default_knowledge
from storage import subscriptions as subs
from storage.bootstrap import open_store
from storage.db import session_scope

OVERALL_PER_S = 30
PAID_PER_S = 1_000  # with allow_paid_broadcast
PER_CHAT_S = 1.0


class LimitedBotApi(FakeBotApi):
    """The fake Bot API, refusing sends beyond Telegram's broadcast limits with 429 and retry_after."""

    def __init__(self) -> None:
        super().__init__()
        self.window: collections.deque[float] = collections.deque()
        self.last_to_chat: dict[Any, float] = {}
        self.refused: collections.Counter[Any] = collections.Counter()

    async def _call(self, method: str, params: dict[str, Any]) -> Any:
        if method.lower() in {"sendmessage", "senddocument"}:
            now = time.monotonic()
            while self.window and now - self.window[0] >= 1.0:
                self.window.popleft()
            chat = params.get("chat_id")
            paid = params.get("allow_paid_broadcast") in (True, "true", "True")
            limit = PAID_PER_S if paid else OVERALL_PER_S
            if len(self.window) >= limit or now - self.last_to_chat.get(chat, -9.0) < PER_CHAT_S:
                self.refused[chat] += 1
                raise ApiError(429, "Too Many Requests: retry after 1", retry_after=1)
            self.window.append(now)
            self.last_to_chat[chat] = now
        return await super()._call(method, params)


@dataclass(frozen=True)
class FanoutFigures:
    subscribers: int
    msgs_per_s: float
    duplicates: int
    missing: int
    unretried_429: int
    refused_429: int


async def _fanout(people: list[SynthPerson], subscribers: int, out: Path, paid: bool) -> FanoutFigures:
    path = out / "fanout.db"
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    engine = open_store(f"sqlite:///{path}")
    knowledge = default_knowledge()
    article = ArticleWriter(random.Random(5), people, knowledge).article()
    Ingestor(engine, Reader(dt.date(2026, 1, 1), knowledge), alert=True).add(
        ArticleInput(article.text, published=article.published))
    chats = [10_000_000 + i for i in range(subscribers)]
    with session_scope(engine) as session:
        for chat in chats:
            subs.subscribe(session, chat_id=chat, digest_time="08:00", timezone="UTC")
        subs.gather_round(session)
        [alert_round] = subs.unfinished_rounds(session)
    async with LimitedBotApi() as api:
        settings = Settings(telegram_bot_token=api.token, telegram_api_base_url=api.base_url,
                            telegram_file_base_url=api.file_base_url, paid_broadcast=paid, _env_file=None)
        app = build_application(settings, engine, CommandCore(engine, knowledge))
        await app.initialize()
        try:
            started = time.perf_counter()
            await send_alert_round(app.bot, engine, alert_round, app.bot_data.broadcast)
            elapsed = time.perf_counter() - started
        finally:
            await app.shutdown()
        sent = collections.Counter(call.chat_id for call in api.sent_messages())
    engine.dispose()
    served = set(sent)
    return FanoutFigures(
        subscribers=subscribers,
        msgs_per_s=sum(sent.values()) / elapsed,
        duplicates=sum(n - 1 for n in sent.values() if n > 1),
        missing=sum(1 for chat in chats if chat not in served),
        unretried_429=sum(1 for chat in api.refused if chat not in served),
        refused_429=sum(api.refused.values()),
    )


def measure(people: list[SynthPerson], subscribers: int, *, out: Path, paid: bool = False) -> FanoutFigures:
    """An alert to `subscribers` chats; `paid` as paid broadcasts, against a server allowing 1,000 a second."""
    os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")  # loopback traffic bypasses any proxy
    os.environ.setdefault("no_proxy", "127.0.0.1,localhost")
    return asyncio.run(_fanout(people, subscribers, out, paid))
