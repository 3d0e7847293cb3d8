"""The bundled knowledge base: it loads, its facts resolve by date, its spellings are unambiguous,
and the loader refuses files that contradict themselves."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from itertools import combinations
from pathlib import Path
from typing import TypeVar

import pytest

from extraction.people import scan_people
from extraction.places import city_named
from knowledge import (
    KNOWLEDGE_DIR,
    SHORT_LIMIT,
    KnowledgeBase,
    KnowledgeError,
    Person,
    default_knowledge,
    derive_short,
    load,
)

D = dt.date.fromisoformat
T = TypeVar("T")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")

# offices that several people hold at once; every other office has one holder on any day
SHARED_OFFICES = {
    "ru.deputy_prime_minister",
    "ru.deputy_foreign_minister",
    "ru.presidential_aide",
    "ru.security_council_deputy_secretary",
    "cn.vice_premier",
    "cn.vice_foreign_minister",
    "cn.cmc_vice_chairman",
    "cn.mfa_spokesperson",
}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load()


def whole(found: tuple[tuple[int, int, T], ...], text: str) -> set[T]:
    """What extraction found spanning the whole text (after a leading "the"), not inside it."""
    bare = len(text) - len(re.sub(r"^the ", "", text, flags=re.IGNORECASE))
    return {what for start, end, what in found if start in (0, bare) and end == len(text)}


def who(kb: KnowledgeBase, spelling: str) -> list[str]:
    """Ids of the people extraction reads in a text that is only this spelling."""
    return sorted(p.id for p in whole(scan_people(spelling, kb).aliases, spelling))


def offices(kb: KnowledgeBase, phrase: str) -> set[str]:
    """Ids of the offices extraction reads in a text that is only this phrase."""
    return whole(scan_people(phrase, kb).roles, phrase)


def person(kb: KnowledgeBase, person_id: str) -> Person:
    found = kb.person(person_id)
    assert found is not None, person_id
    return found


# ----------------------------------------------------------------------------- the bundled files


def test_bundled_knowledge_loads_and_is_cached() -> None:
    kb = default_knowledge()
    assert kb is default_knowledge()
    assert len(kb.people) >= 90
    assert len(kb.roles) >= 40
    assert len(kb.places) >= 60
    assert kb.topics


def test_person_ids_are_short_snake_case(kb: KnowledgeBase) -> None:
    bad = [p.id for p in kb.people if not re.fullmatch(r"[a-z][a-z0-9_]{1,24}", p.id)]
    assert not bad


def test_role_ids_name_their_country(kb: KnowledgeBase) -> None:
    bad = [r.id for r in kb.roles if not re.fullmatch(r"[a-z]{2}\.[a-z_]+", r.id)]
    assert not bad


# ----------------------------------------------------------------------------- roles resolve by date


@pytest.mark.parametrize(
    ("role_id", "day", "expected"),
    [
        # "Russia's security chief": Patrushev in 2019 and 2023, Shoigu from the handover day on
        ("ru.security_council_secretary", "2019-12-04", ["patrushev"]),
        ("ru.security_council_secretary", "2023-02-21", ["patrushev"]),
        ("ru.security_council_secretary", "2024-05-11", ["patrushev"]),
        ("ru.security_council_secretary", "2024-05-12", ["shoigu"]),
        ("ru.security_council_secretary", "2024-11-12", ["shoigu"]),
        ("ru.security_council_secretary", "2025-12-02", ["shoigu"]),
        ("ru.security_council_secretary", "2026-02-01", ["shoigu"]),
        ("ru.defence_minister", "2012-11-05", []),
        ("ru.defence_minister", "2012-11-06", ["shoigu"]),
        ("ru.defence_minister", "2022-02-24", ["shoigu"]),
        ("ru.defence_minister", "2024-05-11", ["shoigu"]),
        ("ru.defence_minister", "2024-05-14", ["belousov"]),
        ("ru.defence_minister", "2025-01-01", ["belousov"]),
        ("ru.foreign_minister", "2004-03-08", []),
        ("ru.foreign_minister", "2004-03-09", ["lavrov"]),
        ("ru.foreign_minister", "2026-02-01", ["lavrov"]),
        ("ru.president", "2010-06-01", ["medvedev"]),
        ("ru.president", "2012-05-07", ["putin"]),
        ("ru.president", "2023-02-22", ["putin"]),
        ("ru.prime_minister", "2019-06-01", ["medvedev"]),
        ("ru.prime_minister", "2020-01-16", ["mishustin"]),
        ("ru.security_council_deputy_chairman", "2022-06-01", ["medvedev"]),
        ("ru.first_deputy_prime_minister", "2021-06-01", ["belousov"]),
        ("ru.first_deputy_prime_minister", "2024-05-14", ["manturov"]),
        ("ru.svr_director", "2015-01-01", ["fradkov"]),
        ("ru.svr_director", "2016-10-05", ["naryshkin"]),
        ("ru.chief_of_staff", "2020-01-01", ["vaino"]),
        ("cn.foreign_minister", "2013-03-15", ["yang_jiechi"]),
        ("cn.foreign_minister", "2020-06-01", ["wang_yi"]),
        ("cn.foreign_minister", "2022-12-29", ["wang_yi"]),
        ("cn.foreign_minister", "2022-12-30", ["qin_gang"]),
        ("cn.foreign_minister", "2023-03-01", ["qin_gang"]),
        ("cn.foreign_minister", "2023-07-24", ["qin_gang"]),
        ("cn.foreign_minister", "2023-07-25", ["wang_yi"]),
        ("cn.foreign_minister", "2026-02-01", ["wang_yi"]),
        # "China's top diplomat"
        ("cn.foreign_affairs_commission_director", "2019-12-04", ["yang_jiechi"]),
        ("cn.foreign_affairs_commission_director", "2022-12-31", ["yang_jiechi"]),
        ("cn.foreign_affairs_commission_director", "2023-01-01", ["wang_yi"]),
        ("cn.foreign_affairs_commission_director", "2023-02-22", ["wang_yi"]),
        ("cn.defence_minister", "2015-06-01", ["chang_wanquan"]),
        ("cn.defence_minister", "2020-01-01", ["wei_fenghe"]),
        ("cn.defence_minister", "2023-06-01", ["li_shangfu"]),
        ("cn.defence_minister", "2023-11-15", []),
        ("cn.defence_minister", "2023-12-29", ["dong_jun"]),
        ("cn.defence_minister", "2024-06-01", ["dong_jun"]),
        ("cn.political_legal_commission_secretary", "2020-01-01", ["guo_shengkun"]),
        ("cn.political_legal_commission_secretary", "2025-05-15", ["chen_wenqing"]),
        ("cn.president", "2012-12-01", ["hu_jintao"]),
        ("cn.president", "2019-06-05", ["xi"]),
        ("cn.premier", "2020-01-01", ["li_keqiang"]),
        ("cn.premier", "2023-03-11", ["li_qiang"]),
        ("cn.npc_chairman", "2024-01-01", ["zhao_leji"]),
        ("cn.cppcc_chairman", "2024-01-01", ["wang_huning"]),
        ("cn.vice_president", "2024-01-01", ["han_zheng"]),
        ("cn.public_security_minister", "2024-01-01", ["wang_xiaohong"]),
        ("cn.state_security_minister", "2024-01-01", ["chen_yixin"]),
        ("cn.eurasian_affairs_special_representative", "2023-05-15", ["li_hui"]),
        ("cn.eurasian_affairs_special_representative", "2025-12-01", ["sun_linjiang"]),
        ("cn.cmc_vice_chairman", "2024-01-01", ["he_weidong", "zhang_youxia"]),
        ("ru.ambassador_to_china", "2019-12-04", ["denisov"]),
        ("ru.ambassador_to_china", "2024-01-01", ["morgulov"]),
        ("cn.ambassador_to_russia", "2023-02-22", ["zhang_hanhui"]),
        ("us.president", "2019-12-04", ["trump"]),
        ("us.president", "2023-01-01", ["biden"]),
        ("us.president", "2025-12-02", ["trump"]),
        ("us.special_envoy", "2025-12-02", ["witkoff"]),
        ("us.secretary_of_state", "2025-06-01", ["rubio"]),
        ("in.national_security_adviser", "2024-09-10", ["doval"]),
        ("un.secretary_general", "2025-01-01", ["guterres"]),
        ("jp.prime_minister", "2026-01-01", ["takaichi"]),
    ],
)
def test_holders_on_a_day(kb: KnowledgeBase, role_id: str, day: str, expected: list[str]) -> None:
    assert kb.role(role_id) is not None
    assert sorted(p.id for p in kb.holders(role_id, D(day))) == sorted(expected)


@pytest.mark.parametrize(
    ("person_id", "day", "title"),
    [
        ("wang_yi", "2020-06-01", "Foreign Minister of China"),
        ("wang_yi", "2023-02-22", "Director of the Office of the CPC Central Foreign Affairs Commission"),
        ("wang_yi", "2023-01-01", "Director of the Office of the CPC Central Foreign Affairs Commission"),
        ("shoigu", "2019-12-04", "Defence Minister of Russia"),
        ("shoigu", "2024-05-12", "Secretary of the Security Council of Russia"),
        ("shoigu", "2026-02-01", "Secretary of the Security Council of Russia"),
        ("patrushev", "2019-12-04", "Secretary of the Security Council of Russia"),
        ("patrushev", "2024-05-12", None),
        ("yang_jiechi", "2019-12-04", "Director of the Office of the CPC Central Foreign Affairs Commission"),
        ("qin_gang", "2023-03-01", "Foreign Minister of China"),
        ("qin_gang", "2023-07-25", None),
        ("dong_jun", "2024-06-01", "Defence Minister of China"),
        ("lavrov", "2023-02-22", "Foreign Minister of Russia"),
        ("chen_wenqing", "2025-05-15", "Secretary of the CPC Central Political and Legal Affairs Commission"),
    ],
)
def test_title_on_a_day(kb: KnowledgeBase, person_id: str, day: str, title: str | None) -> None:
    assert kb.title_on(person(kb, person_id), D(day)) == title


def test_wang_yi_holds_both_offices_since_july_2023(kb: KnowledgeBase) -> None:
    wang_yi = person(kb, "wang_yi")
    roles = [r.id for r in kb.roles_of(wang_yi, D("2025-12-02"))]
    assert roles == ["cn.foreign_minister", "cn.foreign_affairs_commission_director"]  # newest appointment first
    title = kb.title_on(wang_yi, D("2025-12-02"))
    assert title is not None
    assert "Foreign Minister of China" in title
    assert "Foreign Affairs Commission" in title


@pytest.mark.parametrize(
    ("person_id", "title"),
    [
        ("shoigu", "Secretary of the Security Council of Russia"),
        ("patrushev", "Aide to the President of Russia"),
        ("belousov", "Defence Minister of Russia"),
        ("qin_gang", "Foreign Minister of China"),
    ],
)
def test_title_with_unknown_date_is_the_latest(kb: KnowledgeBase, person_id: str, title: str) -> None:
    assert kb.title_on(person(kb, person_id), None) == title


@pytest.mark.parametrize(
    ("person_id", "role_id", "start", "end"),
    [
        ("shoigu", "ru.defence_minister", "2012-11-06", "2024-05-12"),
        ("shoigu", "ru.security_council_secretary", "2024-05-12", None),
        ("patrushev", "ru.security_council_secretary", "2008-05-12", "2024-05-12"),
        ("lavrov", "ru.foreign_minister", "2004-03-09", None),
        ("wang_yi", "cn.foreign_minister", "2013-03-16", "2022-12-30"),
        ("wang_yi", "cn.foreign_minister", "2023-07-25", None),
        ("wang_yi", "cn.foreign_affairs_commission_director", "2023-01-01", None),
        ("yang_jiechi", "cn.foreign_affairs_commission_director", "2013-03-16", "2023-01-01"),
        ("qin_gang", "cn.foreign_minister", "2022-12-30", "2023-07-25"),
        ("belousov", "ru.defence_minister", "2024-05-14", None),
        ("belousov", "ru.first_deputy_prime_minister", "2020-01-21", "2024-05-14"),
        ("dong_jun", "cn.defence_minister", "2023-12-29", None),
        ("medvedev", "ru.security_council_deputy_chairman", "2020-01-16", None),
        ("li_keqiang", "cn.premier", "2013-03-15", "2023-03-11"),
        ("li_qiang", "cn.premier", "2023-03-11", None),
    ],
)
def test_briefed_tenures(kb: KnowledgeBase, person_id: str, role_id: str, start: str, end: str | None) -> None:
    spells = {(t.role_id, t.start, t.end) for t in person(kb, person_id).tenures}
    assert (role_id, D(start), D(end) if end else None) in spells


def test_chen_wenqing_heads_the_political_and_legal_commission_since_october_2022(kb: KnowledgeBase) -> None:
    (spell,) = [t for t in person(kb, "chen_wenqing").tenures if t.role_id == "cn.political_legal_commission_secretary"]
    assert spell.start is not None
    assert (spell.start.year, spell.start.month) == (2022, 10)
    assert spell.end is None


def test_single_holder_offices_never_have_two_holders(kb: KnowledgeBase) -> None:
    clashes = []
    for role in kb.roles:
        if role.id in SHARED_OFFICES:
            continue
        spells = [(p.id, t) for p in kb.people for t in p.tenures if t.role_id == role.id]
        for (a, ta), (b, tb) in combinations(spells, 2):
            if (
                a != b
                and (ta.start or dt.date.min) < (tb.end or dt.date.max)
                and (tb.start or dt.date.min) < (ta.end or dt.date.max)
            ):
                clashes.append((role.id, a, b))
    assert not clashes


def test_tenures_are_dated_and_plausible(kb: KnowledgeBase) -> None:
    for p in kb.people:
        assert p.tenures, p.id
        for t in p.tenures:
            assert t.start is not None, (p.id, t.role_id)
            assert D("1985-01-01") <= t.start <= D("2026-11-30"), (p.id, t)
            assert t.end is None or t.end <= D("2026-11-30"), (p.id, t)


def test_people_hold_offices_of_their_own_country(kb: KnowledgeBase) -> None:
    countries = {r.id: r.country for r in kb.roles}
    odd = [
        (p.id, t.role_id)
        for p in kb.people
        for t in p.tenures
        if countries[t.role_id] not in (p.country, "United Nations")
    ]
    assert not odd


def test_every_role_has_phrases_and_a_holder(kb: KnowledgeBase) -> None:
    held = {t.role_id for p in kb.people for t in p.tenures}
    assert not [r.id for r in kb.roles if not r.phrases]
    assert not [
        r.id for r in kb.roles if r.id not in held and r.id not in {"kz.foreign_minister", "mn.foreign_minister"}
    ]


# ----------------------------------------------------------------------------- names and spellings


@pytest.mark.parametrize(
    ("spelling", "person_id"),
    [
        ("Shoigu", "shoigu"),
        ("Shoygu", "shoigu"),
        ("Sergey Shoigu", "shoigu"),
        ("Шойгу", "shoigu"),
        ("Сергей Шойгу", "shoigu"),
        ("Nikolay Patrushev", "patrushev"),
        ("Патрушева", "patrushev"),
        ("Lavrov", "lavrov"),
        ("Лаврова", "lavrov"),
        ("Лавровым", "lavrov"),
        ("Путина", "putin"),
        ("Владимир Путин", "putin"),
        ("Belousov", "belousov"),
        ("Andrey Belousov", "belousov"),
        ("Белоусов", "belousov"),
        ("Yury Ushakov", "ushakov"),
        ("Alexey Overchuk", "overchuk"),
        ("Dmitri Peskov", "peskov"),
        ("Ван И", "wang_yi"),
        ("Си Цзиньпин", "xi"),
        ("Си Цзиньпина", "xi"),
        ("Xi", "xi"),
        ("习近平", "xi"),
        ("Ли Цян", "li_qiang"),
        ("Ли Кэцян", "li_keqiang"),
        ("Дун Цзюнь", "dong_jun"),
        ("Ян Цзечи", "yang_jiechi"),
        ("Чэнь Вэньцин", "chen_wenqing"),
        ("Цинь Ган", "qin_gang"),
        ("Hanhui", "zhang_hanhui"),
        ("Kim Jong-un", "kim_jong_un"),
        ("Уиткофф", "witkoff"),
        ("Steve Witkoff", "witkoff"),
        ("Зеленский", "zelensky"),
        ("Recep Tayyip Erdoğan", "erdogan"),
        ("Erdogan", "erdogan"),
        ("Tokayev", "tokayev"),
        ("Jaishankar", "jaishankar"),
        ("Celso Amorim", "amorim"),
    ],
)
def test_spelling_names_one_person(kb: KnowledgeBase, spelling: str, person_id: str) -> None:
    assert who(kb, spelling) == [person_id]


@pytest.mark.parametrize("surname", ["Wang", "Li", "Zhang", "Chen", "Zhao", "He", "Guo", "Hu", "Yang", "Ivanov", "Kim"])
def test_ambiguous_surnames_are_not_aliases(kb: KnowledgeBase, surname: str) -> None:
    assert who(kb, surname) == []


def test_every_spelling_reads_as_its_person_alone(kb: KnowledgeBase) -> None:
    assert [(name, who(kb, name)) for p in kb.people for name in p.names if who(kb, name) != [p.id]] == []


def test_every_spelling_reads_as_its_place_alone(kb: KnowledgeBase) -> None:
    spellings = [(name, place.name) for place in kb.places for name in (place.name, *place.aliases, *place.venues)]
    assert [(name, city) for name, city in spellings if city_named(name, kb, venues=True) != city] == []


def test_every_phrase_reads_as_its_office_alone(kb: KnowledgeBase) -> None:
    phrases = [(phrase, role.id) for role in kb.roles for phrase in (role.title, *role.phrases)]
    assert [(phrase, role_id) for phrase, role_id in phrases if offices(kb, phrase) != {role_id}] == []


@pytest.mark.parametrize("country", ["Russia", "China"])
def test_russian_and_chinese_officials_have_cyrillic_aliases(kb: KnowledgeBase, country: str) -> None:
    people = [p for p in kb.people if p.country == country]
    assert people
    assert [p.id for p in people if not any(CYRILLIC.search(a) for a in p.aliases)] == []


def test_everyone_has_a_cyrillic_alias(kb: KnowledgeBase) -> None:
    assert [p.id for p in kb.people if not any(CYRILLIC.search(a) for a in p.aliases)] == []


def test_chinese_officials_have_their_name_in_characters(kb: KnowledgeBase) -> None:
    han = re.compile(r"[\u4e00-\u9fff]")
    assert [p.id for p in kb.people if p.country == "China" and not any(han.search(a) for a in p.aliases)] == []


def test_aliases_are_trimmed_and_distinct_from_the_name(kb: KnowledgeBase) -> None:
    for p in kb.people:
        for alias in p.aliases:
            assert alias == alias.strip(), (p.id, alias)
            assert "  " not in alias, (p.id, alias)
        assert p.name not in p.aliases, p.id
        assert len(p.aliases) == len(set(p.aliases)), p.id


# ----------------------------------------------------------------------------- role phrases


@pytest.mark.parametrize(
    ("phrase", "role_id"),
    [
        ("Russia's security chief", "ru.security_council_secretary"),
        ("Secretary of the Security Council", "ru.security_council_secretary"),
        ("секретарь Совбеза", "ru.security_council_secretary"),
        ("the Chinese Foreign Minister", "cn.foreign_minister"),
        ("Chinese Foreign Minister", "cn.foreign_minister"),
        ("министр иностранных дел КНР", "cn.foreign_minister"),
        ("China's top diplomat", "cn.foreign_affairs_commission_director"),
        ("chief diplomat of the Communist Party of China", "cn.foreign_affairs_commission_director"),
        ("head of the Foreign Affairs Commission", "cn.foreign_affairs_commission_director"),
        ("the Russian leader", "ru.president"),
        ("the head of state", "ru.president"),
        ("глава МИД России", "ru.foreign_minister"),
        ("председатель КНР", "cn.president"),
        ("Kremlin spokesman", "ru.kremlin_spokesman"),
        ("US Special Envoy", "us.special_envoy"),
        ("Chinese Foreign Ministry spokesperson", "cn.mfa_spokesperson"),
        (
            "Secretary of the CPC Central Political and Legal Affairs Commission",
            "cn.political_legal_commission_secretary",
        ),
    ],
)
def test_phrase_names_an_office(kb: KnowledgeBase, phrase: str, role_id: str) -> None:
    assert offices(kb, phrase) == {role_id}  # with or without a leading "the", as articles write it


def test_head_of_state_is_only_the_russian_president(kb: KnowledgeBase) -> None:
    assert offices(kb, "the head of state") == {"ru.president"}


@pytest.mark.parametrize(
    "role_id",
    [
        "ru.president",
        "ru.prime_minister",
        "ru.foreign_minister",
        "ru.defence_minister",
        "ru.security_council_secretary",
        "ru.security_council_deputy_secretary",
        "ru.fsb_director",
        "ru.svr_director",
        "ru.presidential_aide_foreign_policy",
        "ru.kremlin_spokesman",
        "ru.first_deputy_prime_minister",
        "ru.deputy_prime_minister",
        "ru.federation_council_chair",
        "ru.duma_chairman",
        "ru.chief_of_general_staff",
        "ru.security_council_deputy_chairman",
        "ru.chief_of_staff",
        "ru.rosneft_ceo",
        "ru.special_envoy_investment",
        "ru.ambassador_to_china",
        "cn.president",
        "cn.general_secretary",
        "cn.premier",
        "cn.vice_president",
        "cn.npc_chairman",
        "cn.cppcc_chairman",
        "cn.foreign_minister",
        "cn.foreign_affairs_commission_director",
        "cn.defence_minister",
        "cn.cmc_vice_chairman",
        "cn.public_security_minister",
        "cn.state_security_minister",
        "cn.political_legal_commission_secretary",
        "cn.vice_premier",
        "cn.ambassador_to_russia",
        "cn.mfa_spokesperson",
        "cn.eurasian_affairs_special_representative",
    ],
)
def test_russian_and_chinese_offices_have_russian_phrases(kb: KnowledgeBase, role_id: str) -> None:
    role = kb.role(role_id)
    assert role is not None
    assert any(CYRILLIC.search(p) for p in role.phrases)


# ----------------------------------------------------------------------------- places


@pytest.mark.parametrize(
    ("spelling", "city"),
    [
        ("the Kremlin", "Moscow"),
        ("Кремле", "Moscow"),
        ("Novo-Ogaryovo", "Moscow"),
        ("Smolenskaya Square", "Moscow"),
        ("Москве", "Moscow"),
        ("Great Hall of the People", "Beijing"),
        ("Diaoyutai State Guesthouse", "Beijing"),
        ("Zhongnanhai", "Beijing"),
        ("Peking", "Beijing"),
        ("Пекине", "Beijing"),
        ("Шанхае", "Shanghai"),
        ("St Petersburg", "Saint Petersburg"),
        ("St. Petersburg", "Saint Petersburg"),
        ("Petersburg", "Saint Petersburg"),
        ("Санкт-Петербурге", "Saint Petersburg"),
        ("Konstantinovsky Palace", "Saint Petersburg"),
        ("Bocharov Ruchei", "Sochi"),
        ("Nur-Sultan", "Astana"),
        ("Ulan Bator", "Ulaanbaatar"),
        ("Xian", "Xi'an"),
        ("Brasilia", "Brasília"),
        ("Анкоридж", "Anchorage"),
    ],
)
def test_spelling_names_a_place(kb: KnowledgeBase, spelling: str, city: str) -> None:
    assert city_named(spelling, kb, venues=True) == city


@pytest.mark.parametrize(
    "city",
    [
        "Moscow",
        "Saint Petersburg",
        "Vladivostok",
        "Kazan",
        "Sochi",
        "Beijing",
        "Shanghai",
        "Tianjin",
        "Harbin",
        "Xi'an",
        "Qingdao",
        "Shenzhen",
        "Hangzhou",
        "Wuhan",
        "Zhuhai",
        "Urumqi",
        "Sanya",
        "Kunming",
        "Astana",
        "Tashkent",
        "Bishkek",
        "Dushanbe",
        "Samarkand",
        "Ulaanbaatar",
        "New Delhi",
        "Johannesburg",
        "Rio de Janeiro",
        "Brasília",
        "Tehran",
        "Ankara",
        "Istanbul",
        "Geneva",
        "New York",
        "Washington",
        "Jakarta",
        "Vientiane",
        "Kuala Lumpur",
        "Minsk",
        "Pyongyang",
        "Riyadh",
        "Abu Dhabi",
        "Anchorage",
    ],
)
def test_city_is_known_with_a_russian_spelling(kb: KnowledgeBase, city: str) -> None:
    (place,) = [p for p in kb.places if p.name == city]
    assert place.country
    assert any(CYRILLIC.search(a) for a in place.aliases)


# ----------------------------------------------------------------------------- short forms for lists


def test_every_office_has_a_short_form_that_fits_beside_a_name(kb: KnowledgeBase) -> None:
    for role in kb.roles:
        assert role.short == role.short.strip(), role.id
        assert 0 < len(role.short) <= SHORT_LIMIT, role.id
        assert len(role.short) <= len(role.title), role.id


def test_short_forms_tell_a_sides_offices_apart(kb: KnowledgeBase) -> None:
    for country in {r.country for r in kb.roles}:
        shorts = [r.short.casefold() for r in kb.roles if r.country == country]
        assert len(shorts) == len(set(shorts)), country


def test_an_office_of_a_third_country_never_reads_like_a_russian_or_chinese_one(kb: KnowledgeBase) -> None:
    sides = {r.short.casefold() for r in kb.roles if r.country in ("Russia", "China")}
    assert [r.id for r in kb.roles if r.country not in ("Russia", "China") and r.short.casefold() in sides] == []


def test_an_office_without_a_short_form_gets_one_from_its_title(tmp_path: Path) -> None:
    kb = load(write_kb(tmp_path))
    assert kb.role("ru.security_council_secretary").short == "Secretary of the Security Council"
    assert kb.role("cn.foreign_minister").short == "Foreign Minister"


@pytest.mark.parametrize(("title", "short"), [
    ("Minister of Agriculture of Russia", "Minister of Agriculture"),
    ("Director of the Federal Security Service of Russia (FSB)", "FSB Director"),
    ("Deputy Foreign Minister of the People's Republic of China", "Deputy Foreign Minister"),
    ("General Secretary of the Communist Party of China", "General Secretary of the Communist Party of China"),
    ("Governor of Tokyo", "Governor of Tokyo"),
])
def test_derived_short_forms_drop_the_country(title: str, short: str) -> None:
    assert derive_short(title) == short


@pytest.mark.parametrize(("title", "short"), [
    ("Foreign Minister of China and Director of the Office of the CPC Central Foreign Affairs Commission",
     "Foreign Minister"),  # the higher office only: the full title is one tap away
    ("Director of the Office of the CPC Central Foreign Affairs Commission", "top diplomat"),
    ("President of China and General Secretary of the Communist Party of China", "President"),
    ("Minister of Industry and Trade of Russia", "Industry and Trade Minister"),  # " and " inside one title
    ("Secretary of the Security Council of Russia", "Security Council Secretary"),
    ("Governor of Tokyo", "Governor of Tokyo"),  # not an office of the knowledge base
])
def test_a_stored_title_reads_as_its_highest_office(kb: KnowledgeBase, title: str, short: str) -> None:
    assert kb.short_title(title) == short


def test_topics_rank_the_most_telling_first(kb: KnowledgeBase) -> None:
    ranks = [kb.topic_rank(t) for t in ("Taiwan", "strategic security", "trade", "a topic no file names")]
    assert ranks == sorted(ranks)
    assert ranks[-1] == len(kb.topics)


def test_seniority_puts_heads_of_state_first_and_unknown_titles_last(kb: KnowledgeBase) -> None:
    ranks = [kb.seniority(t) for t in ("President of Russia", "Foreign Minister of Russia", "Governor of Tokyo")]
    assert ranks == sorted(ranks)
    assert ranks[-1] == len(kb.roles)


# ----------------------------------------------------------------------------- the loader refuses bad files

ROLES = """
[[role]]
id = "ru.security_council_secretary"
country = "Russia"
title = "Secretary of the Security Council of Russia"
phrases = ["Russia's security chief"]

[[role]]
id = "cn.foreign_minister"
country = "China"
title = "Foreign Minister of China"
phrases = ["Chinese Foreign Minister"]
"""

PEOPLE = """
[[person]]
id = "shoigu"
name = "Sergei Shoigu"
country = "Russia"
aliases = ["Shoigu", "Шойгу"]
roles = [{ role = "ru.security_council_secretary", start = 2024-05-12 }]

[[person]]
id = "patrushev"
name = "Nikolai Patrushev"
country = "Russia"
aliases = ["Patrushev"]
roles = [{ role = "ru.security_council_secretary", start = 2008-05-12, end = 2024-05-12 }]

[[person]]
id = "wang_yi"
name = "Wang Yi"
country = "China"
aliases = ["Ван И"]
roles = [
  { role = "cn.foreign_minister", start = 2013-03-16, end = 2022-12-30 },
  { role = "cn.foreign_minister", start = 2023-07-25 },
]
"""

PLACES = """
[[place]]
name = "Moscow"
country = "Russia"
aliases = ["Москва"]
venues = ["the Kremlin"]

[[place]]
name = "Beijing"
country = "China"
aliases = ["Peking"]
venues = ["Great Hall of the People"]
"""


def write_kb(directory: Path, *, roles: str = ROLES, people: str = PEOPLE, places: str = PLACES) -> Path:
    (directory / "roles.toml").write_text(roles, encoding="utf-8")
    (directory / "people.toml").write_text(people, encoding="utf-8")
    (directory / "places.toml").write_text(places, encoding="utf-8")
    shutil.copy(KNOWLEDGE_DIR / "topics.toml", directory / "topics.toml")
    return directory


def test_a_small_valid_knowledge_base_loads(tmp_path: Path) -> None:
    kb = load(write_kb(tmp_path))
    assert [p.id for p in kb.holders("ru.security_council_secretary", D("2019-12-04"))] == ["patrushev"]
    assert [p.id for p in kb.holders("ru.security_council_secretary", D("2024-05-12"))] == ["shoigu"]
    assert kb.holders("cn.foreign_minister", D("2023-03-01")) == []
    assert [p.name for p in kb.places] == ["Moscow", "Beijing"]


def test_knowledge_error_is_a_value_error() -> None:
    assert issubclass(KnowledgeError, ValueError)


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "people",
            'role = "ru.security_council_secretary", start = 2024-05-12',
            'role = "ru.security_chief", start = 2024-05-12',
            r"people\.toml: person 'shoigu'.*unknown role 'ru\.security_chief'",
        ),
        ("people", 'id = "patrushev"', 'id = "shoigu"', r"people\.toml: person 'shoigu'.*duplicate id"),
        ("roles", 'id = "cn.foreign_minister"', 'id = "ru.security_council_secretary"', r"roles\.toml.*duplicate id"),
        (
            "people",
            "start = 2008-05-12, end = 2024-05-12",
            "start = 2024-05-12, end = 2008-05-12",
            r"people\.toml: person 'patrushev'.*ends on 2008-05-12 before it starts on 2024-05-12",
        ),
        (
            "people",
            "start = 2008-05-12, end = 2024-05-12",
            "start = 2024-05-12, end = 2024-05-12",
            r"people\.toml: person 'patrushev'.*before it starts",
        ),
        (
            "people",
            "start = 2013-03-16, end = 2022-12-30",
            "start = 2013-03-16, end = 2023-12-30",
            r"people\.toml: person 'wang_yi'.*overlap",
        ),
        (
            "people",
            'aliases = ["Patrushev"]',
            'aliases = ["Patrushev", "shoigu"]',
            r"people\.toml: person 'patrushev'.*'shoigu' also names person 'shoigu'",
        ),
        (
            "people",
            'aliases = ["Patrushev"]',
            'aliases = ["Patrushev", "Sergei  Shoigu"]',
            r"people\.toml: person 'patrushev'.*also names person 'shoigu'",
        ),
        (
            "people",
            'aliases = ["Patrushev"]',
            'aliases = ["Patrushev", "ШОЙГУ"]',
            r"people\.toml: person 'patrushev'.*also names person 'shoigu'",
        ),
        (
            "places",
            'aliases = ["Peking"]',
            'aliases = ["Peking", "москва"]',
            r"places\.toml: place 'Beijing'.*also names place 'Moscow'",
        ),
        (
            "places",
            'venues = ["Great Hall of the People"]',
            'venues = ["Great Hall of the People", "The Kremlin"]',
            r"places\.toml: place 'Beijing'.*also names place 'Moscow'",
        ),
        (
            "roles",
            'phrases = ["Chinese Foreign Minister"]',
            'phrases = ["Chinese Foreign Minister", "Russia\'s Security Chief"]',
            r"roles\.toml: role 'cn\.foreign_minister'.*also names role 'ru\.security_council_secretary'",
        ),
        (
            "people",
            'aliases = ["Patrushev"]',
            'alias = ["Patrushev"]',
            r"people\.toml: person 'patrushev'.*unknown keys",
        ),
        ("people", 'name = "Wang Yi"', 'name = ""', r"people\.toml: person 'wang_yi'.*`name`"),
        ("people", 'aliases = ["Patrushev"]', 'aliases = "Patrushev"', r"people\.toml: person 'patrushev'.*`aliases`"),
        ("people", "start = 2024-05-12 }", 'start = "2024-13-45" }', r"people\.toml: person 'shoigu'.*bad date"),
        ("places", 'country = "China"', "country = ", r"places\.toml: not valid TOML"),
        ("roles", 'title = "Foreign Minister of China"', "", r"roles\.toml: role 'cn\.foreign_minister'.*`title`"),
        (
            "roles",
            'title = "Foreign Minister of China"',
            'title = "Foreign Minister of China"\nshort = "Minister for Foreign Affairs of the People\'s Republic"',
            r"roles\.toml: role 'cn\.foreign_minister'.*`short` must be .* at most 36 characters",
        ),
    ],
)
def test_loader_refuses_a_bad_file(tmp_path: Path, file: str, old: str, new: str, message: str) -> None:
    texts = {"roles": ROLES, "people": PEOPLE, "places": PLACES}
    assert old in texts[file], old
    texts[file] = texts[file].replace(old, new, 1)
    write_kb(tmp_path, **texts)
    with pytest.raises(KnowledgeError, match=message):
        load(tmp_path)


@pytest.mark.parametrize("spelling", ["Shoigu's", "Shoigu,", "(Shoigu)", "Шойгу’s"])
def test_loader_refuses_a_spelling_a_readers_lookup_takes_for_another_persons(tmp_path: Path, spelling: str) -> None:
    """`/who` folds a possessive 's and any punctuation away: such a spelling would name two people to a reader."""
    write_kb(tmp_path, people=PEOPLE.replace('aliases = ["Patrushev"]', f'aliases = ["Patrushev", "{spelling}"]'))
    with pytest.raises(KnowledgeError, match=r"people\.toml: person 'patrushev'.*also names person 'shoigu'"):
        load(tmp_path)


def test_loader_keeps_apart_spellings_a_readers_lookup_tells_apart(tmp_path: Path) -> None:
    """й is a letter of its own to the lookup, so a spelling differing only there names someone else."""
    people = PEOPLE.replace('aliases = ["Patrushev"]', 'aliases = ["Patrushev", "Шоигу"]')
    assert [p.id for p in load(write_kb(tmp_path, people=people)).people if "Шоигу" in p.names] == ["patrushev"]


def test_loader_names_the_file_it_could_not_read(tmp_path: Path) -> None:
    write_kb(tmp_path, people="[[role]]\nid = 'x'\n")
    with pytest.raises(KnowledgeError, match=r"people\.toml: expected a list of \[\[person\]\] entries"):
        load(tmp_path)


def test_loader_refuses_a_discuss_only_flag_that_is_not_true_or_false(tmp_path: Path) -> None:
    write_kb(tmp_path)
    topics = (KNOWLEDGE_DIR / "topics.toml").read_text(encoding="utf-8")
    flagged = 'name = "high-level exchanges"\nonly_as_discussed = true'
    assert flagged in topics
    (tmp_path / "topics.toml").write_text(topics.replace(flagged, flagged.replace("true", '"yes"')), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"topics\.toml: topic 'high-level exchanges'.*true or false"):
        load(tmp_path)


def test_a_numbered_yearly_series_dates_its_rounds_and_a_bad_first_year_is_refused(tmp_path: Path) -> None:
    series = '[[summit]]\nname = "regular meeting"\nnames = ["regular meeting"]\nfirst_year = 1996\n'
    (write_kb(tmp_path) / "summits.toml").write_text(series, encoding="utf-8")
    [summit] = load(tmp_path).summits
    assert (summit.year_of_round(1), summit.year_of_round(19), summit.year_of_round(0)) == (1996, 2014, None)
    (tmp_path / "summits.toml").write_text(series.replace("1996", '"1996"'), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"summits\.toml: summit 'regular meeting'.*`first_year`"):
        load(tmp_path)
