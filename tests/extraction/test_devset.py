"""The whole pipeline on the development set: articles from several outlets, scored like the evaluation."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path

import pytest

from extraction import extract
from extraction.formats import article_text
from extraction.types import Extraction
from tests.extraction import scoring
from tests.extraction.pdfmaker import DEVSET_PDF, PRESS_RELEASE, make_pdf

DEVSET = Path(__file__).with_name("devset")
GOLD = DEVSET / "gold.json"
ARTICLES = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
TODAY = dt.date(2026, 11, 23)  # the day the articles are "added": far from every publication date


@cache
def read(name: str) -> Extraction:
    """An article as the bot reads an upload: bytes → text → extraction, no publication date given."""
    data = (DEVSET / name).read_bytes()
    return extract(article_text(data, filename=name), today=TODAY)


def exported(extraction: Extraction) -> list[dict]:
    """Meetings in the shape `briefing export --format json` prints, as far as the scorer reads it."""
    return [{"date": m.date.iso() if m.date else None, "place": m.place, "kind": m.kind,
             "participants": [{"name": p.name} for p in m.participants],
             "topics": [{"name": t.name} for t in m.topics]} for m in extraction.meetings]


def merge_twins(meetings: list[dict]) -> list[dict]:
    """One event reported by two articles is one stored meeting (same day, same people), as in storage."""
    out: list[dict] = []
    for m in meetings:
        names = sorted(p["name"] for p in m["participants"])
        twin = next((k for k in out if m["date"] and k["date"] == m["date"]
                     and sorted(p["name"] for p in k["participants"]) == names), None)
        if twin is None:
            out.append(dict(m, topics=list(m["topics"])))
        else:
            twin["topics"] += [t for t in m["topics"] if t not in twin["topics"]]
            twin["place"] = twin["place"] or m["place"]
    return out


@pytest.mark.parametrize("article", ARTICLES, ids=[a["file"] for a in ARTICLES])
def test_publication_date_is_read_from_the_article(article: dict) -> None:
    assert read(article["file"]).published == dt.date.fromisoformat(article["published"])


@pytest.mark.parametrize("article", ARTICLES, ids=[a["file"] for a in ARTICLES])
def test_every_required_meeting_of_each_article_is_found(article: dict, tmp_path: Path) -> None:
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"articles": [article]}), encoding="utf-8")
    result = scoring.score(scoring.load_gold(str(gold)), exported(read(article["file"])))
    assert result["meeting_recall"] == 1.0, result["misses"]


def test_the_dev_set_scores_like_the_seeds() -> None:
    predicted = merge_twins([m for a in ARTICLES for m in exported(read(a["file"]))])
    result = scoring.score(scoring.load_gold(str(GOLD)), predicted)
    assert result["meeting_recall"] == 1.0, result["misses"]
    assert result["quality"] >= 0.98, (result["quality"], result["misses"])


def test_the_committed_pdf_is_what_the_script_makes() -> None:
    assert DEVSET_PDF.read_bytes() == make_pdf(PRESS_RELEASE)


def test_the_dev_set_covers_the_outlets_and_formats_it_should() -> None:
    files = [a["file"] for a in ARTICLES]
    assert len(files) >= 12
    assert set(files) <= {p.name for p in DEVSET.iterdir()}
    assert any(f.endswith(".html") for f in files)
    assert any(f.endswith(".pdf") for f in files)
    kinds = {m["kind"] for a in ARTICLES for m in a["meetings"]}
    assert kinds == {"meeting", "call", "planned"}
