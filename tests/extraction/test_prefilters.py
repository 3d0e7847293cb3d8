"""The cheap first looks (word index, gates) only skip work: they never hide a match the full regex finds."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction.analysts import _CUE, _SPOKES
from extraction.dates import find_dates
from extraction.lexicon import Folded, MatcherSet
from extraction.people import _alias_patterns, _role_patterns, find_people, scan_people
from extraction.places import _place_patterns
from extraction.topics import _topic_patterns
from extraction.triggers import _CALL, _EVENT_VERB, _MEET, _VISIT
from knowledge import default_knowledge

KB = default_knowledge()
SETS: dict[str, MatcherSet] = {"aliases": _alias_patterns(KB), "roles": _role_patterns(KB),
                               "places": _place_patterns(KB), "topics": _topic_patterns(KB)}


def _variants(phrase: str) -> list[str]:
    """A spelling as sentences write it: as listed, in capitals, hyphenated, with a Russian case ending."""
    forms = [phrase, phrase.upper(), phrase.lower(), phrase.replace(" ", "-"), phrase + "ым", phrase + "а"]
    return [f"Earlier they met in {form} on Monday, «{form}», officials said." for form in forms]


@pytest.mark.parametrize("name", SETS)
def test_a_matcher_set_finds_every_match_of_its_regexes(name: str) -> None:
    matchers = SETS[name]
    for matcher, payload in matchers.entries:
        for phrase in matcher.phrases:
            for text in _variants(phrase):
                expected = [m.span() for m in matcher.regex.finditer(text)]
                found = [m.span() for m, p in matchers.search(text) if p == payload]
                assert found == expected, (name, phrase, text)


def test_a_cyrillic_name_of_short_words_is_found_on_its_own() -> None:
    hits = find_people("Официальный представитель МИД КНР Мао Нин заявила, что визит состоится.", KB,
                       dt.date(2024, 5, 1))
    assert "Mao Ning" in [h.participant.name for h in hits]


@pytest.mark.parametrize("title", [
    "Prime Minister", "First Deputy Prime Minister", "Premier", "Vice Premier", "President", "Acting President",
    "Chancellor", "Foreign Minister", "Minister of Defence", "Special Presidential Envoy",
    "Special Representative", "Envoy", "Ambassador", "State Councilor", "State Councillor", "Chairman",
    "Chairwoman", "Chair", "Speaker", "Secretary of State", "Secretary-General", "General Secretary",
    "National Security Adviser", "National Security Advisor", "Security Council Secretary", "Defence Secretary",
    "Chief of the General Staff", "King", "Crown Prince", "Emir", "Sultan", "Governor", "Mayor",
    "Presidential Aide",
])
def test_every_title_introduces_a_titled_name(title: str) -> None:
    scan = scan_people(f"On Monday they met {title} Ivan Petrovsky in Minsk.", KB)
    assert [official.name for official in scan.titled] == ["Ivan Petrovsky"]


@pytest.mark.parametrize("phrase", [
    "the day before yesterday", "позавчера", "yesterday", "Вчера", "today", "tonight", "this morning",
    "this afternoon", "this evening", "сегодня", "tomorrow", "завтра", "a day earlier", "the day before",
    "the previous day", "накануне", "днём ранее", "a day later", "the next day", "the following day",
    "на следующий день", "a few hours earlier", "several hours later", "earlier that day", "later in the day",
    "later that day", "the same day", "в тот же день", "несколькими часами ранее", "this week", "на этой неделе",
    "last week", "на прошлой неделе", "NEXT WEEK", "на следующей неделе", "this month", "в этом месяце",
    "last month", "в прошлом месяце", "next month", "в следующем месяце", "this year", "в этом году",
    "last year", "в прошлом году", "next year", "в следующем году",
    "on Wednesday", "в среду", "во вторник", "в прошлую пятницу", "12 марта", "12 МАРТА", "в мае", "SEPT. 10",
    "December 2, 2025", "2 December 2025", "2025-02-03", "10.09.2024", "in 2019", "May 2025", "mid-March",
])
def test_every_kind_of_date_expression_is_found(phrase: str) -> None:
    assert [e.text for e in find_dates(f"Они — they met {phrase}, officials said")] == [phrase]


@pytest.mark.parametrize("pattern", [_CALL, _MEET, _VISIT, _EVENT_VERB, _SPOKES, _CUE])
@pytest.mark.parametrize("text", [
    "a phone call", "a telephone conversation", "telephone talks", "by video link", "a videoconference",
    "a video conference", "talked over the phone", "spoke by phone", "held a call", "телефонный разговор",
    "по телефону", "по видеосвязи", "в формате видеоконференции", "Putin met Xi", "meets", "the meeting",
    "held talks", "negotiations", "consultations", "received", "receives", "hosted", "hosts", "hosting",
    "shook hands", "shakes hands", "shaking hands", "sat down with", "a summit", "conferred",
    "встретился", "встреча", "переговоры", "консультации", "принял", "visited Beijing", "arrived in Moscow",
    "визит", "посетил", "прибыл", "провёл", "провел", "the spokesman", "spokeswoman", "spokesperson",
    "official representative", "press secretary", "официальный представитель", "пресс-секретарь",
    "nothing at all here", "MET IN MOSCOW", "analysts", "an expert", "researchers", "a professor", "sinologist",
    "orientalists", "political scientist", "observers", "scholar", "commentators", "economist", "interlocutors",
    "the source", "permanent representative", "told Izvestia", "according to the experts", "a think tank",
    "эксперт", "аналитики", "политолог", "профессор", "востоковед", "китаист", "собеседник", "постпред",
    "the Institute", "University", "Academy of Sciences", "RAS", "IMEMO", "the Center for", "Centre for",
    "институт", "университета", "РАН",
])
def test_a_gated_pattern_finds_what_the_pattern_alone_finds(pattern: Folded, text: str) -> None:
    sentence = f"Earlier, {text} on Monday."
    alone = pattern.regex.search(sentence.lower())
    found = pattern.search(sentence)
    assert (found and found.span()) == (alone and alone.span())


def test_a_pattern_made_after_a_sentence_was_read_still_finds_its_words_there() -> None:
    # the words every pattern needs are found once per sentence for all of them: a pattern added later
    # (a knowledge base's, say) must not be answered from what was found before it existed
    sentence = "The envoys held a quinquennial review in Minsk, a ПЯТИЛЕТНИЙ обзор."
    assert _MEET.search(sentence) is None
    later = Folded(r"\bquinquennial\s+review\b|пятилетн\w*\s+обзор", needs=("quinquennial", "пятилетн"))
    found = [m.group(0) for m in later.finditer(sentence)]
    assert found == ["quinquennial review", "ПЯТИЛЕТНИЙ обзор".lower()]
