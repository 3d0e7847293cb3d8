"""A list's quote: the clause that tells of the meeting, not the first words of a long sentence."""

from __future__ import annotations

import pytest

from bot.core.excerpt import excerpt, meeting_keys

LIMIT = 116


def cut(text: str, *, people=(), places=(), topics=(), focus=None, limit=LIMIT) -> str:
    keys = meeting_keys(text, people=people, places=places, topics=topics, focus=focus)
    return excerpt(text, keys, limit=limit)


def test_a_sentence_that_fits_is_quoted_whole():
    text = "Sergey Lavrov met Wang Yi in Beijing."
    assert cut(text, people=["Sergey Lavrov", "Wang Yi"]) == text


@pytest.mark.parametrize(("text", "people", "place", "told"), [
    ("Earlier this year, following a long exchange of letters on a number of bilateral matters, at the request of "
     "Nikolai Patrushev, Yang Jiechi, Director of the Office of the Central Foreign Affairs Commission, arrived in "
     "Shanghai.", ["Nikolai Patrushev", "Yang Jiechi"], "Shanghai", ["Yang Jiechi", "arrived"]),
    ("According to people familiar with the preparations who spoke on condition of anonymity because they were not "
     "authorised to talk to the press, Sergey Lavrov held talks with Wang Yi in Moscow on Tuesday.",
     ["Sergey Lavrov", "Wang Yi"], "Moscow", ["Sergey Lavrov held talks with Wang Yi in Moscow"]),
])
def test_a_long_sentence_keeps_who_met_whom_wherever_it_stands(text, people, place, told):
    shown = cut(text, people=people, places=[place])
    assert len(shown) <= LIMIT
    assert shown.startswith("…")
    assert all(words in shown for words in told)
    assert shown.strip("…") in text  # whole words of the sentence, in its order


def test_an_excerpt_opens_at_a_clause_and_stops_at_one_after_the_meeting():
    text = ("The foreign ministry in a long statement published overnight said that relations could reach a new level "
            "as the two ministers met in Astana on Friday, according to an official government statement.")
    begun = "…that relations could reach a new level as the two ministers met in Astana on Friday, according…"
    shown = cut(text, people=["Sergey Lavrov", "Wang Yi"], places=["Astana"], limit=len(begun))
    assert shown == "…that relations could reach a new level as the two ministers met in Astana on Friday…"
    assert cut(text, people=["Sergey Lavrov", "Wang Yi"], places=["Astana"], limit=len(begun) + 20).endswith(
        "on Friday, according to an official…")  # more than a stub of the next clause: it stays


def test_an_excerpt_neither_starts_nor_ends_on_a_dangling_word():
    text = ("In particular, at the invitation of Nikolai Patrushev, Yang Jiechi, Director of the Office of the Central "
            "Foreign Affairs Commission, arrived in Shanghai.")
    shown = cut(text, people=["Nikolai Patrushev", "Yang Jiechi"])
    assert shown == ("…Nikolai Patrushev, Yang Jiechi, Director of the Office of the Central Foreign Affairs "
                     "Commission, arrived…")


def test_the_topic_a_page_is_about_stays_in_the_quote():
    text = ("Sergey Lavrov and Wang Yi held talks in Moscow on trade, energy, the situation on the Korean Peninsula, "
            "the Middle East and, at the very end of a long day, Taiwan.")
    assert "Taiwan" not in cut(text, people=["Sergey Lavrov", "Wang Yi"], limit=90)
    assert "Taiwan" in cut(text, people=["Sergey Lavrov", "Wang Yi"], topics=["Taiwan"], focus="Taiwan", limit=90)
