"""No reply shows a meeting without a Russian and a Chinese participant; the article stays searchable.

The seeds report Putin's talks with the US envoy Steve Witkoff as context of the Shoigu–Wang Yi talks.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.commands import CommandCore
from knowledge import default_knowledge
from storage.bootstrap import open_store


@pytest.fixture
def core(seeded_db_url):
    engine = open_store(seeded_db_url)
    yield CommandCore(engine, default_knowledge(), today=lambda: dt.date(2026, 11, 23),
                      now=lambda: dt.datetime(2026, 12, 3, 9, tzinfo=dt.UTC))
    engine.dispose()


@pytest.mark.parametrize("command", ["/latest 20", "/who putin", "/topic Ukraine", "/digest"])
def test_a_meeting_with_a_us_envoy_is_shown_nowhere(core, command):
    assert "Witkoff" not in core.handle(command).plain()


def test_start_counts_only_russian_chinese_meetings(core):
    assert "I know 11 meetings of 8 officials" in core.handle("/start").plain()


@pytest.mark.parametrize("fmt", ["json", "csv", "ics"])
def test_exports_leave_it_out(core, fmt):
    assert b"Witkoff" not in core.handle(f"/export {fmt}").document.data


def test_the_envoy_has_no_meetings_and_his_article_is_still_searchable(core):
    assert "No meetings stored for this person yet." in core.handle("/who witkoff").plain()
    assert "Witkoff" in core.handle("/search Witkoff").plain()
