"""The whole pipeline on the seed articles and on texts it has never seen."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from extraction import extract
from extraction.types import Extraction, Meeting

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MANIFEST = {a["file"]: a["published"] for a in tomllib.loads((SEEDS / "manifest.toml").read_text())["article"]}


def seed(prefix: str, *, given: bool = True) -> Extraction:
    name = next(n for n in MANIFEST if n.startswith(prefix))
    return extract((SEEDS / name).read_text(encoding="utf-8"), published=MANIFEST[name] if given else None,
                   today=dt.date(2026, 11, 23))


def find(extraction: Extraction, *people: str, date: str | None = None) -> Meeting:
    matches = [m for m in extraction.meetings if {p.name for p in m.participants} == set(people)
               and (date is None or (m.date and m.date.iso() == date))]
    assert len(matches) == 1, [(m.date, [p.name for p in m.participants]) for m in extraction.meetings]
    return matches[0]


def test_seed_003_yields_the_three_moscow_meetings_of_wang_yis_visit() -> None:
    extraction = seed("003")
    for people, day in ((("Wang Yi", "Vladimir Putin"), "2023-02-22"), (("Wang Yi", "Sergei Lavrov"), "2023-02-22"),
                        (("Wang Yi", "Nikolai Patrushev"), "2023-02-21")):
        meeting = find(extraction, *people, date=day)
        assert (meeting.place, meeting.kind) == ("Moscow", "meeting")
    assert {"Taiwan", "Xinjiang", "Tibet", "Hong Kong"} <= {
        t.name for t in find(extraction, "Wang Yi", "Nikolai Patrushev").topics}
    assert "trade" in {t.name for t in find(extraction, "Wang Yi", "Vladimir Putin", date="2023-02-22").topics}


def test_seed_002_takes_the_byline_date_not_the_edit_stamp() -> None:
    extraction = seed("002", given=False)
    assert (extraction.published, extraction.published_source) == (dt.date(2019, 12, 6), "byline")
    meeting = find(extraction, "Nikolai Patrushev", "Yang Jiechi")
    assert (meeting.date.iso() if meeting.date else None, meeting.place) == ("2019-12-04", "Shanghai")
    assert {"strategic security", "United States"} <= {t.name for t in meeting.topics}
    assert find(extraction, "Vladimir Putin", "Xi Jinping").date.iso() == "2019-06"  # type: ignore[union-attr]


def test_seed_000_finds_the_consultations_and_the_may_visit_but_not_the_analysts() -> None:
    extraction = seed("000")
    main = find(extraction, "Sergei Shoigu", "Wang Yi")
    assert (main.date.iso(), main.place, main.kind) == ("2025-12-02", "Moscow", "meeting")  # type: ignore[union-attr]
    assert {"strategic security", "Taiwan", "World War II", "Asia-Pacific", "military-technical cooperation"} <= {
        t.name for t in main.topics}
    chen = find(extraction, "Sergei Shoigu", "Chen Wenqing")
    assert (chen.date.iso(), chen.place) == ("2025-05", "Moscow")  # type: ignore[union-attr]
    everyone = {p.name for m in extraction.meetings for p in m.participants}
    assert not everyone & {"Sergey Lukonin", "Viktor Pirozhenko", "Alexander Yershov"}


def test_seed_001_is_a_planned_meeting_on_the_coming_tuesday() -> None:
    meeting = find(seed("001"), "Sergei Shoigu", "Wang Yi")
    assert (meeting.date.iso(), meeting.place, meeting.kind) == ("2024-11-12", "Beijing", "planned")  # type: ignore[union-attr]
    assert {"strategic security", "mutual trust", "international security", "regional security"} <= {
        t.name for t in meeting.topics}


def test_seed_004_keeps_the_photo_caption_meeting_apart_from_the_new_one() -> None:
    extraction = seed("004")
    caption = find(extraction, "Sergei Shoigu", "Wang Yi", date="2024-09-10")
    assert caption.place == "Saint Petersburg"
    today = find(extraction, "Sergei Shoigu", "Wang Yi", date="2026-02-01")
    assert today.place == "Beijing"
    assert {"multipolar world", "Taiwan"} <= {t.name for t in today.topics}


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Russian President Vladimir Putin held a telephone conversation with Chinese President Xi Jinping on "
         "Thursday. The two leaders discussed Ukraine.", dt.date(2025, 5, 10), ("2025-05-08", None, "call")),
        ("Сергей Лавров провёл переговоры с Ван И в Пекине 12 марта.", dt.date(2024, 3, 14),
         ("2024-03-12", "Beijing", "meeting")),
        ("Chinese Defence Minister Dong Jun will visit Moscow on June 20 to meet Russian Defence Minister "
         "Andrei Belousov.", dt.date(2024, 6, 3), ("2024-06-20", "Moscow", "planned")),
    ],
)
def test_unseen_texts(text: str, published: dt.date, expected: tuple[str, str | None, str]) -> None:
    (meeting,) = extract(text, published=published).meetings
    assert (meeting.date.iso() if meeting.date else None, meeting.place, meeting.kind) == expected


@pytest.mark.parametrize("text", ["", "The weather in Moscow was cold. Nothing happened.", "a" * 1_000_000])
def test_texts_without_meetings_give_none_and_say_no_date_was_found(text: str) -> None:
    extraction = extract(text, today=dt.date(2026, 11, 23))
    assert extraction.meetings == ()
    assert (extraction.published, extraction.published_source) == (None, "assumed")  # never the day added
    assert "no publication date found; no meeting is dated from the day the article was added" in extraction.warnings


def test_warnings_name_strangers_and_undated_meetings() -> None:
    extraction = extract("Chinese Vice Premier Zhou Mingyuan met Vladimir Putin in the Kremlin.",
                         published=dt.date(2025, 1, 1))
    assert "person not in the knowledge base: Zhou Mingyuan" in extraction.warnings
    assert any(w.startswith("no date found for meeting") for w in extraction.warnings)


def test_the_evidence_for_a_meeting_is_a_body_sentence_not_the_headline():
    text = ("Lavrov and Wang Yi Hold Talks in Beijing\n\n"
            "Russian Foreign Minister Sergei Lavrov held talks with Chinese Foreign Minister Wang Yi "
            "in Beijing on April 9, 2025.\n")
    [meeting] = extract(text, published=dt.date(2025, 4, 10)).meetings
    assert meeting.quote.startswith("Russian Foreign Minister Sergei Lavrov held talks")
