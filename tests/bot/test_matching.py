"""Fuzzy resolution: however a reader spells a person or a topic, the bot finds it."""

from __future__ import annotations

import functools
import random

import pytest
from rapidfuzz import fuzz

from bot.core.candidate_index import Strings
from bot.core.matching import ACCEPT, CLOSE, NEAR, AliasIndex, Entry, Match, Resolution, resolve
from bot.core.spelling_similarity import _score, _spelling, cyrillic, nearness
from knowledge import default_knowledge
from knowledge.spelling import spelling_key

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


# Spellings that must find their person, invented for each shape a reader types: typos, surnames, other
# transliterations, Cyrillic, reversed order, shouting, patronymics, a word of the name.
@pytest.mark.parametrize(("query", "person"), [
    ("Ushakof", "ushakov"), ("mishustn", "mishustin"), ("Мишустин", "mishustin"), ("Shoigu Sergei", "shoigu"),
    ("LAVROV!!", "lavrov"), ("Belousv", "belousov"), ("Vladimir Vladimirovich", "putin"), ("Jong", "kim_jong_un"),
    ("Putn", "putin"), ("Ушаков", "ushakov"), ("kim chen yn", "kim_jong_un"),  # a whole Cyrillic spelling, in Latin
])
def test_invented_spellings_of_every_shape_find_their_person(query, person):
    result = resolve(query, PEOPLE)
    assert (result.status, result.matches[0].target) == ("one", person)


# What names nobody must match nobody and suggest nobody: gibberish, keyboard runs, markup and entities
# (what is left of `<b>&amp;`), emoji, numbers, words that are not a name.
@pytest.mark.parametrize("query", [
    "qqqq", "asdfgh", "mnbvcx", "hjkl", "bzzt", "xyzzy", "lorem ipsum", "12345", "<i>&lt;", "<b>&amp;", "&nbsp;",
    "<a href=x>", "🙂🙂 🙃", "Kremlin", "Shoiguvich Lavrovsky",  # two names' pieces: neither name as a whole
])
def test_what_names_nobody_matches_and_suggests_nobody(query):
    assert resolve(query, PEOPLE) == Resolution("none", ())


@pytest.mark.parametrize("query", ["blockchain", "football", "xylophone", "pizza", "<b>", "volcanoes",
                                   "chess tournament", "semiconductors"])
def test_what_is_no_topic_matches_and_suggests_no_topic(query):
    assert resolve(query, TOPICS) == Resolution("none", ())


@pytest.mark.parametrize(("query", "topic"), [("climate change", "climate change"), ("COVID", "COVID-19"),
                                              ("межпарламентское", "interparliamentary cooperation")])
def test_topics_added_for_what_articles_discuss_are_found_by_their_words(query, topic):
    result = resolve(query, TOPICS)
    assert (result.status, result.matches[0].target) == ("one", topic)


@pytest.mark.parametrize(("query", "person"), [
    ("Shoiguvich", "shoigu"), ("Lavrenko", "lavrov"), ("Shoygoo", "shoigu"), ("yan", "yang_jiechi"),
])
def test_a_near_miss_is_suggested_not_guessed(query, person):
    result = resolve(query, PEOPLE)
    assert result.status == "none"
    assert person in {m.target for m in result.matches}


def test_a_word_inside_a_spelling_of_the_other_script_does_not_match_on_its_own():
    # Russian writes Wang "Ван" and Kim Jong Un "Ким Чен Ын": in Latin letters "van" and "chen", which are
    # other people's names; a reader typing Latin means those, a reader typing Cyrillic the Russian spelling
    entries = [Entry("wang", "Wang Yi", "Wang Yi"), Entry("wang", "Wang Yi", "Ван И"),
               Entry("nguyen", "Nguyen Van Thanh", "Nguyen Van Thanh"),
               Entry("nguyen", "Nguyen Van Thanh", "Нгуен Ван Тхань"),
               Entry("kim", "Kim Jong Un", "Kim Jong Un"), Entry("kim", "Kim Jong Un", "Ким Чен Ын"),
               Entry("chen", "Chen Yixin", "Chen Yixin"), Entry("chen", "Chen Yixin", "Чэнь Исинь")]
    assert [m.target for m in resolve("Van", entries).matches] == ["nguyen"]
    assert {m.target for m in resolve("Ван", entries).matches} == {"wang", "nguyen"}
    assert [m.target for m in resolve("Chen", entries).matches] == ["chen"]
    alone = resolve("Chen", [e for e in entries if e.target != "chen"])
    assert (alone.status, [m.target for m in alone.matches]) == ("none", ["kim"])  # a suggestion at most
    assert resolve("Kim Chen Yn", entries).matches[0].target == "kim"  # the whole spelling still matches


@pytest.mark.parametrize("query", ["", "   ", "!!!", "🙂🙂", "zzzzzz"])
def test_empty_or_meaningless_queries_match_nobody(query):
    assert resolve(query, PEOPLE).status == "none"


def test_a_short_query_must_be_a_whole_word():
    assert resolve("xi", PEOPLE).matches[0].target == "xi"
    assert resolve("ji", PEOPLE).status == "none"
    assert resolve("Yan", PEOPLE).status == "none"  # a Yan is not a Yang (a suggestion at most)
    assert resolve("Dong", PEOPLE).matches[0].target == "dong_jun"


def test_spelling_key_drops_case_accents_punctuation_and_possessives():
    assert spelling_key("  Russia’s  SECURITY-chief! ") == "russia security chief"
    assert spelling_key("Šojgu") == "sojgu"
    assert spelling_key("Йошкар-Ола") == "йошкар ола"


# Thousands of similar names, as the store holds them: a few family names, given names from a few syllables.
_FAMILIES = ["Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Sun", "Ma", "Gao"]
_SYLLABLES = ["jian", "shan", "hua", "wei", "ming", "gang", "hong", "ping", "lan", "jie", "yong", "hui", "tao", "lei",
              "qiang", "jun", "bin", "kai", "long", "zhi"]  # 3,800 names at most
_RUSSIAN = dict(zip(_FAMILIES + _SYLLABLES, [  # as Russian writes them (Palladius)
    "Ли", "Ван", "Чжан", "Лю", "Чэнь", "Ян", "Хуан", "Сунь", "Ма", "Гао",
    "цзянь", "шань", "хуа", "вэй", "мин", "ган", "хун", "пин", "лань", "цзе", "юн", "хуэй", "тао", "лэй",
    "цян", "цзюнь", "бинь", "кай", "лун", "чжи"], strict=True))


def _crowd(count: int, seed: int = 3, *, russian: bool = False) -> list[Entry]:
    rng = random.Random(seed)
    entries, seen = [], set()
    while len(seen) < count:
        family, (a, b) = rng.choice(_FAMILIES), rng.sample(_SYLLABLES, 2)
        name = f"{family} {a.capitalize()}{b}"
        if name not in seen:
            seen.add(name)
            entries += [Entry(name, name, s) for s in (name, f"{family} {a.capitalize()}-{b}", f"{a}{b} {family}")]
            if russian:
                entries.append(Entry(name, name, f"{_RUSSIAN[family]} {_RUSSIAN[a].capitalize()}{_RUSSIAN[b]}"))
    return entries


_normalized, _prepared = functools.cache(spelling_key), functools.cache(_spelling)


def _scanned(query: str, entries: list[Entry], cutoff: float, scorer=_score) -> list[Match]:
    """Every target scoring at least `cutoff`, ranked, by scoring every spelling (`similarity`, prepared once;
    `nearness` for suggestions)."""
    q = _spelling(query)
    best: dict[object, tuple[float, int]] = {}
    first: dict[object, int] = {}
    for i, entry in enumerate(entries):
        first.setdefault(entry.target, i)
        s = _prepared(entry.spelling)
        across = cyrillic(spelling_key(query)) != cyrillic(_normalized(entry.spelling))
        score = scorer(q, q.split(), s, s.split(), across=across) if q and s else 0.0
        if score >= cutoff and score > best.get(entry.target, (-1.0, 0))[0]:
            best[entry.target] = (score, i)
    ranked = sorted(best, key=lambda t: (-best[t][0], entries[best[t][1]].canonical, first[t]))
    return [Match(t, entries[best[t][1]].canonical, best[t][0]) for t in ranked]


def _strong(query: str, entries: list[Entry], limit: int = 8) -> Resolution | None:
    """What `AliasIndex.strong` must answer: an only target spelt so, else those within CLOSE of the best."""
    wanted = spelling_key(query)
    spelt = {e.target: e for e in entries if _normalized(e.spelling) == wanted}
    if wanted and len(spelt) == 1:
        ((target, entry),) = spelt.items()
        return Resolution("one", (Match(target, entry.canonical, 100.0),))
    ranked = _scanned(query, entries, ACCEPT) if wanted else []
    close = tuple(m for m in ranked if m.score >= ranked[0].score - CLOSE)[:limit]
    return Resolution("one" if len(close) == 1 else "several", close) if close else None


def test_the_index_answers_what_scoring_every_spelling_answers():
    entries = _crowd(400, russian=True)
    index = AliasIndex(entries)
    rng = random.Random(5)
    queries = ["li", "sun", "wang i", "li li", "hua", "Jianshan", "li jian shan", "ъ li jianshan ь", "zzz",
               "Ван", "ли", "Чэнь Цзяньшань", "chen", "tszyanshan", "Ли Цзяньшан", "цзяньшань ли",  # two scripts
               "Gao niangbin", "Wang Jiemino", "Yang Hoegzhi", "Wang Haawei Ma",  # near ACCEPT: many to weigh
               "loziw", "wihgiisxu", "exqjslohgh"]  # nobody: suggestions, many tied
    for name in rng.sample(sorted({e.canonical for e in entries}), 15):
        family, given = name.split()
        swapped = given[:2] + given[3] + given[2] + given[4:]
        replaced = given[:3] + rng.choice("aeiouhgn") + given[4:]  # scores near ACCEPT: many names to weigh
        queries += [f"{family} {swapped}", f"{family} {replaced}", swapped, f"{family} {given[:-1]}",
                    f"{given} {family} {family}", f"{family}{given}", f"{family} {given} {rng.choice(_FAMILIES)}",
                    f"{swapped} {rng.choice(_FAMILIES)} {replaced}"]
    for query in queries:
        strong = index.strong(query)
        assert strong == _strong(query, entries), query
        if strong is None:  # suggestions: the three best of all
            assert index.weak(query) == Resolution("none", tuple(_scanned(query, entries, NEAR, nearness)[:3])), query


def test_a_typo_of_a_full_name_among_thousands_of_similar_names_still_resolves():
    result = AliasIndex(_crowd(2000)).resolve("Li Jinakai")  # among 213 Li and 283 Jian- or -kai names
    assert result.status == "one"
    assert result.matches[0].canonical == "Li Jiankai"


def test_pruning_never_loses_an_exact_given_name():
    entries = _crowd(2000)
    holders = {e.target for e in entries if e.canonical.split()[1] == "Jianshan"}
    result = AliasIndex(entries).resolve("jianshan", limit=100)
    assert result.status == "several"
    assert {m.target for m in result.matches} == holders
    assert {m.score for m in result.matches} == {100.0}


def test_strings_near_finds_every_string_a_full_scan_finds():
    rng = random.Random(11)
    words = ["".join(rng.choice("aeiounghs") for _ in range(rng.randrange(0, 12))) for _ in range(3000)]
    strings = Strings(words)
    for query in [*rng.sample(words, 30), "", "a", "zz", "shanghaishan"]:
        for cutoff in (45, 80, 86.5, 95, 100):
            scanned = {(n, score) for n, w in enumerate(words) if (score := fuzz.ratio(query, w)) >= cutoff}
            assert set(strings.near(query, cutoff)) == scanned, (query, cutoff)
