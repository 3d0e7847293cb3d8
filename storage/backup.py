"""Copies of a live SQLite store, and putting one back: `briefing backup FILE` and `briefing restore FILE`.

SQLite's online backup API copies the store page by page inside one read transaction, so a copy taken while
the bot writes holds one consistent state (never half of an ingest) and the bot is not stopped. A copy is
checked before it is trusted: SQLite's integrity check, the tables of a Briefing Bot store, and a schema
revision this version knows (an older one is upgraded on restore, as at every start). Nothing is
overwritten: a backup never replaces an existing file, and a restore first keeps the store it replaces
beside it. A PostgreSQL store is backed up with `pg_dump` instead (the README says how).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from storage.bootstrap import sqlite_file
from storage.db import known_revisions

# what every revision since the first has: a file without them is some other program's database
_TABLES = ("alembic_version", "article", "meeting", "subscriber")
_COUNTED = (("articles", "article"), ("meetings", "meeting"), ("subscribers", "subscriber"))
BUSY_SECONDS = 30  # how long a copy waits for the bot's write in progress to end


class BackupProblem(Exception):
    """A backup or restore that cannot be done, said in a sentence for the admin who asked."""


@dataclass(frozen=True)
class StoreCopy:
    """A checked copy of a store: where it is, its schema and what it holds."""

    path: Path
    revision: str
    articles: int
    meetings: int
    subscribers: int
    size: int

    def summary(self) -> str:
        return (f"{self.articles} articles, {self.meetings} meetings, {self.subscribers} subscribers "
                f"({self.size / 1048576:.1f} MB, schema {self.revision})")


def backup(url: str, target: Path) -> StoreCopy:
    """Copy the store at `url` into the new file `target` while the bot may be writing, and check the copy."""
    source = _store_file(url)
    if not source.exists():
        raise BackupProblem(f"there is no store at {source} to back up")
    target = target.expanduser().absolute()
    if target.exists():
        raise BackupProblem(f"{target} already exists: nothing is overwritten, choose another name")
    if not target.parent.is_dir():
        raise BackupProblem(f"the folder {target.parent} does not exist")
    check(source)
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        _copy(source, partial)
        with contextlib.closing(sqlite3.connect(partial)) as alone:
            alone.execute("PRAGMA journal_mode = DELETE")  # the copy stands alone: no -wal file to carry along
        copy = check(partial)
        try:
            os.link(partial, target)  # unlike a rename, fails rather than replace a file made meanwhile
        except FileExistsError:
            raise BackupProblem(f"{target} appeared while the copy was made: nothing is overwritten") from None
        except OSError as error:
            raise BackupProblem(f"cannot write {target}: {(error.strerror or str(error)).lower()}") from None
    finally:
        partial.unlink(missing_ok=True)
    return StoreCopy(target, copy.revision, copy.articles, copy.meetings, copy.subscribers, copy.size)


def restore(url: str, source: Path, *, now: dt.datetime | None = None) -> tuple[StoreCopy, Path | None]:
    """Put the checked copy `source` in place of the store at `url`: what was restored, and where the store it
    replaced was kept (None when there was none). The caller then opens the store, which upgrades its schema."""
    source = source.expanduser().absolute()
    if not source.is_file():
        raise BackupProblem(f"there is no file {source}")
    copy = check(source)
    store = _store_file(url)
    if store == source:
        raise BackupProblem(f"{source} is the store itself: restore from a copy of it")
    kept = None
    if store.exists():
        stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
        kept = backup(url, store.with_name(f"{store.name}.before-restore-{stamp}"))
    store.parent.mkdir(parents=True, exist_ok=True)
    _copy(source, store)
    return copy, kept.path if kept else None


def check(path: Path) -> StoreCopy:
    """The copy at `path` if SQLite finds it whole and it is a store this version can use; BackupProblem if not."""
    try:
        with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as db:
            if (verdict := db.execute("PRAGMA quick_check").fetchone()[0]) != "ok":
                raise BackupProblem(f"{path} is damaged (SQLite's check says: {verdict})")
            tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if missing := [t for t in _TABLES if t not in tables]:
                raise BackupProblem(f"{path} is not a Briefing Bot store (it has no {', '.join(missing)} table)")
            revision = db.execute("SELECT version_num FROM alembic_version").fetchone()
            counts = {key: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for key, table in _COUNTED}
    except sqlite3.DatabaseError as error:
        raise BackupProblem(f"{path} is not a SQLite database Briefing Bot can read ({error})") from None
    if revision is None or revision[0] not in known_revisions():
        raise BackupProblem(f"{path} was written by a newer version of Briefing Bot (schema "
                            f"{revision[0] if revision else 'unknown'}): restore it with that version")
    return StoreCopy(path, revision[0], counts["articles"], counts["meetings"], counts["subscribers"],
                     path.stat().st_size)


def _store_file(url: str) -> Path:
    path = sqlite_file(url)
    if path is None:
        raise BackupProblem("backup and restore copy a SQLite store; back up a PostgreSQL store with pg_dump")
    return path


def _copy(source: Path, target: Path) -> None:
    """SQLite's online backup of `source` into `target`, in one step (one consistent state), as one file."""
    with contextlib.closing(sqlite3.connect(source, timeout=BUSY_SECONDS)) as origin, \
            contextlib.closing(sqlite3.connect(target, timeout=BUSY_SECONDS)) as copy:
        origin.backup(copy)
