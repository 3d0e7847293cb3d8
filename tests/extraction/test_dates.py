"""Date expressions resolved against the publication date, the tense and the meeting just before."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction.dates import find_dates, resolve
from extraction.types import PartialDate

MONDAY = dt.date(2024, 11, 11)


def one(text: str, *, published: dt.date = MONDAY, future: bool = False,
        previous: PartialDate | None = None) -> str | None:
    exprs = find_dates(text)
    assert len(exprs) == 1, exprs
    value = resolve(exprs[0], published=published, future=future, previous=previous)
    return value.iso() if value else None


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("talks on December 2, 2025", dt.date(2026, 1, 1), "2025-12-02"),
        ("on 2 December 2025", dt.date(2026, 1, 1), "2025-12-02"),
        ("on Sept 10, 2024.", dt.date(2026, 2, 1), "2024-09-10"),
        ("on 10.09.2024", dt.date(2026, 2, 1), "2024-09-10"),
        ("met in Beijing on Feb 1, according to", dt.date(2026, 2, 1), "2026-02-01"),
        ("On December 2, consultations were held", dt.date(2025, 12, 2), "2025-12-02"),
        ("On December 30, they met", dt.date(2026, 1, 2), "2025-12-30"),
        ("in May, at the invitation of", dt.date(2025, 12, 2), "2025-05"),
        ("In June, relations were upgraded", dt.date(2019, 12, 6), "2019-06"),
        ("in December the envoy came", dt.date(2020, 2, 1), "2019-12"),
        ("in May 2025", dt.date(2026, 2, 1), "2025-05"),
        ("in 2019", dt.date(2026, 2, 1), "2019"),
        ("Лавров провёл переговоры 12 марта", dt.date(2024, 3, 14), "2024-03-12"),
        ("встреча состоялась в мае", dt.date(2024, 11, 1), "2024-05"),
        ("yesterday", dt.date(2024, 3, 1), "2024-02-29"),
        ("today", MONDAY, "2024-11-11"),
        ("last month", dt.date(2024, 1, 15), "2023-12"),
    ],
)
def test_reported_dates_resolve_on_or_before_publication(text: str, published: dt.date, expected: str) -> None:
    assert one(text, published=published) == expected


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("on Wednesday", False, "2024-11-06"),  # the most recent Wednesday before a Monday
        ("scheduled for Tuesday", True, "2024-11-12"),  # the coming Tuesday
        ("on Monday", False, "2024-11-11"),  # the publication day itself
        ("next Monday", False, "2024-11-18"),
        ("last Monday", False, "2024-11-04"),
        ("в среду", False, "2024-11-06"),
        ("in March", True, "2025-03"),
        ("on December 20", True, "2024-12-20"),
        ("on January 5", True, "2025-01-05"),
    ],
)
def test_weekdays_and_months_look_back_for_reports_and_ahead_for_plans(text: str, future: bool,
                                                                      expected: str) -> None:
    assert one(text, future=future) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A day earlier, Patrushev met Wang Yi.", "2023-02-21"),
        ("the day before", "2023-02-21"),
        ("the previous day", "2023-02-21"),
        ("A few hours earlier, the state councilor held talks", "2023-02-22"),
        ("the next day", "2023-02-23"),
    ],
)
def test_relative_days_count_from_the_meeting_mentioned_before(text: str, expected: str) -> None:
    assert one(text, published=dt.date(2023, 2, 25), previous=PartialDate(2023, 2, 22)) == expected


@pytest.mark.parametrize("text", ["this may take decades", "it will start soon", "$ 200 billion", "the 70th"])
def test_words_that_only_look_like_dates_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_a_megabyte_line_is_scanned_quickly() -> None:
    assert find_dates("in " * 300_000 + "May 5") != []


@pytest.mark.parametrize(("text", "expected"), [
    ("they met on Monday, 12 May 2025, in Beijing", "2025-05-12"),
    ("они встретились в понедельник, 12 мая 2025 года", "2025-05-12"),
    ("talks on Tuesday (November 5) in Moscow", "2024-11-05"),
])
def test_a_weekday_with_its_date_beside_it_is_that_date(text: str, expected: str) -> None:
    assert one(text, published=dt.date(2026, 1, 1) if "2025" in text else MONDAY) == expected


def test_a_weekday_and_a_date_apart_stay_two_dates() -> None:
    assert [e.text for e in find_dates("on Monday, and on 12 May they met")] == ["on Monday", "12 May"]

