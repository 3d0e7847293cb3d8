"""The corpus of real news pages: what it holds, and the level the extraction reaches on it.

The composition is what makes the figures mean something (enough Russian, Chinese official media,
Russian state media, pages with no meeting, a spread of years); the floors keep the level reached on
both halves from slipping unnoticed.
"""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from functools import cache

import pytest

from eval import corpus


@cache
def manifest(half: str) -> list[dict]:
    with (corpus.CORPUS / half / "manifest.toml").open("rb") as fh:
        return tomllib.load(fh)["article"]


@cache
def gold(half: str) -> list[dict]:
    return json.loads((corpus.CORPUS / half / "gold.json").read_text(encoding="utf-8"))["articles"]


def every(key: str) -> Counter:
    return Counter(value for half in corpus.HALVES for a in manifest(half)
                   for value in (a.get(key) if isinstance(a.get(key), list) else [a.get(key)]))


@pytest.mark.parametrize("half", corpus.HALVES)
def test_each_page_has_its_text_its_manifest_entry_and_its_gold(half: str) -> None:
    texts = {p.name for p in (corpus.CORPUS / half).glob("*.txt")}
    assert texts == {a["file"] for a in manifest(half)} == {a["file"] for a in gold(half)}
    assert all(a.get("url", "").startswith("http") for a in manifest(half))


def test_the_halves_share_no_page() -> None:
    dev, heldout = ({a["url"] for a in manifest(h)} for h in corpus.HALVES)
    assert not dev & heldout


def test_the_corpus_holds_what_the_issue_asks_for() -> None:
    pages = sum(len(manifest(h)) for h in corpus.HALVES)
    tags, languages = every("tags"), every("language")
    chinese_official_english = sum(1 for h in corpus.HALVES for a in manifest(h)
                                   if "chinese-official" in a.get("tags", []) and a["language"] == "en")
    years = {str(a["published"])[:4] for h in corpus.HALVES for a in gold(h) if a.get("published")}
    assert pages >= 80
    assert languages["ru"] >= 25
    assert chinese_official_english >= 15
    assert tags["kremlin-tass-ria-sputnik"] >= 10
    assert tags["no-meeting"] >= 5
    assert {"call", "planned", "several-meetings", "delegation", "below-top"} <= set(tags)
    assert {"2012", "2026"} <= years
    assert len(years) >= 12


@pytest.mark.parametrize("half", corpus.HALVES)
def test_no_meeting_pages_have_empty_gold(half: str) -> None:
    tagged = {a["file"] for a in manifest(half) if "no-meeting" in a.get("tags", [])}
    assert tagged
    # an optional entry may note a visit with no Chinese official named; nothing there must be found
    assert all(m["status"] != "required" for a in gold(half) if a["file"] in tagged for m in a["meetings"])


# The level reached when the corpus came in (quality 0.606 dev, 0.551 held-out), then with 36 more pages
# that no rule had seen (0.702 and 0.605), then with the rules for dates pages give without their year or
# day (dates 0.521 -> 0.746 on dev; quality 0.760 and 0.617), then with 20 more unseen pages (0.699 and 0.638
# on those alone; 0.751 and 0.636 on both halves), then 20 more (0.666 and 0.641 on those alone; 0.758 and
# 0.671 on both halves, 160 pages; 0.763 and 0.670 at that round's end), then 20 more (0.688 and 0.739 on
# those alone) and 20 more (0.749 and 0.653): 0.753 and 0.663 on both halves, 200 pages, and 0.750 and 0.663
# at that round's end. A change that loses ground on real pages fails.
FLOORS = {
    "dev": {"quality": 0.74, "meeting_recall": 0.86, "meeting_precision": 0.97, "place_accuracy": 0.76,
            "date_accuracy": 0.72},
    "heldout": {"quality": 0.65, "meeting_recall": 0.65, "meeting_precision": 0.85, "date_accuracy": 0.64},
}


@pytest.mark.parametrize("half", corpus.HALVES)
def test_the_extraction_keeps_its_level_on_real_pages(half: str) -> None:
    result = corpus.score(half)
    below = {key: round(result[key], 3) for key, floor in FLOORS[half].items() if result[key] < floor}
    assert not below, below


def test_the_languages_apart_split_each_halfs_gold_between_them() -> None:
    for half in corpus.HALVES:
        apart = corpus.score_by_language(half)
        assert sum(r["gold_required"] for r in apart.values()) == corpus.score(half)["gold_required"]
        assert all(r["predicted"] > 0 for r in apart.values())


def _tiny_corpus(folder, pages: dict[str, tuple[str, str]]) -> None:
    """A one-half corpus: file → (text, the date its gold gives the Putin–Xi talks)."""
    half = folder / "dev"
    half.mkdir()
    manifest, gold = [], []
    for name, (text, date) in pages.items():
        (half / name).write_text(text, encoding="utf-8")
        manifest.append(f'[[article]]\nfile = "{name}"\nurl = "https://example.org/{name}"\noutlet = "Wire"\n'
                        f'language = "en"\npage_date = "2024-05-20"\n')
        gold.append({"file": name, "meetings": [{"status": "required", "date": date, "place": None, "kind": "meeting",
                                                 "participants": ["Vladimir Putin", "Xi Jinping"],
                                                 "topics_must": [], "topics_may": []}]})
    (half / "manifest.toml").write_text("\n".join(manifest), encoding="utf-8")
    (half / "gold.json").write_text(json.dumps({"articles": gold}), encoding="utf-8")


def test_misses_are_told_page_by_page_against_that_pages_own_meetings(tmp_path) -> None:
    talks = "Vladimir Putin held talks with Xi Jinping in Beijing on 16 May 2024."
    _tiny_corpus(tmp_path, {"a.txt": (f"Putin meets Xi\n\n{talks}", "2024-05-16"),
                            "b.txt": (f"Putin and Xi\n\n{talks}", "2024-05-17")})
    misses = corpus.page_misses("dev", corpus=tmp_path)
    assert list(misses) == ["b.txt"]  # one meeting of two sources: right for a, a day off for b
    assert misses["b.txt"] == ["DATE     gold 2024-05-17 got 2024-05-16: Vladimir Putin, Xi Jinping"]
