"""Replies say what they mean: counts agree with their nouns, a digest says "added since", an ICS export
says what it left out, CSV sources name the article, and /articles is in the order it claims."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.core.commands import CommandCore
from bot.core.plural import counted
from bot.services.config import get_settings
from knowledge import default_knowledge
from storage.bootstrap import open_store
from storage.db import session_scope
from storage.writes import ArticleMeta, store_extraction
from tests.factories import extraction, meeting

NOW = dt.datetime(2026, 12, 3, 9, tzinfo=dt.UTC)


def core_for(engine) -> CommandCore:
    return CommandCore(engine, default_knowledge(), today=NOW.date, now=lambda: NOW)


@pytest.fixture
def seeded(seeded_db_url):
    engine = open_store(seeded_db_url)
    yield core_for(engine)
    engine.dispose()


@pytest.fixture
def one_meeting(engine):
    """One article reporting one meeting, with everything a source can carry."""
    with session_scope(engine) as session:
        store_extraction(session, extraction(meeting()), ArticleMeta(url="https://example.org/a", outlet="Izvestia"))
    return core_for(engine)


def test_counted_agrees_with_the_number():
    assert [counted(n, "meeting") for n in (0, 1, 2, 12_000)] == ["0 meetings", "1 meeting", "2 meetings",
                                                                  "12,000 meetings"]
    assert counted(1, "person", "people") == "1 person"
    assert counted(3, "person", "people") == "3 people"


def test_one_of_a_kind_is_singular_everywhere(one_meeting):
    assert "I know 1 meeting of 2 officials from 1 article," in one_meeting.handle("/start").plain()
    assert "· 1 meeting\n" in one_meeting.handle("/articles").plain()
    assert "Digest: 1 meeting added in the last 7 days" in one_meeting.handle("/digest").plain()
    assert one_meeting.handle("/export json").plain() == "1 meeting as JSON."
    assert "1 meetings" not in one_meeting.handle("/export ics").plain()


def test_briefing_ingest_of_one_file_says_one_file(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    get_settings.cache_clear()
    article = tmp_path / "a.txt"
    article.write_text("Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Beijing "
                       "on March 12, 2025.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(article), "--jobs", "1"], catch_exceptions=False)
    get_settings.cache_clear()
    assert "1 file: 1 added (1 meeting, 1 new), 0 refused" in result.output


def test_the_digest_says_the_meetings_were_added_not_held_since(seeded):
    head = seeded.handle("/digest").plain().splitlines()[0]
    assert head == "Digest: 11 meetings added in the last 7 days (your first digest)"  # some held in 2019


def test_ics_export_says_how_many_meetings_are_in_the_file_and_why_not_the_rest(seeded):
    reply = seeded.handle("/export ics")
    events = reply.document.data.decode().count("BEGIN:VEVENT")
    assert reply.plain().startswith(f"{events} of 11 meetings as ICS")
    assert "the other 3 have no day to put in a calendar (2 dated only to a month or year and 1 with no date)" \
        in reply.plain()
    assert events == 8


def test_csv_sources_give_article_id_outlet_date_and_url(one_meeting):
    rows = list(csv.DictReader(io.StringIO(one_meeting.handle("/export csv").document.data.decode())))
    assert rows[0]["sources"] == "article #1 | Izvestia | 2025-12-02 | https://example.org/a"


def test_csv_sources_say_which_parts_are_unknown(seeded):
    rows = list(csv.DictReader(io.StringIO(seeded.handle("/export csv").document.data.decode())))
    for row in rows:
        for source in row["sources"].split("; "):
            number, outlet, published, url = source.split(" | ")
            assert number.removeprefix("article #").isdigit()
            assert outlet
            assert dt.date.fromisoformat(published)  # every seed has a publication date
            assert url == "no URL"  # and none a URL


def test_articles_are_listed_newest_published_first(seeded):
    listed = [line.split(" · ")[:2] for line in seeded.handle("/articles").plain().splitlines() if line[:1] == "#"]
    assert [date for _, date in listed] == ["2026-02-01", "2025-12-02", "2024-11-11", "2023-02-22", "2019-12-06"]
    assert "newest published first" in seeded.handle("/articles").plain()


def test_articles_of_one_day_newest_added_first_and_undated_last(engine):
    day = dt.date(2025, 3, 1)
    with session_scope(engine) as session:
        for text, published in (("A.", day), ("B.", None), ("C.", day), ("D.", dt.date(2024, 1, 1))):
            store_extraction(session, extraction(text=text, published=published), ArticleMeta())
    listed = [line.split(" · ")[0] for line in core_for(engine).handle("/articles").plain().splitlines()
              if line[:1] == "#"]
    assert listed == ["#3", "#1", "#4", "#2"]
