"""A sentence that names nobody is passed over before detection: what that must never lose.

A sentence or clause without a name can still report a meeting when "they" or "the two ministers" point
back at the people of the one before; a sentence of two clauses, each with its own people, is two events.
"""

from __future__ import annotations

import datetime as dt

from extraction import extract
from extraction.meetings import nobody_meets
from extraction.people import scan_people
from extraction.types import Participant
from knowledge import default_knowledge

PUBLISHED = dt.date(2025, 3, 14)


def pairs(text: str) -> set[frozenset[str]]:
    return {frozenset(p.name for p in m.participants) for m in extract(text, published=PUBLISHED).meetings}


def test_a_sentence_naming_nobody_cannot_report_a_meeting_of_its_own() -> None:
    text = "The talks were held in a warm atmosphere, officials said."
    assert nobody_meets(text, scan_people(text, default_knowledge()), ())


def test_they_after_a_meeting_is_read_though_the_sentence_names_nobody() -> None:
    pair = (Participant("Sergei Lavrov", "Russia"), Participant("Wang Yi", "China"))
    for text in ("They had met twice before in Astana.", "Обе стороны встретились затем в Астане."):
        assert not nobody_meets(text, scan_people(text, default_knowledge()), pair)
    text = ("Sergei Lavrov held talks with Wang Yi in Beijing on Monday. "
            "The two ministers met again in Astana on Wednesday.")
    found = extract(text, published=PUBLISHED).meetings
    assert [(m.place, {p.name for p in m.participants}) for m in found] == [
        ("Beijing", {"Sergei Lavrov", "Wang Yi"}), ("Astana", {"Sergei Lavrov", "Wang Yi"})]


def test_two_clauses_with_their_own_people_are_two_meetings() -> None:
    text = "Wang Yi was received by Vladimir Putin on Tuesday, and the day before Wang Yi met Sergei Lavrov."
    assert pairs(text) == {frozenset({"Wang Yi", "Vladimir Putin"}), frozenset({"Wang Yi", "Sergei Lavrov"})}
