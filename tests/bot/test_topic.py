"""/topic on the seeded store: a topic named inside the reader's own words, and sentences when no meeting
discussed it."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.commands import CommandCore
from bot.core.matching import Entry
from bot.core.topic_words import TopicWords
from knowledge import default_knowledge
from storage.bootstrap import open_store


@pytest.fixture
def core(seeded_db_url):
    engine = open_store(seeded_db_url)
    yield CommandCore(engine, default_knowledge(), today=lambda: dt.date(2026, 11, 23))
    engine.dispose()


@pytest.mark.parametrize("words", ["ukraine war", "war in ukraine", "the war in Ukraine", "Ukraine's war",
                                   "situation in Ukraine"])
def test_words_around_a_topics_name_still_name_the_topic(core, words):
    text = core.handle(f"/topic {words}").plain()
    assert text.startswith("Ukraine:"), text
    assert "not one of my topics" not in text


def test_a_topic_no_meeting_discussed_shows_the_sentences_that_mention_it_in_either_spelling(core):
    for spelling in ("missile defence", "missile defense"):
        text = core.handle(f"/topic {spelling}").plain()
        assert text.startswith("missile defence: no meeting in the store discussed it yet.")
        assert "China is interested in Russia's experience in missile defense" in text


def test_a_word_outside_the_topic_list_shows_the_sentences_that_contain_it(core):
    text = core.handle("/topic special envoy").plain()
    assert text.startswith("“special envoy” is not one of my topics; sentences that mention it:")
    assert "US Special Envoy Steve Witkoff" in text


TOPICS = [Entry(1, "Ukraine", "Ukraine"), Entry(1, "Ukraine", "Ukraine conflict"), Entry(2, "Taiwan", "Taiwan"),
          Entry(3, "missile defence", "missile defence"), Entry(4, "regional security", "regional security")]


@pytest.mark.parametrize(("words", "status", "names"), [
    ("conflict in Ukraine", "one", ["Ukraine"]),
    ("defense missile", "one", ["missile defence"]),  # any order, either spelling
    ("regional security cooperation", "one", ["regional security"]),
    ("Taiwan and Ukraine", "several", ["Ukraine", "Taiwan"]),
    ("Ukraine grain deal talks", "none", []),  # more of the reader's own words than a topic's: a search
    ("Ukraine", "none", []),  # a single word is fuzzy matching's
    ("security", "none", []),
])
def test_a_topic_within_the_words(words, status, names):
    found = TopicWords(TOPICS).find(words)
    assert (found.status, [m.canonical for m in found.matches]) == (status, names)


def test_background_mentions_neither_quote_a_topic_nor_count_among_the_most_discussed(core):
    who = core.handle("/who Shoigu").plain()
    most = next(line for line in who.splitlines() if line.startswith("Most discussed topics:"))
    assert "Ukraine" not in most
    reply = core.handle("/who Shoigu")
    full = core.press(reply.buttons[-1][0].data).plain()  # every topic of every meeting
    topics = [line for line in full.splitlines() if line.startswith("Topics:")]
    assert topics
    assert not any("Ukraine" in line for line in topics)
    # no meeting quotes "came as ..." or "who previously served ..." as its evidence: only the search below does
    assert core.handle("/topic Ukraine").plain().startswith("Ukraine: no meeting in the store discussed it yet.")
