"""The commands on the real seeded store: the answers a new user gets in the console chat."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlmodel import select

from bot.core.render import KIND_LABELS, human_date
from bot.core.replies import Caller
from knowledge import default_knowledge
from storage import people_and_topics, queries
from storage.db import session_scope
from storage.models import PersonRow


@pytest.fixture
def core(seeded_core):
    return seeded_core


def test_who_shoygu_lists_his_2024_and_2026_meetings_with_wang_yi(core):
    text = core.handle("/who shoygu").plain()
    assert text.startswith("Sergei Shoigu (Russia)")
    assert "Now: Secretary of the Security Council of Russia" in text
    for day in ("1 Feb 2026", "10 Sep 2024"):
        assert day in text
    assert "Wang Yi" in text.split("Most frequent counterparts:")[1].splitlines()[0]


def test_who_resolves_roles_by_the_meeting_date(core):
    text = core.handle("/who Patrushev").plain()
    assert "4 Dec 2019" in text
    assert "as Security Council Secretary, with Yang Jiechi" in text  # his office then, not today's
    reply = core.handle("/who Patrushev")
    full = core.press(reply.buttons[-1][0].data).plain()
    assert "Nikolai Patrushev (Secretary of the Security Council of Russia)" in full


def test_topic_taiwn_lists_the_meetings_where_taiwan_came_up(core):
    text = core.handle("/topic taiwn").plain()
    assert text.startswith("Taiwan: meetings where it came up")
    assert "1 Feb 2026" in text  # Shoigu and Wang Yi in Beijing
    assert "2 Dec 2025" in text  # the 20th round of consultations in Moscow
    assert "21 Feb 2023" in text  # Patrushev and Wang Yi


def test_latest_starts_with_the_newest_meeting(core):
    text = core.handle("/latest").plain()
    first_block = text.split("\n\n")[1]
    assert first_block.startswith("1 Feb 2026 · Beijing · met")
    assert "Wang Yi" in first_block
    assert "Sergei Shoigu" in first_block


# On the seeded store, before offices had short forms: /latest 2,729 characters, /who shoigu 3,043; with the short
# forms of every office, five topics and a quote's first 140 characters, 1,844 and 1,908; with one short office a
# person, named once a page, three topics, the quote's key clause and its source on one row: 1,378 and 1,558.
LIST_BUDGET = {"/latest": 1_450, "/who shoigu": 1_600}  # characters of a page of five, as `briefing ask` prints it


def page_of(core, command):
    """The reply to `command` and the meetings it lists, read from the store, with the person it is about."""
    reply = core.handle(command)
    with session_scope(core.engine) as session:
        if command == "/latest":
            return reply, queries.latest_meetings(session, limit=5).items, None, None
        person = people_and_topics.person_key_ids(session, keys=["shoigu"])["shoigu"]
        title = people_and_topics.person_title_on(session, person_id=person, on=dt.date(2026, 11, 23))
        return reply, queries.meetings_with_person(session, person_id=person, limit=5).items, person, title


@pytest.mark.parametrize("command", ["/latest", "/who shoigu"])
def test_a_page_fits_a_phone_and_keeps_every_fact_an_analyst_needs(core, command):
    reply, meetings, subject, subject_title = page_of(core, command)
    text = reply.plain()
    assert len(text) <= LIST_BUDGET[command]
    blocks = text.split("\n\n")[-len(meetings):]
    kb = default_knowledge()
    introduced: set[tuple[str, str]] = set()  # each office is named at a person's first mention on the page
    for meeting, block in zip(meetings, blocks, strict=True):
        rows = block.splitlines()
        people = " ".join(rows[1:next(i for i, row in enumerate(rows) if row.startswith("Re: "))])
        assert rows[0] == f"{human_date(meeting.date)} · {meeting.place} · {KIND_LABELS[meeting.kind]}"
        for person in meeting.participants:
            office = kb.short_title(person.role)
            if person.person_id == subject and office == kb.short_title(subject_title):
                assert person.name not in people  # named once, in the header
                continue
            assert person.name in people
            if (person.name, office) not in introduced:
                assert f"{person.name} ({office})" in people
                introduced.add((person.name, office))
        [topics] = [row for row in rows if row.startswith("Re: ")]
        shown = re.fullmatch(r"Re: (.*?)(?: \+(\d+))?", topics)
        named = [t.name for t in meeting.topics if t.name in shown.group(1).split(", ")]
        assert len(named) == min(3, len(meeting.topics))
        assert len(named) + int(shown.group(2) or 0) == len(meeting.topics)
        quoted = re.fullmatch(r"«(.*)» — (.*)", rows[-1])
        assert quoted is not None
        clause = quoted.group(1).strip("…")
        assert len(clause) >= 90  # the key clause, in the article's words
        assert clause in meeting.sources[0].quote
        for source in meeting.sources:
            assert f"{source.outlet or ''}, {human_date(source.published)}" in quoted.group(2) \
                or f"”, {human_date(source.published)}" in quoted.group(2)
        assert "article #" not in block  # the article's number is in Full details
        assert all(len(row) <= 45 for row in rows[:-1] if not row.startswith("Re: "))


@pytest.mark.parametrize("command", ["/latest", "/who shoigu"])
def test_full_details_are_one_tap_away(core, command):
    reply, meetings, _, _ = page_of(core, command)
    [details] = reply.buttons[-1]
    assert details.label == "Full details"
    full = core.press(details.data)
    text = full.plain()
    for meeting in meetings:
        for person in meeting.participants:
            assert f"{person.name} ({person.role})" in text
        assert all(topic.name in text for topic in meeting.topics)
        assert meeting.sources[0].quote in text
        assert all(f"(article #{source.article_id})" in text for source in meeting.sources)
    [short] = full.buttons[-1]
    assert core.press(short.data).plain() == reply.plain()


TELEGRAM = Caller(chat_id=7, user_id=7)  # a private chat: /follow answers there, not in the console


def _labels(reply) -> list[str]:
    return [button.label for row in reply.buttons for button in row]


def test_a_shared_surname_offers_the_most_met_first_in_who_and_follow_alike(core):
    who, follow = core.handle("/who wang"), core.handle("/follow wang", TELEGRAM)
    offered = _labels(who)
    with session_scope(core.engine) as session:
        ids = {p.name: p.id for p in session.exec(select(PersonRow)).all()}
        met = people_and_topics.person_meeting_counts(session, person_ids=list(ids.values()))
    counts = [met.get(ids[name], 0) for name in offered]
    assert len(offered) > 2
    assert all(name.startswith("Wang ") for name in offered)
    assert counts == sorted(counts, reverse=True)
    assert counts[0] > counts[-1]
    assert offered[0] == "Wang Yi"  # most meetings of all, last in the alphabet
    assert _labels(follow) == offered


def test_a_surname_is_not_found_inside_another_scripts_spelling(core):
    reply = core.handle("/who Chen")  # Russian writes Kim Jong Un "Ким Чен Ын"
    assert _labels(reply)
    assert all(name.startswith("Chen ") for name in _labels(reply))


@pytest.mark.parametrize("query", ["xyzzy", "<b>&amp;", "qwertyuiop", "🙃", "zxcvbnm"])
def test_gibberish_is_answered_with_no_match_and_no_guess(core, query):
    who, follow = core.handle(f"/who {query}"), core.handle(f"/follow {query}", TELEGRAM)
    assert "No person matches" in who.plain()
    assert "Did you mean" not in who.plain()
    assert "Nothing matches" in follow.plain()
    assert not who.buttons
    assert not follow.buttons


def test_an_office_without_a_country_offers_its_holder_in_each_country(core):
    reply = core.handle("/who defence minister")
    assert "Defence Minister of Russia, Andrei Belousov" in reply.plain()
    assert "Defence Minister of China, Dong Jun" in reply.plain()
    assert sorted(_labels(reply)) == ["Andrei Belousov", "Dong Jun"]
    assert sorted(_labels(core.handle("/follow defense minister", TELEGRAM))) == ["Andrei Belousov", "Dong Jun"]
    assert core.handle("/who China's defense minister").plain().startswith(
        "“China's defense minister” today: Defence Minister of China, Dong Jun.")
    assert "today: Defence Minister of Russia, Andrei Belousov." in core.handle("/who Russian defence minister").plain()


def test_an_office_is_the_plainest_one_the_words_fit(core):
    presidents = _labels(core.handle("/who president"))
    assert presidents[:2] == ["Vladimir Putin", "Xi Jinping"]  # of those offered, the most met first
    assert "Han Zheng" not in presidents  # Vice President of China: "president" fits it less plainly
    assert "No person matches" in core.handle("/who chinese").plain()  # many offices of China, none named
