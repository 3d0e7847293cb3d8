"""Who is due a digest: how long the digest round's one look at the store takes for N subscribers.

The round runs every minute (bot.telegram.digests), so this is what a minute costs the store when nobody is due,
and what it costs when everybody is. Three shapes of the same N subscribers: the fan-out's (all at 08:00
UTC) just after 08:00, when none has had today's digest and all are due; the same at 20:00, when all have
had it and each is checked in the ledger; and readers spread over 24 zones and every quarter hour, at noon
UTC, with half of those whose time passed already served.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from storage import subscriptions as subs
from storage.bootstrap import open_store
from storage.db import session_scope
from storage.digests_due import DIGEST, due_digests
from storage.models import DeliveryRow

ZONES = ("UTC", "Europe/Moscow", "Asia/Shanghai", "Asia/Tokyo", "Europe/Berlin", "Europe/London", "America/New_York",
         "America/Los_Angeles", "Asia/Kolkata", "Asia/Vladivostok", "Asia/Yekaterinburg", "Asia/Novosibirsk",
         "Europe/Kaliningrad", "Asia/Hong_Kong", "Asia/Singapore", "Australia/Sydney", "Europe/Paris",
         "Asia/Almaty", "Asia/Tashkent", "Europe/Minsk", "America/Sao_Paulo", "Africa/Cairo", "Asia/Dubai",
         "Pacific/Auckland")
DAY = dt.datetime(2026, 3, 10, tzinfo=dt.UTC)
SUBSCRIBED = DAY - dt.timedelta(days=30)


@dataclass(frozen=True)
class DueFigures:
    subscribers: int
    all_due_ms: float  # everyone's time just passed, nobody served yet
    all_served_ms: float  # everyone served today: nobody due, each checked in the ledger
    spread_ms: float  # 24 zones, every quarter hour, half of those past their time served
    due_counts: tuple[int, int, int]


def _timed(engine: Engine, now: dt.datetime, repeat: int) -> tuple[float, int]:
    times, count = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        with session_scope(engine) as session:
            count = len(due_digests(session, now=now))
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), count


def _store(path: Path) -> Engine:
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    return open_store(f"sqlite:///{path}")


def _serve(engine: Engine, subscriber_ids: list[int], day: str) -> None:
    with session_scope(engine) as session:
        session.add_all(DeliveryRow(subscriber_id=i, kind=DIGEST, key=day, status="sent") for i in subscriber_ids)


def measure(subscribers: int, *, out: Path, repeat: int = 7) -> DueFigures:
    engine = _store(out / "due-fanout.db")
    with session_scope(engine) as session:
        ids = [subs.subscribe(session, chat_id=10_000_000 + i, digest_time="08:00", timezone="UTC",
                              at=SUBSCRIBED).id or 0 for i in range(subscribers)]
    all_due, due_all = _timed(engine, DAY.replace(hour=8, second=30), repeat)
    _serve(engine, ids, DAY.date().isoformat())
    all_served, due_none = _timed(engine, DAY.replace(hour=20), repeat)
    engine.dispose()

    engine = _store(out / "due-spread.db")
    rng = random.Random(7)
    now = DAY.replace(hour=12)
    with session_scope(engine) as session:
        for i in range(subscribers):
            clock = f"{rng.randrange(24):02d}:{rng.choice((0, 15, 30, 45)):02d}"
            subs.subscribe(session, chat_id=10_000_000 + i, digest_time=clock, timezone=rng.choice(ZONES),
                           at=SUBSCRIBED)
        due_now = {d.subscriber_id: d.day for d in due_digests(session, now=now)}
    served = [i for i in due_now if rng.random() < 0.5]
    with session_scope(engine) as session:
        session.add_all(DeliveryRow(subscriber_id=i, kind=DIGEST, key=due_now[i], status="sent") for i in served)
    spread, due_spread = _timed(engine, now, repeat)
    engine.dispose()
    return DueFigures(subscribers, all_due, all_served, spread, (due_all, due_none, due_spread))
