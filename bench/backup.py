"""`briefing backup` of the biggest store while the bot writes: how long the copy takes, and what it costs the
writes going on meanwhile (a subscription saved, one transaction each, as `/subscribe` saves it).

The copy is SQLite's online backup in one step (storage.backup): one read transaction, so in WAL mode the
writes go on beside it. The writes' latency is measured during the copy and, for comparison, for as long again
with no copy running.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from bench.store import BuiltStore
from storage import subscriptions as subs
from storage.backup import backup
from storage.bootstrap import open_store
from storage.db import session_scope


@dataclass(frozen=True)
class BackupFigures:
    articles: int
    megabytes: float
    seconds: float
    writes_during: int
    write_p95_ms_during: float
    write_p95_ms_alone: float


def measure(store: BuiltStore, *, out: Path) -> BackupFigures:
    with tempfile.TemporaryDirectory(dir=out) as folder:
        live = Path(folder) / "live.db"
        shutil.copyfile(store.path, live)  # the cached store stays as it was built
        url = f"sqlite:///{live}"
        engine = open_store(url)
        done = threading.Event()
        latencies: list[float] = []

        def write() -> None:
            chat = 10_000_000
            while not done.is_set():
                started = time.perf_counter()
                with session_scope(engine) as session:
                    subs.subscribe(session, chat_id=chat, digest_time="08:00", timezone="UTC")
                latencies.append(time.perf_counter() - started)
                chat += 1
                time.sleep(0.005)

        writer = threading.Thread(target=write)
        writer.start()
        try:
            started = time.perf_counter()
            copy = backup(url, Path(folder) / "copy.db")
            seconds = time.perf_counter() - started
            during = list(latencies)
            time.sleep(seconds)
            alone = latencies[len(during):]
        finally:
            done.set()
            writer.join()
            engine.dispose()
        return BackupFigures(store.articles, copy.size / 1048576, seconds, len(during), _p95_ms(during),
                             _p95_ms(alone))


def _p95_ms(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] * 1000 if values else 0.0
    return statistics.quantiles(values, n=20)[-1] * 1000
