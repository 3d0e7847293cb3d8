"""A wire story's dateline: "KHABAROVSK, Aug 14 (Reuters) -", "МОСКВА, 12 мая. /ТАСС/.", "Москва. 5 марта.
INTERFAX.RU -".

The dateline is the day the story was filed: "on Wednesday" in its lead is the Wednesday before it.
Wires rarely print the year there; it comes from the page's address or stamp, else stays unknown.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass

_EN = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_RU = ("янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
          r"|(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
          r"|янв|фев|мар|апр|июн|июл|авг|сент|сен|окт|ноя|нояб|дек)\.?")
_DATE = (rf"(?:(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH})|(?P<mon2>{_MONTH})\s+(?P<day2>[0-3]?\d))"
         r"(?:,?\s+(?P<year>(?:19|20)\d\d)(?:\s*(?:г\.|года))?)?")
_CITY = r"(?P<city>[A-ZА-ЯЁ][\w'’.-]*(?:[ -][A-ZА-ЯЁ][\w'’.-]*){0,3})"
_AGENCY_TAIL = (
    r"(?:\s*\([^()\n]{2,40}\)\s*[-—–]{1,2}"            # (Reuters) -   (Xinhua) --
    r"|\s*/[^/\n]{2,25}/"                              # /ТАСС/.   /TASS/.
    r"|\s*[-—–]{1,2}\s*[A-ZА-ЯЁ][\w.]*(?:\s+[A-ZА-ЯЁ][\w.]*)?\s*[.:]"  # — ПРАЙМ.   - РИА Новости.
    r"|\s*[A-ZА-ЯЁ][A-ZА-ЯЁ.]{2,20}\s*[-—–]{1,2})"       # INTERFAX.RU -
)
_DATELINE = re.compile(rf"^\s*{_CITY}\s*[,.]\s+{_DATE}\s*[.,]?{_AGENCY_TAIL}")
# "SHANGHAI (UrduPoint News / Sputnik - 04th December, 2019)"
_BRACKETED = re.compile(rf"^\s*{_CITY}\s*\([^()\n]{{2,40}}?[-—–]\s*{_DATE}\s*\)")


@dataclass(frozen=True)
class Dateline:
    month: int
    day: int
    year: int | None  # wires mostly leave it out
    text: str  # the dateline as written, for the evidence


def find_dateline(paragraphs: Sequence[str], *, window: int = 6) -> Dateline | None:
    """The dateline at the start of one of the first paragraphs, or None."""
    for line in paragraphs[:window]:
        m = _DATELINE.match(line) or _BRACKETED.match(line)
        if m is not None and (found := _dateline(m)) is not None:
            return found
    return None


def every_dateline(paragraphs: Sequence[str]) -> list[tuple[int, Dateline]]:
    """(paragraph index, dateline) for each paragraph that opens with one: a digest of wire stories."""
    found = []
    for i, line in enumerate(paragraphs):
        if line[:1].isupper() and (m := _DATELINE.match(line) or _BRACKETED.match(line)) is not None \
                and (dateline := _dateline(m)) is not None:
            found.append((i, dateline))
    return found


def _dateline(m: re.Match[str]) -> Dateline | None:
    g = m.groupdict()
    month = month_of(g["mon"] or g["mon2"] or "")
    day = int(g["day"] or g["day2"] or 0)
    year = int(g["year"]) if g.get("year") else None
    if month is None or not 1 <= day <= calendar.monthrange(year or 2000, month)[1]:  # 2000: 29 Feb is possible
        return None
    return Dateline(month, day, year, m.group(0).strip())


def month_of(word: str) -> int | None:
    """An English or Russian month name, whole or cut short ("Sept.", "ноя", "авг"), → 1..12."""
    low = word.lower().rstrip(".")
    if low[:3] in _EN:
        return _EN.index(low[:3]) + 1
    return next((n for n, stem in enumerate(_RU, start=1) if low.startswith(stem)), None)
