"""Footprint: start-up to the first answer (`briefing ask "/latest"`) and peak RSS while answering, in subprocesses.

Both run in fresh interpreters, as an operator's would: imports, migrations and the knowledge sync count.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bench.answers import KINDS, commands
from bench.store import BuiltStore

_SERVE = """
import datetime as dt, sys
from bot.core.commands import CommandCore
from knowledge import default_knowledge
from storage.bootstrap import open_store
core = CommandCore(open_store(sys.argv[1]), default_knowledge(), today=lambda: dt.date(2026, 1, 1))
for _ in range(3):
    for line in sys.argv[2:]:
        core.handle(line)
status = open("/proc/self/status").read()
print(next(int(l.split()[1]) for l in status.splitlines() if l.startswith("VmHWM:")))
"""


def _env(url: str) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": url, "TELEGRAM_BOT_TOKEN": "", "LOG_LEVEL": "WARNING"}


def startup_s(store: BuiltStore, *, runs: int = 3) -> float:
    """Median wall time of `briefing ask "/latest"` on the store, from process start to its reply."""
    briefing = Path(sys.executable).with_name("briefing")
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([str(briefing), "ask", "/latest"], env=_env(store.url), check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return sorted(times)[len(times) // 2]


def peak_rss_mb(store: BuiltStore) -> float:
    """Peak resident memory (VmHWM) of a process answering every benchmark command three times."""
    lines = [line for kind in KINDS for line in commands(store)[kind]] + ["/start"]
    done = subprocess.run([sys.executable, "-c", _SERVE, store.url, *lines], env=_env(store.url), check=True,
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1])
    return int(done.stdout.split()[-1]) / 1024
