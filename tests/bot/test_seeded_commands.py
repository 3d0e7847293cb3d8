"""The commands on the real seeded store: the answers a new user gets in the console chat."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.commands import CommandCore
from extraction.knowledge import default_knowledge
from storage.bootstrap import open_store


@pytest.fixture
def core(seeded_db_url):
    engine = open_store(seeded_db_url)
    yield CommandCore(engine, default_knowledge(), today=lambda: dt.date(2026, 11, 23))
    engine.dispose()


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
