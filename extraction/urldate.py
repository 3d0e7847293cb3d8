"""The publication date a page's address carries: `/2019/05/14/`, `/20240312/`, `/2015-07/05/`, `/2025/1031/`,
`/29.05.2012/`.

Newsrooms file stories under the day (or month) they ran, so the address is a witness to the date
even when the text shows none. Only the shapes of a date count: a number that merely looks like one
(`content_21184063`, `a-66842265`) is an id, and a month-only address gives only the month.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from extraction.types import PartialDate

_Y = r"(?P<y>(?:19|20)\d\d)"
_M = r"(?P<m>[01]\d)"
_D = r"(?P<d>[0-3]\d)"
_MON = (r"(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december"
        r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)")
_END = r"(?=[/_.?#-]|$)"  # what may follow a date in a path: another segment, an id, a suffix
# (shape, what it gives); earlier shapes win, so a day beats the month of the same address
_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p, re.IGNORECASE), kind) for p, kind in (
    (rf"/{_Y}/{_M}/{_D}{_END}", "day"),                 # /2019/05/14/slug
    (rf"/{_Y}-{_M}/{_D}{_END}", "day"),                 # /2015-07/05/content_...
    (rf"(?<![\w-]){_Y}-{_M}-{_D}{_END}", "day"),        # /2024-03-12/ or /news-2024-03-12.html
    (rf"/{_Y}/{_M}{_D}/", "day"),                       # /2025/1031/c90000-...
    (rf"/t?{_Y}{_M}{_D}(?=[/_.?#]|$)", "day"),          # /20240312/ or /t20190929_2954529.htm
    (rf"/{_Y}/{_MON}/{_D}{_END}", "day"),               # /2019/may/14/slug
    (rf"/{_D}\.{_M}\.{_Y}{_END}", "day"),               # /news/29.05.2012/208300/ (day first, as Russian sites)
    (rf"/{_D}-{_M}-{_Y}(?=[/_.?#]|$)", "day"),          # /14-05-2019/
    (rf"/{_Y}/{_M}/(?!\d)", "month"),                   # /2019/05/slug
    (rf"/{_Y}-{_M}/(?!\d)", "month"),                   # /2019-05/slug
    (rf"/{_Y}/{_MON}/(?!\d)", "month"),                 # /2019/may/slug
))
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass(frozen=True)
class UrlDate:
    date: PartialDate  # to the day or to the month, as the address gives it
    text: str  # the part of the address it was read from, as evidence


def url_date(url: str | None) -> UrlDate | None:
    """The date in the address's path (host and query aside), or None when it shows none."""
    if not url:
        return None
    try:
        path = unquote(urlsplit(url.strip()).path)
    except ValueError:
        return None
    for pattern, kind in _SHAPES:
        for m in pattern.finditer(path):
            date = _date(m, kind)
            if date is not None:
                return UrlDate(date, m.group(0).strip("/"))
    return None


def _date(m: re.Match[str], kind: str) -> PartialDate | None:
    groups = m.groupdict()
    year = int(groups["y"])
    month = int(groups["m"]) if groups.get("m") else _MONTHS.index(groups["mon"][:3].lower()) + 1
    if not 1 <= month <= 12:
        return None
    if kind == "month":
        return PartialDate(year, month)
    day = int(groups["d"])
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return PartialDate(year, month, day)
