"""Score the extraction on the corpus of real news pages, both halves: `python -m eval.corpus`.

Each half (`eval/corpus/dev`, `eval/corpus/heldout`) holds page texts, a `manifest.toml` saying what
is known of each page from outside its text (address, outlet, the date the page itself carries) and a
`gold.json` written from the text by a reader. A half is loaded into a fresh store as `briefing ingest`
would load it (address and outlet given, as `/add` of a link gives them; the publication date only
where the page states one), exported as `briefing export --format json` prints it, and scored by
`eval/score.py`. `--text-only` withholds everything but the text, as an upload of a bare file does;
`--known-dates` also gives the publication day the gold's reader established (as an admin's caption,
or the seeds' manifest, gives it), which shows what is lost to publication dates alone.

The held-out half is for measuring how the rules carry over: print its misses (`--misses heldout`)
only when the rules are done, never while tuning them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

from bot.core.export import to_json
from bot.services.ingest import Ingestor
from storage import queries
from storage.bootstrap import open_store
from storage.db import session_scope
from storage.errors import DuplicateArticle

CORPUS = Path(__file__).with_name("corpus")
HALVES = ("dev", "heldout")
FIELDS = (
    ("meeting_recall", "meetings found"), ("meeting_precision", "meetings right"),
    ("date_accuracy", "dates"), ("place_accuracy", "places"), ("kind_accuracy", "kinds"),
    ("participant_precision", "participants right"), ("participant_recall", "participants found"),
    ("topic_recall", "topics found"), ("topic_precision", "topics right"), ("quality", "quality"),
)


def _scorer():
    spec = importlib.util.spec_from_file_location("briefing_eval_score", Path(__file__).with_name("score.py"))
    if spec is None or spec.loader is None:
        raise SystemExit("eval/score.py is missing")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Page:
    path: Path
    url: str | None
    outlet: str | None
    page_date: dt.date | None
    known_date: dt.date | None
    language: str


def pages(half: str, corpus: Path = CORPUS) -> list[Page]:
    """The pages of one half, in file order, with what the manifest knows of each."""
    directory = corpus / half
    with (directory / "manifest.toml").open("rb") as fh:
        entries = tomllib.load(fh)["article"]
    gold = json.loads((directory / "gold.json").read_text(encoding="utf-8"))["articles"]
    published = {a["file"]: _day(a.get("published")) for a in gold}
    return [Page(path=directory / entry["file"], url=entry.get("url"), outlet=entry.get("outlet"),
                 page_date=_day(entry.get("page_date")), known_date=published.get(entry["file"]),
                 language=entry.get("language", "en"))
            for entry in sorted(entries, key=lambda e: e["file"])]


def _day(value: object) -> dt.date | None:
    """A full date (YYYY-MM-DD) as a date; a month, a year or nothing as None."""
    text = str(value or "")
    return dt.date.fromisoformat(text) if len(text) == 10 else None


def predicted(half: str, *, mode: str = "page", corpus: Path = CORPUS) -> list[dict]:
    """Every meeting a fresh store holds after loading the half, as `briefing export --format json` prints."""
    with tempfile.TemporaryDirectory() as folder:
        engine = open_store(f"sqlite:///{folder}/corpus.db")
        ingestor = Ingestor(engine, describe=False)
        for page in pages(half, corpus):
            if mode == "text":
                prepared = ingestor.reader.prepare_file(page.path)
            else:
                published = page.known_date or page.page_date if mode == "known" else page.page_date
                prepared = ingestor.reader.prepare_file(page.path, published=published, url=page.url,
                                                        outlet=page.outlet)
            if isinstance(prepared, str):
                raise SystemExit(f"{page.path.name}: refused: {prepared}")
            try:
                ingestor.store(prepared)
            except DuplicateArticle:
                continue
        with session_scope(engine) as session:
            exported = to_json(queries.each_meeting(session))
        engine.dispose()
    return json.loads(exported)["meetings"]


def score(half: str, *, mode: str = "page", corpus: Path = CORPUS) -> dict:
    """The scorer's figures (and misses) for one half."""
    scorer = _scorer()
    return scorer.score(scorer.load_gold(str(corpus / half / "gold.json")),
                        predicted(half, mode=mode, corpus=corpus))


def score_by_language(half: str, *, mode: str = "page", corpus: Path = CORPUS) -> dict[str, dict]:
    """The scorer's figures for the English and the Russian pages of one half, each apart: the gold of those
    pages against the meetings their addresses are a source of."""
    scorer = _scorer()
    gold = scorer.load_gold(str(corpus / half / "gold.json"))
    meetings = predicted(half, mode=mode, corpus=corpus)
    out = {}
    for language in ("en", "ru"):
        mine = [p for p in pages(half, corpus) if p.language == language]
        files, urls = {p.path.name for p in mine}, {p.url for p in mine}
        out[f"{half} {language}"] = scorer.score(
            [g for g in gold if g["source"] in files],
            [m for m in meetings if any(s.get("url") in urls for s in m.get("sources", []))])
    return out


def page_misses(half: str, *, mode: str = "page", corpus: Path = CORPUS) -> dict[str, list[str]]:
    """Each page's misses, its gold scored against the meetings it is a source of. The scorer pairs gold and
    predictions across the whole half, which is right for the figures but makes its list of misses mislead: a
    Putin–Xi meeting of one page stands in for another page's. Pages with nothing wrong are left out."""
    scorer = _scorer()
    gold = scorer.load_gold(str(corpus / half / "gold.json"))
    meetings = predicted(half, mode=mode, corpus=corpus)
    out = {}
    for page in pages(half, corpus):
        mine = [m for m in meetings if any(s.get("url") == page.url for s in m.get("sources", []))]
        misses = scorer.score([g for g in gold if g["source"] == page.path.name], mine)["misses"]
        if misses:
            out[page.path.name] = misses
    return out


def table(results: dict[str, dict]) -> str:
    """Per-field figures, one column per half."""
    halves = list(results)
    lines = [f"{'':22}" + "".join(f"{h:>11}" for h in halves)]
    for key in ("found", "gold_required", "predicted"):
        lines.append(f"{key:22}" + "".join(f"{results[h][key]:>11}" for h in halves))
    for key, label in FIELDS:
        cells = "".join(f"{'-' if results[h][key] is None else format(results[h][key], '.3f'):>11}"
                        for h in halves)
        lines.append(f"{label:22}{cells}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.corpus", description=__doc__.splitlines()[0])
    given = parser.add_mutually_exclusive_group()
    given.add_argument("--text-only", dest="mode", action="store_const", const="text", default="page",
                       help="give the pipeline nothing but each page's text")
    given.add_argument("--known-dates", dest="mode", action="store_const", const="known",
                       help="also give the publication day the gold's reader established")
    parser.add_argument("--misses", choices=HALVES, help="also print what one half got wrong, page by page")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--by-language", action="store_true", help="English and Russian pages apart")
    args = parser.parse_args(argv)
    if args.by_language:
        results = {k: v for half in HALVES for k, v in score_by_language(half, mode=args.mode).items()}
    else:
        results = {half: score(half, mode=args.mode) for half in HALVES}
    if args.json:
        print(json.dumps({h: {k: v for k, v in r.items() if k != "misses"} for h, r in results.items()}, indent=2))
    else:
        print(table(results))
    if args.misses:
        print(f"\nWhat the {args.misses} half got wrong, page by page:")
        for page, misses in page_misses(args.misses, mode=args.mode).items():
            print(f"{page}\n" + "\n".join(f"  {miss}" for miss in misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
