"""Short wire stories and readouts in the styles of the outlets the bot reads, each with its meetings
as a reader would annotate them (checked by hand against the text): kind, date, place, people.

Each was written to probe one way of reporting - a dateline, a readout stamp, a Russian lead, a
pronoun after "On Tuesday,", a denial, an edit stamp - and each once went wrong.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from extraction import extract
from extraction.formats import article_text

STYLES = Path(__file__).with_name("styles")
CASES = json.loads((STYLES / "expected.json").read_text(encoding="utf-8"))["articles"]


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_each_style_is_read_as_a_reader_would(case: dict) -> None:
    published = dt.date.fromisoformat(case["published"]) if case["published"] else None
    text = article_text((STYLES / case["file"]).read_bytes(), filename=case["file"])  # as an upload is read
    extraction = extract(text, published=published, today=dt.date(2026, 11, 23))
    found = [{"kind": m.kind, "date": m.date.iso() if m.date else None, "place": m.place,
              "participants": sorted(p.name for p in m.participants)} for m in extraction.meetings]
    assert found == case["meetings"]
