"""Rendering: escaping what came from outside, and splitting at Telegram's 4096 characters."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest

from bot.core.render import (
    ROW,
    SHORT_QUOTE,
    esc,
    highlighted,
    human_date,
    is_headline,
    meeting_block,
    meeting_blocks,
    source_line,
    split_message,
)
from storage.queries import MeetingView, ParticipantView, SourceView, TopicView


@pytest.mark.parametrize(("iso", "shown"), [
    ("2025-12-02", "2 Dec 2025"), ("2025-05", "May 2025"), ("2019", "2019"), (None, "date unknown"),
    (dt.date(2026, 2, 1), "1 Feb 2026")])
def test_dates_read_like_a_briefing(iso, shown):
    assert human_date(iso) == shown


def test_everything_from_articles_is_escaped():
    meeting = MeetingView(
        id=1, date=None, place="<Moscow>", kind="call", label="",
        participants=(ParticipantView(1, "A & B", "<b>boss</b>", None),),
        topics=(TopicView(1, "*Taiwan*_", "q"),),
        sources=(SourceView(1, "t", 'https://x.org/?a=1&b="2"', "Out<let>", None, "He said <script>."),),
    )
    block = meeting_block(meeting)
    assert "&lt;Moscow&gt;" in block
    assert "A &amp; B (&lt;b&gt;boss&lt;/b&gt;)" in block
    assert "He said &lt;script&gt;." in block
    assert 'href="https://x.org/?a=1&amp;b=&quot;2&quot;"' in block
    assert "*Taiwan*_" in block  # Markdown characters stay literal: replies are HTML
    assert set(re.findall(r"</?(\w+)", block)) <= {"b", "i", "a"}


def test_search_snippets_bold_the_matches_and_escape_the_rest():
    assert highlighted("a <b> \x01Taiwan\x02 & co") == "a &lt;b&gt; <b>Taiwan</b> &amp; co"


def blocks(n: int, size: int) -> str:
    return "\n\n".join(f"<b>block {i}</b>\n" + esc("x & y " * (size // 6)) for i in range(n))


@pytest.mark.parametrize(("n", "size"), [(1, 100), (40, 300), (3, 5000), (1, 20000)])
def test_split_messages_fit_telegram_and_lose_nothing(n, size):
    text = blocks(n, size)
    chunks = split_message(text)
    assert all(0 < len(c) <= 4096 for c in chunks)
    assert all(c.count("<b>") == c.count("</b>") for c in chunks)
    assert all(not re.search(r"&[a-z]*$", c) for c in chunks)  # no entity cut in half
    assert [w for c in chunks for w in words(c)] == words(text)


def words(text: str) -> list[str]:
    return html.unescape(re.sub(r"<[^>]+>", "", text)).split()


def test_a_short_reply_is_one_message():
    assert split_message("hello\nworld") == ["hello\nworld"]


# ----------------------------------------------------------------------------- meeting blocks on a phone

WANG_TITLE = "Foreign Minister of China and Director of the Office of the CPC Central Foreign Affairs Commission"
PUTIN = ParticipantView(1, "Vladimir Putin", "President of Russia", "Russia")
LAVROV = ParticipantView(2, "Sergey Lavrov", "Foreign Minister of Russia", "Russia")
XI_TITLE = "President of China and General Secretary of the Communist Party of China"
XI = ParticipantView(3, "Xi Jinping", XI_TITLE, "China")
WANG = ParticipantView(4, "Wang Yi", WANG_TITLE, "China")
WITKOFF = ParticipantView(5, "Steve Witkoff", "US Special Envoy", "United States")
STRANGER = ParticipantView(6, "A. Stranger", None, None)
SHOIGU = ParticipantView(7, "Sergei Shoigu", "Secretary of the Security Council of Russia", "Russia")
DIRECTOR = "Director of the Office of the CPC Central Foreign Affairs Commission"
STRAITS = SourceView(5, "China tells Russia's security chief bilateral relations could 'break new ground' in 2026",
                     None, "The Straits Times", dt.date(2026, 2, 1), "Wang Yi met Shoigu in Beijing on Feb 1.")


def a_meeting(*participants: ParticipantView, topics: tuple[str, ...] = ("Taiwan",),
              sources: tuple[SourceView, ...] = (STRAITS,)) -> MeetingView:
    return MeetingView(id=1, date="2026-02-01", place="Beijing", kind="meeting", label="",
                       participants=participants, topics=tuple(TopicView(i, t, "q") for i, t in enumerate(topics)),
                       sources=sources)


def plain(block: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", block))


def people_line(block: str) -> str:
    """The participants, whether on one row or one row a side."""
    rows = plain(block).splitlines()[1:]
    return " ".join(rows[:next(i for i, r in enumerate(rows) if r.startswith(("Re: ", "Topics: ", "«", "— ")))])


@pytest.mark.parametrize("order", [(WITKOFF, WANG, LAVROV, STRANGER, PUTIN, XI),
                                   (XI, PUTIN, STRANGER, LAVROV, WANG, WITKOFF)])
def test_participants_come_russian_side_first_then_chinese_then_others_each_by_rank(order):
    assert people_line(meeting_block(a_meeting(*order))) == (
        "Vladimir Putin (President), Sergey Lavrov (Foreign Minister) — "
        "Xi Jinping (President), Wang Yi (Foreign Minister) — "
        "Steve Witkoff (US Special Envoy), A. Stranger")


def test_a_list_shows_the_short_form_of_the_highest_office_and_the_full_view_whole_titles():
    meeting = a_meeting(WANG, LAVROV)
    assert "Wang Yi (Foreign Minister)" in meeting_block(meeting)
    assert WANG_TITLE not in meeting_block(meeting)
    assert f"Wang Yi ({WANG_TITLE})" in meeting_block(meeting, full=True)


def test_participants_too_long_for_a_row_get_a_row_a_side():
    rows = plain(meeting_block(a_meeting(WANG, SHOIGU))).splitlines()
    assert rows[1:3] == ["Sergei Shoigu (Security Council Secretary) —", "Wang Yi (Foreign Minister)"]
    assert all(len(row) <= ROW for row in rows[:3])
    short = plain(meeting_block(a_meeting(WANG, SHOIGU), subject=7, subject_title=SHOIGU.role)).splitlines()
    assert short[1] == "with Wang Yi (Foreign Minister)"


def test_a_page_names_an_office_at_its_first_mention_only():
    earlier = MeetingView(id=2, date="2023-02-21", place="Moscow", kind="meeting", label="",
                          participants=(SHOIGU, ParticipantView(4, "Wang Yi", DIRECTOR, "China")), topics=(),
                          sources=(STRAITS,))
    first, second, third = (plain(b) for b in meeting_blocks([a_meeting(WANG, SHOIGU), a_meeting(WANG, SHOIGU),
                                                             earlier]))
    assert "Wang Yi (Foreign Minister)" in first
    assert first.count("(Security Council Secretary)") == 1
    assert second.splitlines()[1] == "Sergei Shoigu — Wang Yi"
    assert third.splitlines()[1] == "Sergei Shoigu — Wang Yi (top diplomat)"  # another office: named again
    full = [plain(b) for b in meeting_blocks([a_meeting(WANG, SHOIGU)] * 2, full=True)]
    assert all(f"Wang Yi ({WANG_TITLE})" in b for b in full)  # the full view names every office in full


def test_a_persons_own_page_names_them_once_and_their_office_only_when_it_read_otherwise():
    meeting = a_meeting(WANG, LAVROV)
    assert people_line(meeting_block(meeting, subject=4, subject_title=WANG_TITLE)) == (
        "with Sergey Lavrov (Foreign Minister)")
    assert people_line(meeting_block(meeting, subject=4, subject_title="Foreign Minister of China")) == (
        "with Sergey Lavrov (Foreign Minister)")  # one office fewer today, but the same short form
    assert people_line(meeting_block(meeting, subject=4, subject_title=DIRECTOR)) == (
        "as Foreign Minister, with Sergey Lavrov (Foreign Minister)")
    lavrov_page = meeting_block(meeting, subject=2, subject_title="Foreign Minister of Russia")
    assert people_line(lavrov_page).startswith("with Wang Yi")  # the asked-about person first, so left out


def test_one_date_style_for_the_meeting_and_its_source():
    block = meeting_block(a_meeting(WANG, LAVROV))
    assert block.count("1 Feb 2026") == 2
    assert not re.search(r"\d{4}-\d{2}", block)


def test_a_list_cites_the_source_on_the_quotes_row_and_the_full_view_the_article_number():
    meeting = a_meeting(WANG, LAVROV)
    short, full = plain(meeting_block(meeting)), plain(meeting_block(meeting, full=True))
    assert short.splitlines()[-1] == "«Wang Yi met Shoigu in Beijing on Feb 1.» — The Straits Times, 1 Feb 2026"
    assert "article #" not in short
    assert "Source: The Straits Times, 1 Feb 2026 (article #5)" in full


def test_a_list_names_the_three_most_telling_topics_and_clips_the_quote_while_the_full_view_has_all():
    topics = tuple(f"topic {i:02}" for i in range(15))
    long_quote = "Wang Yi met Lavrov. " * 12  # 240 characters: a list clips it, the full view does not
    meeting = a_meeting(WANG, LAVROV, topics=topics,
                        sources=(SourceView(5, None, None, "The Straits Times", None, long_quote),))
    short, full = meeting_block(meeting), meeting_block(meeting, full=True)
    assert "Re: topic 00, topic 01, topic 02 +12" in short
    assert all(t in full for t in topics)
    [quoted] = re.findall(r"«(.*)»", short)
    assert quoted.endswith("…")
    assert len(quoted) <= SHORT_QUOTE
    assert long_quote.strip() in full


def test_the_topics_a_list_names_first_are_the_pages_own_then_those_quoted_then_the_sharpest():
    names = ("trade", "SCO", "BRICS", "Hong Kong", "Taiwan")
    meeting = a_meeting(WANG, LAVROV, topics=names)
    assert topics_row(meeting_block(meeting)) == "Re: Taiwan, Hong Kong, SCO +2"  # topics.toml order
    assert topics_row(meeting_block(meeting, topic=0)) == "Re: trade, Taiwan, Hong Kong +2"
    quoted = MeetingView(**{**meeting.__dict__, "topics": tuple(
        TopicView(i, t, "They spoke of BRICS." if t == "BRICS" else "q") for i, t in enumerate(names))})
    assert topics_row(meeting_block(quoted, quote="They spoke of BRICS.")) == "Re: BRICS, Taiwan, Hong Kong +2"


def topics_row(block: str) -> str:
    return next(row for row in plain(block).splitlines() if row.startswith("Re: "))


@pytest.mark.parametrize(("source", "shown"), [
    (STRAITS, "The Straits Times, 1 Feb 2026 (article #5)"),  # a known outlet: never the title beside it
    (SourceView(2, "Chinese-Russian Security Talks in Beijing", None, None, dt.date(2024, 11, 11), ""),
     "“Chinese-Russian Security Talks in Beijing”, 11 Nov 2024 (article #2)"),
    (SourceView(7, "World", "https://www.example.org/world/7", None, dt.date(2026, 12, 3), ""),
     "example.org, 3 Dec 2026 (article #7)"),
    (SourceView(4, "World", None, None, dt.date(2026, 12, 3), ""), "article #4, 3 Dec 2026 (outlet unknown)"),
    (SourceView(4, "Untitled document", None, None, None, ""), "article #4, date unknown (outlet unknown)"),
    (SourceView(4, "000_c314c2ad45bf11ca", None, None, None, ""), "article #4, date unknown (outlet unknown)"),
])
def test_the_source_line_says_only_what_is_true_of_the_source(source, shown):
    line = source_line(source)
    assert html.unescape(re.sub(r"<[^>]+>", "", line)) == shown
    assert not line.startswith("article,")
    in_a_list = plain(source_line(source, full=False))
    assert "article #" not in in_a_list
    assert in_a_list.endswith(human_date(source.published))


def test_a_list_clips_a_long_headline_standing_for_its_outlet():
    source = SourceView(2, "Chinese and Russian security chiefs discuss the world order in Beijing", None, None,
                        dt.date(2024, 11, 11), "")
    assert plain(source_line(source, full=False)) == "“Chinese and Russian security chiefs discuss the…”, 11 Nov 2024"


def test_a_source_with_a_url_links_its_outlet():
    line = source_line(SourceView(7, None, "https://www.example.org/a?b=1&c=2", "TASS", None, ""))
    assert line.startswith('<a href="https://www.example.org/a?b=1&amp;c=2">TASS</a>, date unknown')


@pytest.mark.parametrize(("title", "real"), [
    ("Chinese-Russian Security Talks in Beijing", True), ("Putin meets Xi", True), ("World", False),
    ("World News", False), ("Untitled document", False), ("000_c314c2ad45bf11ca", False), (None, False)])
def test_only_a_real_headline_counts_as_one(title, real):
    assert is_headline(title) is real


def test_a_long_reply_is_split_between_meetings_not_inside_one():
    meetings = [f"<b>{day} Dec 2025</b> · Moscow · met\nSergei Shoigu — Wang Yi\n" + esc("They talked & agreed. " * 9)
                for day in range(1, 29)]
    text = "<b>Latest meetings</b> (1–28 of 28)\n\n" + "\n\n".join(meetings)
    chunks = split_message(text, limit=1000)
    assert len(chunks) > 1
    assert [b for c in chunks for b in c.split("\n\n")] == text.split("\n\n")  # every meeting whole, in order


def test_only_a_meeting_longer_than_a_message_is_cut_inside():
    huge = "<b>1 Dec 2025</b>\n" + "\n".join(esc("a line & more ") * 4 for _ in range(40))
    chunks = split_message(f"short one\n\n{huge}\n\nlast one", limit=500)
    assert chunks[0] == "short one"
    assert chunks[-1].endswith("last one")
    assert all(len(c) <= 500 for c in chunks)
    assert [w for c in chunks for w in words(c)] == words(f"short one\n\n{huge}\n\nlast one")
