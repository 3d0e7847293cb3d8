"""Rendering: escaping what came from outside, and splitting at Telegram's 4096 characters."""

from __future__ import annotations

import html
import re

import pytest

from bot.render import esc, highlighted, human_date, meeting_block, split_message
from storage.queries import MeetingView, ParticipantView, SourceView, TopicView


@pytest.mark.parametrize(("iso", "shown"), [
    ("2025-12-02", "2 Dec 2025"), ("2025-05", "May 2025"), ("2019", "2019"), (None, "date unknown")])
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
