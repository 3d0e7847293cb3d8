"""Topics and agendas as real articles word them: what analysts track, what only looks like a topic,
and which meeting a discussion belongs to. Every sentence here is our own, of a shape seen on real pages."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import extract
from extraction.agenda import MAX_CHARS, MAX_ITEMS, agenda_items
from extraction.topics import discussed_topics, find_topics
from extraction.types import Extraction, Meeting
from knowledge import default_knowledge

KB = default_knowledge()


def topics(text: str) -> list[str]:
    return find_topics(text, KB)


@pytest.mark.parametrize(("text", "expected"), [
    ("The sides discussed bilateral relations, law enforcement cooperation and counter-terrorism.",
     ["bilateral relations", "law enforcement and judicial cooperation", "terrorism"]),
    ("They reviewed the fight against COVID-19 and interparliamentary exchanges.",
     ["COVID-19", "interparliamentary cooperation"]),
    ("The premiers covered investment projects, oil pipelines and the nuclear power plant under construction.",
     ["investment", "energy", "nuclear energy"]),
    ("The two sides pledged to deepen strategic communication and work together on global governance.",
     ["strategic coordination", "global governance"]),
    ("Talks touched on the Northern Sea Route, grain exports and settlements in national currencies.",
     ["Arctic", "agriculture", "trade", "national currencies"]),
    ("The governor and the party secretary spoke about cross-border cooperation, tourism and student exchanges.",
     ["regional cooperation", "tourism", "education"]),
    ("Стороны обсудили двусторонние отношения, сотрудничество в правоохранительной сфере и борьбу с терроризмом.",
     ["bilateral relations", "law enforcement and judicial cooperation", "terrorism"]),
    ("Министры обменялись мнениями о ситуации на Корейском полуострове и в Афганистане.",
     ["Korean Peninsula", "Afghanistan"]),
    ("Речь шла об инвестициях, поставках газа, атомной энергетике и межпарламентских связях.",
     ["investment", "energy", "nuclear energy", "interparliamentary cooperation"]),
    ("Губернатор рассказал о развитии туризма, образования и приграничного сотрудничества с провинцией.",
     ["tourism", "education", "regional cooperation"]),
    ("Главы правительств обсудили пандемию коронавируса и расчеты в национальных валютах.",
     ["COVID-19", "national currencies"]),
])
def test_topics_analysts_track_are_found_in_english_and_russian(text: str, expected: list[str]) -> None:
    assert topics(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The sides discussed bilateral relations, high-level exchanges and international and regional issues.",
     ["bilateral relations", "high-level exchanges"]),
    ("The ministers exchanged views on Sino-Russian ties and contacts at the highest level.",
     ["bilateral relations", "high-level exchanges"]),
    ("Стороны обсудили состояние российско-китайских отношений и контакты на высшем уровне.",
     ["bilateral relations", "high-level exchanges"]),
    ("В ходе беседы затрагивались вопросы двусторонних отношений и торговли.", ["bilateral relations", "trade"]),
    ("Министры обсудили двусторонние отношения и международные и региональные вопросы.", ["bilateral relations"]),
    # a remark about the relationship is no report that it was discussed
    ("He said Sino-Russian ties and contacts at the highest level had never been better.", []),
    ("Курс на укрепление двусторонних отношений отвечает интересам обеих стран, отметил он.", []),
    ("Bilateral relations could break new ground this year, Wang told the Russian security chief.", []),
])
def test_the_relationship_itself_is_a_topic_where_it_was_discussed(text: str, expected: list[str]) -> None:
    """Real readouts say what was discussed in these words, and readers of them list the relationship among
    the topics, so it is one (listed after every other topic of a meeting, which tells more about it); but
    nearly every remark touches the relationship, so it counts only as the object of "discussed" and the
    like. "International and regional issues" names no subject at all: only the agenda keeps it."""
    assert topics(text) == expected
    if "regional issues" in text or "региональные вопросы" in text:
        assert any("regional" in item or "региональные" in item for item in agenda_items(text))


@pytest.mark.parametrize(("text", "not_meant"), [
    ("Their warships sailed through the Sea of Japan before the talks on trade.", "Japan"),
    ("Корабли двух стран прошли через Японское море к Владивостоку.", "Japan"),
    ("Учения прошли в Японском море.", "Japan"),
    ("The two sides reaffirmed their commitment to global strategic stability.", "nuclear arms control"),
    ("Стороны выступили за сохранение глобальной стратегической стабильности.", "nuclear arms control"),
    ("He visited a dairy farm in Inner Mongolia.", "Mongolia"),
    ("The Washington Post reported that the ministers discussed Taiwan.", "United States"),
    ("The deal is worth about 300 billion rubles (US $4 billion).", "United States"),
    ("Российская газета сообщила, что министры обсудили торговлю.", "Israel and Palestine"),
    ("Energy Minister Ivan Petrov met the vice premier to discuss the Arctic.", "energy"),
    ("Министр сельского хозяйства провела переговоры с коллегой из Китая о транспорте.", "agriculture"),
    ("Putin noted the anniversary of diplomatic relations between the two countries.", "bilateral relations"),
    ("The fleet crossed the Indian Ocean.", "India"),
])
def test_names_that_only_look_like_a_topic_do_not_make_it(text: str, not_meant: str) -> None:
    assert not_meant not in topics(text)


def test_strategic_stability_is_a_topic_of_its_own_and_arms_control_keeps_its_treaties() -> None:
    assert topics("They pledged to uphold global strategic stability.") == ["strategic stability"]
    assert topics("They discussed the New START treaty and nuclear warheads.") == ["nuclear arms control"]


def test_the_sea_of_japan_leaves_the_real_topics_of_the_sentence() -> None:
    assert topics("Near the Sea of Japan the ministers discussed trade and Taiwan.") == ["trade", "Taiwan"]
    assert topics("Japan's growing defence budget was discussed.") == ["Japan"]


def test_a_scene_set_around_the_talks_gives_no_topic() -> None:
    assert discussed_topics("The talks came as the US announced new tariffs on investment.", KB) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The ministers discussed bilateral relations, preparations for the SCO summit and the situation in Ukraine,"
     " the ministry said.", ["bilateral relations", "preparations for the SCO summit", "the situation in Ukraine"]),
    ("They exchanged views on the Korean Peninsula and agreed to stay in close contact.", ["the Korean Peninsula"]),
    ("Putin and Xi discussed trade and economic cooperation.", ["trade and economic cooperation"]),
    ("The talks focused on cross-border logistics and port infrastructure (including a new bridge).",
     ["cross-border logistics", "port infrastructure"]),
    ("Wang Yi discussed with his Russian counterpart the crisis in the Middle East.", ["crisis in the Middle East"]),
    ("Стороны обсудили двустороннее сотрудничество, а также ситуацию на Ближнем Востоке.",
     ["двустороннее сотрудничество", "ситуацию на Ближнем Востоке"]),
    ("Лавров обсудил с китайским коллегой Ван И ситуацию вокруг Украины и подготовку к саммиту БРИКС.",
     ["ситуацию вокруг Украины", "подготовку к саммиту БРИКС"]),
    ("Министры обменялись мнениями по актуальным международным проблемам, отметив совпадение позиций.",
     ["актуальным международным проблемам"]),
    ("Lavrov and Wang discussed the Syrian crisis and the situation in Libya in a phone call on Friday, the Russian"
     " foreign ministry said in a statement.", ["the Syrian crisis", "the situation in Libya"]),
    ("The premiers also discussed joint shipbuilding projects, with \"good progress\".",
     ["joint shipbuilding projects"]),
    ("Стороны обсудили широкий круг вопросов, в том числе и энергетику и транспорт.", ["энергетику", "транспорт"]),
    ("Министр обсудил с главой минобороны Китая события вокруг Сирии, а также военное сотрудничество.",
     ["события вокруг Сирии", "военное сотрудничество"]),
    ("Министры обсудили ситуацию в Ливии в ходе телефонного разговора.", ["ситуацию в Ливии"]),
    ("They discussed oil and gas supplies.", ["oil and gas supplies"]),
    ("The meeting will cover issues including \"contacts at the highest levels\", the ministry said.",
     ["contacts at the highest levels"]),
    ("They are discussing trade, as well as regional and other issues.", ["trade", "regional and other issues"]),
    ("They discussed the situation around Syria and Libya.", ["the situation around Syria and Libya"]),
    ("Стороны обсудили события вокруг Сирии и Ливии.", ["события вокруг Сирии и Ливии"]),
    ("They discussed the Korean Peninsula and Syria.", ["the Korean Peninsula", "Syria"]),
    ('We discussed a wide range of issues of our relations," the diplomat added.',
     ["a wide range of issues of our relations"]),
    ("Consultations on maritime security were held in Qingdao on Friday.", ["maritime security"]),
    ("Консультации по морской безопасности прошли в Циндао.", ["морской безопасности"]),
    ("The talks came as Washington discussed new tariffs.", []),
    ("Xi Jinping met Vladimir Putin in Kazan.", []),
])
def test_the_agenda_is_what_the_sentence_says_was_discussed_in_its_words(text: str, expected: list[str]) -> None:
    assert agenda_items(text) == expected


def test_agenda_items_are_short_and_few() -> None:
    long_item = "the joint development of " + "very " * 30 + "remote deposits"
    many = ", ".join(f"item number {n}" for n in range(12))
    assert all(len(item) <= MAX_CHARS for item in agenda_items(f"They discussed {long_item}."))
    assert agenda_items(f"They discussed {long_item}.")[0].endswith("…")
    assert len(agenda_items(f"They discussed {many}.")) == MAX_ITEMS


def read(text: str) -> Extraction:
    return extract(text, today=dt.date(2025, 5, 21))


def meeting_of(extraction: Extraction, *names: str) -> Meeting:
    return next(m for m in extraction.meetings if set(names) <= {p.name for p in m.participants})


def test_the_presidents_discussion_goes_to_the_presidents_not_the_meeting_reported_last() -> None:
    article = read("Leaders hold talks\n\nMOSCOW, May 20, 2025 - Russian President Vladimir Putin held talks with "
                   "Chinese President Xi Jinping in Moscow on Tuesday. On Monday, Foreign Minister Sergei Lavrov "
                   "met Chinese Foreign Minister Wang Yi. The presidents discussed the Arctic and space exploration.")
    leaders = meeting_of(article, "Vladimir Putin", "Xi Jinping")
    ministers = meeting_of(article, "Sergei Lavrov", "Wang Yi")
    assert {t.name for t in leaders.topics} == {"Arctic", "space cooperation"}
    assert leaders.agenda == ("the Arctic", "space exploration")
    assert not ministers.topics
    assert not ministers.agenda


def test_russian_ministers_discussion_goes_to_the_ministers() -> None:
    article = read("Лавров и Ван И\n\nМОСКВА, 20 мая 2025 года. Министр иностранных дел России Сергей Лавров провел "
                   "переговоры с министром иностранных дел КНР Ван И в Москве во вторник. Накануне президент России "
                   "Владимир Путин встретился с председателем КНР Си Цзиньпином. Министры обсудили ситуацию в "
                   "Арктике и освоение космоса.")
    ministers = meeting_of(article, "Sergei Lavrov", "Wang Yi")
    assert {t.name for t in ministers.topics} == {"Arctic", "space cooperation"}
    assert ministers.agenda == ("ситуацию в Арктике", "освоение космоса")
    assert not meeting_of(article, "Vladimir Putin", "Xi Jinping").topics


def test_they_discussed_in_the_next_paragraph_belongs_to_the_meeting_just_reported() -> None:
    article = read("Xi and Putin talk\n\nMOSCOW, May 20, 2025 - Russian President Vladimir Putin and Chinese President "
                   "Xi Jinping are holding talks by video link on Tuesday.\n\nThey are discussing the Arctic, as well "
                   "as regional and other issues.")
    [meeting] = article.meetings
    assert [t.name for t in meeting.topics] == ["Arctic"]
    assert meeting.agenda == ("the Arctic", "regional and other issues")


def test_a_meeting_recalled_with_its_own_date_keeps_its_own_topics() -> None:
    article = read("Lavrov meets Wang\n\nMOSCOW, May 20, 2025 - Russian Foreign Minister Sergei Lavrov met Chinese "
                   "Foreign Minister Wang Yi in Moscow on Tuesday and discussed the Arctic. On 12 October 2023 in "
                   "Beijing, Lavrov and Wang Yi held talks that focused on the Middle East and Afghanistan.")
    now = next(m for m in article.meetings if m.date and m.date.year == 2025)
    then = next(m for m in article.meetings if m.date and m.date.year == 2023)
    assert [t.name for t in now.topics] == ["Arctic"]
    assert [t.name for t in then.topics] == ["Middle East", "Afghanistan"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Lavrov and Wang talk\n\nMOSCOW, December 14, 2013 - Russian Foreign Minister Sergei Lavrov held telephone "
     "talks with Chinese Foreign Minister Wang Yi on Friday. They talked about developing relations between the two "
     "countries and high-level exchanges next year.", ["bilateral relations", "high-level exchanges"]),
    ("Лавров и Ван И поговорили по телефону\n\nМОСКВА, 14 декабря 2013 года. Министр иностранных дел России "
     "Сергей Лавров провел телефонный разговор с министром иностранных дел КНР Ван И. Министры обсудили развитие "
     "российско-китайских отношений и контакты на высшем уровне в следующем году.",
     ["bilateral relations", "high-level exchanges"]),
])
def test_a_date_inside_what_was_discussed_leaves_the_topics_with_the_meeting(text: str, expected: list[str]) -> None:
    [meeting] = read(text).meetings
    assert [t.name for t in meeting.topics] == expected


def test_a_sentence_dated_to_another_year_before_its_discussion_gives_its_topics_to_that_year() -> None:
    article = read("Lavrov and Wang talk\n\nMOSCOW, December 14, 2013 - Russian Foreign Minister Sergei Lavrov held "
                   "telephone talks with Chinese Foreign Minister Wang Yi on Friday. Next year they will discuss "
                   "the Arctic.")
    assert [t.name for m in article.meetings if m.date and m.date.year == 2013 for t in m.topics] == []
