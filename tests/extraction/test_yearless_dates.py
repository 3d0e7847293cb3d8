"""Dates on pages that never print their own year: a wire dateline's day and month placed in the year the
page's own dates imply, and no meeting dated more precisely than its text says."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import extract
from extraction.dateline import Dateline
from extraction.dates import find_dates
from extraction.types import PartialDate
from extraction.yearless import infer_dateline_day

ADDED = dt.date(2026, 12, 3)  # the day the articles below are added


def _dated(extraction):
    return {tuple(sorted(p.name for p in m.participants)): (m.date, m.date_certain, m.date_text)
            for m in extraction.meetings}


RU_INTERFAX = """Лавров провел переговоры с Ван И

Москва. 14 ноября. INTERFAX.RU - Министр иностранных дел России Сергей Лавров во вторник провел переговоры \
с министром иностранных дел КНР Ван И в Пекине.

Предыдущая встреча министров прошла 2 сентября 2021 года в Душанбе."""

EN_WIRE = """Wang and Lavrov meet in Beijing

BEIJING, March 3 (Reuters) - Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov \
in Beijing on Thursday.

The two ministers had last spoken on November 30, 2022, before grain exports resumed."""


def test_a_russian_dateline_without_a_year_takes_the_year_after_the_last_date_the_page_tells_as_past():
    extraction = extract(RU_INTERFAX, today=ADDED)
    # 14 November 2021 was a Sunday: "во вторник" is Tuesday the 9th
    assert _dated(extraction)[("Sergei Lavrov", "Wang Yi")] == (PartialDate(2021, 11, 9), False, "во вторник")
    assert extraction.published is None  # the page does not say when it ran: the article is not listed as if it did
    assert any("taken as 2021-11-14" in w and "2 сентября 2021" in w for w in extraction.warnings)
    assert any(w.startswith("date uncertain for meeting") and "kept as 2021-11-09" in w for w in extraction.warnings)


def test_an_english_dateline_without_a_year_is_read_the_same_way():
    extraction = extract(EN_WIRE, today=ADDED)
    # 3 March 2023 was a Friday: "on Thursday" is the 2nd
    assert _dated(extraction)[("Sergei Lavrov", "Wang Yi")] == (PartialDate(2023, 3, 2), False, "on Thursday")


def test_a_date_the_page_states_with_its_year_stays_certain_beside_the_inferred_ones():
    text = EN_WIRE.replace("The two ministers had last spoken",
                           "Wang Yi and Sergei Lavrov also met in Moscow")
    extraction = extract(text, today=ADDED)
    dates = sorted((m.date, m.date_certain) for m in extraction.meetings)
    assert dates == [(PartialDate(2022, 11, 30), True), (PartialDate(2023, 3, 2), False)]


def test_a_planned_date_is_no_evidence_of_the_year_the_story_ran():
    text = EN_WIRE.replace("had last spoken", "will speak again")
    extraction = extract(text, today=ADDED)
    assert _dated(extraction)[("Sergei Lavrov", "Wang Yi")] == (None, False, "on Thursday")
    assert any("gives no year and nothing else on the page does" in w for w in extraction.warnings)


def test_no_year_is_inferred_when_a_plan_the_page_states_would_fall_before_it():
    filed = Dateline(12, 20, None, "Москва. 20 декабря. INTERFAX.RU -")
    paragraphs = ["Встреча глав правительств прошла 25 октября 2023 года в Бишкеке.",
                  "Следующая встреча состоится 5 ноября 2023 года в Москве."]
    assert infer_dateline_day(filed, paragraphs) is None  # a page of 20 December 2023 would not plan 5 November
    assert infer_dateline_day(filed, paragraphs[:1]).day == dt.date(2023, 12, 20)
    # an older date in a sentence about the future is no plan of that day
    recalled = [*paragraphs[:1], "Договор, подписанный 16 июля 2001 года, будет продлен: стороны планируют это."]
    assert infer_dateline_day(filed, recalled).day == dt.date(2023, 12, 20)


def test_the_inferred_day_crosses_new_year_and_never_passes_the_day_the_article_is_added():
    filed = Dateline(1, 5, None, "MOSCOW, Jan 5 (Reuters) -")
    stated = ["The ministers met in Beijing on December 28, 2025."]
    assert infer_dateline_day(filed, stated).day == dt.date(2026, 1, 5)
    assert infer_dateline_day(filed, stated, today=dt.date(2026, 1, 2)) is None
    month_only = ["The ministers met in Beijing in December 2025."]
    assert infer_dateline_day(filed, month_only).day == dt.date(2026, 1, 5)
    assert infer_dateline_day(filed, ["The treaty was signed in 2001."]) is None  # a year alone bounds too little


def _only(text: str, published: dt.date) -> tuple[str, str | None]:
    [meeting] = extract(f"Headline\n\n{text}", published=published, today=ADDED).meetings
    return meeting.kind, meeting.date.iso() if meeting.date else None


PUBLISHED = dt.date(2025, 11, 20)  # a Thursday


@pytest.mark.parametrize("text", [
    "Russian Prime Minister Mikhail Mishustin will visit China from December 14 to 16 for talks with Chinese "
    "Premier Li Qiang.",
    "Премьер-министр России Михаил Мишустин посетит Китай 14-16 декабря и проведет переговоры с премьером Госсовета "
    "КНР Ли Цяном.",
])
def test_a_visit_of_several_days_dates_its_talks_to_the_month_not_to_its_first_day(text):
    assert _only(text, PUBLISHED) == ("planned", "2025-12")


@pytest.mark.parametrize(("text", "expected"), [
    ("Nov. 3 to 4", (None, 11, None)), ("June 6-7, 2012", (2012, 6, None)), ("24-26 ноября", (None, 11, None)),
    ("с 3 по 5 мая 2019 года", (2019, 5, None)), ("20—21 декабря", (None, 12, None)),
    ("May 5, 2020", (2020, 5, 5)), ("в конце мая", (None, 5, None)), ("в начале марта", (None, 3, None)),
])
def test_spans_of_days_and_parts_of_a_month_are_read_as_their_month(text, expected):
    [found] = find_dates(text)
    assert (found.year, found.month, found.day) == expected


@pytest.mark.parametrize("text", [
    "Chinese Premier Li Qiang will travel to Moscow for talks with Russian Prime Minister Mikhail Mishustin, "
    "the foreign ministry announced on Monday.",
    "Премьер Госсовета КНР Ли Цян посетит Москву для переговоров с Михаилом Мишустиным, сообщили в понедельник "
    "в МИД КНР.",
])
def test_the_day_a_plan_was_announced_is_not_the_day_of_the_plan(text):
    # not the Monday after the announcement either: the text does not say when the trip will be
    assert _only(text, PUBLISHED) == ("planned", None)


@pytest.mark.parametrize(("text", "expected"), [
    ("Russian Defence Minister Andrei Belousov held talks with Chinese Defence Minister Dong Jun in Moscow as part "
     "of the Chinese delegation's visit.", ("meeting", "2025-11")),
    ("Министр обороны России Андрей Белоусов провел переговоры с министром обороны КНР Дун Цзюнем в рамках визита "
     "китайской делегации в Москву.", ("meeting", "2025-11")),
    # news of the day keeps the day the story ran
    ("Russian Defence Minister Andrei Belousov held talks with Chinese Defence Minister Dong Jun in Moscow.",
     ("meeting", "2025-11-20")),
    ("Russian Foreign Minister Sergei Lavrov held a phone conversation with Chinese Foreign Minister Wang Yi.",
     ("call", "2025-11-20")),
])
def test_talks_held_during_a_visit_and_dated_by_nothing_but_the_story_take_only_its_month(text, expected):
    assert _only(text, PUBLISHED) == expected


ARRIVED = dt.date(2025, 5, 20)  # a Tuesday


@pytest.mark.parametrize(("text", "kind"), [
    # talks planned for a visit of several days, which the text dates only by the visit
    ("Russian President Vladimir Putin arrived in Beijing on Tuesday, kicking off a three-day state visit to China."
     "\n\nPutin is scheduled to meet Chinese Premier Li Qiang.", "planned"),
    ("Президент России Владимир Путин во вторник прибыл в Пекин с трехдневным государственным визитом.\n\n"
     "Путин также встретится с премьером Госсовета КНР Ли Цяном.", "planned"),
    ("Chinese Foreign Minister Wang Yi begins a four-day trip to Russia on Monday.\n\n"
     "Wang is due to meet Russian Security Council Secretary Sergei Shoigu during the visit.", "planned"),
    ("Министр иностранных дел КНР Ван И в понедельник начал четырехдневную поездку в Россию.\n\n"
     "В ходе визита Ван И встретится с секретарем Совета безопасности России Сергеем Шойгу.", "planned"),
    # talks held earlier in the visit than the arrival the paragraph dates
    ("Russian Foreign Minister Sergei Lavrov arrived in Harbin on Tuesday. Earlier in Beijing, Lavrov was received "
     "by Chinese President Xi Jinping.", "meeting"),
    ("Председатель Государственной Думы Вячеслав Володин во вторник прибыл в Харбин. Ранее в Пекине Володина принял "
     "председатель КНР Си Цзиньпин.", "meeting"),
])
def test_talks_of_a_visit_take_the_month_of_the_visit_not_the_day_of_the_arrival(text, kind):
    assert _only(text, ARRIVED) == (kind, "2025-05")


@pytest.mark.parametrize("text", [
    "Russian Foreign Minister Sergei Lavrov said on Tuesday at talks with Chinese Foreign Minister Wang Yi that "
    "trade had grown.",
    "Министр иностранных дел России Сергей Лавров заявил во вторник на переговорах с министром иностранных дел КНР "
    "Ван И, что торговля растет.",
])
def test_a_remark_made_at_talks_still_dates_the_talks(text):
    assert _only(text, PUBLISHED) == ("meeting", "2025-11-18")


@pytest.mark.parametrize("text", [
    "Russian President Vladimir Putin expects to meet Chinese President Xi Jinping during the December BRICS summit.",
    "Президент России Владимир Путин встретится с председателем КНР Си Цзиньпином на декабрьском "
    "саммите БРИКС.",
])
def test_a_month_named_as_the_events_own_dates_a_plan(text):
    assert _only(text, PUBLISHED) == ("planned", "2025-12")


@pytest.mark.parametrize("text", [
    "Russian President Vladimir Putin arrived in Beijing on May 14, 2024, kicking off a state visit to China.\n\n"
    "Putin is scheduled to meet Chinese Premier Li Qiang.",
    "Президент России Владимир Путин 14 мая 2024 года прибыл в Пекин с государственным визитом.\n\n"
    "Путин также встретится с премьером Госсовета КНР Ли Цяном.",
])
def test_a_visits_month_read_from_a_day_stated_in_full_needs_no_publication_date(text):
    [meeting] = extract(f"Headline\n\n{text}", today=ADDED).meetings
    assert (meeting.date, meeting.date_certain) == (PartialDate(2024, 5), True)
    assert "14" in meeting.date_quote  # the sentence it was read from, as evidence


@pytest.mark.parametrize("text", [
    "Chinese Vice Premier Ding Xuexiang arrived in Moscow on June 19 for a working visit. After the welcome "
    "ceremony, Ding held talks with Russian Prime Minister Mikhail Mishustin.",
    "Вице-премьер Госсовета КНР Дин Сюэсян 19 июня прибыл в Москву с рабочим визитом. После церемонии встречи "
    "состоялись переговоры Дин Сюэсяна с премьер-министром России Михаилом Мишустиным.",
])
def test_talks_told_as_what_followed_the_arrival_keep_its_day(text):
    assert _only(text, dt.date(2025, 6, 20)) == ("meeting", "2025-06-19")


@pytest.mark.parametrize("text", [
    "ST. PETERSBURG, June 19 (Xinhua) -- Chinese Vice Premier Ding Xuexiang arrived here Thursday to deepen energy "
    "ties with Russia.\n\nDuring his four-day stay, Ding is scheduled to meet Russian Prime Minister "
    "Mikhail Mishustin.",
    "ХАБАРОВСК, 19 июня. /ТАСС/. Вице-премьер Госсовета КНР Дин Сюэсян в четверг прибыл в Хабаровск с "
    "четырехдневным визитом.\n\nЗа время визита Дин Сюэсян встретится с премьер-министром России Михаилом Мишустиным.",
])
def test_a_plan_for_a_visit_takes_the_month_of_the_arrival_read_in_the_arrivals_own_tense(text):
    assert _only(text, dt.date(2025, 6, 20)) == ("planned", "2025-06")


RECALLED = [
    "BEIJING, June 12 (Xinhua) -- Chinese Foreign Minister Wang Yi on Wednesday met Russian Foreign Minister Sergei "
    "Lavrov in Beijing.\n\nWang said the recent talks between Russian President Vladimir Putin and Chinese President "
    "Xi Jinping in Moscow had set the course.",
    "ПЕКИН, 12 июня. /ТАСС/. Министр иностранных дел КНР Ван И в среду провел переговоры с министром иностранных дел "
    "России Сергеем Лавровым.\n\nВан И напомнил, что президент России Владимир Путин и председатель КНР Си Цзиньпин "
    "недавно провели переговоры в Москве.",
]


def _leaders(extraction):
    return next(m for m in extraction.meetings if {p.name for p in m.participants} == {"Vladimir Putin", "Xi Jinping"})


@pytest.mark.parametrize("text", RECALLED)
def test_talks_recalled_as_recent_are_dated_to_the_year_of_the_meeting_that_recalls_them(text):
    meeting = _leaders(extract(f"Headline\n\n{text}", published=dt.date(2024, 6, 13), today=ADDED))
    assert (meeting.date, meeting.date_certain) == (PartialDate(2024), True)


@pytest.mark.parametrize("text", RECALLED)
def test_recent_talks_get_no_year_when_the_months_before_cross_new_year(text):
    early = text.replace("June 12", "Jan. 12").replace("12 июня", "12 января")
    assert _leaders(extract(f"Headline\n\n{early}", published=dt.date(2024, 1, 13), today=ADDED)).date is None


def test_recent_talks_on_a_page_without_a_publication_date_take_the_year_of_a_readout_stated_in_full():
    text = ("On the evening of October 14, 2021, Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei "
            "Lavrov in Beijing.\n\nWang said that Russian President Vladimir Putin and Chinese President Xi Jinping "
            "had held talks in Moscow not long ago.")
    meeting = _leaders(extract(f"Headline\n\n{text}", today=ADDED))
    assert (meeting.date, meeting.date_certain) == (PartialDate(2021), True)


def test_a_summit_named_with_its_host_city_gives_a_yearless_dateline_its_year():
    text = ("Putin and Xi confer in Kazan\n\nKAZAN, October 22. /TASS/. Vladimir Putin held talks with Xi Jinping on "
            "the sidelines of the BRICS summit in Kazan on Tuesday.")
    extraction = extract(text, today=ADDED)
    assert _dated(extraction)[("Vladimir Putin", "Xi Jinping")] == (PartialDate(2024, 10, 22), False, "on Tuesday")
    assert any("BRICS summit in Kazan" in w for w in extraction.warnings)


def test_a_summit_whose_host_city_held_it_in_several_years_gives_no_year():
    text = ("Putin and Xi confer in Astana\n\nASTANA, July 4. /TASS/. Vladimir Putin held talks with Xi Jinping on "
            "the sidelines of the SCO summit in Astana on Thursday.")
    assert _dated(extract(text, today=ADDED))[("Vladimir Putin", "Xi Jinping")][0] is None


@pytest.mark.parametrize(("text", "people", "expected"), [
    ("Premiers meet\n\nMOSCOW, October 14. /TASS/. On Monday, Russian Prime Minister Dmitry Medvedev and Chinese "
     "Premier Li Keqiang held the 19th regular meeting of the heads of government of Russia and China.",
     ("Dmitry Medvedev", "Li Keqiang"), PartialDate(2014, 10, 13)),
    ("Премьеры встретились\n\nПЕКИН, 1 ноября. /ТАСС/. Премьер-министр России Дмитрий Медведев провел переговоры с "
     "премьером Госсовета КНР Ли Кэцяном. В среду состоялась 22-я регулярная встреча глав правительств двух стран.",
     ("Dmitry Medvedev", "Li Keqiang"), PartialDate(2017, 11, 1)),
])
def test_a_numbered_round_of_a_yearly_series_gives_a_yearless_dateline_its_year(text, people, expected):
    extraction = extract(text, today=ADDED)
    assert _dated(extraction)[people][0] == expected
    assert any("regular meeting of the heads of government of" in w for w in extraction.warnings)


def test_an_unnumbered_or_unrelated_regular_meeting_gives_no_year():
    for sentence in ("the regular meeting of the heads of government was held on Monday",
                     "the 5th regular meeting of the two foreign ministries' departments was held on Monday"):
        text = (f"Premiers meet\n\nMOSCOW, October 14. /TASS/. Russian Prime Minister Dmitry Medvedev met Chinese "
                f"Premier Li Keqiang on Monday; {sentence}.")
        assert _dated(extract(text, today=ADDED))[("Dmitry Medvedev", "Li Keqiang")][0] is None
