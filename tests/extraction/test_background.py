"""Topics come from what a sentence says was discussed, not from the scene it sets."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction.background import discussed
from extraction.pipeline import extract
from extraction.topics import discussed_topics
from knowledge import default_knowledge


@pytest.mark.parametrize(("sentence", "topics"), [
    # a "came as" clause: what was happening elsewhere at the time
    ("The talks in Moscow came as NATO announced new sanctions on Iran.", []),
    ("Their call comes days after Japan held elections.", []),
    # a relative clause describing a person's past
    ("Lavrov, who earlier visited Syria, discussed Taiwan with Wang Yi.", ["Taiwan"]),
    ("Wang Yi, whose ministry handled the Korean Peninsula file for years, spoke about energy.", ["energy"]),
    # amid / against the backdrop of / in the wake of: up to the end of the clause
    ("The visit took place amid tensions over the South China Sea, and the sides discussed trade.", ["trade"]),
    ("In the wake of the Arctic incident, the ministers talked about sanctions.", ["sanctions"]),
    ("Against the background of regional threats, the parties are ready to defend the results of World War II.",
     ["World War II"]),
    # a sentence about some other event
    ("This exhibition highlights the growing military cooperation between China and Russia.", []),
    ("The joint drills in the Sea of Japan involved warships.", []),
    # what the talks covered stays
    ("The sides discussed Taiwan, Ukraine and the situation in the Middle East.", ["Taiwan", "Ukraine", "Middle East"]),
    ("The exercises of NATO near Russia's borders were discussed.", ["NATO"]),
])
def test_topics_are_those_discussed(sentence, topics):
    assert discussed_topics(sentence, default_knowledge()) == topics


def test_background_is_blanked_in_place():
    sentence = "Shoigu, who once led the army, met Wang Yi."
    blanked = discussed(sentence)
    assert len(blanked) == len(sentence)
    assert blanked.startswith("Shoigu")
    assert blanked.endswith(", met Wang Yi.")
    assert "army" not in blanked


ARTICLE = """Shoigu meets Wang Yi in Beijing

BEIJING, March 3 — Russian Security Council Secretary Sergei Shoigu met Chinese Foreign Minister Wang Yi
in Beijing on Monday.

The two officials discussed strategic security and Taiwan, according to the Chinese Foreign Ministry.

The meeting came as the United States said it was close to a deal to end the conflict in Ukraine.

Shoigu, who previously served as defence minister during the Ukraine invasion, now leads the Security Council.
"""


def test_a_meeting_carries_the_topics_discussed_and_quotes_what_says_so():
    (meeting,) = extract(ARTICLE, published=dt.date(2025, 3, 3)).meetings
    assert {t.name for t in meeting.topics} == {"strategic security", "Taiwan"}
    assert all("discussed" in t.quote for t in meeting.topics)
