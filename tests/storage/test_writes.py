"""Storing extraction results: round trips, idempotence, merging reports of one event."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import col, func, select

from knowledge import default_knowledge
from knowledge.spelling import spelling_key
from storage import people_and_topics, queries, sentence_search
from storage.db import DirectInsert, session_scope
from storage.errors import DuplicateArticle
from storage.models import ArticleRow, MeetingRow, PersonAliasRow, PersonRow, SentenceRow
from storage.writes import content_hash, sync_knowledge
from tests.factories import SHOIGU, WANG_YI, extraction, meeting, participant, store


def test_an_article_and_its_meeting_round_trip(engine):
    stored = store(engine, extraction(meeting(topics=("Taiwan",))), url="https://example.org/a")
    with session_scope(engine) as session:
        [view] = queries.meeting_views(session, meeting_ids=list(stored.meeting_ids))
    assert view.date == "2025-12-02"
    assert view.place == "Moscow"
    assert [p.name for p in view.participants] == ["Sergei Shoigu", "Wang Yi"]
    assert view.participants[0].role == "Secretary of the Security Council of Russia"
    assert [(t.name, t.quote) for t in view.topics] == [("Taiwan", "They discussed Taiwan.")]
    assert view.sources[0].url == "https://example.org/a"
    assert view.sources[0].quote == "They met."


@pytest.mark.parametrize("variant", [
    "Shoigu met Wang Yi in Moscow.",
    "  Shoigu   met Wang Yi\n in Moscow.  ",
    "Shoigu met Wang Yi in Moscow.\r\n",
])
def test_the_same_text_again_is_a_duplicate_and_changes_nothing(engine, variant):
    first = store(engine, extraction(meeting()))
    with pytest.raises(DuplicateArticle) as caught:
        store(engine, extraction(meeting(topics=("Taiwan",)), text=variant))
    assert caught.value.article_id == first.article_id
    with session_scope(engine) as session:
        assert session.exec(select(func.count()).select_from(ArticleRow)).one() == 1
        assert people_and_topics.topic_names(session)  # the taxonomy is there...
        [view] = queries.meeting_views(session, meeting_ids=list(first.meeting_ids))
        assert view.topics == ()  # ...but the refused copy attached nothing


def test_two_reports_of_one_event_become_one_meeting_with_two_sources(engine):
    first = store(engine, extraction(meeting(date="2025-12", topics=("Taiwan",)), text="First report."))
    second = store(engine, extraction(meeting(WANG_YI, SHOIGU, topics=("Tibet",)), text="Second report."))
    assert first.meeting_ids == second.meeting_ids
    assert second.new_meeting_ids == ()
    with session_scope(engine) as session:
        [view] = queries.meeting_views(session, meeting_ids=list(first.meeting_ids))
    assert view.date == "2025-12-02"  # the more precise report wins
    assert {t.name for t in view.topics} == {"Taiwan", "Tibet"}
    assert len(view.sources) == 2


@pytest.mark.parametrize(("first", "second"), [("2025-12-02", "2025-12-03"), ("2025", "2025-12-02")])
def test_different_or_too_vague_dates_stay_separate_meetings(engine, first, second):
    a = store(engine, extraction(meeting(date=first), text="One."))
    b = store(engine, extraction(meeting(date=second), text="Two."))
    assert a.meeting_ids != b.meeting_ids


def test_a_held_meeting_replaces_the_plan_it_fulfils(engine):
    store(engine, extraction(meeting(kind="planned"), text="They will meet."))
    stored = store(engine, extraction(meeting(kind="meeting"), text="They met."))
    with session_scope(engine) as session:
        assert session.exec(select(func.count()).select_from(MeetingRow)).one() == 1
        assert session.get(MeetingRow, stored.meeting_ids[0]).kind == "meeting"


def test_a_person_unknown_to_the_knowledge_base_is_stored_and_findable(engine):
    ding = participant("Zhou Minghao", role="Vice Premier", country="China")
    store(engine, extraction(meeting(ding, SHOIGU)))
    with session_scope(engine) as session:
        names = {n.spelling for n in people_and_topics.person_names(session)}
        person = session.exec(select(PersonRow).where(PersonRow.name == "Zhou Minghao")).one()
    assert "Zhou Minghao" in names
    assert person.key is None
    assert person.country == "China"


def test_syncing_the_knowledge_base_twice_changes_nothing(engine):
    with session_scope(engine) as session:
        before = (session.exec(select(func.count()).select_from(PersonRow)).one(),
                  session.exec(select(func.count()).select_from(PersonAliasRow)).one())
        sync_knowledge(session, default_knowledge())
        after = (session.exec(select(func.count()).select_from(PersonRow)).one(),
                 session.exec(select(func.count()).select_from(PersonAliasRow)).one())
    assert before == after
    assert before[0] == len(default_knowledge().people)


def test_content_hash_ignores_whitespace_but_not_words():
    assert content_hash("a  b\nc") == content_hash("a b c")
    assert content_hash("a b c") != content_hash("a b d")


def test_a_failed_store_leaves_nothing_behind(engine):
    broken = extraction(meeting(participant("Nobody", country="Russia"), SHOIGU, date="2025-13-40"))
    with pytest.raises(ValueError, match="month"):
        store(engine, broken)
    with session_scope(engine) as session:
        assert session.exec(select(func.count()).select_from(ArticleRow)).one() == 0
        assert session.exec(select(PersonRow).where(PersonRow.name == "Nobody")).first() is None


def test_rows_written_past_the_orm_are_stored_exactly_as_the_orm_stores_them(engine):
    """Digests compare `created_at` as text, so a direct write must spell dates as the ORM does."""
    when = dt.datetime(2026, 3, 4, 5, 6, 7, tzinfo=dt.UTC)  # no microseconds: the trickiest spelling
    values = {"date": "2026-03", "date_precision": "month", "sort_date": dt.date(2026, 3, 1), "place": "Kazan",
              "kind": "call", "label": "talks", "created_at": when}
    with session_scope(engine) as session:
        by_orm = MeetingRow(**values)
        session.add(by_orm)
        session.flush()
        direct = DirectInsert(MeetingRow, *values).one(session, list(values.values()))
    columns = ", ".join(values)
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(f"SELECT {columns} FROM meeting WHERE id IN (?, ?) ORDER BY id",
                                    (by_orm.id, direct)).all()
    assert rows[0] == rows[1]
    with session_scope(engine) as session:
        assert session.get_one(MeetingRow, direct).created_at == when


def test_many_rows_go_in_whole_and_in_order_whatever_their_characters(engine):
    tricky = ['He said "no".', "Л'ю Хэ: 100%", "a\\b", "", "x" * 5000, "🙂 emoji", None]
    sentences = [f"{n}: {t}" if t is not None else f"{n}" for n, t in enumerate(tricky * 700)]
    stored = store(engine, extraction(meeting(), text="Shoigu met Wang Yi in Moscow."))
    with session_scope(engine) as session:
        DirectInsert(SentenceRow, "article_id", "position", "text").many(
            session, [(stored.article_id, 10 + n, s) for n, s in enumerate(sentences)])
        texts = session.exec(select(SentenceRow.text).where(SentenceRow.article_id == stored.article_id,
                                                            SentenceRow.position >= 10)
                             .order_by(SentenceRow.position)).all()
        hits = sentence_search.search_sentences(session, text="emoji", limit=3).hits
    assert texts == sentences
    assert len(hits) == 3  # the search index took them too



def test_people_are_found_again_whatever_their_names_hold(engine):
    odd = participant('Li "Junior" O\'Neil-Лю Хэ', role="Envoy", country="China")
    store(engine, extraction(meeting(odd, SHOIGU), text="First."))
    store(engine, extraction(meeting(participant('LI "JUNIOR" o\'neil-Лю Хэ', country="China"), SHOIGU,
                                     date="2025-11-01"), text="Second."))
    with session_scope(engine) as session:
        people = session.exec(select(PersonRow.name).where(col(PersonRow.key).is_(None))).all()
    assert people == ['Li "Junior" O\'Neil-Лю Хэ']


def test_every_way_people_are_written_folds_their_names(engine):
    store(engine, extraction(meeting(participant("Ли  Вэй", country="China"), SHOIGU)))
    with session_scope(engine) as session:
        sync_knowledge(session, default_knowledge())
        rows = session.exec(select(PersonRow.name, PersonRow.folded)).all()
    assert len(rows) > 100
    assert all(folded == spelling_key(name) for name, folded in rows)
    assert ("Ли  Вэй", "ли вэй") in rows
