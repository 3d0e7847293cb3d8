"""A reader is told when a meeting's date rests on a publication day the article does not give: in every list,
in the full details (with the article's own words), in the exports and the upload report; a dated page's
meeting reads as before; `briefing reextract` brings a store made before this up to date."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from alembic import command

from bot.core.admin import ingest_report
from bot.core.commands import CommandCore
from bot.services.ingest import ArticleInput, Ingestor, Reader, reextract_all
from knowledge import default_knowledge
from storage import queries
from storage.db import alembic_config, migrate, session_scope

ADDED = dt.date(2026, 12, 3)
UNDATED = ("Defence chiefs confer on the coast\n\n"
           "Chinese Defence Minister Dong Jun held talks with Russian Defence Minister Andrei Belousov in Qingdao "
           "on Wednesday, according to a statement from the ministry in Beijing.")
DATED = ("Defence chiefs confer on the coast\n\n"
         "Chinese Defence Minister Dong Jun held talks with Russian Defence Minister Andrei Belousov in Qingdao "
         "on 16 April 2025, according to a statement from the ministry in Beijing.")


def add(engine, text: str, url: str | None = None):
    return Ingestor(engine, Reader(today=ADDED)).add(ArticleInput(text, url=url, outlet="Coast Wire",
                                                                  filename="coast.txt"))


@pytest.fixture
def core(engine):
    return CommandCore(engine, default_knowledge(), today=lambda: ADDED)


def full_details(core, reply) -> str:
    [button] = [b for row in reply.buttons for b in row if b.label == "Full details"]
    return core.press(button.data).plain()


def exported(core, fmt: str) -> str:
    reply = core.handle(f"/export {fmt}")
    assert reply.document is not None
    return reply.document.data.decode("utf-8")


def test_an_undated_page_meeting_on_wednesday_is_shown_and_exported_as_uncertain(core, engine):
    result = add(engine, UNDATED)
    assert "• date uncertain · Qingdao" in ingest_report(result).plain()
    latest = core.handle("/latest")
    block = latest.plain().split("\n\n")[1]
    assert block.startswith("date uncertain · Qingdao · met")
    assert core.handle("/who Belousov").plain().count("date uncertain · Qingdao") == 1
    assert "Date uncertain: the article says “on Wednesday” but not when it was published" in full_details(core, latest)
    [meeting] = json.loads(exported(core, "json"))["meetings"]
    assert (meeting["date"], meeting["date_certain"], meeting["date_text"]) == (None, False, "on Wednesday")
    header, row = csv.reader(io.StringIO(exported(core, "csv")))
    assert dict(zip(header, row, strict=True))["date_certain"] == "no"
    assert dict(zip(header, row, strict=True))["date_text"] == "on Wednesday"


def test_a_month_from_the_page_address_is_shown_with_its_doubt(core, engine):
    add(engine, UNDATED, url="https://coast.example.com/defence/2019/05/chiefs-confer")
    latest = core.handle("/latest")
    assert latest.plain().split("\n\n")[1].startswith("May 2019 (uncertain) · Qingdao · met")
    assert "Date uncertain: the article says “on Wednesday” but not the day it was published" in (
        full_details(core, latest))


def test_a_day_placed_by_the_pages_own_dates_says_the_year_is_what_it_lacks(core, engine):
    """A yearless dateline placed after the latest date the page tells as past: the day is the page's own."""
    add(engine, "Defence chiefs confer on the coast\n\n"
                "QINGDAO, April 16 (Reuters) - Chinese Defence Minister Dong Jun held talks with Russian Defence"
                " Minister Andrei Belousov in Qingdao on Wednesday.\n\n"
                "The two ministers had last spoken on December 3, 2024, when they discussed exercises.")
    latest = core.handle("/latest")
    assert latest.plain().split("\n\n")[1].startswith("16 Apr 2025 (uncertain) · Qingdao · met")
    assert "but not the year it was published" in full_details(core, latest)


def test_a_page_that_gives_the_full_date_adds_nothing_about_it(core, engine):
    add(engine, DATED)
    latest = core.handle("/latest")
    assert latest.plain().split("\n\n")[1].startswith("16 Apr 2025 · Qingdao · met")
    assert "uncertain" not in latest.plain() + full_details(core, latest)
    [meeting] = json.loads(exported(core, "json"))["meetings"]
    assert (meeting["date_certain"], meeting["date_text"]) == (True, "")
    header, row = csv.reader(io.StringIO(exported(core, "csv")))
    assert dict(zip(header, row, strict=True))["date_certain"] == "yes"


def test_reextract_marks_the_uncertain_dates_of_a_store_made_before_they_were_kept(core, engine):
    add(engine, UNDATED)
    config = alembic_config(engine)
    command.downgrade(config, "0016")  # the store as the previous version left it, which knew no such flag
    migrate(engine)
    with session_scope(engine) as session:
        assert [v.date_certain for v in queries.each_meeting(session)] == [True]
    assert "uncertain" not in core.handle("/latest").plain()
    reextract_all(engine)
    with session_scope(engine) as session:
        [view] = list(queries.each_meeting(session))
    assert (view.date_certain, view.date_text) == (False, "on Wednesday")
    assert core.handle("/latest").plain().split("\n\n")[1].startswith("date uncertain · Qingdao")
