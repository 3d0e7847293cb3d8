"""People, role phrases by date, outsiders, meeting triggers and the ties between topics and meetings."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import extract
from extraction.people import find_people
from extraction.topics import find_topics
from extraction.triggers import find_trigger
from knowledge import default_knowledge

KB = default_knowledge()


def names(text: str, on: dt.date, **kw: object) -> list[str]:
    return [h.participant.name for h in find_people(text, KB, on, **kw)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        ("Russia's security chief met", dt.date(2019, 12, 4), "Nikolai Patrushev"),
        ("Russia's security chief met", dt.date(2026, 2, 1), "Sergei Shoigu"),
        ("China's top diplomat said", dt.date(2026, 2, 1), "Wang Yi"),
        ("China's top diplomat said", dt.date(2019, 12, 4), "Yang Jiechi"),
        ("the Russian leader said", dt.date(2023, 2, 22), "Vladimir Putin"),
        ("The Head of State stressed", dt.date(2023, 2, 22), "Vladimir Putin"),
        ("Russian Foreign Minister said", dt.date(2023, 2, 22), "Sergei Lavrov"),
    ],
)
def test_role_phrases_resolve_to_whoever_held_the_office_that_day(text: str, on: dt.date, expected: str) -> None:
    assert names(text, on) == [expected]


UNDATED_VISIT = ("Chinese Defence Minister Wei Fenghe arrived in Moscow for a three-day visit.\n\n"
                 "China's defence minister held talks with Russian Defence Minister Sergei Shoigu on Tuesday.")


def test_an_article_without_a_day_of_its_own_reads_a_role_phrase_as_the_holder_it_names() -> None:
    [meeting] = extract(UNDATED_VISIT, today=dt.date(2026, 5, 1)).meetings
    assert {p.name for p in meeting.participants} == {"Wei Fenghe", "Sergei Shoigu"}


def test_a_dated_article_still_reads_a_role_phrase_as_that_days_holder() -> None:
    text = "China's defence minister held talks with Russian Defence Minister Andrei Belousov on Tuesday."
    [meeting] = extract(text, published=dt.date(2025, 4, 3)).meetings
    assert "Dong Jun" in {p.name for p in meeting.participants}


def test_a_role_phrase_beside_a_name_describes_that_name() -> None:
    assert names("Shoigu, who previously served as Russia's defence minister, met", dt.date(2025, 1, 1)) == [
        "Sergei Shoigu"]


def test_a_titled_stranger_is_a_participant_without_an_id() -> None:
    hits = find_people("Chinese Vice Premier Zhou Mingyuan met Russian President Vladimir Putin",
                       KB, dt.date(2025, 1, 1))
    stranger = next(h.participant for h in hits if h.participant.person_id is None)
    assert (stranger.name, stranger.role, stranger.country) == ("Zhou Mingyuan", "Vice Premier", "China")


def test_mr_with_a_surname_is_the_person_named_in_the_article() -> None:
    assert names("Mr Wang told Mr Shoigu", dt.date(2026, 2, 1), context=frozenset({"wang_yi", "shoigu"})) == [
        "Wang Yi", "Sergei Shoigu"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Wang Yi met Sergei Shoigu in Beijing.", "meeting"),
        ("Putin held talks with Xi.", "meeting"),
        ("Lavrov received Wang Yi.", "meeting"),
        ("Putin held a telephone conversation with Xi.", "call"),
        ("Putin and Xi spoke by phone.", "call"),
        ("The meeting, scheduled for Tuesday, will see Wang Yi engage with Shoigu.", "planned"),
        ("Shoigu is expected to visit Beijing.", "planned"),
        ("Лавров провёл переговоры с Ван И.", "meeting"),
        ("Governor Ivanov discussed border crossings with Party Secretary Li Wei.", "meeting"),
        ("Губернатор Иванов обсудил с секретарем парткома Ли Вэем пункты пропуска.", "meeting"),
        ("Беседа губернатора с секретарем парткома прошла в мэрии.", "meeting"),
        ("Разговор у главы края состоялся с секретарем парткома.", "meeting"),
        ("Губернатор обсудит с секретарем парткома пункты пропуска на следующей неделе.", "planned"),
    ],
)
def test_trigger_words_give_the_kind_of_event(text: str, kind: str) -> None:
    trigger = find_trigger(text)
    assert trigger is not None
    assert trigger.kind == kind


@pytest.mark.parametrize("text", ["The plan fully meets the interests of both states.", "Trade grew by 20%."])
def test_no_trigger_where_no_event_is_reported(text: str) -> None:
    assert find_trigger(text) is None


def test_a_governor_who_discussed_matters_with_a_chinese_official_met_him() -> None:
    text = ("Губернатор Амурской области Игорь Волков обсудил с заместителем губернатора провинции Хэйлунцзян "
            "Чжан Лином строительство моста.")
    [meeting] = extract(text, published=dt.date(2024, 3, 5)).meetings
    assert {p.name for p in meeting.participants} == {"Igor Volkov", "Zhang Ling"}
    assert meeting.agenda == ("строительство моста",)


@pytest.mark.parametrize(
    "quote",
    [
        "said Sergey Lukonin, head of the China sector at the IMEMO RAS",
        "said political analyst Viktor Pirozhenko",
        "experts say",
    ],
)
def test_analysts_and_spokespeople_are_not_participants_and_not_evidence(quote: str) -> None:
    text = (f"Wang Yi met Sergei Lavrov in Moscow on March 3, 2025. Lavrov raised Taiwan at the talks.\n\n"
            f"Putin met Xi Jinping and discussed Ukraine, {quote}.")
    extraction = extract(text, published=dt.date(2025, 3, 4))
    assert [sorted(p.name for p in m.participants) for m in extraction.meetings] == [["Sergei Lavrov", "Wang Yi"]]
    assert [t.name for t in extraction.meetings[0].topics] == ["Taiwan"]


def test_a_spokesperson_announcing_a_meeting_reports_it_but_is_not_at_it() -> None:
    text = ("Chinese Vice Premier Ding Xuexiang will meet Vladimir Putin on Thursday, Foreign Ministry spokesperson "
            "Guo Jiakun announced on Tuesday. Putin met Xi Jinping, said Kremlin spokesman Dmitry Peskov.")
    extraction = extract(text, published=dt.date(2025, 6, 17))
    assert [sorted(p.name for p in m.participants) for m in extraction.meetings] == [
        ["Ding Xuexiang", "Vladimir Putin"], ["Vladimir Putin", "Xi Jinping"]]
    assert extraction.meetings[0].kind == "planned"


@pytest.mark.parametrize("connector", [
    "a day after he held talks with", "hours before he met", "ahead of talks with", "following his meeting with",
])
def test_a_meeting_the_same_sentence_places_before_or_after_adds_nobody_to_this_one(connector: str) -> None:
    text = (f"Chinese Premier Li Qiang met Russian President Vladimir Putin in the Kremlin on Wednesday, {connector} "
            "Prime Minister Mikhail Mishustin.")
    [meeting] = extract(text, published=dt.date(2024, 8, 21)).meetings
    assert sorted(p.name for p in meeting.participants) == ["Li Qiang", "Vladimir Putin"]


def test_people_after_after_are_still_parties_when_the_meeting_needs_them() -> None:
    text = "After long delays, Putin finally met after lunch with Chinese Premier Li Qiang in Moscow on Wednesday."
    [meeting] = extract(text, published=dt.date(2024, 8, 21)).meetings
    assert sorted(p.name for p in meeting.participants) == ["Li Qiang", "Vladimir Putin"]


def test_topics_are_tied_to_the_meeting_they_are_discussed_at() -> None:
    text = ("On Monday, Sergei Lavrov held talks with Wang Yi in Moscow. The parties discussed Taiwan.\n\n"
            "A day earlier, Wang Yi met Nikolai Patrushev. He said the sides discussed Xinjiang.\n\n"
            "Separately, Japan held elections in September.")
    extraction = extract(text, published=dt.date(2023, 2, 22))
    by_people = {frozenset(p.name for p in m.participants): m for m in extraction.meetings}
    lavrov = by_people[frozenset({"Sergei Lavrov", "Wang Yi"})]
    patrushev = by_people[frozenset({"Nikolai Patrushev", "Wang Yi"})]
    assert [t.name for t in lavrov.topics] == ["Taiwan"]
    assert [t.name for t in patrushev.topics] == ["Xinjiang"]
    assert patrushev.date is not None
    assert patrushev.date.iso() == "2023-02-19"
    assert all(t.quote in extraction.sentences for m in extraction.meetings for t in m.topics)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("issues of international and regional security", ["international security", "regional security"]),
        ("the results of the Second World War", ["World War II"]),
        ("Military—technical cooperation", ["military-technical cooperation"]),
        ("the UN Security Council", ["UN Security Council"]),
        ("ситуация вокруг Тайваня", ["Taiwan"]),
        ("let us start", []),
    ],
)
def test_topic_synonyms_map_to_readable_names(text: str, expected: list[str]) -> None:
    assert find_topics(text, KB) == expected


def test_the_forum_a_meeting_is_held_at_lends_the_city_the_article_gave_it() -> None:
    text = ("Chinese Vice Premier Ding Xuexiang will attend the St. Petersburg International Economic Forum this week. "
            "On the sidelines of the forum, Chinese Commerce Minister Wang Wentao will meet Russian Economic "
            "Development Minister Maxim Reshetnikov on Wednesday.")
    [meeting] = extract(text, published=dt.date(2025, 6, 17)).meetings
    assert meeting.place == "Saint Petersburg"
    assert meeting.place_quote.startswith("Chinese Vice Premier Ding Xuexiang will attend")


def test_a_session_named_before_in_russian_lends_its_city_to_the_meeting_held_before_it() -> None:
    text = ("Рабочая группа обсудит торговлю и логистику.\n\n"
            "Сегодня в Иркутске проходит заседание межрегиональной рабочей группы.\n\n"
            "«Повестка насыщенная», — отметил губернатор.\n\n"
            "Перед заседанием состоялась встреча губернатора Иркутской области Игоря Кобзева и секретаря "
            "парткома провинции Цзилинь Хуан Цяна.")
    [meeting] = extract(text, published=dt.date(2025, 6, 17)).meetings
    assert meeting.place == "Irkutsk"
    assert meeting.place_quote.startswith("Сегодня в Иркутске")


def test_a_forum_the_article_never_placed_places_nothing() -> None:
    text = ("Chinese Commerce Minister Wang Wentao will meet Russian Economic Development Minister Maxim "
            "Reshetnikov at the forum on Wednesday.")
    [meeting] = extract(text, published=dt.date(2025, 6, 17)).meetings
    assert meeting.place is None


TRANSCRIPT = ("Meeting with Wang Yi\n\nApril 1, 2025\n\nThe Kremlin, Moscow\n\n"
              "Vladimir Putin met with Minister of Foreign Affairs of China Wang Yi.\n\n* * *\n\n"
              "President of Russia Vladimir Putin: Mr Wang Yi, friends,\n\n"
              "Please convey my best wishes to President Xi Jinping. Trade between our countries is growing "
              "despite the sanctions.\n\n"
              "Minister of Foreign Affairs of China Wang Yi (retranslated): Mr President,\n\n"
              "China supports dialogue on the Ukraine crisis.\n")


def test_what_participants_say_in_a_transcript_belongs_to_their_meeting() -> None:
    [meeting] = extract(TRANSCRIPT, today=dt.date(2026, 11, 23)).meetings
    assert {t.name for t in meeting.topics} >= {"trade", "sanctions", "Ukraine"}
    assert [p.name for p in meeting.participants] == ["Vladimir Putin", "Wang Yi"]  # Xi was only spoken of


def test_a_speaker_who_is_at_no_meeting_lends_nothing_to_one() -> None:
    text = TRANSCRIPT.replace("President of Russia Vladimir Putin: Mr Wang Yi, friends,",
                              "Analyst Alexander Gabuev: Look at the numbers,").replace(
        "Minister of Foreign Affairs of China Wang Yi (retranslated): Mr President,\n\n", "")
    [meeting] = extract(text, today=dt.date(2026, 11, 23)).meetings
    assert not {t.name for t in meeting.topics} & {"trade", "sanctions", "Ukraine"}


@pytest.mark.parametrize("who", ["The leaders", "The presidents", "The two heads of state", "The premiers"])
def test_the_leaders_of_a_meeting_reported_before_discuss_its_topics(who: str) -> None:
    text = ("Telephone conversation with President of China Xi Jinping\n\nJanuary 21, 2025\n\n16:20\n\n"
            "Vladimir Putin had a conversation, via videoconference, with President of the People's Republic of "
            f"China Xi Jinping.\n\n{who} discussed the situation in Ukraine.\n")
    [call] = extract(text, today=dt.date(2026, 11, 23)).meetings
    assert call.kind == "call"
    assert [t.name for t in call.topics] == ["Ukraine"]


def test_he_after_an_opening_phrase_is_the_person_the_sentence_before_named() -> None:
    text = ("On Monday, Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Beijing. "
            "On Tuesday, he held talks with Chinese Vice President Han Zheng on trade.")
    meetings = extract(text, published=dt.date(2025, 4, 2)).meetings
    assert [sorted(p.name for p in m.participants) for m in meetings] == [
        ["Sergei Lavrov", "Wang Yi"], ["Han Zheng", "Sergei Lavrov"]]
    assert meetings[1].date is not None
    assert meetings[1].date.iso() == "2025-04-01"


def test_a_call_has_no_place_even_beside_a_city_of_another_meeting() -> None:
    text = ("MOSCOW, Feb 28 (Reuters) - Russian President Vladimir Putin and Chinese President Xi Jinping, who last "
            "met in Kazan in October, spoke by phone on Friday and discussed Ukraine.")
    calls = [m for m in extract(text, published=dt.date(2025, 2, 28)).meetings if m.kind == "call"]
    assert [(c.date.iso() if c.date else None, c.place) for c in calls] == [("2025-02-28", None)]


@pytest.mark.parametrize("text", [
    "Russian President Vladimir Putin did not meet Chinese President Xi Jinping during the G20 summit.",
    "No Putin-Xi meeting took place: Chinese President Xi Jinping never met Vladimir Putin in Rio.",
    "Владимир Путин не встретился с Си Цзиньпином.",
])
def test_a_meeting_the_sentence_denies_is_no_meeting(text: str) -> None:
    assert extract(text, published=dt.date(2024, 11, 19)).meetings == ()


def test_a_denied_clause_does_not_hide_the_meeting_after_it_nor_lend_it_people() -> None:
    text = ("Russian President Vladimir Putin, who has not met Xi Jinping since May, held talks with Chinese "
            "Premier Li Qiang in the Kremlin on Wednesday.")
    [talks] = extract(text, published=dt.date(2024, 8, 21)).meetings
    assert sorted(p.name for p in talks.participants) == ["Li Qiang", "Vladimir Putin"]
    assert (talks.date.iso() if talks.date else None, talks.place) == ("2024-08-21", "Moscow")


def test_a_wire_dateline_gives_way_to_the_day_the_sentence_names() -> None:
    text = ("BEIJING, May 14 (Reuters) - Chinese President Xi Jinping will hold talks with Russian President "
            "Vladimir Putin, who arrives in Beijing on Thursday for a state visit, the ministry said on Tuesday.")
    [planned] = extract(text, published=dt.date(2024, 5, 14)).meetings
    assert planned.date is not None
    assert planned.date.iso() == "2024-05-16"
    undated = extract("MOSCOW, Feb 18 (Reuters) - Sergei Shoigu met Wang Yi in Moscow, the ministry said.",
                      published=dt.date(2025, 2, 18)).meetings[0]
    assert undated.date is not None
    assert undated.date.iso() == "2025-02-18"  # the dateline's day, when the sentence gives none


@pytest.mark.parametrize("opening", ["They", "The two leaders", "Both leaders"])
def test_they_after_a_meeting_are_its_people_meeting_again(opening: str) -> None:
    text = ("Chinese President Xi Jinping held talks with Russian President Vladimir Putin in Moscow on Monday. "
            f"{opening} last met in Samarkand in September 2022, on the sidelines of the SCO summit.")
    meetings = extract(text, published=dt.date(2023, 3, 20)).meetings
    assert [(m.date.iso() if m.date else None, m.place) for m in meetings] == [
        ("2023-03-20", "Moscow"), ("2022-09", "Samarkand")]
    assert all(sorted(p.name for p in m.participants) == ["Vladimir Putin", "Xi Jinping"] for m in meetings)


def test_they_without_a_meeting_before_names_nobody() -> None:
    text = "Analysts expect more contacts. They met in Samarkand in September 2022, a diplomat recalled."
    assert extract(text, published=dt.date(2023, 3, 20)).meetings == ()


@pytest.mark.parametrize(("text", "expected"), [
    ("Russian Foreign Minister Sergei Lavrov met his Chinese counterpart in Beijing on Monday.", "Wang Yi"),
    ("Chinese Defence Minister Dong Jun held talks with his Russian counterpart in Qingdao on Monday.",
     "Andrei Belousov"),
    ("Russian Prime Minister Mikhail Mishustin met his Chinese counterpart in Moscow on Monday.", "Li Qiang"),
])
def test_a_counterpart_is_whoever_held_the_same_office_on_the_other_side(text: str, expected: str) -> None:
    [meeting] = extract(text + " Xi Jinping and Vladimir Putin sent greetings.", published=dt.date(2025, 4, 7)).meetings
    assert expected in [p.name for p in meeting.participants]
    assert len(meeting.participants) == 2


@pytest.mark.parametrize("tail", ["Lavrov recalled", "according to Sergei Lavrov", "Russian Foreign Minister "
                                  "Sergei Lavrov told reporters"])
def test_who_tells_of_a_meeting_at_the_end_of_the_sentence_was_not_at_it(tail: str) -> None:
    text = f"Putin hosted Xi Jinping at his residence outside Moscow in March, {tail}."
    [meeting] = extract(text, published=dt.date(2024, 4, 8)).meetings
    assert sorted(p.name for p in meeting.participants) == ["Vladimir Putin", "Xi Jinping"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Глава МИД России встретился с китайским коллегой в Пекине во вторник.", ["Sergei Lavrov", "Wang Yi"]),
    ("Министр обороны Китая Дун Цзюнь провел переговоры с российским коллегой в Циндао.",
     ["Andrei Belousov", "Dong Jun"]),
])
def test_a_russian_colleague_from_the_other_side_is_the_counterpart(text: str, expected: list[str]) -> None:
    [meeting] = extract(text, published=dt.date(2024, 12, 3)).meetings
    assert sorted(p.name for p in meeting.participants) == expected


def test_a_planned_trip_abroad_does_not_take_the_city_the_story_was_filed_from() -> None:
    text = ("MOSCOW, Nov 1 (TASS) - Russian Prime Minister Mikhail Mishustin will pay an official visit to China on "
            "November 3-4, where he will hold talks with Premier of the State Council Li Qiang.")
    [planned] = extract(text, published=dt.date(2025, 11, 1)).meetings
    assert (planned.kind, planned.place) == ("planned", "China")  # the country it goes to, not Moscow
