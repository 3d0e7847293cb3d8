"""Timing helpers: many short samples and their percentiles, because one run of a millisecond call says little."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence


def sample_ms(call: Callable[[], object], *, repeat: int, warmup: int = 1) -> list[float]:
    """Milliseconds of `repeat` calls after `warmup` unmeasured ones (caches, first-use imports)."""
    for _ in range(warmup):
        call()
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        out.append((time.perf_counter() - started) * 1000)
    return out


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (share in 0–1) of a non-empty sample."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[rank]


def p95(values: Sequence[float]) -> float:
    return percentile(values, 0.95)
