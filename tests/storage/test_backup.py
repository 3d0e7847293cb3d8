"""`briefing backup` and `restore` at the storage level: a copy taken while the bot writes is one whole state of
the store, a restore brings it back and keeps what it replaces, and nothing unusable is ever put in place."""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
import threading
from pathlib import Path

import pytest

from storage import queries
from storage import subscriptions as subs
from storage.backup import BackupProblem, backup, check, restore
from storage.bootstrap import open_store
from storage.db import session_scope
from tests.factories import extraction, meeting, store


def _path(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _whole(path: Path) -> tuple[int, int]:
    """(articles, meetings) of a copy, after checking that it is one state of the store, not a mix of two: SQLite
    finds it sound, every link points at a row, and the counts the triggers keep match the rows."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        orphans = db.execute("SELECT count(*) FROM meetingsource s LEFT JOIN article a ON a.id = s.article_id "
                             "WHERE a.id IS NULL").fetchone()[0]
        assert orphans == 0
        kept = dict(db.execute("SELECT table_name, total FROM rowcount").fetchall())
        articles = db.execute("SELECT count(*) FROM article").fetchone()[0]
        meetings = db.execute("SELECT count(*) FROM meeting").fetchone()[0]
        assert (kept["article"], kept["meeting"]) == (articles, meetings)
        return articles, meetings


def test_a_backup_holds_what_the_store_holds_in_one_file(seeded_db_url, tmp_path):
    copy = backup(seeded_db_url, tmp_path / "copy.db")
    assert (copy.articles, copy.meetings, copy.subscribers) == (5, 11, 0)
    assert _whole(copy.path) == (5, 11)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("copy")] == ["copy.db"]  # no -wal beside it
    engine = open_store(f"sqlite:///{copy.path}")
    with session_scope(engine) as session:
        assert queries.meeting_count(session) == 11
    engine.dispose()


def test_a_backup_taken_while_articles_are_added_is_one_whole_state(seeded_db_url, tmp_path):
    engine = open_store(seeded_db_url)
    done = threading.Event()

    def write() -> None:
        day = 1
        while not done.is_set():
            text = f"Shoigu met Wang Yi in Moscow on day {day}."
            store(engine, extraction(meeting(date=f"2025-01-{day % 28 + 1:02d}"), text=text))
            day += 1

    writer = threading.Thread(target=write)
    writer.start()
    try:
        copies = [backup(seeded_db_url, tmp_path / f"copy-{i}.db") for i in range(8)]
    finally:
        done.set()
        writer.join()
    counts = [_whole(c.path) for c in copies]
    assert counts == sorted(counts)  # each later copy holds at least what the one before held
    assert counts[-1][0] > 5  # the writer was adding articles meanwhile
    engine.dispose()


def test_a_backup_never_overwrites_and_leaves_nothing_when_it_cannot_be_made(seeded_db_url, tmp_path):
    existing = tmp_path / "old.db"
    existing.write_text("an earlier backup")
    with pytest.raises(BackupProblem, match="already exists"):
        backup(seeded_db_url, existing)
    assert existing.read_text() == "an earlier backup"
    with pytest.raises(BackupProblem, match="does not exist"):
        backup(seeded_db_url, tmp_path / "missing" / "copy.db")
    with pytest.raises(BackupProblem, match="no store"):
        backup(f"sqlite:///{tmp_path / 'none.db'}", tmp_path / "copy.db")
    with pytest.raises(BackupProblem, match="pg_dump"):
        backup("postgresql://user@localhost/briefing", tmp_path / "copy.db")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.db", "seeded.db"]


def test_a_restore_brings_the_backup_back_and_keeps_the_store_it_replaces(seeded_db_url, tmp_path):
    saved = backup(seeded_db_url, tmp_path / "saved.db")
    engine = open_store(seeded_db_url)  # as a bot left running would hold it
    with session_scope(engine) as session:
        subs.subscribe(session, chat_id=42, digest_time="08:00", timezone="UTC")
    store(engine, extraction(meeting(), text="Shoigu met Wang Yi in Moscow again."))

    copy, kept = restore(seeded_db_url, saved.path)
    assert (copy.articles, copy.subscribers) == (5, 0)
    with session_scope(engine) as session:
        assert subs.get_subscriber(session, chat_id=42) is None
        assert queries.meeting_count(session) == 11
    assert kept is not None
    assert kept.name.startswith("seeded.db.before-restore-")
    assert (check(kept).articles, check(kept).subscribers) == (6, 1)  # nothing lost: the replaced state is here
    engine.dispose()


def _not_ours(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE notes (body TEXT)")


def _newer(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")


def _cut(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize(("spoil", "said"), [
    (lambda p: p.write_text("these are my notes, not a database" * 200), "not a SQLite database"),
    (_not_ours, "not a Briefing Bot store"),
    (_newer, "newer version"),
    (_cut, "damaged|not a SQLite database"),
])
def test_a_restore_refuses_what_it_cannot_use_and_changes_nothing(seeded_db_url, tmp_path, spoil, said):
    bad = tmp_path / "bad.db"
    if spoil in (_newer, _cut):
        backup(seeded_db_url, bad)
    spoil(bad)
    before = _digest(_path(seeded_db_url))
    with pytest.raises(BackupProblem, match=said):
        restore(seeded_db_url, bad)
    assert _digest(_path(seeded_db_url)) == before
    assert not [p for p in tmp_path.iterdir() if "before-restore" in p.name]


def test_a_restore_into_a_new_place_needs_no_store_there(seeded_db_url, tmp_path):
    saved = backup(seeded_db_url, tmp_path / "saved.db")
    url = f"sqlite:///{tmp_path / 'fresh' / 'briefing.db'}"
    copy, kept = restore(url, saved.path)
    assert kept is None
    assert _whole(_path(url)) == (copy.articles, copy.meetings) == (5, 11)
