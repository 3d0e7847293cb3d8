"""kill -9 in the middle of an ingestion or a broadcast: the store stays whole, nobody is served twice."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from bot.ingest import ingest_text
from storage import subscriptions as subs
from storage.bootstrap import open_store
from storage.db import session_scope
from tests.e2e.briefing_harness import ARTICLE
from tests.e2e.fake_bot_api import FakeBotApi

SUBSCRIBERS = range(1, 7)


def briefing_env(db_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "ADMIN_IDS", "WEBHOOK_"))}
    env.update(DATABASE_URL=db_url, NO_PROXY="127.0.0.1,localhost", LOG_LEVEL="INFO", PYTHONUNBUFFERED="1", **extra)
    return env


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def whole_articles(path: Path) -> tuple[int, int, int]:
    """(articles, articles without sentences, meetings without a source): the last two must be 0."""
    with sqlite3.connect(path) as db:
        articles = db.execute("SELECT count(*) FROM article").fetchone()[0]
        hollow = db.execute("SELECT count(*) FROM article a WHERE NOT EXISTS "
                            "(SELECT 1 FROM sentence s WHERE s.article_id = a.id)").fetchone()[0]
        orphans = db.execute("SELECT count(*) FROM meeting m WHERE NOT EXISTS "
                             "(SELECT 1 FROM meetingsource s WHERE s.meeting_id = m.id)").fetchone()[0]
    return articles, hollow, orphans


def test_a_kill_during_ingest_leaves_whole_articles_and_a_rerun_adds_the_rest(tmp_path):
    files = []
    for i in range(60):
        path = tmp_path / f"article_{i:02d}.txt"
        path.write_text(ARTICLE.replace("March 12", f"March {1 + i % 28}") + f"\nReference {i}.\n", encoding="utf-8")
        files.append(str(path))
    db = tmp_path / "crash.db"
    env = briefing_env(f"sqlite:///{db}")
    cmd = [sys.executable, "-m", "bot.cli", "ingest", *files]
    process = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    added = 0
    for line in process.stdout:
        added += ": article #" in line
        if added >= 5:
            break
    process.send_signal(signal.SIGKILL)
    process.wait()

    assert integrity(db) == "ok"
    articles, hollow, orphans = whole_articles(db)
    assert 5 <= articles < 60
    assert (hollow, orphans) == (0, 0)

    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    assert rerun.stdout.count(": article #") == 60 - articles
    assert rerun.stdout.count(": already stored as article #") == articles
    assert rerun.returncode == 0  # what the killed run stored is no failure of the rerun
    assert whole_articles(db) == (60, 0, 0)


async def test_a_kill_during_a_broadcast_serves_the_rest_after_restart_and_nobody_twice(tmp_path, seeded_db_url):
    engine = open_store(seeded_db_url)
    with session_scope(engine) as session:
        for chat in SUBSCRIBERS:
            subs.subscribe(session, chat_id=chat, digest_time="08:00", timezone="UTC")
    ingest_text(engine, ARTICLE, announce=True)  # queued, as an upload to a bot that then died would be
    engine.dispose()

    async with FakeBotApi() as api:
        env = briefing_env(seeded_db_url, TELEGRAM_BOT_TOKEN=api.token,
                           TELEGRAM_API_BASE_URL=api.base_url, TELEGRAM_FILE_BASE_URL=api.file_base_url)
        api.hang_next("sendMessage", chat_id=4)  # the push to chat 4 never completes
        first = subprocess.Popen([sys.executable, "-m", "bot"], env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            await api.wait_for_sent(3, timeout=30)
            await _until(lambda: api.hanging)
        finally:
            first.send_signal(signal.SIGKILL)
            first.wait()

        served = {c.chat_id for c in api.sent_messages()}
        assert 4 not in served
        assert {1, 2, 3} <= served  # and perhaps 5 and 6: sends run side by side
        second = subprocess.Popen([sys.executable, "-m", "bot"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for chat in SUBSCRIBERS:
                await api.wait_for_sent(chat, timeout=30)
            await asyncio.sleep(0.5)  # time for any duplicate to show itself
        finally:
            second.terminate()
            second.wait(timeout=15)

    pushes = [c.chat_id for c in api.sent_messages() if "New article" in (c.text or "")]
    assert sorted(pushes) == list(SUBSCRIBERS)
    assert integrity(Path(seeded_db_url.removeprefix("sqlite:///"))) == "ok"


async def _until(condition, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)
