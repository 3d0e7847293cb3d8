"""Duplicates and misses when Telegram misbehaves or the bot is killed, per 1,000 sends.

Two measures against the fake Bot API of `fakes/`, both seeded so that a run can be repeated:

- faults: the whole bot (polling, handlers, rate limiter, ledger) in process; every chat sends
  /subscribe, then an alert goes to all of them, while the server fails 5% of sends with a 5xx and
  answers 2% late (after python-telegram-bot's default 5 s read time-out, within the bot's own).
  Which sends fail and which answer late is drawn from the seed per chat and per attempt.
- kills: `python -m bot` as a process sends an alert to every chat and is killed with SIGKILL at random
  points (after a seeded number of sends, plus a seeded few milliseconds), then started again.

Counted on the server: a duplicate is a second copy a chat received, a miss a chat that got none.
"""

from __future__ import annotations

import asyncio
import collections
import datetime as dt
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.synth import ArticleWriter, SynthPerson
from bot.core.commands import CommandCore
from bot.services.config import Settings
from bot.services.ingest import ArticleInput, Ingestor, Reader
from bot.telegram.app import build_application
from bot.telegram.delivery import send_alerts
from fakes.api_faults import ApiError
from fakes.bot_api import FakeBotApi
from fakes.call_log import Call
from fakes.harness import running
from knowledge import default_knowledge
from storage import ledger
from storage import subscriptions as subs
from storage.bootstrap import open_store
from storage.db import session_scope

SERVER_ERRORS = 0.05
LATE_ANSWERS = 0.02
LATE_SECONDS = (6.0, 12.0)  # beyond python-telegram-bot's 5 s default read time-out, within bot.telegram.sends'
FIRST_CHAT = 20_000_000
ALERT_MARK = "New article"
REPLY_MARK = "Subscribed"


@dataclass(frozen=True)
class Count:
    """Copies received, counted on the server."""

    sends: int  # chats that should have received one
    duplicates: int
    missing: int

    def per_thousand(self) -> tuple[float, float]:
        return self.duplicates * 1000 / self.sends, self.missing * 1000 / self.sends


@dataclass(frozen=True)
class FaultFigures:
    chats: int
    replies: Count
    alerts: Count
    server_errors: int
    late_answers: int


@dataclass(frozen=True)
class KillFigures:
    chats: int
    kills: int
    alerts: Count


class FaultyBotApi(FakeBotApi):
    """The fake Bot API failing a seeded share of sends with 502 and answering another share late."""

    def __init__(self, seed: int) -> None:
        super().__init__()
        self.seed = seed
        self.attempts: collections.Counter[Any] = collections.Counter()
        self.server_errors = 0
        self.late_answers = 0

    async def _call(self, method: str, params: dict[str, Any]) -> Any:
        if method.lower() == "sendmessage":
            chat = params.get("chat_id")
            self.attempts[chat] += 1
            draw = random.Random(f"{self.seed}:{chat}:{self.attempts[chat]}")
            roll = draw.random()
            if roll < SERVER_ERRORS:
                self.server_errors += 1
                raise ApiError(502, "Bad Gateway")
            if roll < SERVER_ERRORS + LATE_ANSWERS:
                self.late_answers += 1
                self.answer_late_next(method, draw.uniform(*LATE_SECONDS), chat_id=chat)
        return await super()._call(method, params)


def copies(api: FakeBotApi, chats: list[int], mark: str) -> Count:
    received = collections.Counter(c.chat_id for c in api.sent_messages() if mark in (c.text or ""))
    return Count(sends=len(chats), duplicates=sum(max(0, received[chat] - 1) for chat in chats),
                 missing=sum(1 for chat in chats if not received[chat]))


def fresh_store(out: Path, name: str, people: list[SynthPerson], seed: int) -> str:
    path = out / name
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    engine = open_store(f"sqlite:///{path}")
    article = ArticleWriter(random.Random(seed), people, default_knowledge()).article()
    Ingestor(engine, Reader(dt.date(2026, 1, 1))).add(ArticleInput(article.text, published=article.published))
    engine.dispose()
    return f"sqlite:///{path}"


def queue_alert(db_url: str, people: list[SynthPerson], seed: int, chats: list[int] | None = None) -> None:
    """Queue one more article for the subscribers' alert (and subscribe `chats` first, if given)."""
    engine = open_store(db_url)
    if chats:
        with session_scope(engine) as session:
            for chat in chats:
                subs.subscribe(session, chat_id=chat, digest_time="08:00", timezone="UTC")
    article = ArticleWriter(random.Random(seed + 1), people, default_knowledge()).article()
    Ingestor(engine, Reader(dt.date(2026, 1, 2)), alert=True).add(
        ArticleInput(article.text, published=article.published))
    engine.dispose()


async def _wait(condition: Any, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.1)
    return True


async def _faults(people: list[SynthPerson], chats_count: int, seed: int, out: Path) -> FaultFigures:
    db_url = fresh_store(out, "delivery_faults.db", people, seed)
    chats = [FIRST_CHAT + i for i in range(chats_count)]
    engine = open_store(db_url)
    knowledge = default_knowledge()
    async with FaultyBotApi(seed) as api:
        settings = Settings(telegram_bot_token=api.token, telegram_api_base_url=api.base_url,
                            telegram_file_base_url=api.file_base_url, default_timezone="UTC", _env_file=None)
        app = build_application(settings, engine, CommandCore(engine, knowledge, timezone="UTC"))
        async with running(app):
            for chat in chats:
                api.inject_message(chat, "/subscribe")
            answered = lambda: len({c.chat_id for c in api.sent_messages() if REPLY_MARK in (c.text or "")})  # noqa: E731
            await _wait(lambda: answered() >= len(chats), timeout=60 + chats_count)
            await asyncio.sleep(LATE_SECONDS[1] + 1)  # every late answer, and any resend after it
            async with app.bot_data.alert_lock:  # the minute job may not start the round half-queued
                queue_alert(db_url, people, seed)
            for _ in range(ledger.MAX_ATTEMPTS + 1):
                await send_alerts(app)
                with session_scope(engine) as session:
                    if not subs.unfinished_rounds(session):
                        break
    engine.dispose()
    return FaultFigures(chats=chats_count, replies=copies(api, chats, REPLY_MARK),
                        alerts=copies(api, chats, ALERT_MARK), server_errors=api.server_errors,
                        late_answers=api.late_answers)


def _bot_env(api: FakeBotApi, db_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "ADMIN_IDS", "WEBHOOK_"))}
    env.update(DATABASE_URL=db_url, TELEGRAM_BOT_TOKEN=api.token, TELEGRAM_API_BASE_URL=api.base_url,
               TELEGRAM_FILE_BASE_URL=api.file_base_url, NO_PROXY="127.0.0.1,localhost", LOG_LEVEL="WARNING")
    return env


def _round_finished(db_url: str) -> bool:
    """Read directly, without opening the store (which would check its schema) ten times a second."""
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as db:
        return not db.execute("SELECT count(*) FROM broadcast WHERE finished_at IS NULL").fetchone()[0]


async def _kills(people: list[SynthPerson], chats_count: int, kills: int, seed: int, out: Path) -> KillFigures:
    db_url = fresh_store(out, "delivery_kills.db", people, seed)
    chats = [FIRST_CHAT + i for i in range(chats_count)]
    queue_alert(db_url, people, seed, chats)
    draw = random.Random(seed)
    points = sorted(draw.sample(range(1, chats_count), kills))  # kill after this many alerts arrived
    async with FakeBotApi() as api:
        env = _bot_env(api, db_url)
        alerted = 0

        def count(call: Call) -> None:
            nonlocal alerted
            if call.method == "sendMessage" and call.ok and ALERT_MARK in (call.text or ""):
                alerted += 1
                if points and alerted >= points[0]:
                    points.pop(0)
                    asyncio.get_running_loop().call_later(draw.uniform(0, 0.05), bot.send_signal, signal.SIGKILL)

        api.on_record = count
        killed = 0
        while True:
            bot = subprocess.Popen([sys.executable, "-m", "bot"], env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
            await _wait(lambda bot=bot: bot.poll() is not None or _round_finished(db_url), timeout=120)
            if bot.poll() is None:  # the alert round is finished (or stuck): stop this last run
                bot.terminate()
                bot.wait(timeout=30)
                break
            if bot.returncode != -signal.SIGKILL:  # it died by itself: report what there is
                break
            killed += 1
    return KillFigures(chats=chats_count, kills=killed, alerts=copies(api, chats, ALERT_MARK))


def measure_faults(people: list[SynthPerson], chats: int, *, seed: int, out: Path) -> FaultFigures:
    os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")  # loopback traffic bypasses any proxy
    os.environ.setdefault("no_proxy", "127.0.0.1,localhost")
    return asyncio.run(_faults(people, chats, seed, out))


def measure_kills(people: list[SynthPerson], chats: int, kills: int, *, seed: int, out: Path) -> KillFigures:
    os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
    os.environ.setdefault("no_proxy", "127.0.0.1,localhost")
    return asyncio.run(_kills(people, chats, kills, seed, out))
