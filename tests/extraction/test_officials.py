"""Officials the knowledge base does not know, seen by the title beside their name, in English and Russian."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import extract
from extraction.officials import find_officials
from extraction.palladius import chinese_nominative, looks_chinese_cyrillic, to_pinyin
from extraction.people import find_people
from extraction.russian_names import nominative, title_nominative, transliterate
from knowledge import default_knowledge

KB = default_knowledge()
ON = dt.date(2024, 6, 1)


def officials(text: str) -> list[tuple[str, str | None]]:
    return [(o.name, o.country) for o in find_officials(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Chief of the General Staff of the Chinese People's Liberation Army Zhou Mingde received Commander-in-Chief"
     " of the Russian Navy Admiral Pavel Sorokin in Dalian.",
     [("Zhou Mingde", "China"), ("Pavel Sorokin", "Russia")]),
    ("Beijing hosted Anton Belkin, Prosecutor General of the Russian Federation, for two days.",
     [("Anton Belkin", "Russia")]),
    ("Jilin provincial party secretary Gao Weimin toured the port.", [("Gao Weimin", "China")]),
    ("Russian Deputy Prime Minister Yuri Kalinin arrived on Friday.", [("Yuri Kalinin", "Russia")]),
    ("Later Ambassador Deng Xiaolin spoke to the press.", [("Deng Xiaolin", "China")]),
    ("Rosneft CEO Pyotr Vasnetsov signed the deal.", [("Pyotr Vasnetsov", "Russia")]),
    ("Member of the Political Bureau of the CPC Central Committee Han Liqun said so.", [("Han Liqun", "China")]),
    ("Khabarovsk Krai Governor Roman Sedykh opened the fair.", [("Roman Sedykh", "Russia")]),
    ("The forum was co-chaired by Pavel Sorokin, Russian deputy prime minister and presidential envoy.",
     [("Pavel Sorokin", "Russia")]),
    ("Gao Weimin, party secretary of Jilin province, spoke first.", [("Gao Weimin", "China")]),
    ("Chinese Vice Premier Zhou Mingde's talks in Moscow ended.", [("Zhou Mingde", "China")]),
    ("Vice Premier and Chairman of the Committee of the China-Russia Prime Ministers' Regular Meeting on the Chinese "
     "side Gao Weimin met Deputy Prime Minister and Chairman of the Committee on the Russian side Yuri Kalinin.",
     [("Gao Weimin", "China"), ("Yuri Kalinin", "Russia")]),
    ("Chinese Vice Premier Gao Weimin and his Russian counterpart Yuri Kalinin co-chaired the committee.",
     [("Gao Weimin", "China"), ("Yuri Kalinin", "Russia")]),
])
def test_a_title_before_or_after_a_name_makes_an_official_with_a_country(
        text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(text) == expected


@pytest.mark.parametrize("text", [
    "The presidential envoy to the Far Eastern Federal District of Russia spoke.",  # a place, not a name
    "Minister of Foreign Affairs said on Monday in March that talks went well.",
    "The Governor's office in Primorye said nothing.",
])
def test_a_capitalised_phrase_after_a_title_must_look_like_a_name(text: str) -> None:
    assert officials(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Губернатор Амурской области Денис Вострецов провел переговоры с секретарем парткома провинции Цзилинь"
     " Гао Вэйминем в Чанчуне.", [("Denis Vostretsov", "Russia"), ("Gao Weimin", "China")]),
    ("Посол КНР Дэн Сяолинь встретился с заместителем председателя правительства Юрием Калининым.",
     [("Deng Xiaolin", "China"), ("Yury Kalinin", "Russia")]),
    ("Антон Белкин, генеральный прокурор России, прибыл в Пекин на переговоры.", [("Anton Belkin", "Russia")]),
])
def test_russian_titles_in_any_case_give_the_country_and_names_come_back_in_latin(
        text: str, expected: list[tuple[str, str | None]]) -> None:
    assert officials(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Встреча с премьер-министром Пакистана Имраном Ханом прошла в Бишкеке.", [("Imran Khan", None)]),
    ("Pakistani Prime Minister Imran Khan met the press.", [("Imran Khan", "Pakistan")]),
])
def test_a_third_countrys_official_is_not_taken_for_a_russian(text: str,
                                                              expected: list[tuple[str, str | None]]) -> None:
    assert officials(text) == expected


def test_a_name_with_no_title_beside_it_is_no_official() -> None:
    assert officials("Денис Вострецов и Гао Вэйминь осмотрели порт.") == []


@pytest.mark.parametrize(("written", "expected"), [
    ("Олегом Кожемяко", "Олег Кожемяко"), ("Юрием Калининым", "Юрий Калинин"), ("Сергея Лаврова", "Сергей Лавров"),
    ("Леонидом Слуцким", "Леонид Слуцкий"), ("Валентиной Петровой", "Валентина Петрова"),
])
def test_a_russian_name_in_any_case_goes_back_to_the_nominative(written: str, expected: str) -> None:
    assert nominative(written) == expected


@pytest.mark.parametrize(("cyrillic", "latin"), [
    ("Олег Кожемяко", "Oleg Kozhemyako"), ("Сергей Петров", "Sergei Petrov"), ("Алексей Миллер", "Alexei Miller"),
    ("Евгений Ильич", "Yevgeny Ilyich"), ("Николай Фёдоров", "Nikolai Fyodorov"), ("Дмитрий Юрьев", "Dmitry Yuryev"),
])
def test_russian_names_are_spelt_as_english_media_spell_them(cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic) == latin


@pytest.mark.parametrize(("cyrillic", "pinyin"), [
    ("Сюй Цинь", "Xu Qin"), ("Ван Вэньтао", "Wang Wentao"), ("Чжан Юся", "Zhang Youxia"),
    ("Чжан Ханьхуэй", "Zhang Hanhui"), ("Цзян Цзэминь", "Jiang Zemin"), ("Ли Цзюнь", "Li Jun"),
    ("Го Шэнкунь", "Guo Shengkun"), ("Хуан Юнчжан", "Huang Yongzhang"), ("Ма Чжаосюй", "Ma Zhaoxu"),
])
def test_palladius_names_go_back_to_pinyin_syllable_by_syllable(cyrillic: str, pinyin: str) -> None:
    assert to_pinyin(cyrillic) == pinyin


@pytest.mark.parametrize(("written", "expected"), [
    ("Сюй Цинем", "Сюй Цинь"), ("Лю Биня", "Лю Бинь"), ("Юй Вэйдуна", "Юй Вэйдун"), ("Ма Чжаосюем", "Ма Чжаосюй"),
    ("Линь Ци", "Линь Ци"),
])
def test_a_chinese_name_in_a_russian_case_goes_back_to_the_nominative(written: str, expected: str) -> None:
    assert chinese_nominative(written) == expected


@pytest.mark.parametrize("name", ["Олег Кожемяко", "Сергей Ли", "Иван Ван", "Анна Лэнг", "Антон Бирюков"])
def test_a_russian_name_is_not_taken_for_a_chinese_one(name: str) -> None:
    assert not looks_chinese_cyrillic(name)


@pytest.mark.parametrize("text", [
    "Заместитель председателя правительства встретился с послом КНР Чжан Ханьхуэем в Москве.",
    "Russian Deputy Prime Minister met Chinese Ambassador to Russia Zhang Hanhui in Moscow.",
])
def test_a_titled_name_the_knowledge_base_knows_is_its_person(text: str) -> None:
    hits = find_people(text, KB, dt.date(2023, 3, 1))
    assert [(h.participant.name, h.participant.known) for h in hits if "Zhang" in h.participant.name] == [
        ("Zhang Hanhui", True)]


@pytest.mark.parametrize("text", [
    "Chief of the General Staff of the Chinese People's Liberation Army Zhou Mingde held talks with Russian"
    " Deputy Defence Minister Pavel Sorokin in Qingdao on Tuesday, June 4, 2024.",
    "4 июня 2024 года губернатор Приморского края Денис Вострецов провел переговоры с секретарем парткома"
    " провинции Хэйлунцзян Гао Вэйминем в Харбине.",
])
def test_a_meeting_of_two_officials_the_knowledge_base_does_not_know_is_found(text: str) -> None:
    result = extract(text, published=dt.date(2024, 6, 5), knowledge=KB)
    assert len(result.meetings) == 1
    people = {(p.name, p.country) for p in result.meetings[0].participants}
    assert {p[1] for p in people} == {"Russia", "China"}
    assert len(people) == 2


def test_people_named_outside_the_meeting_sentence_do_not_join_it() -> None:
    text = ("Russian Deputy Defence Minister Pavel Sorokin held talks with Chinese Vice Premier Zhou Mingde in Beijing"
            " on Tuesday, June 4, 2024.\n\nKhabarovsk Krai Governor Roman Sedykh opened a trade fair the same week.")
    result = extract(text, published=dt.date(2024, 6, 5), knowledge=KB)
    assert [sorted(p.name for p in m.participants) for m in result.meetings] == [["Pavel Sorokin", "Zhou Mingde"]]


def test_a_russian_title_is_given_as_a_role_in_the_nominative() -> None:
    found = find_officials("Гао Вэйминь встретился с генеральным прокурором России Антоном Белкиным.")
    assert [(o.name, o.title) for o in found] == [("Anton Belkin", "генеральный прокурор России")]


@pytest.mark.parametrize("title", [
    "Prosecutor General", "Attorney General", "CEO", "Chief Executive", "party secretary",
    "Member of the Political Bureau", "Commander-in-Chief", "Director-General", "Spokesperson", "Vice Chairman",
    "Head of the Federal Customs Service", "Presidential Aide", "Crown Prince", "Senator", "Commissioner",
])
def test_every_english_title_head_passes_the_cheap_first_look(title: str) -> None:
    assert officials(f"They met {title} Ivan Petrovsky in Minsk.") == [("Ivan Petrovsky", "Russia")]


@pytest.mark.parametrize("text", [
    "A delegation of the Chinese navy led by its commander, Vice Admiral Zhao Longhai, arrived in Murmansk on"
    " Monday, June 3, 2024.\n\nOn Tuesday Admiral Pavel Sorokin, commander of the Northern Fleet, met the"
    " Chinese guest at the fleet's headquarters.",
    "3 июня 2024 года в Мурманск прибыла делегация ВМС Китая во главе с командующим вице-адмиралом Чжао"
    " Лунхаем.\n\nВо вторник состоялась встреча командующего Северным флотом адмирала Павла Сорокина и"
    " руководителя китайской делегации.",
])
def test_a_side_named_only_by_a_phrase_is_the_official_the_article_titled(text: str) -> None:
    """"the Chinese guest", "руководителя китайской делегации": the article's main figure on that side, even one
    the knowledge base does not list, whom a title made an official earlier in the article."""
    result = extract(text, published=dt.date(2024, 6, 5), knowledge=KB)
    assert [sorted(p.name for p in m.participants) for m in result.meetings] == [["Pavel Sorokin", "Zhao Longhai"]]


@pytest.mark.parametrize(("text", "expected"), [
    ("On Friday the envoy held talks with the governor of Jilin, Gao Weimin, on trade.", ("Gao Weimin", "China")),
    ("Russia's ambassador to China, Anton Belkin, said the visit went well.", ("Anton Belkin", "Russia")),
])
def test_a_name_in_apposition_after_its_title_is_an_official(text: str, expected: tuple[str, str]) -> None:
    assert officials(text) == [expected]


@pytest.mark.parametrize("text", [
    "The governor of Jilin, Harbin and Dalian officials came.", "The mayor of Harbin, Shenyang and Dalian came.",
])
def test_places_after_a_title_and_a_comma_are_no_name(text: str) -> None:
    assert officials(text) == []


@pytest.mark.parametrize(("written", "expected"), [
    ("А.В. Сорокиным", "A.V. Sorokin"), ("Д. Вострецовым", "D. Vostretsov"), ("Ю.А. Трутнева", "Yu.A. Trutnev"),
])
def test_a_surname_after_initials_goes_back_to_the_nominative_and_keeps_its_initials(written: str,
                                                                                     expected: str) -> None:
    assert transliterate(nominative(written, case_of="губернатором")) == expected


def test_a_headline_naming_a_stranger_by_initials_reports_the_same_meeting_as_the_body() -> None:
    text = ("Посол Гао Вэйминь встретился с губернатором Амурской области А.В. Сорокиным\n\n"
            "3 июня 2024 года в Благовещенске прошла встреча посла КНР в России Гао Вэйминя с губернатором"
            " Амурской области Андреем Сорокиным.")
    result = extract(text, published=dt.date(2024, 6, 5), knowledge=KB)
    assert [(sorted(p.name for p in m.participants), m.date.iso() if m.date else None)
            for m in result.meetings] == [(["Andrei Sorokin", "Gao Weimin"], "2024-06-03")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Заместитель министра иностранных дел Китая Лэ Вэйминь провел встречу.", ("Le Weimin", "China")),
    ("Секретарь парткома провинции Цзилинь Цзин Цзюньхай посетил порт.", ("Jing Junhai", "China")),
])
def test_rarer_chinese_family_names_are_read_as_chinese(text: str, expected: tuple[str, str]) -> None:
    assert officials(text) == [expected]


@pytest.mark.parametrize(("written", "role"), [
    ("заместителем председателя правительства", "заместитель председателя правительства"),
    ("командующим Северным флотом адмиралом", "командующий Северным флотом адмирал"),  # a participle heads it
    ("управляющим делами президента", "управляющий делами президента"),
    ("командующим ВМС НОАК вице-адмиралом", "командующий ВМС НОАК вице-адмирал"),
])
def test_a_russian_title_reads_in_the_nominative_with_its_complement_as_written(written: str, role: str) -> None:
    assert title_nominative(written) == role


@pytest.mark.parametrize(("text", "expected"), [
    ("Agriculture Minister Dmitry Patrushev met Chinese Ambassador Zhang Hanhui in Moscow on Tuesday.",
     ["Dmitry Patrushev", "Zhang Hanhui"]),
    ("Министр сельского хозяйства Дмитрий Патрушев провёл встречу с послом КНР Чжан Ханьхуэем во вторник.",
     ["Dmitry Patrushev", "Zhang Hanhui"]),
    # the person the knowledge base lists, by their own first name or their family name alone
    ("Nikolai Patrushev met Wang Yi in Beijing on Tuesday.", ["Nikolai Patrushev", "Wang Yi"]),
    ("Николай Патрушев встретился с Ван И в Пекине во вторник.", ["Nikolai Patrushev", "Wang Yi"]),
    ("Secretary Patrushev met Wang Yi in Beijing on Tuesday.", ["Nikolai Patrushev", "Wang Yi"]),
])
def test_a_listed_family_name_after_another_first_name_is_someone_else(text: str, expected: list[str]) -> None:
    """Father and son, namesakes: the knowledge base's alias "Patrushev" is Nikolai, and "Dmitry Patrushev"
    is not him but an official of his own, found by his title."""
    [meeting] = extract(text, published=dt.date(2024, 3, 7), knowledge=KB).meetings
    assert [p.name for p in meeting.participants] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ('Генеральный директор "Росатома" Алексей Лихачев встретился в Пекине с руководителем Агентства по атомной '
     'энергии Китая Чжан Кэцзянем.', ["Alexei Likhachev", "Zhang Kejian"]),
    ("Глава «Роснефти» Игорь Сечин провел переговоры с председателем CNPC Дай Хоуляном в Пекине.",
     ["Igor Sechin", "Dai Houliang"]),
])
def test_a_company_named_in_quotation_marks_keeps_its_title(text: str, expected: list[str]) -> None:
    """Russian writes a company's name in quotation marks inside a title; the marks must not cut the title
    off its holder's name."""
    [meeting] = extract(text, published=dt.date(2023, 5, 25), knowledge=KB).meetings
    assert sorted(p.name for p in meeting.participants) == sorted(expected)


def test_an_official_titled_once_is_known_by_full_name_in_later_sentences() -> None:
    text = ("Liaoning delegation in Vladivostok\n\nFrom October 17 to 19, Gao Weimin, Secretary of the Liaoning "
            "Provincial Party Committee, led a delegation to Russia. Gao Weimin held a video conference with "
            "Primorye Governor Yuri Kalinin.")
    [call] = extract(text, published=dt.date(2023, 10, 20)).meetings
    assert call.kind == "call"
    assert {(p.name, p.country) for p in call.participants} == {("Gao Weimin", "China"), ("Yuri Kalinin", "Russia")}
