"""Rendering: escaping what came from outside, and splitting at Telegram's 4096 characters."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest

from bot.render import esc, highlighted, human_date, is_headline, meeting_block, source_line, split_message
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
STRAITS = SourceView(5, "China tells Russia's security chief bilateral relations could 'break new ground' in 2026",
                     None, "The Straits Times", dt.date(2026, 2, 1), "Wang Yi met Shoigu in Beijing on Feb 1.")


def a_meeting(*participants: ParticipantView, topics: tuple[str, ...] = ("Taiwan",),
              sources: tuple[SourceView, ...] = (STRAITS,)) -> MeetingView:
    return MeetingView(id=1, date="2026-02-01", place="Beijing", kind="meeting", label="",
                       participants=participants, topics=tuple(TopicView(i, t, "q") for i, t in enumerate(topics)),
                       sources=sources)


def people_line(block: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", block)).splitlines()[1]


@pytest.mark.parametrize("order", [(WITKOFF, WANG, LAVROV, STRANGER, PUTIN, XI),
                                   (XI, PUTIN, STRANGER, LAVROV, WANG, WITKOFF)])
def test_participants_come_russian_side_first_then_chinese_then_others_each_by_rank(order):
    assert people_line(meeting_block(a_meeting(*order))) == (
        "Vladimir Putin (President), Sergey Lavrov (Foreign Minister) — "
        "Xi Jinping (President, CPC General Secretary), Wang Yi (Foreign Minister, top diplomat) — "
        "Steve Witkoff (US Special Envoy), A. Stranger")


def test_a_list_shows_short_offices_and_the_full_view_whole_titles():
    meeting = a_meeting(WANG, LAVROV)
    assert WANG_TITLE not in meeting_block(meeting)
    assert f"Wang Yi ({WANG_TITLE})" in meeting_block(meeting, full=True)


def test_a_persons_own_page_names_them_once_and_their_office_only_when_it_differed():
    meeting = a_meeting(WANG, LAVROV)
    assert people_line(meeting_block(meeting, subject=4, subject_title=WANG_TITLE)) == (
        "with Sergey Lavrov (Foreign Minister)")
    assert people_line(meeting_block(meeting, subject=4, subject_title="Foreign Minister of China")) == (
        "as Foreign Minister, top diplomat, with Sergey Lavrov (Foreign Minister)")
    lavrov_page = meeting_block(meeting, subject=2, subject_title="Foreign Minister of Russia")
    assert people_line(lavrov_page).startswith("with Wang Yi")  # the asked-about person first, so left out


def test_one_date_style_for_the_meeting_and_its_source():
    block = meeting_block(a_meeting(WANG, LAVROV))
    assert block.count("1 Feb 2026") == 2
    assert not re.search(r"\d{4}-\d{2}", block)


def test_a_list_names_a_few_topics_and_clips_the_quote_while_the_full_view_has_all():
    topics = tuple(f"topic {i:02}" for i in range(15))
    long_quote = "Wang Yi met Lavrov. " * 12  # 240 characters: a list clips it, the full view does not
    meeting = a_meeting(WANG, LAVROV, topics=topics,
                        sources=(SourceView(5, None, None, "The Straits Times", None, long_quote),))
    short, full = meeting_block(meeting), meeting_block(meeting, full=True)
    assert "Topics (15): topic 00, topic 01, topic 02, topic 03, …" in short
    assert all(t in full for t in topics)
    [quoted] = re.findall(r"«(.*)»", short)
    assert quoted.endswith("…")
    assert len(quoted) <= 141
    assert long_quote.strip() in full


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
