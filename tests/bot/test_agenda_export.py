"""The agenda leaves the store in every export that lists meetings, and in a meeting's full details only."""

from __future__ import annotations

import csv
import io
import json

from bot.core.export import to_csv, to_json
from bot.core.render import meeting_block
from tests.bot.test_export import view

AGENDA = ("preparations for the SCO summit", "ситуацию на Украине")


def test_json_export_carries_the_agenda_as_a_list():
    [meeting] = json.loads(to_json([view(agenda=AGENDA), view(id=8)]))["meetings"][:1]
    assert meeting["agenda"] == list(AGENDA)
    assert json.loads(to_json([view(id=8)]))["meetings"][0]["agenda"] == []


def test_csv_export_has_an_agenda_column_after_the_others():
    rows = list(csv.reader(io.StringIO(to_csv([view(agenda=AGENDA), view(id=8)]))))
    column = rows[0].index("agenda")
    assert rows[0][: column + 1] == ["id", "date", "place", "kind", "label", "participants", "topics", "sources",
                                     "agenda"]
    assert rows[1][column] == "preparations for the SCO summit; ситуацию на Украине"
    assert rows[2][column] == ""


def test_full_details_show_the_agenda_and_a_list_does_not():
    meeting = view(agenda=("trade & energy", *AGENDA))
    full = meeting_block(meeting, full=True)
    assert "Discussed: trade &amp; energy; preparations for the SCO summit; ситуацию на Украине" in full
    assert "Discussed:" not in meeting_block(meeting)
    assert "Discussed:" not in meeting_block(view(), full=True)
