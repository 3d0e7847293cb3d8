"""Places beyond the knowledge base's list, and venues stated away from the meeting's own sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import extract
from extraction.gazetteer import city, country, russian_forms
from extraction.places import dateline_place, find_countries, find_places
from knowledge import default_knowledge


def _places(text: str) -> list[str]:
    return [hit.name for hit in find_places(text, default_knowledge())]


def _place(text: str, published: dt.date) -> str | None:
    [meeting] = extract(text, published=published).meetings
    return meeting.place


@pytest.mark.parametrize(("text", "expected"), [
    ("The two defence ministers held talks in Lanzhou on Friday.", ["Lanzhou"]),
    ("The delegation arrived in Irkutsk late on Sunday.", ["Irkutsk"]),
    ("Talks were held in northeastern China's Mudanjiang.", ["Mudanjiang"]),
    ("Переговоры прошли в Иркутске в пятницу.", ["Irkutsk"]),
    ("Делегация прибыла в Нанкин, а затем во Владивосток.", ["Nanjing", "Vladivostok"]),
    ("Встреча состоялась в городе Чита.", ["Chita"]),
    ("Министры встретились в Казани и в Пекине.", ["Kazan", "Beijing"]),
    ("Xi received him at the Great Hall of the People.", ["Beijing"]),  # the knowledge base's venues stay
    ("Putin received him at his Novo-Ogaryovo residence.", ["Moscow"]),
    ("Переговоры прошли в МИД России.", ["Moscow"]),
    ("Делегация посетит Нанкин и Чанчунь.", ["Nanjing", "Changchun"]),
    ("Делегация прибыла в китайский город Чанчунь.", ["Changchun"]),
    ("Встречи пройдут в столице Китая Пекине.", ["Beijing"]),
    ("Переговоры прошли в администрации г. Маньчжурия.", ["Manzhouli"]),
    ("Переговоры прошли 5 мая, г. Маньчжурия.", ["Manzhouli"]),
    ("Он встретился с губернатором в ходе посещения Иркутска.", ["Irkutsk"]),
    ("They went to Lanzhou, Nanjing and Irkutsk.", ["Lanzhou", "Nanjing", "Irkutsk"]),
    ("The governor visited Lanzhou last spring.", ["Lanzhou"]),
    ("In Lanzhou, the governor met the mayor.", ["Lanzhou"]),  # a cue opening the sentence
    ("В Иркутске Си Цзиньпин провел переговоры.", ["Irkutsk"]),
    ("Губернаторы встретились в мэрии Иркутска.", ["Irkutsk"]),  # a venue of the city, the city in the genitive
    ("Переговоры прошли в зале гостиницы «Дружба» Нанкина.", ["Nanjing"]),
])
def test_a_city_outside_the_knowledge_base_is_found_in_any_case_form(text: str, expected: list[str]) -> None:
    assert _places(text) == expected


@pytest.mark.parametrize("text", [
    "The talks went well in Reading the mood of the markets.",
    "Analysts in Nice words praised the deal, and the offer came in Mobile form.",
    "Об этом сообщили в Советском районе и в Союзе журналистов.",
    "He came at Vladimir Putin's invitation.",  # Vladimir is a city, and here a first name
    "The Russian Foreign Ministry said so in a statement.",  # a ministry is a venue only after "at", "в"
    "Это было в центре внимания Пекина и Москвы.",  # a venue word, but not a venue of the city
    "Он принял делегацию г. Маньчжурия.",  # where the delegation comes from, not where it was received
    "Адмирал поделился впечатлениями о посещении Иркутска.",  # what a visit was about, not where one is
    "Прошли переговоры с делегацией Народного правительства города Хэйхэ.",
])
def test_a_common_word_that_also_names_a_small_city_is_no_place(text: str) -> None:
    assert _places(text) == []


def test_russian_spellings_of_the_usual_cities_are_in_the_gazetteer() -> None:
    wanted = {"Пекин": "Beijing", "Харбин": "Harbin", "Владивосток": "Vladivostok", "Шанхай": "Shanghai",
              "Санкт-Петербург": "Saint Petersburg", "Хабаровск": "Khabarovsk", "Благовещенск": "Blagoveshchensk",
              "Урумчи": "Urumqi"}
    for spelling, name in wanted.items():
        assert city(spelling).name == name
        assert all(city(form).name == name for form in russian_forms(spelling))


def test_russian_case_forms_follow_the_nominative_ending() -> None:
    assert russian_forms("Казань") >= {"Казани"}
    assert russian_forms("Москва") >= {"Москве", "Москву", "Москвы"}
    assert russian_forms("Шанхай") >= {"Шанхае", "Шанхая"}
    assert russian_forms("Сочи") == {"Сочи"}
    assert russian_forms("Санкт-Петербург") >= {"Санкт-Петербурге"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Wang Yi heads to Russia for talks.", ["Russia"]),
    ("He stayed in the United States for a week.", ["United States"]),
    ("Министр прибыл в Китай, а потом в Россию.", ["China", "Russia"]),
    ("A visit to Сhina, typed with a Cyrillic letter.", ["China"]),
])
def test_countries_are_found_in_english_and_russian(text: str, expected: list[str]) -> None:
    assert [h.name for h in find_countries(text)] == expected
    assert country("Китае").name == "China"


def test_a_meeting_with_no_city_takes_the_country_the_visit_goes_to() -> None:
    en = ("Chinese Foreign Minister Wang Yi set off on a trip to Russia on Monday. On Tuesday, he held talks with "
          "Russian Foreign Minister Sergei Lavrov.")
    assert _place(en, dt.date(2023, 9, 20)) == "Russia"
    ru = ("Глава МИД России Сергей Лавров отправится с визитом в Китай, где 5 мая проведет переговоры "
          "с министром иностранных дел КНР Ван И.")
    assert _place(ru, dt.date(2024, 5, 1)) == "China"


def test_a_country_the_talks_were_about_is_not_their_place() -> None:
    text = "Sergei Lavrov met Wang Yi on Monday to discuss the security situation in Afghanistan."
    assert _place(text, dt.date(2021, 7, 15)) is None


def test_a_visits_city_carries_to_the_meetings_of_that_visit() -> None:
    en = ("Russian Foreign Minister Sergei Lavrov arrived in Lanzhou on Monday for a three-day visit. "
          "Officials said the weather was fine. On Tuesday, he held talks with Chinese Foreign Minister Wang Yi.")
    assert _place(en, dt.date(2022, 4, 13)) == "Lanzhou"
    ru = ("Министр иностранных дел России Сергей Лавров прибыл в Иркутск 10 июня. "
          "Погода была ясной. Он провел переговоры 11 июня с министром иностранных дел КНР Ван И.")
    assert _place(ru, dt.date(2022, 6, 12)) == "Irkutsk"


def test_a_visit_months_away_lends_no_city() -> None:
    text = ("Russian Foreign Minister Sergei Lavrov visited Lanzhou on March 2.\n\n"
            "On July 9, he held talks with Chinese Foreign Minister Wang Yi.")
    assert _place(text, dt.date(2022, 7, 10)) is None


def test_a_call_during_a_visit_has_no_place() -> None:
    text = ("Russian Foreign Minister Sergei Lavrov arrived in Irkutsk on Monday. On Tuesday, he spoke by phone with "
            "Chinese Foreign Minister Wang Yi.")
    assert _place(text, dt.date(2022, 4, 13)) is None


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Vladimir Putin met Xi Jinping on the sidelines of the SCO summit on Saturday.", dt.date(2018, 6, 10), "Qingdao"),
    ("Vladimir Putin met Xi Jinping on the sidelines of the SCO summit on Thursday.", dt.date(2022, 9, 16),
     "Samarkand"),
    ("Владимир Путин встретился с Си Цзиньпином на полях саммита БРИКС в четверг.", dt.date(2017, 9, 8), "Xiamen"),
    ("Владимир Путин провел встречу с Ли Цяном на полях ВЭФ во вторник.", dt.date(2024, 9, 5), "Vladivostok"),
])
def test_a_meeting_at_a_summit_takes_the_host_city_of_that_year(text: str, published: dt.date, expected: str) -> None:
    assert _place(text, published) == expected


def test_a_summit_of_a_year_with_no_known_host_lends_no_city() -> None:
    text = "Vladimir Putin met Xi Jinping on the sidelines of the SCO summit on Saturday."
    assert _place(text, dt.date(1999, 6, 10)) is None


@pytest.mark.parametrize(("line", "expected"), [
    ("Beijing, March 5 (Xinhua) -- Chinese officials said", "Beijing"),
    ("Lanzhou, April 2 (Xinhua) -- Officials said", "Lanzhou"),
    ("МОСКВА, 12 мая /ТАСС/. Официальные лица", "Moscow"),
    ("Москва, 12 мая. /ТАСС/. Официальные лица", "Moscow"),
    ("Иркутск, 12 мая /ТАСС/. Официальные лица", "Irkutsk"),
])
def test_a_dateline_names_the_city_a_story_was_filed_from(line: str, expected: str) -> None:
    assert dateline_place([line], default_knowledge()) == expected


def test_a_title_case_dateline_places_a_meeting_of_that_day() -> None:
    text = ("Lanzhou, April 2 (Xinhua) -- Chinese Foreign Minister Wang Yi held talks with Russian Foreign Minister "
            "Sergei Lavrov on Tuesday.")
    assert _place(text, dt.date(2024, 4, 2)) == "Lanzhou"


def test_a_stated_venue_outranks_the_dateline() -> None:
    text = ("MOSCOW, April 2 (TASS) - Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi "
            "in Vientiane on Tuesday.")
    assert _place(text, dt.date(2024, 4, 2)) == "Vientiane"


def test_a_stated_country_outranks_the_dateline_for_a_meeting_days_before() -> None:
    text = ("IRKUTSK, April 4 (Reuters) - Russian Foreign Minister Sergei Lavrov is on an official trip to China. "
            "He already met Chinese Foreign Minister Wang Yi on Monday.")
    assert _place(text, dt.date(2024, 4, 4)) == "China"


@pytest.mark.parametrize(("spelling", "expected"), [
    ("Нью-Йорке", "New York"), ("Улан-Баторе", "Ulaanbaatar"), ("Урумчи", "Urumqi"), ("Алма-Ате", "Almaty"),
    ("Суйфэньхэ", "Suifenhe"), ("Нижнем Новгороде", "Nizhny Novgorod"),
])
def test_a_place_is_named_in_english_as_the_knowledge_base_prefers(spelling: str, expected: str) -> None:
    assert _places(f"Переговоры прошли в {spelling}.") == [expected]


def test_a_readout_stamp_names_a_city_outside_the_knowledge_base() -> None:
    text = ("Meeting with Chinese Foreign Minister Wang Yi\n\nApril 1, 2025\n\n17:30\n\nIrkutsk\n\n"
            "Vladimir Putin met with Chinese Foreign Minister Wang Yi.")
    assert _place(text, dt.date(2025, 4, 1)) == "Irkutsk"


def test_a_datelines_own_day_places_its_meeting_when_the_page_states_no_date() -> None:
    text = ("ИРКУТСК, 15 декабря. /ТАСС/. Министр иностранных дел России Сергей Лавров провел 15 декабря "
            "переговоры с министром иностранных дел КНР Ван И.")
    [meeting] = extract(text, today=dt.date(2025, 12, 20)).meetings
    assert meeting.place == "Irkutsk"


@pytest.mark.parametrize("text", [
    ("The delegation is staying in Lanzhou on November 24-26.\n\nOn November 25, Chinese President Xi Jinping "
     "received Russian Foreign Minister Sergei Lavrov."),
    ("Делегация находится в Иркутске 24-26 ноября.\n\nПредседатель КНР Си Цзиньпин 25 ноября принял министра "
     "иностранных дел России Сергея Лаврова."),
])
def test_the_articles_one_visit_that_names_nobody_places_a_meeting_of_its_days(text: str) -> None:
    assert _place(text, dt.date(2024, 11, 27)) in {"Lanzhou", "Irkutsk"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Li Qiang met Mishustin in the Chinese capital on Tuesday.", "Beijing"),
    ("Mishustin met Li Qiang in the Russian capital on Tuesday.", "Moscow"),
    ("Патрушев встретился с Ван И в китайской столице во вторник.", "Beijing"),
    ("Путин встретился с Си Цзиньпином в российской столице во вторник.", "Moscow"),
    ("Wang Yi met Lavrov on Tuesday on the margins of the UN General Assembly.", "New York"),
    ("Лавров встретился с Ван И на полях сессии Генассамблеи ООН во вторник.", "New York"),
])
def test_a_capital_or_a_forum_named_instead_of_its_city_gives_the_city(text: str, expected: str) -> None:
    assert [m.place for m in extract(text, published=dt.date(2024, 6, 12)).meetings] == [expected]


@pytest.mark.parametrize("text", [
    "KHABAROVSK, June 12 - Volodin arrived in Khabarovsk on Wednesday. Earlier in Beijing he was received by"
    " Xi Jinping, and the day before he held talks with Zhao Leji.",
    "ХАБАРОВСК, 12 июня. Володин в среду прибыл в Хабаровск. Ранее в Пекине Володина принял Си Цзиньпин,"
    " накануне состоялась встреча Володина с Чжао Лэцзи.",
])
def test_a_clause_with_no_place_is_where_the_sentence_set_the_scene_not_where_the_visit_went_next(text: str
                                                                                                   ) -> None:
    meetings = extract(text, published=dt.date(2024, 6, 12)).meetings
    assert {m.place for m in meetings if "Zhao Leji" in {p.name for p in m.participants}} == {"Beijing"}


def test_an_undated_meeting_of_a_trip_to_a_country_is_in_the_city_the_story_was_filed_from() -> None:
    text = ("Patrushev says security ties will deepen\n\n"
            "SHANGHAI (Sputnik - 12th June, 2024) Moscow and Beijing will deepen security cooperation, Patrushev"
            " said on Wednesday.\n\n"
            "Patrushev made his remarks during Russian-Chinese consultations on strategic stability, which are part"
            " of his official trip to China.\n\n"
            "Earlier, Chinese Foreign Minister Wang Yi told the consultations that the two sides had new goals.")
    assert [m.place for m in extract(text).meetings] == ["Shanghai"]


@pytest.mark.parametrize(("text", "place"), [
    ("BEIJING, May 4 (Xinhua) -- Chinese Defence Minister Dong Jun and Russian Defence Minister Andrei Belousov "
     "held talks on Sunday.\n\nThe talks took place in Qingdao, where the naval exercise opened.", "Qingdao"),
    ("МОСКВА, 4 мая. /ТАСС/. Министр обороны России Андрей Белоусов и министр обороны Китая Дун Цзюнь провели "
     "переговоры.\n\nВстреча состоялась в городе Циндао, где открылись учения.", "Qingdao"),
])
def test_a_sentence_telling_where_the_meeting_was_held_outweighs_the_dateline(text: str, place: str) -> None:
    [meeting] = extract(text, published=dt.date(2025, 5, 4)).meetings
    assert meeting.place == place

