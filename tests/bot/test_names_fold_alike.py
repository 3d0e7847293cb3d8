"""A name folds one way everywhere: what a reader types to `/who` and the key the store finds a person by.

The table holds the spellings on which the two used to disagree (accents, ё, hyphens, apostrophes,
a possessive 's) beside those on which they always agreed (case, spacing, й kept apart from и).
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import col, select

from bot.core.commands import CommandCore
from knowledge import default_knowledge
from knowledge.spelling import spelling_key
from storage.db import alembic_config, migrate, session_scope
from storage.models import PersonRow
from storage.writes import ArticleMeta, store_extraction
from tests.factories import SHOIGU, extraction, meeting, participant

# (as one article writes the name, as another writes it or a reader types it)
SAME_NAME = [
    ("José Ramos-Horta", "Jose Ramos Horta"),  # diacritics and a hyphen
    ("Jean-Pierre Lacroix", "Jean Pierre Lacroix"),  # hyphen
    ("Алексей Фёдоров", "Алексей Федоров"),  # ё written as е
    ("Zhang Ming’an", "Zhang Ming'an"),  # a pinyin syllable apostrophe, curly and straight
    ("Liu Jian'chao", "Liu Jian chao"),  # the apostrophe read as a break between syllables
    ("Ambassador Zhou Lianbo's", "Ambassador Zhou Lianbo"),  # a possessive 's
    ("Ke Ląd-Wójcik", "ke lad wojcik"),  # accents, a hyphen and case at once
    ("ТАРАСЕНКО  Иван", "Тарасенко Иван"),  # case and spacing: always alike
    ("Андре\u0438\u0306 Тарасенко", "Андрей Тарасенко"),  # й in decomposed and composed form
]
KEPT_APART = [("Андрей Тарасенко", "Андреи Тарасенко")]  # й is a letter of its own, in the store and the lookup


def _store(engine, name: str, date: str, text: str) -> None:
    with session_scope(engine) as session:
        store_extraction(session, extraction(meeting(participant(name, country="China"), SHOIGU, date=date),
                                             text=text), ArticleMeta(outlet="Test Wire"))


def _strangers(engine) -> list[tuple[str, str]]:
    with session_scope(engine) as session:
        return list(session.exec(select(PersonRow.name, PersonRow.folded).where(col(PersonRow.key).is_(None))
                                 .order_by(col(PersonRow.id))).all())


def _core(engine) -> CommandCore:
    return CommandCore(engine, default_knowledge(), today=lambda: dt.date(2026, 11, 23))


@pytest.mark.parametrize(("stored", "typed"), SAME_NAME + KEPT_APART)
def test_the_stored_key_is_what_a_readers_typing_folds_to(engine, stored, typed):
    _store(engine, stored, "2025-11-01", "First.")
    [(_, folded)] = _strangers(engine)
    assert folded == spelling_key(stored)
    assert (folded == spelling_key(typed)) == ((stored, typed) in SAME_NAME)


@pytest.mark.parametrize(("stored", "typed"), SAME_NAME)
def test_a_name_stored_one_way_is_one_person_found_when_typed_the_other(engine, stored, typed):
    _store(engine, stored, "2025-11-01", "First.")
    _store(engine, typed, "2025-12-02", "Second.")
    assert [name for name, _ in _strangers(engine)] == [stored]
    text = _core(engine).handle(f"/who {typed}").plain()
    assert text.splitlines()[0].startswith(stored), text
    assert "1 Nov 2025" in text
    assert "2 Dec 2025" in text


def test_a_store_folded_the_old_way_still_answers_who_after_upgrade(engine):
    from alembic import command

    _store(engine, "José Ramos-Horta", "2025-11-01", "First.")
    _store(engine, "Алексей Фёдоров", "2025-11-02", "Second.")
    command.downgrade(alembic_config(engine), "0019")
    assert [folded for _, folded in _strangers(engine)] == ["josé ramos-horta", "алексей фёдоров"]
    migrate(engine)
    assert [folded for _, folded in _strangers(engine)] == ["jose ramos horta", "алексей федоров"]
    for typed in ("Jose Ramos Horta", "Алексей Федоров"):
        assert _core(engine).handle(f"/who {typed}").plain().splitlines()[0].startswith(("José", "Алексей"))
    _store(engine, "Jose Ramos Horta", "2025-12-02", "Third.")  # a new report joins the person stored before
    assert [name for name, _ in _strangers(engine)] == ["José Ramos-Horta", "Алексей Фёдоров"]
    text = _core(engine).handle("/who Jose Ramos Horta").plain()
    assert "1 Nov 2025" in text
    assert "2 Dec 2025" in text
