"""Fuzzy resolution: however a reader spells a person or a topic, the bot finds it."""

from __future__ import annotations

import pytest

from bot.matching import Entry, normalize, resolve
from extraction.knowledge import default_knowledge

KB = default_knowledge()
PEOPLE = [Entry(p.id, p.name, n) for p in KB.people for n in p.names]
TOPICS = [Entry(t.name, t.name, n) for t in KB.topics for n in t.names]


@pytest.mark.parametrize(("query", "person"), [
    ("Shoigu", "shoigu"),
    ("shoygu", "shoigu"),
    ("SHOIGU!!", "shoigu"),
    ("shoigo", "shoigu"),
    ("Sergey Shoigu", "shoigu"),
    ("sergei  shoigu", "shoigu"),
    ("Шойгу", "shoigu"),
    ("Nikolay Patrushev", "patrushev"),
    ("patrushv", "patrushev"),
    ("Wang Yi", "wang_yi"),
    ("wang i", "wang_yi"),
    ("Lavrov", "lavrov"),
    ("Путин", "putin"),
    ("Xi Jinping", "xi"),
])
def test_spellings_resolve_to_one_person(query, person):
    result = resolve(query, PEOPLE)
    assert result.status == "one"
    assert result.matches[0].target == person


@pytest.mark.parametrize(("query", "topic"), [
    ("Taiwan", "Taiwan"), ("taiwn", "Taiwan"), ("Taiwan Strait", "Taiwan"), ("Тайвань", "Taiwan"),
    ("tibet", "Tibet"), ("hong kong", "Hong Kong"), ("HongKong", "Hong Kong"),
])
def test_spellings_resolve_to_one_topic(query, topic):
    result = resolve(query, TOPICS)
    assert result.status == "one"
    assert result.matches[0].target == topic


def test_a_surname_shared_by_several_people_offers_a_choice():
    entries = [Entry(1, "Wang Yi", "Wang Yi"), Entry(2, "Wang Huning", "Wang Huning"), Entry(3, "Li Hui", "Li Hui")]
    result = resolve("wang", entries)
    assert result.status == "several"
    assert {m.canonical for m in result.matches} == {"Wang Yi", "Wang Huning"}


def test_nothing_close_gives_suggestions_not_a_guess():
    result = resolve("Shoiguvich Lavrovsky", PEOPLE)
    assert result.status == "none"
    assert "Sergei Shoigu" in {m.canonical for m in result.matches} or "Sergei Lavrov" in {
        m.canonical for m in result.matches}


@pytest.mark.parametrize("query", ["", "   ", "!!!", "🙂🙂", "zzzzzz"])
def test_empty_or_meaningless_queries_match_nobody(query):
    assert resolve(query, PEOPLE).status == "none"


def test_a_two_letter_query_must_be_a_whole_word():
    assert resolve("xi", PEOPLE).matches[0].target == "xi"
    assert resolve("ji", PEOPLE).status == "none"


def test_normalize_drops_case_accents_punctuation_and_possessives():
    assert normalize("  Russia’s  SECURITY-chief! ") == "russia security chief"
    assert normalize("Šojgu") == "sojgu"
    assert normalize("Йошкар-Ола") == "йошкар ола"
