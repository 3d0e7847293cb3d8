"""Date expressions in news prose ("on Feb 1", "in May", "on Wednesday", "a day earlier") and their resolution.

Finding and resolving are separate: an expression is read once, then resolved against the
publication date, the tense of the event (reported or planned) and the meeting mentioned just before.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from extraction.lexicon import PREFIX, Folded, words
from extraction.types import PartialDate

_EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_RU_MONTHS = (("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("ма", 5), ("июн", 6),
              ("июл", 7), ("август", 8), ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12))
_EN_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RU_WEEKDAYS = (("понедельник", 0), ("вторник", 1), ("сред", 2), ("четверг", 3), ("пятниц", 4),
                ("суббот", 5), ("воскресень", 6))

_en = sorted(_EN_MONTHS, key=len, reverse=True)
_MON = (
    "(?P<mon>" + "|".join(m.capitalize() for m in _en) + "|" + "|".join(m.upper() for m in _en)
    + r"|(?i:январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?"
    r"|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]))(?!\w)\.?"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_TO = r"\s*(?:[-–—]|to|and|по|и)\s*"  # "3-5", "3 to 5", "с 3 по 5"
_LAST = r"(?P<last>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"  # the last day of a span of days
_WD = "(?P<wd>" + "|".join(w.capitalize() for w in _EN_WEEKDAYS) + r"|(?i:понедельник|вторник|сред[ауе]"
_WD += r"|четверг|пятниц[ауе]|суббот[ауе]|воскресень[ея]))(?!\w)"

# (pattern, what it gives, what the text must have for it to match); earlier patterns win where two overlap.
_PATTERNS: tuple[tuple[re.Pattern[str], str, frozenset[str]], ...] = tuple(
    (re.compile(p), kind, frozenset(needs))
    for p, kind, needs in (
        (rf"\b{_YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b", "full", ("digit",)),
        (rf"\b(?P<day>[0-3]?\d)[./](?P<mnum>[01]?\d)[./]{_YEAR}", "full", ("digit",)),
        # a Russian byline's short form, "ТАСС 12.08.19": always zero-padded, always this century
        (r"\b(?P<day>[0-3]\d)\.(?P<mnum>[01]\d)\.(?P<yy>[0-3]\d)(?![\d.])", "full", ("digit",)),
        # a span of days ("Nov. 3 to 4", "24-26 ноября", "с 3 по 5 мая"): the month, not its first day
        (rf"\b{_MON}\s+{_DAY}{_TO}{_LAST}(?:,?\s+{_YEAR})?", "span", ("month", "digit")),
        (rf"\b(?:(?i:с|from|between)\s+)?{_DAY}{_TO}{_LAST}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?", "span",
         ("month", "digit")),
        (rf"\b{_MON}\s+{_DAY}(?:,?\s+{_YEAR})?", "full", ("month", "digit")),
        (rf"\b{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?", "full", ("month", "digit")),
        (rf"\b{_MON},?\s+{_YEAR}", "full", ("month", "digit")),
        # a month named as an event's ("the October BRICS summit", "на мартовском саммите")
        (rf"\bthe\s+{_MON}(?=\s+[\w-])|\b(?P<adj>(?i:январск|февральск|мартовск|апрельск|майск|июньск|июльск"
         r"|августовск|сентябрьск|октябрьск|ноябрьск|декабрьск)\w+)", "month", ("month",)),
        (rf"(?:\b(?P<q>(?i:in|since|during|by|until|early|late|last|this|next|of|во?|с|до|к|конц[еау]|начал[еау]"
         rf"|середин[еуы]))\s+|mid-){_MON}",
         "month", ("month",)),
        (rf"\b(?i:in|since|during|by|of|в)\s+{_YEAR}", "full", ("digit",)),
        (rf"\b(?:(?P<q>(?i:on|last|next|this|coming|this\s+coming|в|во|в\s+прошл\w+|в\s+следующ\w+))\s+)?{_WD}",
         "weekday", ("weekday",)),
    )
)
# relative phrases → (anchor, unit, offset); anchor "pub" is the publication day, "prev" the last meeting;
# then words one of which each spelling has, so that a sentence without them skips the pattern
_RELATIVE: tuple[tuple[Folded, tuple[str, str, int], frozenset[str]], ...] = tuple(
    (Folded(rf"\b(?:{p})\b"), v, frozenset(keys))
    for p, v, keys in (
        (r"the\s+day\s+before\s+yesterday|позавчера", ("pub", "day", -2), ("yesterday", "позавчера")),
        (r"yesterday|вчера", ("pub", "day", -1), ("yesterday", "вчера")),
        (r"today|tonight|this\s+morning|this\s+afternoon|this\s+evening|сегодня", ("pub", "day", 0),
         ("today", "tonight", "morning", "afternoon", "evening", "сегодня")),
        (r"tomorrow|завтра", ("pub", "day", 1), ("tomorrow", "завтра")),
        (r"a\s+day\s+earlier|the\s+day\s+before|the\s+previous\s+day|накануне|дн[её]м\s+ранее",
         ("prev", "day", -1), ("day", "накануне", "ранее")),
        (r"a\s+day\s+later|the\s+next\s+day|the\s+following\s+day|на\s+следующий\s+день", ("prev", "day", 1),
         ("day", "день")),
        (r"(?:a\s+few|several|two|three|some)\s+hours\s+(?:earlier|later)|earlier\s+that\s+day"
         r"|(?:earlier|later)\s+in\s+the\s+day"
         r"|later\s+that\s+day|the\s+same\s+day|в\s+тот\s+же\s+день|несколькими\s+часами\s+ранее",
         ("prev", "day", 0), ("hours", "day", "день", "ранее")),
        # "his recent visit", "not long ago", "недавно": within a few months before the last meeting told of
        (r"recently|not\s+long\s+ago|recent(?=\s+(?:[\w-]+\s+){0,2}?(?:visit|trip|tour"
         r"|talks|meeting|summit|call|conversation)s?\b)|недавно|на\s+днях|недавн(?:ий|его|ему|ем|ей|юю|яя|ие|их)"
         r"(?=\s+(?:\w+\s+){0,2}?(?:визит|встреч|переговор|поездк|саммит|разговор)\w*)",
         ("prev", "recent", 0), ("recently", "recent", "long", "недавно", "днях", "недавний", "недавнего",
                                  "недавнему", "недавнем", "недавней", "недавнюю", "недавняя", "недавние", "недавних")),
        (r"this\s+week|на\s+этой\s+неделе", ("pub", "week", 0), ("week", "неделе")),
        (r"last\s+week|на\s+прошлой\s+неделе", ("pub", "week", -1), ("week", "неделе")),
        (r"next\s+week|на\s+следующей\s+неделе", ("pub", "week", 1), ("week", "неделе")),
        (r"this\s+month|в\s+этом\s+месяце", ("pub", "month", 0), ("month", "месяце")),
        (r"last\s+month|в\s+прошлом\s+месяце", ("pub", "month", -1), ("month", "месяце")),
        (r"next\s+month|в\s+следующем\s+месяце", ("pub", "month", 1), ("month", "месяце")),
        (r"this\s+year|в\s+этом\s+году", ("pub", "year", 0), ("year", "году")),
        (r"last\s+year|в\s+прошлом\s+году", ("pub", "year", -1), ("year", "году")),
        (r"next\s+year|в\s+следующем\s+году", ("pub", "year", 1), ("year", "году")),
    )
)


@dataclass(frozen=True)
class DateExpr:
    """One date expression as written, with its position in the sentence, not yet resolved."""

    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    direction: str | None = None  # "past" / "future" when the text says so ("last May", "next Tuesday")
    relative: tuple[str, str, int] | None = None


def month_number(word: str) -> int | None:
    """English or Russian month name (any case ending) → 1..12."""
    low = word.lower().rstrip(".")
    if low in _EN_MONTHS:
        return _EN_MONTHS[low]
    return next((n for stem, n in _RU_MONTHS if low.startswith(stem)), None)


def _weekday_number(word: str) -> int:
    low = word.lower()
    if low in _EN_WEEKDAYS:
        return _EN_WEEKDAYS.index(low)
    return next(n for stem, n in _RU_WEEKDAYS if low.startswith(stem))


def _direction(qualifier: str | None) -> str | None:
    q = (qualifier or "").lower()
    if q.startswith(("last", "в прошл", "since")):
        return "past"
    if q.startswith(("next", "coming", "this coming", "в следующ", "until", "by")):
        return "future"
    return None


# Cheap first looks at a sentence's words (`lexicon.words`): most sentences have no date and skip every pattern.
# A month or weekday name is a whole word; a Russian one is known by its first letters, whatever its ending.
_DIGIT = re.compile(r"\d")
_MONTH_WORDS = frozenset([*_EN_MONTHS, *(stem[:PREFIX] for stem, _ in _RU_MONTHS)])
_WEEKDAY_WORDS = frozenset([*_EN_WEEKDAYS, *(stem[:PREFIX] for stem, _ in _RU_WEEKDAYS)])
_RELATIVE_WORDS = frozenset(word for _, _, keys in _RELATIVE for word in keys)


def _present(text: str, tokens: frozenset[str]) -> frozenset[str]:
    """Which of `_PATTERNS`' needs the text meets: digits, a month name, a weekday name."""
    found = {"digit"} if _DIGIT.search(text) else set()
    if not _MONTH_WORDS.isdisjoint(tokens):
        found.add("month")
    if not _WEEKDAY_WORDS.isdisjoint(tokens):
        found.add("weekday")
    return frozenset(found)


def find_dates(text: str) -> list[DateExpr]:
    """Every date expression in the text, left to right, without overlaps."""
    return list(_find_dates(text))


@lru_cache(maxsize=256)  # several stages ask about the same sentences of an article
def _find_dates(text: str) -> tuple[DateExpr, ...]:
    tokens = words(text)
    present = _present(text, tokens)
    found: list[DateExpr] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for pattern, kind, needs in _PATTERNS:
        if not needs <= present:
            continue
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            groups = m.groupdict()
            expr = _expr(m, kind, groups)
            if expr is not None:
                found.append(expr)
                taken.append((m.start(), m.end()))
    relatives = () if _RELATIVE_WORDS.isdisjoint(tokens) else _RELATIVE
    for pattern, relative, needs in relatives:
        if not needs.isdisjoint(tokens):
            for m in pattern.finditer(text):
                if free(m.start(), m.end()):
                    found.append(DateExpr(m.start(), m.end(), text[m.start() : m.end()], relative=relative))
                    taken.append((m.start(), m.end()))
    ordered = sorted((e for e in found if not _of_report(text, e)), key=lambda e: e.start)
    return tuple(_weekdays_with_their_date(text, ordered))


_APPOSITION = re.compile(r"\s*[,(]\s*")


def _weekdays_with_their_date(text: str, found: list[DateExpr]) -> list[DateExpr]:
    """"on Monday, 12 May 2025", "в понедельник (12 мая)": one date, the one its day and month say, not a weekday
    counted from the day of publication beside it."""
    out: list[DateExpr] = []
    for expr in found:
        last = out[-1] if out else None
        if last is not None and last.weekday is not None and last.direction is None and expr.month is not None \
                and expr.day is not None and _APPOSITION.fullmatch(text, last.end, expr.start):
            end = expr.end + 1 if text[last.end : expr.start].strip() == "(" and text[expr.end : expr.end + 1] == ")" \
                else expr.end
            out[-1] = DateExpr(last.start, end, text[last.start : end], year=expr.year, month=expr.month, day=expr.day,
                               direction=expr.direction)
            continue
        out.append(expr)
    return out


# "…, the press service reported on Wednesday", "как сообщили в среду": the day the news was told, not the day of
# what it tells (a weekday or "yesterday" only: a date with its month may still be the event's own)
_REPORTED = re.compile(
    r"(?:\b(?:said|says|reported|reports|announced|stated|confirmed"
    r"|told\s+(?:reporters|journalists|the\s+(?:press|media)|(?:a|the)\s+(?:[\w-]+\s+)?(?:conference|briefing)))"
    r"(?:\s+in\s+(?:a|an|its|his|her)\s+\w+)?|\b(?:сообщил\w*|сообщает|заявил\w*|объявил\w*|рассказал\w*))"
    r"(?:\s+(?:earlier|later))?\s*$", re.IGNORECASE)
# "Lavrov said on Tuesday at talks with Wang Yi": a remark made at a meeting dates that meeting
_AT_EVENT = re.compile(r"\s*,?\s*(?:at|during|after|following|on\s+the\s+sidelines|на|в\s+ходе|во\s+время|после"
                       r"|по\s+итогам)\b", re.IGNORECASE)


def _of_report(text: str, expr: DateExpr) -> bool:
    """True for a weekday or "today"/"yesterday" that dates only the telling of the news."""
    if expr.weekday is None and (expr.relative is None or expr.relative[:2] != ("pub", "day")):
        return False
    return bool(_REPORTED.search(text, max(0, expr.start - 45), expr.start)) \
        and not _AT_EVENT.match(text, expr.end)



def _expr(m: re.Match[str], kind: str, g: dict[str, str | None]) -> DateExpr | None:
    year = int(g["year"]) if g.get("year") else (2000 + int(g["yy"]) if g.get("yy") else None)
    month = int(g["mnum"]) if g.get("mnum") else month_number(g.get("mon") or g.get("adj") or "")
    day = int(g["day"]) if g.get("day") else None
    if kind == "weekday":
        wd = _weekday_number(g["wd"] or "")
        return DateExpr(m.start(), m.end(), m.group(0), weekday=wd, direction=_direction(g.get("q")))
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and month is not None and not 1 <= day <= calendar.monthrange(year or 2000, month)[1]:
        return None
    if kind == "span":  # the days of a visit or a forum: which of them an event falls on, the span does not say
        last = int(g["last"] or 0)
        if day is None or month is None or not day < last <= calendar.monthrange(year or 2000, month)[1]:
            return None
        day = None
    return DateExpr(m.start(), m.end(), m.group(0), year=year, month=month, day=day,
                    direction=_direction(g.get("q")))


def resolve(expr: DateExpr, *, published: dt.date, future: bool = False,
            previous: PartialDate | None = None) -> PartialDate | None:
    """The date an expression means for an event reported (past) or announced (future) on `published`."""
    forward = expr.direction == "future" or (future and expr.direction != "past")
    if expr.relative is not None:
        return _relative(expr.relative, published, previous)
    if expr.weekday is not None:
        shift = (expr.weekday - published.weekday()) % 7
        strict = expr.direction is not None
        if forward:
            shift = 7 if strict and shift == 0 else shift
            return PartialDate.of(published + dt.timedelta(days=shift))
        back = (published.weekday() - expr.weekday) % 7
        back = 7 if strict and back == 0 else back
        return PartialDate.of(published - dt.timedelta(days=back))
    if expr.year is not None:
        return PartialDate(expr.year, expr.month, expr.day if expr.month else None)
    if expr.month is None:
        return None
    year = published.year
    if expr.day is None:
        if forward and expr.month < published.month:
            year += 1
        elif not forward and expr.month > published.month:
            year -= 1
        return PartialDate(year, expr.month)
    if not _valid(year, expr.month, expr.day):
        year += -1 if not forward else 1
    candidate = dt.date(year, expr.month, expr.day) if _valid(year, expr.month, expr.day) else None
    if candidate is None:
        return None
    if forward and candidate < published:
        year += 1
    elif not forward and candidate > published:
        year -= 1
    return PartialDate(year, expr.month, expr.day) if _valid(year, expr.month, expr.day) else None


_RECENT_DAYS = 90  # "recently": within about a season


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= day <= calendar.monthrange(year, month)[1]


def _relative(rel: tuple[str, str, int], published: dt.date, previous: PartialDate | None) -> PartialDate | None:
    anchor_name, unit, offset = rel
    if unit == "recent":  # what the few months before the anchor agree on: its year, unless they cross New Year
        if previous is not None and previous.day is None:
            return PartialDate(previous.year)
        anchor = previous.first_day() if previous is not None else published
        back = anchor - dt.timedelta(days=_RECENT_DAYS)
        return PartialDate(anchor.year) if back.year == anchor.year else None
    if anchor_name == "prev":
        if previous is not None and previous.day is None:
            return previous if offset == 0 else None
        anchor = previous.first_day() if previous is not None else published
        return PartialDate.of(anchor + dt.timedelta(days=offset))
    if unit == "day":
        return PartialDate.of(published + dt.timedelta(days=offset))
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=offset)
        sunday = monday + dt.timedelta(days=6)
        return PartialDate(monday.year, monday.month) if monday.month == sunday.month else None
    if unit == "month":
        index = published.year * 12 + published.month - 1 + offset
        return PartialDate(index // 12, index % 12 + 1)
    return PartialDate(published.year + offset)
