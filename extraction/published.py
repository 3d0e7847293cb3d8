"""The publication date an article states about itself, from its byline or dateline."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from extraction.dates import find_dates

# a page-edit stamp says when the page changed, not when the story ran
_STAMP = re.compile(
    r"^\s*(?:last\s+)?(?:update[ds]?|modified|edited|changed|обновлено|изменено|обновлён)\b", re.IGNORECASE
)
_STAMP_INSIDE = re.compile(r"\b(?:last\s+)?(?:updated?|modified|обновлено|изменено)\b", re.IGNORECASE)
_BYLINE = re.compile(
    r"^\s*(?:by\s|от\s|автор|published|posted|опубликовано|дата\s+публикации)", re.IGNORECASE
)


def find_published(paragraphs: Sequence[str], *, window: int = 12, max_words: int = 14) -> dt.date | None:
    """The first full date in a short byline-like line near the top; edit stamps are skipped."""
    for line in paragraphs[:window]:
        if _STAMP.match(line):
            continue
        line = _STAMP_INSIDE.split(line, maxsplit=1)[0]  # "March 3, 2025 4:51 PM Updated 2 hours ago"
        words = line.split()
        if len(words) > max_words and not _BYLINE.match(line):
            continue
        for expr in find_dates(line):
            if expr.year and expr.month and expr.day and (_BYLINE.match(line) or len(words) <= 8):
                return dt.date(expr.year, expr.month, expr.day)
    return None


def find_edit_stamp(paragraphs: Sequence[str], *, window: int = 12) -> dt.date | None:
    """The date of an "Updated ..." stamp: the best guess left when a page shows no other date."""
    for line in paragraphs[:window]:
        stamp = _STAMP_INSIDE.search(line)  # "Updated: ..." or "By Xinhua | Updated: 2024-05-16 10:23"
        if stamp and len(line.split()) <= 14:
            for expr in find_dates(line[stamp.start():]):
                if expr.year and expr.month and expr.day:
                    return dt.date(expr.year, expr.month, expr.day)
    return None
