"""Shared fixtures: a fresh migrated store per test, and a seeded one copied from a template."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.core.commands import CommandCore
from bot.services.ingest import load_seeds
from knowledge import default_knowledge
from storage.bootstrap import open_store


@pytest.fixture
def db_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'briefing.db'}"


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = open_store(db_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory) -> Path:
    """The five seeds, extracted once per test run: copying a file is faster than extracting again."""
    path = tmp_path_factory.mktemp("template") / "seeded.db"
    engine = open_store(f"sqlite:///{path}")
    assert load_seeds(engine) == (5, 0)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture
def seeded_db_url(seeded_template: Path, tmp_path) -> str:
    """A private copy of the seeded store for one test."""
    path = tmp_path / "seeded.db"
    shutil.copyfile(seeded_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def seeded_core(seeded_db_url: str) -> Iterator[CommandCore]:
    """The command core on a private copy of the seeded store, on a fixed day: what a new user talks to."""
    engine = open_store(seeded_db_url)
    yield CommandCore(engine, default_knowledge(), today=lambda: dt.date(2026, 11, 23))
    engine.dispose()
