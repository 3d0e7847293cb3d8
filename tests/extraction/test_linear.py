"""The pipeline's work grows linearly with the article: twice the text, about twice the work."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from types import FrameType
from typing import Any

import extraction
from extraction import extract

PACKAGE = str(Path(extraction.__file__).parent)
PUBLISHED = dt.date(2025, 6, 30)
_PAIRS = (("Vladimir Putin", "Xi Jinping"), ("Sergei Lavrov", "Wang Yi"), ("Andrei Belousov", "Dong Jun"),
          ("Sergei Shoigu", "Wang Yi"), ("Mikhail Mishustin", "Li Qiang"))
_MONTHS = ("January", "February", "March", "April", "May", "June")
_CITIES = ("Moscow", "Beijing", "Kazan", "Shanghai", "Sochi")
_TOPICS = ("trade", "Taiwan", "the Arctic", "energy", "Ukraine")


def article(sentences: int) -> str:
    """Short meeting reports with varied people, dates and places, plus the talk around them."""
    out = []
    for i in range(sentences // 2):
        a, b = _PAIRS[i % len(_PAIRS)]
        out.append(f"{a} met {b} in {_CITIES[i % 5]} on {_MONTHS[i % 6]} {1 + i % 28} to discuss {_TOPICS[i % 5]}.")
        out.append("The two sides said the talks were constructive." if i % 3 else '"We agree," he said.')
    return " ".join(out)


def work(text: str) -> int:
    """Lines of extraction code executed: a deterministic measure of work, unlike a stopwatch."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        count += 1
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.startswith(PACKAGE) else None

    sys.settrace(calls)
    try:
        extract(text, published=PUBLISHED)
    finally:
        sys.settrace(None)
    return count


def test_twice_the_article_is_about_twice_the_work() -> None:
    extract(article(40), published=PUBLISHED)  # compile the knowledge base's patterns first
    small, large = work(article(300)), work(article(600))
    assert 1.6 < large / small < 2.3, (small, large)


def test_one_meeting_repeated_costs_work_in_proportion_to_its_repeats() -> None:
    """A page that says the same thing thousands of times (a scraped feed) must not cost quadratic work;
    counted in lines executed, not seconds, so that a busy machine cannot fail it (timings live in bench/)."""
    extract("Putin met Xi.", published=PUBLISHED)
    small, large = work(" ".join(["Putin met Xi."] * 500)), work(" ".join(["Putin met Xi."] * 2_000))
    assert 3.2 < large / small < 4.8, (small, large)
    assert len(extract(" ".join(["Putin met Xi."] * 2_000), published=PUBLISHED).meetings) == 1
