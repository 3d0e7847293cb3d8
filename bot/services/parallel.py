"""Work spread over worker processes for `briefing ingest`, results kept in order, workers tied to their parent."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

In = TypeVar("In")
Out = TypeVar("Out")
PARENT_CHECK_SECONDS = 0.5


def in_order(work: Callable[[In], Out], items: list[In], *, jobs: int, window: int = 64) -> Iterator[Out]:
    """`work` over the items in worker processes, results in item order, at most `window` held at a time."""
    if jobs == 1 or len(items) < 2:
        yield from map(work, items)
        return
    with ProcessPoolExecutor(min(jobs, len(items)), mp_context=multiprocessing.get_context("spawn"),
                             initializer=exit_with_parent, initargs=(os.getpid(),)) as pool:
        queued = deque(pool.submit(work, item) for item in items[:window])
        for item in items[window:]:
            yield queued.popleft().result()
            queued.append(pool.submit(work, item))
        while queued:
            yield queued.popleft().result()


def exit_with_parent(parent: int) -> None:
    """Worker initializer: leave as soon as the parent is gone.

    A parent killed outright (`kill -9`, the OOM killer) never shuts its pool down, and its workers would
    wait for work forever, about 80 MB each. A thread waits for the parent's end: on the pipe
    multiprocessing keeps to every parent (portable, and at once), and by the parent id, which changes
    when an orphan is adopted (POSIX), should that pipe be gone.
    """
    sentinel = multiprocessing.parent_process()

    def watch() -> None:
        while os.getppid() == parent and (sentinel is None or sentinel.is_alive()):
            if sentinel is not None:
                sentinel.join(PARENT_CHECK_SECONDS)
            else:
                time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
