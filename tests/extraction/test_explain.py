"""`explain`: the report an admin reads to see what was found in an article and why."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import extract
from extraction.explain import explain
from extraction.people import find_people
from extraction.places import find_places
from knowledge import default_knowledge

TEXT = """Lavrov and Wang discuss Ukraine

MOSCOW, March 3 (Reuters) - Russian Foreign Minister Sergei Lavrov met Chinese Commerce Minister Wang Wentao \
in Moscow on Monday.

The two ministers discussed trade and the situation around Ukraine."""


@pytest.fixture(scope="module")
def report() -> str:
    return explain(extract(TEXT, published=dt.date(2025, 3, 3)))


def test_it_states_the_publication_date_and_where_it_came_from(report: str) -> None:
    assert "Published: 2025-03-03 (given with the article)" in report
    assumed = explain(extract("Nothing here.", today=dt.date(2026, 1, 5)))
    assert "Published: unknown (not stated: no meeting is dated from the day the article was added)" in assumed


def test_each_meeting_shows_kind_date_place_and_the_sentences_behind_them(report: str) -> None:
    sentence = ("“MOSCOW, March 3 (Reuters) - Russian Foreign Minister Sergei Lavrov met Chinese Commerce Minister "
                "Wang Wentao in Moscow on Monday.”")
    flat = " ".join(report.split())
    assert "Kind: meeting" in flat
    assert "Date: 2025-03-03 because: " + sentence in flat
    assert "Place: Moscow because: " + sentence in flat
    assert "Reported in: " + sentence in flat


def test_participants_are_marked_known_or_new(report: str) -> None:
    assert "Sergei Lavrov (Foreign Minister of Russia, Russia; known)" in report
    assert "Wang Wentao (Commerce Minister, China; new: not in the knowledge base)" in report
    assert "Warning: person not in the knowledge base: Wang Wentao" in report


def test_each_topic_carries_its_sentence(report: str) -> None:
    flat = " ".join(report.split())
    assert "- trade “The two ministers discussed trade and the situation around Ukraine.”" in flat
    assert "- Ukraine “Lavrov and Wang discuss Ukraine”" in flat  # the headline names it first


def test_a_meeting_without_a_stated_date_says_so() -> None:
    report = explain(extract("Putin met Xi Jinping.", published=dt.date(2025, 1, 1)))
    assert "Date: no date" in report
    assert "Place: not stated" in report


@pytest.mark.parametrize(
    ("text", "people"),
    [("The Deputy Secretary of the Security Council met Wang Yi.", ["Alexander Venediktov", "Wang Yi"]),
     ("Russian Security Council's Secretary met Wang Yi.", ["Sergei Shoigu", "Wang Yi"]),
     ("Chinese Vice Premier to meet Putin.", ["Vladimir Putin"])],  # several vice premiers: none named
)
def test_role_phrases_name_one_holder_or_nobody(text: str, people: list[str]) -> None:
    hits = find_people(text, default_knowledge(), dt.date(2025, 1, 1))
    assert [h.participant.name for h in hits] == people


@pytest.mark.parametrize(
    ("text", "place"),
    [("Talks were held at the Russian Security Council.", "Moscow"), ("He spoke in the Security Council.", None),
     ("Trump hosted him at Mar-a-Lago.", "Florida"), ("in the eastern port city of Qingdao", "Qingdao")],
)
def test_venues_imply_their_city_only_when_unambiguous(text: str, place: str | None) -> None:
    hits = find_places(text, default_knowledge())
    assert (hits[0].name if hits else None) == place
