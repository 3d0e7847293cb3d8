"""Score the extraction on the corpus of real news pages, both halves: `python -m eval.corpus`.

Each half (`eval/corpus/dev`, `eval/corpus/heldout`) holds page texts, a `manifest.toml` saying what
is known of each page from outside its text (address, outlet, the date the page itself carries) and a
`gold.json` written from the text by a reader. A half is loaded into a fresh store as `briefing ingest`
would load it (address and outlet given, as `/add` of a link gives them; the publication date only
where the page states one), exported as `briefing export --format json` prints it, and scored by
`eval/score.py`. `--text-only` withholds everything but the text, as an upload of a bare file does.

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

from bot.export import to_json
from bot.ingest import prepare_file, store_prepared
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
    language: str


def pages(half: str, corpus: Path = CORPUS) -> list[Page]:
    """The pages of one half, in file order, with what the manifest knows of each."""
    directory = corpus / half
    with (directory / "manifest.toml").open("rb") as fh:
        entries = tomllib.load(fh)["article"]
    out = []
    for entry in sorted(entries, key=lambda e: e["file"]):
        stamp = str(entry.get("page_date") or "")
        out.append(Page(path=directory / entry["file"], url=entry.get("url"), outlet=entry.get("outlet"),
                        page_date=dt.date.fromisoformat(stamp) if len(stamp) == 10 else None,
                        language=entry.get("language", "en")))
    return out


def predicted(half: str, *, text_only: bool = False, corpus: Path = CORPUS) -> list[dict]:
    """Every meeting a fresh store holds after loading the half, as `briefing export --format json` prints."""
    with tempfile.TemporaryDirectory() as folder:
        engine = open_store(f"sqlite:///{folder}/corpus.db")
        for page in pages(half, corpus):
            prepared = prepare_file(page.path) if text_only else prepare_file(
                page.path, published=page.page_date, url=page.url, outlet=page.outlet)
            if isinstance(prepared, str):
                raise SystemExit(f"{page.path.name}: refused: {prepared}")
            try:
                store_prepared(engine, prepared, describe=False)
            except DuplicateArticle:
                continue
        with session_scope(engine) as session:
            exported = to_json(queries.each_meeting(session))
        engine.dispose()
    return json.loads(exported)["meetings"]


def score(half: str, *, text_only: bool = False, corpus: Path = CORPUS) -> dict:
    """The scorer's figures (and misses) for one half."""
    scorer = _scorer()
    return scorer.score(scorer.load_gold(str(corpus / half / "gold.json")),
                        predicted(half, text_only=text_only, corpus=corpus))


def table(results: dict[str, dict]) -> str:
    """Per-field figures, one column per half."""
    halves = list(results)
    lines = [f"{'':22}" + "".join(f"{h:>10}" for h in halves)]
    for key in ("found", "gold_required", "predicted"):
        lines.append(f"{key:22}" + "".join(f"{results[h][key]:>10}" for h in halves))
    for key, label in FIELDS:
        cells = "".join(f"{'-' if results[h][key] is None else format(results[h][key], '.3f'):>10}"
                        for h in halves)
        lines.append(f"{label:22}{cells}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.corpus", description=__doc__.splitlines()[0])
    parser.add_argument("--text-only", action="store_true", help="give the pipeline nothing but each page's text")
    parser.add_argument("--misses", choices=HALVES, help="also print what one half got wrong")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    results = {half: score(half, text_only=args.text_only) for half in HALVES}
    if args.json:
        print(json.dumps({h: {k: v for k, v in r.items() if k != "misses"} for h, r in results.items()}, indent=2))
    else:
        print(table(results))
    if args.misses:
        print(f"\nWhat the {args.misses} half got wrong:")
        print("\n".join(results[args.misses]["misses"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
