"""The sentence index answers newest published first, whatever order articles were added in, and follows
re-extraction and deletion."""

from __future__ import annotations

import datetime as dt

from storage import sentence_search
from storage.db import session_scope
from storage.models import ArticleRow
from storage.writes import delete_article, reextract_article
from tests.factories import extraction, store


def add(engine, text: str, published: dt.date | None) -> int:
    return store(engine, extraction(text=text, published=published)).article_id


def found(engine, text: str, limit: int = 10) -> list[tuple[int, str]]:
    with session_scope(engine) as session:
        page = sentence_search.search_sentences(session, text=text, limit=limit)
        return [(h.article_id, h.sentence) for h in page.hits]


def test_hits_come_newest_published_first_then_in_reading_order(engine):
    old = add(engine, "Pipeline talks began. Pipeline talks went on.", dt.date(2019, 5, 1))
    undated = add(engine, "Pipeline talks, undated.", None)
    new = add(engine, "Pipeline talks resumed.", dt.date(2025, 1, 1))
    middle = add(engine, "Pipeline talks stalled.", dt.date(2022, 3, 1))
    assert [a for a, _ in found(engine, "pipeline")] == [new, middle, old, old, undated]
    assert [s for a, s in found(engine, "pipeline") if a == old] == ["Pipeline talks began.", "Pipeline talks went on."]


def test_pages_follow_on_without_gaps_or_repeats(engine):
    for year in range(2001, 2026):
        add(engine, f"Grain deal number {year}.", dt.date(year, 1, 1))
    seen, offset = [], 0
    while offset is not None:
        with session_scope(engine) as session:
            page = sentence_search.search_sentences(session, text="grain deal", limit=4, offset=offset)
        seen += [h.sentence for h in page.hits]
        offset = page.next_offset
    assert seen == [f"Grain deal number {year}." for year in range(2025, 2000, -1)]


def test_a_new_publication_date_moves_the_sentences_and_a_deleted_article_leaves_the_index(engine):
    first = add(engine, "Arctic shipping was discussed.", dt.date(2020, 1, 1))
    second = add(engine, "Arctic shipping again.", dt.date(2021, 1, 1))
    with session_scope(engine) as session:
        article = session.get(ArticleRow, first)
        reextract_article(session, article, extraction(text="Arctic shipping was discussed.",
                                                       published=dt.date(2024, 1, 1)))
    assert [a for a, _ in found(engine, "arctic")] == [first, second]
    with session_scope(engine) as session:
        delete_article(session, article_id=first)
    assert [a for a, _ in found(engine, "arctic")] == [second]
    with engine.begin() as conn:  # raises when the index and the sentences disagree
        conn.exec_driver_sql("INSERT INTO sentence_fts(sentence_fts, rank) VALUES ('integrity-check', 1)")


def test_storing_an_article_writes_each_sentence_once_and_indexes_it_in_one_step(engine):
    with engine.begin() as conn:  # remembers every rewrite of a stored sentence
        conn.exec_driver_sql("CREATE TABLE rewritten (sentence_id INTEGER)")
        conn.exec_driver_sql("CREATE TRIGGER remember_rewrite AFTER UPDATE ON sentence BEGIN "
                             "INSERT INTO rewritten VALUES (new.id); END")
    older = add(engine, "Grain exports rose. Grain prices fell.", dt.date(2023, 6, 1))
    newer = add(engine, "Grain talks ended.", dt.date(2024, 6, 1))
    assert [a for a, _ in found(engine, "grain")] == [newer, older, older]
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM rewritten").scalar() == 0
        conn.exec_driver_sql("INSERT INTO sentence_fts(sentence_fts, rank) VALUES ('integrity-check', 1)")


def test_a_sentence_inserted_without_a_key_is_still_found_in_date_order(engine):
    """Ingest keys its sentences; one written by other means (a bulk load, a hand repair) must not go missing."""
    old = add(engine, "Nuclear energy was on the agenda.", dt.date(2018, 1, 1))
    new = add(engine, "Nuclear energy again.", dt.date(2026, 1, 1))
    middle = add(engine, "Placeholder.", dt.date(2021, 1, 1))
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO sentence (article_id, position, text) VALUES (?, 1, ?)",
                             (middle, "Nuclear energy, added by hand."))
    assert found(engine, "nuclear") == [(new, "Nuclear energy again."), (middle, "Nuclear energy, added by hand."),
                                        (old, "Nuclear energy was on the agenda.")]
    with engine.connect() as conn:
        conn.exec_driver_sql("INSERT INTO sentence_fts(sentence_fts, rank) VALUES ('integrity-check', 1)")


def test_an_article_goes_into_the_index_as_one_segment_not_one_per_sentence(engine):
    """FTS5 writes a segment whenever a key is lower than the last; a segment per sentence made ingest dearer."""
    add(engine, " ".join(f"Sentence {n} of a long report on grain." for n in range(40)), dt.date(2024, 1, 1))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(DISTINCT segid) FROM sentence_fts_idx").scalar() == 1
    assert len(found(engine, "grain", limit=50)) == 40
