"""/search on the seeded store: newest published first, a page at a time, phrases, each sentence once,
other spellings of a word, and the help's own examples."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlmodel import select

from bot.core.commands import CommandCore
from bot.core.registry import help_text
from bot.core.replies import Reply
from knowledge import default_knowledge
from storage.bootstrap import open_store
from storage.db import session_scope
from storage.models import SentenceRow
from storage.search_terms import read_terms, spellings

_HIT = re.compile(r"^• (.*) \(article #\d+, (\d{1,2} [A-Z][a-z]{2} \d{4}|date unknown)\)$")  # one date style


@pytest.fixture
def engine(seeded_db_url):
    engine = open_store(seeded_db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def core(engine):
    return CommandCore(engine, default_knowledge(), today=lambda: dt.date(2026, 11, 23))


def every_page(core: CommandCore, line: str) -> tuple[list[Reply], list[tuple[str, str]]]:
    """The replies to a search and to each "Older" button after it; its hits as (sentence, date)."""
    replies = [core.handle(line)]
    while replies[-1].buttons and len(replies) < 20:
        (button,) = [b for row in replies[-1].buttons for b in row if "Older" in b.label]
        replies.append(core.press(button.data))
    hits = [(m[1], m[2]) for r in replies for line_ in r.plain().splitlines() if (m := _HIT.match(line_))]
    return replies, hits


def stored_sentences(engine, word: str) -> set[str]:
    with session_scope(engine) as session:
        texts = session.exec(select(SentenceRow.text)).all()
    return {" ".join(t.split()) for t in texts if re.search(rf"\b{word}\b", t, re.IGNORECASE)}


def test_search_pages_through_every_matching_sentence_newest_published_first_each_once(core, engine):
    replies, hits = every_page(core, "/search security")
    assert len(replies) > 1  # more than one page, each reached by its button
    dates = [dt.datetime.strptime(date, "%d %b %Y").date() if date != "date unknown" else dt.date.min
             for _, date in hits]
    assert dates == sorted(dates, reverse=True)
    sentences = [sentence for sentence, _ in hits]
    assert len(sentences) == len(set(sentences))  # article 3 prints one paragraph twice: shown once
    stored = stored_sentences(engine, "security")
    assert len(sentences) == len(stored)  # nothing lost between pages
    for sentence in sentences:  # a long sentence is shown around its match, between "…"
        assert any(sentence.strip("…") in s for s in stored), sentence


def test_a_quoted_phrase_matches_only_the_words_together_and_is_echoed_once(core):
    replies, hits = every_page(core, '/search "strategic security"')
    assert replies[0].plain().startswith("Sentences with “strategic security”")
    assert '“"' not in replies[0].plain()
    sentences = [sentence for sentence, _ in hits]
    assert all("strategic security" in s.lower() for s in sentences)
    assert any(s.startswith("On December 2, bilateral consultations on strategic security were held")
               for s in sentences)
    assert not any("strategic communication" in s for s in sentences)


def test_curly_quotes_typed_on_a_phone_make_a_phrase_too(core):
    _, straight = every_page(core, '/search "strategic security"')
    _, curly = every_page(core, "/search “strategic security”")
    assert curly == straight


@pytest.mark.parametrize("query", ['"strategic', "strategic AND", "NEAR(strategic security", "strat*", "(security",
                                   '"" security', "security OR", "^security", "«strategic security»"])
def test_search_syntax_is_read_as_plain_words(core, query):
    reply = core.handle(f"/search {query}")
    assert reply.plain().startswith(("Sentences with", "No article sentence contains"))


def test_british_spelling_finds_the_american_one_and_back(core):
    defence = core.handle("/search missile defence").plain()
    assert "China is interested in Russia's experience in missile defense" in defence
    assert core.handle("/search missile defense").plain().splitlines()[1:] == defence.splitlines()[1:]


@pytest.mark.parametrize(("british", "american"), [
    ("defence", "defense"), ("offences", "offenses"), ("programme", "program"), ("programmes", "programs"),
    ("organise", "organize"), ("organisation", "organization"), ("centre", "center"), ("theatres", "theaters"),
    ("honour", "honor"), ("labour", "labor"), ("favourable", "favorable"), ("dialogue", "dialog"),
    ("travelled", "traveled"), ("analyse", "analyze"),
])
def test_each_spelling_searches_the_other_too(british, american):
    assert american in spellings(british)
    assert british in spellings(american)


def test_short_words_keep_their_one_spelling():
    for word in ("for", "four", "more", "the", "our", "taiwan", "арктика"):
        assert spellings(word) == (word,)


def test_the_search_expression_quotes_every_token():
    terms = read_terms('AND "missile defence" NEAR(x')
    assert terms.phrases == (("missile", "defence"),)
    assert terms.match() == '"and" AND "near" AND "x" AND ("missile defence" OR "missile defense")'


def test_every_example_in_help_answers_with_something(core):
    examples = re.findall(r"<code>(/[^<]+)</code>", help_text("telegram", admin=False))
    assert len(examples) >= 6
    for example in examples:
        text = core.handle(example).plain()
        assert not text.startswith(("No ", "Unknown", "Sorry")), (example, text)
        assert "not one of my topics" not in text, (example, text)
        assert "nothing" not in text.split("\n")[0], (example, text)
