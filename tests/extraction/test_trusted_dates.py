"""Dates an analyst can trust: the publication date from every place a page gives it, relative dates read
against it (or the story's dateline), and no meeting ever dated from the day its article was added."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import extract
from extraction.dateline import find_dateline
from extraction.explain import explain
from extraction.published import publication
from extraction.types import PartialDate
from extraction.urldate import url_date

ADDED = dt.date(2026, 12, 3)  # the day the articles below are added: no meeting may be dated from it


@pytest.mark.parametrize(("url", "expected"), [
    ("https://news.example.com/world/2019/05/14/leaders-hold-talks", "2019-05-14"),
    ("https://news.example.com/20240312/4f1c2a/c.html", "2024-03-12"),
    ("https://news.example.com/economy/2024-03-12/detail-abcdef.shtml", "2024-03-12"),
    ("https://news.example.com/n3/2024/0312/c90000-1234567.html", "2024-03-12"),
    ("https://embassy.example.org/eng/zgyw/202403/t20240312_11223344.htm", "2024-03-12"),
    ("https://daily.example.com/world/2015-07/05/content_2038061.htm", "2015-07-05"),
    ("https://paper.example.com/world/2019/may/14/putin-in-beijing", "2019-05-14"),
    ("https://gazeta.example.ru/politics/2021/11/18/vstrecha-v-pekine/", "2021-11-18"),
    ("https://region.example.ru/news/politics/29.05.2012/208300/gubernator.html", "2012-05-29"),
    ("https://region.example.ru/news/14-05-2019/vstrecha", "2019-05-14"),
    ("https://region.example.ru/news/31.02.2012/208300/", None),  # no such day
    ("https://news.example.com/politics/2019/05/summit-closes-in-beijing", "2019-05"),  # a month, not a day
    ("https://news.example.com/content_2038061.htm", None),  # an id, not a date
    ("https://news.example.com/world/a-20191105", None),
    ("https://news.example.com/news/93710655", None),
    ("https://news.example.com/2019/mayor-elected", None),
    (None, None),
])
def test_the_page_address_gives_a_date_only_in_the_shapes_of_one(url, expected):
    found = url_date(url)
    assert (found.date.iso() if found else None) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("KHABAROVSK, Aug 14 (Reuters) - Officials of the two countries met on Wednesday.", (8, 14, None)),
    ("BEIJING, March 5 (Xinhua) -- The two premiers spoke by phone.", (3, 5, None)),
    ("BEIJING, Nov. 17 (Xinhua) -- The vice premiers met by video link.", (11, 17, None)),
    ("MOSCOW, December 30. /TASS/. The two leaders are holding talks.", (12, 30, None)),
    ("ST. PETERSBURG, June 7 (AFP) - The forum opened.", (6, 7, None)),
    ("SHANGHAI (City News / Wire - 04th December, 2019) The sides agreed.", (12, 4, 2019)),
    ("МОСКВА, 12 мая. /ТАСС/. Министры провели переговоры.", (5, 12, None)),
    ("Москва. 5 марта. INTERFAX.RU - Премьер прибыл в Пекин.", (3, 5, None)),
    ("ВЛАДИВОСТОК, 18 ноя — ПРАЙМ. Стороны обсудили поставки.", (11, 18, None)),
    ("ХАРБИН, 26 авг - РИА Новости. Делегация прибыла в город.", (8, 26, None)),
])
def test_a_wire_dateline_gives_the_day_the_story_was_filed(line, expected):
    found = find_dateline(["A headline about the talks", line])
    assert found is not None
    assert (found.month, found.day, found.year) == expected


@pytest.mark.parametrize("line", [
    "MOSCOW (Reuters) - The two ministers spoke by phone.",
    "In May 2019, the two ministers (both new) - met twice.",
    "Russia, China 5 (ok) - nothing here.",
])
def test_a_line_without_a_day_is_no_dateline(line):
    assert find_dateline([line]) is None


def _pub(lines, **kw):
    return publication(lines, **kw)


def test_the_date_given_with_the_article_wins_over_everything_the_page_says():
    pub = _pub(["12:34 05.03.2024", "BEIJING, March 4 (Xinhua) -- Text."], given=dt.date(2024, 3, 6),
               url="https://news.example.com/2024/02/01/x")
    assert (pub.date, pub.source) == (PartialDate(2024, 3, 6), "given")
    assert pub.reference == dt.date(2024, 3, 4)  # relative dates count from the day the story was filed


@pytest.mark.parametrize(("lines", "expected"), [
    (["A headline", "12:34 05.03.2024", "Body text of the story goes here and on."], "2024-03-05"),
    (["Заголовок статьи", "14:03, 5 марта 2024", "Текст статьи начинается здесь."], "2024-03-05"),
])
def test_a_byline_stamp_beats_the_address(lines, expected):
    pub = _pub(lines, url="https://news.example.com/2024/02/01/story")
    assert (pub.date.iso(), pub.source) == (expected, "byline")


def test_an_edit_stamp_is_later_than_the_story_so_the_address_day_wins():
    lines = ["A headline", "Last update: October 14, 2024", "Body text of the story."]
    assert _pub(lines).date == PartialDate(2024, 10, 14)
    pub = _pub(lines, url="https://news.example.com/2024/10/10/story")
    assert (pub.date, pub.source) == (PartialDate(2024, 10, 10), "url")


def test_a_yearless_dateline_takes_its_year_from_the_address_even_across_new_year():
    pub = _pub(["MOSCOW, Dec 31 (Reuters) - Text."], url="https://news.example.com/2020/01/02/story")
    assert pub.reference == dt.date(2019, 12, 31)
    month_only = _pub(["МОСКВА, 14 мая. /ТАСС/. Текст."], url="https://news.example.ru/2019/05/story")
    assert (month_only.date, month_only.source) == (PartialDate(2019, 5, 14), "dateline")


def test_a_yearless_dateline_and_nothing_else_leaves_the_date_unknown():
    pub = _pub(["KHABAROVSK, Aug 14 (Reuters) - Text."])
    assert pub.date is None
    assert pub.reference is None
    assert any("gives no year" in note for note in pub.notes)


def _meeting(text, **kw):
    extraction = extract(text, today=ADDED, **kw)
    [meeting] = extraction.meetings
    return meeting, extraction


def test_an_inline_dateline_anchors_on_wednesday_to_the_story_day():
    text = ("KHABAROVSK, Aug 14 (Reuters) - Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister "
            "Wang Yi on Tuesday to discuss border trade.")
    meeting, extraction = _meeting(text, url="https://www.example.com/world/2019/08/lavrov-wang-border")
    assert (meeting.date, meeting.date_certain) == (PartialDate(2019, 8, 13), True)
    assert (extraction.published, extraction.published_source) == (dt.date(2019, 8, 14), "dateline")


def test_a_russian_dateline_and_a_day_in_the_address_date_the_talks():
    text = ("МОСКВА, 12 мая. /ТАСС/. Министр иностранных дел России Сергей Лавров во вторник провел переговоры "
            "с министром иностранных дел КНР Ван И.")
    meeting, _ = _meeting(text, url="https://gazeta.example.ru/politika/2021/05/12/lavrov-van-i")
    assert meeting.date == PartialDate(2021, 5, 11)


def test_yesterday_counts_from_the_dateline_not_the_later_publication_day():
    text = ("Москва. 5 марта. INTERFAX.RU - Премьер-министр России Михаил Мишустин вчера провел переговоры "
            "с премьером Госсовета КНР Ли Цяном.")
    meeting, _ = _meeting(text, published=dt.date(2024, 3, 6))
    assert meeting.date == PartialDate(2024, 3, 4)


@pytest.mark.parametrize(("text", "url"), [
    ("BEIJING, Nov. 13 (Xinhua) -- Chinese Premier Li Keqiang will visit Moscow next week for talks with "
     "Russian Prime Minister Dmitry Medvedev.", "http://news.example.cn/n3/2019/1113/c90000-1.html"),
    ("МОСКВА, 13 ноября. /ТАСС/. Премьер Госсовета КНР Ли Кэцян на следующей неделе встретится в Москве "
     "с председателем правительства России Дмитрием Медведевым.", "https://news.example.ru/2019/11/li-medvedev"),
])
def test_a_planned_next_week_stays_in_the_year_of_its_dateline(text, url):
    meeting, _ = _meeting(text, url=url)
    assert meeting.kind == "planned"
    assert meeting.date == PartialDate(2019, 11)


@pytest.mark.parametrize("text", [
    "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Wednesday.",
    "KHABAROVSK, Aug 14 (Reuters) - Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi.",
    "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow in May.",
    "Президент России Владимир Путин в среду провел переговоры с председателем КНР Си Цзиньпином в Москве.",
    "Президент России Владимир Путин вчера провел переговоры с председателем КНР Си Цзиньпином в Москве.",
])
def test_without_a_publication_date_no_meeting_is_dated_from_the_day_it_was_added(text):
    meeting, extraction = _meeting(text)
    assert extraction.published is None
    assert meeting.date is None
    assert meeting.date_certain is False
    assert meeting.date_text  # the words that date it, kept as written
    assert any(w.startswith("date uncertain for meeting") for w in extraction.warnings)
    assert "date uncertain" in explain(extraction)


@pytest.mark.parametrize(("text", "expected"), [
    ("Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on March 21, 2023.",
     PartialDate(2023, 3, 21)),
    ("Президент России Владимир Путин провел переговоры с председателем КНР Си Цзиньпином в Москве в 2019 году.",
     PartialDate(2019)),
])
def test_a_date_the_text_states_in_full_needs_no_publication_date(text, expected):
    meeting, _ = _meeting(text)
    assert (meeting.date, meeting.date_certain) == (expected, True)


def test_a_month_only_address_keeps_only_what_every_day_of_that_month_agrees_on():
    text = "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Wednesday."
    meeting, _ = _meeting(text, url="https://news.example.com/2019/05/putin-xi-talks")
    assert (meeting.date, meeting.date_certain) == (PartialDate(2019, 5), False)


DIGEST = """Wire digest

MOSCOW, March 3 (Reuters) - Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi on Wednesday.

BEIJING, May 14 (Reuters) - Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi on Wednesday.

ХАБАРОВСК, 14 августа. /ТАСС/. Министр иностранных дел России Сергей Лавров в среду провел переговоры с министром \
иностранных дел КНР Ван И."""


def test_each_story_of_a_digest_counts_from_its_own_dateline_and_stays_its_own_meeting():
    extraction = extract(DIGEST, published=dt.date(2019, 8, 20), today=ADDED)
    assert [m.date for m in extraction.meetings] == [PartialDate(2019, 2, 27), PartialDate(2019, 5, 8),
                                                     PartialDate(2019, 8, 14)]


def test_stories_of_a_digest_without_a_year_are_never_merged_on_a_guessed_day():
    extraction = extract(DIGEST, today=ADDED)
    assert [(m.date, m.date_certain) for m in extraction.meetings] == [(None, False)] * 3
