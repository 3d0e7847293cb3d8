"""When two reports' dates can tell of one event: looser inside an article than across articles."""

from __future__ import annotations

import pytest

from extraction.same_event import each_item_once, same_day_across_articles, same_day_in_article
from extraction.types import PartialDate

D = PartialDate.parse


@pytest.mark.parametrize(("a", "b", "in_article", "across_articles"), [
    ("2025-03-05", "2025-03-05", True, True),
    ("2025-03-05", "2025-03", True, True),  # "in March … on 5 March"
    ("2025-03-05", "2025-03-06", False, False),
    ("2025-03", "2025-04", False, False),
    ("2025-03-05", "2025", True, False),  # an article gives the year, then the day; across articles too loose
    ("2025", "2025", True, True),
    ("2025-03-05", "2024-03-05", False, False),
])
def test_dates_agree_within_an_article_down_to_a_year_across_articles_down_to_a_month(a, b, in_article,
                                                                                       across_articles):
    assert same_day_in_article(D(a), D(b)) is in_article
    assert same_day_in_article(D(b), D(a)) is in_article
    assert same_day_across_articles(D(a), D(b)) is across_articles
    assert same_day_across_articles(D(b), D(a)) is across_articles


def test_an_undated_mention_agrees_with_any_date_of_its_article():
    assert same_day_in_article(None, D("2025-03-05"))


def test_of_two_dates_the_more_precise_one_is_kept_and_the_first_on_a_tie():
    assert D("2025-03-05").more_precise_than(D("2025-03"))
    assert D("2025").more_precise_than(None)
    assert not D("2025-04-01").more_precise_than(D("2025-03-05"))


def test_agenda_items_are_said_once_whatever_their_case_and_spacing():
    assert each_item_once(("Trade", "the  bridge"), ["trade", "The bridge", "energy"]) == ("Trade", "the  bridge",
                                                                                        "energy")
