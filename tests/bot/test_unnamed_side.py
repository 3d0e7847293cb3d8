"""A meeting whose article names the other side only as a body ("the leadership of Jilin Province") is kept:
every list says that side's officials are not named, the full details give the article's words, and the
exports carry them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from bot.core.commands import CommandCore
from bot.services.ingest import ArticleInput, Ingestor, Reader
from knowledge import default_knowledge

ADDED = dt.date(2026, 12, 3)
PAGE = ("Приморье и Цзилинь договорились о сотрудничестве\n\n"
        "ВЛАДИВОСТОК, 14 мая 2025. Губернатор Приморского края Олег Кожемяко провел переговоры с руководством "
        "провинции Цзилинь о строительстве пункта пропуска.")


@pytest.fixture
def core(engine):
    Ingestor(engine, Reader(today=ADDED)).add(ArticleInput(PAGE, outlet="Primorye Today", filename="jilin.txt"))
    return CommandCore(engine, default_knowledge(), today=lambda: ADDED)


def test_a_list_says_the_other_sides_officials_are_not_named(core):
    block = core.handle("/latest").plain().split("\n\n")[1]
    assert block.startswith("14 May 2025 · Vladivostok · met")
    assert "Oleg Kozhemyako" in block
    assert "Chinese officials, not named" in block
    assert "Chinese officials, not named" in core.handle("/who Kozhemyako").plain()


def test_full_details_give_the_articles_words_for_them(core):
    latest = core.handle("/latest")
    [button] = [b for row in latest.buttons for b in row if b.label == "Full details"]
    assert "Chinese officials, not named: “руководством провинции Цзилинь”" in core.press(button.data).plain()


def test_exports_carry_the_words(core):
    [meeting] = json.loads(core.handle("/export json").document.data.decode("utf-8"))["meetings"]
    assert meeting["counterpart"] == "руководством провинции Цзилинь"
    assert [p["name"] for p in meeting["participants"]] == ["Oleg Kozhemyako"]
    rows = list(csv.reader(io.StringIO(core.handle("/export csv").document.data.decode("utf-8"))))
    assert rows[1][rows[0].index("counterpart")] == "руководством провинции Цзилинь"
