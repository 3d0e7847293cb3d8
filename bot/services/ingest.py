"""Adding articles: bytes or text → extraction → one transaction in the store.

Shared by uploads, `/add`, the console, `briefing ingest` and `briefing seed`, so that every way in applies
the same checks and reports the same warnings. What stays the same for a whole run (the store, the day, the
knowledge base, whether to push) is bound once in an `Ingestor`; each article is one `ArticleInput`.
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
from storage import articles, queries
from storage.db import session_scope
from storage.errors import DuplicateArticle
from storage.queries import MeetingView
from storage.writes import ArticleMeta, StoredArticle, reextract_article, store_extraction

SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"
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
class ArticleInput:
    """One article to add, as it came in: a file's bytes (decoded by its name or content type) or text already
    read, with what its sender knows of it. Every way in builds one of these per article."""

    content: bytes | str
    published: dt.date | None = None  # as the sender gives it; otherwise the article's own date is read
    url: str | None = None
    outlet: str | None = None
    filename: str | None = None
    content_type: str | None = None  # for bytes: how the sender labelled them
    added_by: str | None = None


@dataclass(frozen=True)
class Prepared:
    """An article read and extracted, ready to store: the slow, pure half of an ingest (it can run elsewhere)."""

    extraction: Extraction
    meta: ArticleMeta
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class IngestResult:
    """An article as stored, its meetings as stored (merged with earlier reports; empty unless the ingestor
    describes), and every warning its reading raised."""

    stored: StoredArticle
    meetings: tuple[MeetingView, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class Reader:
    """What reading an article depends on besides the article, bound once per command or process.

    It holds no store, so `briefing ingest` can hand it to its worker processes; left unset, the day and the
    knowledge base are taken where the reading happens: a bot that runs for weeks reads each article as of
    the day it arrives, and each worker loads the default knowledge once instead of receiving a copy.
    """

    today: dt.date | None = None  # the day an article is added, which dates a page that gives none
    knowledge: KnowledgeBase | None = None

    def prepare(self, article: ArticleInput) -> Prepared:
        """Decode (bytes) and extract an article; raises UnreadableUpload with a reason for its sender."""
        text = article.content
        if isinstance(text, bytes):
            if not text.strip():
                raise UnreadableUpload("the file is empty")
            try:
                text = article_text(text, filename=article.filename, content_type=article.content_type)
            except UnreadableArticle as error:
                raise UnreadableUpload(str(error)) from None
        if not text.strip():
            raise UnreadableUpload("the file has no text")
        found = extraction.extract(text, published=article.published, url=article.url,
                                   today=self.today or dt.date.today(), knowledge=self.knowledge or default_knowledge())
        warnings = list(found.warnings)
        if not found.meetings:
            warnings.append("no meeting found in this article; it is stored and searchable")
        meta = ArticleMeta(url=article.url, outlet=article.outlet, filename=article.filename, added_by=article.added_by)
        return Prepared(found, meta, tuple(warnings))

    def prepare_file(self, path: Path, *, published: dt.date | None = None, url: str | None = None,
                     outlet: str | None = None) -> Prepared | str:
        """A local file prepared for `briefing ingest`, or why it is refused (a value, so it can cross processes)."""
        if (refused := suffix_problem(path.name)) is not None:
            return refused
        try:
            return self.prepare(ArticleInput(path.read_bytes(), published=published, url=url, outlet=outlet,
                                             filename=path.name, added_by="cli"))
        except OSError as exc:
            return f"cannot read it ({exc.strerror or exc})"
        except UnreadableUpload as exc:
            return str(exc)


@dataclass(frozen=True)
class Ingestor:
    """Adds articles to one store, each in its own transaction, the same way for every way in: bound once
    per process or command, then given one ArticleInput per article."""

    engine: Engine
    reader: Reader = Reader()
    alert: bool = False  # queue each article's new meetings for subscribers' alert (the running bot sends it)
    # read the stored meetings back, for a reply that lists them; a bulk load skips it: it costs a third of storing
    describe: bool = True

    def add(self, article: ArticleInput) -> IngestResult:
        """Read the article (outside any transaction: it is pure and may be slow), then store it atomically;
        raises UnreadableUpload or DuplicateArticle."""
        return self.store(self.reader.prepare(article))

    def store(self, prepared: Prepared) -> IngestResult:
        """Store a prepared article in one transaction; raises DuplicateArticle."""
        with session_scope(self.engine) as session:
            stored = store_extraction(session, prepared.extraction, prepared.meta, alert=self.alert)
            meetings = queries.meeting_views(session, meeting_ids=list(stored.meeting_ids)) if self.describe else []
        return IngestResult(stored, tuple(meetings), prepared.warnings)


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
    ingestor = Ingestor(engine, describe=False)
    for entry in seed_manifest(directory):
        try:
            ingestor.add(ArticleInput(entry.path.read_bytes(), published=entry.published, outlet=entry.outlet,
                                      filename=entry.path.name, added_by="seed"))
        except DuplicateArticle:
            present += 1
        else:
            added += 1
    return added, present


def store_is_empty(engine: Engine) -> bool:
    with session_scope(engine) as session:
        return articles.article_count(session) == 0


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
        ids = articles.article_ids(session)
    for article_id in ids:
        with session_scope(engine) as session:
            article = articles.get_article(session, article_id=article_id)
            if article is None:  # deleted meanwhile
                continue
            given = article.published if article.published_source == "given" else None
            found = extraction.extract(article.text, published=given, url=article.url,
                                       today=article.added_at.date(), knowledge=kb)
            reextract_article(session, article, found)
    with session_scope(engine) as session:
        after = queries.store_summary(session).meetings
    return ReextractReport(articles=len(ids), meetings_before=before, meetings_after=after)
