"""Only meetings between Russian and Chinese officials come out of the pipeline; the rest is context."""

from __future__ import annotations

import datetime as dt

from extraction import extract
from extraction.scope import missing_sides
from extraction.types import Counterpart
from tests.factories import SHOIGU, WANG_YI, participant

PUBLISHED = dt.date(2025, 3, 4)
WITKOFF = participant("Steve Witkoff", "witkoff", "Special Envoy of the United States", "United States")
STRANGER = participant("Tomas Halvorsen", role="Special Envoy")  # neither known nor given a country


def people(text: str) -> list[list[str]]:
    return [[p.name for p in m.participants] for m in extract(text, published=PUBLISHED).meetings]


def test_a_meeting_with_a_third_country_is_left_out_and_the_sentence_kept():
    text = ("MOSCOW, March 3 - Russian President Vladimir Putin met U.S. special envoy Steve Witkoff in the "
            "Kremlin on Monday. Putin also held talks with Chinese Foreign Minister Wang Yi on Tuesday.")
    result = extract(text, published=PUBLISHED)
    assert [[p.name for p in m.participants] for m in result.meetings] == [["Vladimir Putin", "Wang Yi"]]
    assert any("Witkoff" in s for s in result.sentences)  # still stored for search
    assert any("left out" in w and "from China" in w and "Steve Witkoff" in w for w in result.warnings)


def test_a_third_country_beside_both_sides_does_not_take_the_meeting_away():
    assert people("Vladimir Putin met Xi Jinping and Narendra Modi in Tianjin on Monday.") == [
        ["Vladimir Putin", "Xi Jinping", "Narendra Modi"]]


def test_a_person_of_unknown_country_stands_for_neither_side():
    alone = "MOSCOW, March 3 - Russian Foreign Minister Sergei Lavrov met Special Envoy Tomas Halvorsen on Monday."
    assert people(alone) == []
    beside = "MOSCOW, March 3 - Sergei Lavrov met Wang Yi and Special Envoy Tomas Halvorsen in Moscow on Monday."
    assert people(beside) == [["Sergei Lavrov", "Wang Yi", "Tomas Halvorsen"]]


def test_a_stranger_the_article_calls_chinese_is_the_chinese_side():
    text = "MOSCOW, March 3 - Sergei Lavrov met Chinese Vice Foreign Minister Zhang Mingfu in Moscow on Monday."
    assert people(text)[0][:2] == ["Sergei Lavrov", "Zhang Mingfu"]


def test_the_rule_itself():
    assert missing_sides([SHOIGU, WANG_YI]) == ()
    assert missing_sides([SHOIGU], Counterpart("the Chinese side", "China")) == ()
    assert missing_sides([SHOIGU, WITKOFF]) == ("China",)
    assert missing_sides([WANG_YI, STRANGER]) == ("Russia",)
    assert missing_sides([STRANGER, WITKOFF]) == ("Russia", "China")
