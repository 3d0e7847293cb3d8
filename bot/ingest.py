"""Adding articles: bytes or text → extraction → one transaction in the store.

Shared by `briefing ingest`, `briefing seed`, `briefing reextract`, uploads and `/add` (in Telegram and
the console), so that every way in applies the same checks and reports the same warnings.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path, PurePath

from sqlalchemy import Engine

import extraction  # extraction.extract, not a from-import: the pipeline loads on first use
from extraction.formats import UnreadableArticle, article_text
from extraction.types import Extraction
from knowledge import KnowledgeBase, default_knowledge
from storage import queries
from storage.db import session_scope
from storage.errors import DuplicateArticle
from storage.queries import MeetingView
from storage.writes import ArticleMeta, reextract_article, store_extraction

SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"
ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".pdf"}  # what uploads and `ingest DIR` take
PUBLISHED = re.compile(r"published\s*:?\s*(\S+)", re.IGNORECASE)  # in a caption, after /add, …
_URL = re.compile(r"https?://\S+")


class UnreadableUpload(Exception):
    """The file holds no article text we can read; the message says why, for the person who sent it."""


def suffix_problem(filename: str) -> str | None:
    """Why a file is refused for its type, in the words every way in uses; None for a type we read."""
    suffix = PurePath(filename).suffix
    if suffix.lower() in ARTICLE_SUFFIXES:
        return None
    return f"I can read .txt, .md, .html and .pdf files, not {suffix or filename}"


def parse_caption(caption: str) -> tuple[dt.date | None, str | None, str | None]:
    """`published: 2025-12-02` and a URL from an upload's caption; the third item is a problem, if any."""
    published = None
    if found := PUBLISHED.search(caption):
        try:
            published = dt.date.fromisoformat(found[1])
        except ValueError:
            return None, None, f"“{found[1]}” is not a date; write published: YYYY-MM-DD."
    url = found[0] if (found := _URL.search(caption)) else None
    return published, url, None


@dataclass(frozen=True)
class IngestResult:
    article_id: int
    title: str | None
    published: dt.date | None
    published_source: str
    meeting_ids: tuple[int, ...]
    new_meeting_ids: tuple[int, ...]
    meetings: tuple[MeetingView, ...]  # as stored (merged with earlier reports); empty unless `describe`
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class Prepared:
    """An article read and extracted, ready to store: the slow, pure half of an ingest (it can run elsewhere)."""

    extraction: Extraction
    meta: ArticleMeta
    warnings: tuple[str, ...]


def ingest_bytes(engine: Engine, data: bytes, *, published: dt.date | None = None, content_type: str | None = None,
                 meta: ArticleMeta | None = None, today: dt.date | None = None,
                 knowledge: KnowledgeBase | None = None, alert: bool = False,
                 describe: bool = True) -> IngestResult:
    """Decode an uploaded or local file and add it; raises UnreadableUpload or DuplicateArticle.

    With `alert`, subscribers get an alert of its new meetings (from the running bot); with `describe`,
    the result carries the meetings as stored, for a reply that lists them.
    """
    prepared = prepare_bytes(data, published=published, content_type=content_type, meta=meta, today=today,
                             knowledge=knowledge)
    return store_prepared(engine, prepared, alert=alert, describe=describe)


def ingest_text(engine: Engine, text: str, *, published: dt.date | None = None,
                meta: ArticleMeta | None = None, today: dt.date | None = None,
                knowledge: KnowledgeBase | None = None, alert: bool = False,
                describe: bool = True) -> IngestResult:
    """Extract (outside any transaction: it is pure and may be slow), then store atomically."""
    prepared = prepare_text(text, published=published, meta=meta, today=today, knowledge=knowledge)
    return store_prepared(engine, prepared, alert=alert, describe=describe)


def prepare_bytes(data: bytes, *, published: dt.date | None = None, content_type: str | None = None,
                  meta: ArticleMeta | None = None, today: dt.date | None = None,
                  knowledge: KnowledgeBase | None = None) -> Prepared:
    """Decode and extract a file's article; raises UnreadableUpload with a reason for its sender."""
    if not data.strip():
        raise UnreadableUpload("the file is empty")
    try:
        text = article_text(data, filename=meta.filename if meta else None, content_type=content_type)
    except UnreadableArticle as error:
        raise UnreadableUpload(str(error)) from None
    return prepare_text(text, published=published, meta=meta, today=today, knowledge=knowledge)


def prepare_text(text: str, *, published: dt.date | None = None, meta: ArticleMeta | None = None,
                 today: dt.date | None = None, knowledge: KnowledgeBase | None = None) -> Prepared:
    if not text.strip():
        raise UnreadableUpload("the file has no text")
    meta = meta or ArticleMeta()
    found = extraction.extract(text, published=published, url=meta.url, today=today or dt.date.today(),
                               knowledge=knowledge or default_knowledge())
    warnings = list(found.warnings)
    if not found.meetings:
        warnings.append("no meeting found in this article; it is stored and searchable")
    return Prepared(found, meta, tuple(warnings))


def prepare_file(path: Path, *, published: dt.date | None = None, url: str | None = None,
                 outlet: str | None = None) -> Prepared | str:
    """A local file prepared for `briefing ingest`, or why it is refused (a value, so it can cross processes)."""
    if (refused := suffix_problem(path.name)) is not None:
        return refused
    meta = ArticleMeta(url=url, outlet=outlet, filename=path.name, added_by="cli")
    try:
        return prepare_bytes(path.read_bytes(), published=published, meta=meta)
    except OSError as exc:
        return f"cannot read it ({exc.strerror or exc})"
    except UnreadableUpload as exc:
        return str(exc)


def store_prepared(engine: Engine, prepared: Prepared, *, alert: bool = False,
                   describe: bool = True) -> IngestResult:
    """Store a prepared article in one transaction; raises DuplicateArticle.

    A bulk load passes `describe=False`: reading back the stored meetings costs a third of storing them.
    """
    with session_scope(engine) as session:
        stored = store_extraction(session, prepared.extraction, prepared.meta, alert=alert)
        meetings = queries.meeting_views(session, meeting_ids=list(stored.meeting_ids)) if describe else []
    return IngestResult(
        article_id=stored.article_id,
        title=stored.title,
        published=stored.published,
        published_source=stored.published_source,
        meeting_ids=stored.meeting_ids,
        new_meeting_ids=stored.new_meeting_ids,
        meetings=tuple(meetings),
        warnings=prepared.warnings,
    )


@dataclass(frozen=True)
class SeedEntry:
    path: Path
    published: dt.date | None
    outlet: str | None


def seed_manifest(directory: Path = SEEDS_DIR) -> list[SeedEntry]:
    """The seed articles with the publication dates and outlets their manifest gives."""
    with (directory / "manifest.toml").open("rb") as fh:
        manifest = tomllib.load(fh)
    return [
        SeedEntry(path=directory / a["file"], published=a.get("published"), outlet=a.get("outlet"))
        for a in manifest["article"]
    ]


def load_seeds(engine: Engine, directory: Path = SEEDS_DIR) -> tuple[int, int]:
    """Add every seed article not yet stored; returns (added, already there). Safe to run twice."""
    added = present = 0
    for entry in seed_manifest(directory):
        meta = ArticleMeta(outlet=entry.outlet, filename=entry.path.name, added_by="seed")
        try:
            ingest_bytes(engine, entry.path.read_bytes(), published=entry.published, meta=meta, describe=False)
        except DuplicateArticle:
            present += 1
        else:
            added += 1
    return added, present


def store_is_empty(engine: Engine) -> bool:
    with session_scope(engine) as session:
        return queries.article_count(session) == 0


@dataclass(frozen=True)
class ReextractReport:
    articles: int
    meetings_before: int
    meetings_after: int


def reextract_all(engine: Engine, knowledge: KnowledgeBase | None = None) -> ReextractReport:
    """Run the current pipeline over every stored article, one transaction each, ids kept, no alert sent."""
    kb = knowledge or default_knowledge()
    with session_scope(engine) as session:
        before = queries.store_summary(session).meetings
        ids = queries.article_ids(session)
    for article_id in ids:
        with session_scope(engine) as session:
            article = queries.get_article(session, article_id=article_id)
            if article is None:  # deleted meanwhile
                continue
            given = article.published if article.published_source == "given" else None
            found = extraction.extract(article.text, published=given, url=article.url,
                                       today=article.added_at.date(), knowledge=kb)
            reextract_article(session, article, found)
    with session_scope(engine) as session:
        after = queries.store_summary(session).meetings
    return ReextractReport(articles=len(ids), meetings_before=before, meetings_after=after)
