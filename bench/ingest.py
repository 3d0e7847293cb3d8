"""Ingest throughput: synthetic articles through the real pipeline, in process and through `briefing ingest`."""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

from bench.synth import ArticleWriter, SynthArticle, SynthPerson
from bot.services.ingest import ArticleInput, Ingestor, Reader
from extraction import extract
from knowledge import default_knowledge
from storage.bootstrap import open_store

TODAY = dt.date(2026, 1, 1)


def _fresh_store(path: Path) -> str:
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    return f"sqlite:///{path}"


def _articles(people: list[SynthPerson], count: int, seed: int) -> list[SynthArticle]:
    writer = ArticleWriter(random.Random(seed + 1), people, default_knowledge())
    return [writer.article() for _ in range(count)]


def articles_per_second(people: list[SynthPerson], count: int, *, seed: int, out: Path) -> tuple[float, int]:
    """(articles/s, meetings found) for `count` fresh articles into an empty store, one transaction each.

    The knowledge base's patterns are compiled before the clock starts: that happens once per process.
    """
    engine = open_store(_fresh_store(out / "ingest.db"))
    knowledge = default_knowledge()
    articles = _articles(people, count, seed)
    extract(articles[0].text, published=articles[0].published, today=TODAY, knowledge=knowledge)
    ingestor = Ingestor(engine, Reader(TODAY, knowledge), describe=False)
    meetings = 0
    started = time.perf_counter()
    for article in articles:
        result = ingestor.add(ArticleInput(article.text, published=article.published, outlet=article.outlet,
                                           added_by="bench"))
        meetings += len(result.stored.meeting_ids)
    elapsed = time.perf_counter() - started
    engine.dispose()
    return count / elapsed, meetings


RUSSIAN_PAGES = Path(__file__).resolve().parent.parent / "eval" / "corpus" / "dev"


def _russian_pages() -> list[str]:
    """The Russian pages of the corpus's dev half: real articles, with the names the recogniser must read."""
    manifest = tomllib.loads((RUSSIAN_PAGES / "manifest.toml").read_text(encoding="utf-8"))
    return [(RUSSIAN_PAGES / a["file"]).read_text(encoding="utf-8") for a in manifest["article"]
            if a.get("language") == "ru"]


def russian_articles_per_second(count: int, *, out: Path) -> tuple[float, float, int]:
    """(articles/s by the clock, articles/s of this process's CPU time, mean characters) for `count` Russian
    articles into an empty store; the named-entity model loads before the clock starts, once per process.

    The pages are taken in turn, each copy made distinct by a numbered last line (a store refuses a
    duplicate), so no cache anywhere can answer a copy from an earlier one.
    """
    pages = _russian_pages()
    if not pages:
        return 0.0, 0.0, 0
    engine = open_store(_fresh_store(out / "ingest-ru.db"))
    knowledge = default_knowledge()
    extract(pages[0], today=TODAY, knowledge=knowledge)
    texts = [f"{pages[n % len(pages)]}\n\nМатериал {n}." for n in range(count)]
    ingestor = Ingestor(engine, Reader(TODAY, knowledge), describe=False)
    wall, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        ingestor.add(ArticleInput(text, added_by="bench"))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    engine.dispose()
    return count / wall, count / cpu, round(sum(map(len, texts)) / len(texts))


def cli_ingest_seconds(people: list[SynthPerson], count: int, *, seed: int, out: Path) -> float:
    """Wall time of `briefing ingest DIR --no-alerts` over `count` article files, start-up included."""
    folder = out / "ingest-files"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for n, article in enumerate(_articles(people, count, seed + 2)):
        (folder / f"{n:06d}.txt").write_text(article.text, encoding="utf-8")
    env = {**os.environ, "DATABASE_URL": _fresh_store(out / "ingest-cli.db"), "TELEGRAM_BOT_TOKEN": "",
           "LOG_LEVEL": "WARNING"}
    briefing = Path(sys.executable).with_name("briefing")
    started = time.perf_counter()
    subprocess.run([str(briefing), "ingest", str(folder), "--no-alerts"], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    shutil.rmtree(folder)
    return elapsed


def ms_per_thousand_words(people: list[SynthPerson], scales: tuple[int, ...], count: int, *, seed: int,
                          out: Path) -> list[tuple[int, float]]:
    """(mean words, ingest ms per 1,000 words) for articles `scale` times the usual length, for each scale.

    A long article is `scale` articles' texts in one, so it has proportionally more sentences, people
    and meetings; equal figures across scales mean time grows linearly with length. Each scale goes
    into its own fresh store, with the patterns compiled before the clock starts.
    """
    knowledge = default_knowledge()
    figures: list[tuple[int, float]] = []
    for scale in scales:
        engine = open_store(_fresh_store(out / f"ingest-x{scale}.db"))
        parts = _articles(people, count * scale, seed + 10 * scale)
        texts = ["\n\n".join(p.text for p in parts[i : i + scale]) for i in range(0, len(parts), scale)]
        extract(texts[0], published=parts[0].published, today=TODAY, knowledge=knowledge)
        ingestor = Ingestor(engine, Reader(TODAY, knowledge), describe=False)
        started = time.perf_counter()
        for n, text in enumerate(texts):
            ingestor.add(ArticleInput(text, published=parts[n * scale].published, added_by="bench"))
        elapsed = time.perf_counter() - started
        engine.dispose()
        words = sum(len(t.split()) for t in texts)
        figures.append((round(words / len(texts)), 1000 * elapsed / (words / 1000)))
    return figures
