"""The counts behind /who and the meeting dates on link rows stay exact, whatever writes or removes links.

Triggers of migration 0006 keep them; every test compares them with a count from scratch.
"""

from __future__ import annotations

import random

from alembic import command
from sqlalchemy import Engine
from sqlmodel import select

from knowledge import default_knowledge
from storage import people_and_topics, queries
from storage.db import alembic_config, migrate, session_scope
from storage.models import ArticleRow, MeetingParticipantRow, MeetingRow, MeetingTopicRow, PersonRow, TopicRow
from storage.writes import delete_article, reextract_article, sync_knowledge
from tests.factories import SHOIGU, WANG_YI, extraction, meeting, participant, store

LAVROV = participant("Sergei Lavrov", "lavrov", "Foreign Minister of Russia", "Russia")
ZHOU = participant("Zhou Minghao", country="China")  # not in the knowledge base

PAIRS_FROM_SCRATCH = (
    "SELECT a.person_id, b.person_id, count(*) FROM meetingparticipant a "
    "JOIN meetingparticipant b ON b.meeting_id = a.meeting_id GROUP BY 1, 2"
)
TOPICS_FROM_SCRATCH = (
    "SELECT p.person_id, t.topic_id, count(*) FROM meetingparticipant p "
    "JOIN meetingtopic t ON t.meeting_id = p.meeting_id GROUP BY 1, 2"
)


def assert_exact(engine: Engine) -> None:
    """The kept counts equal counts from scratch (no zero rows left), and link dates equal meeting dates."""
    with engine.connect() as conn:
        def rows(sql: str) -> set[tuple]:
            return set(conn.exec_driver_sql(sql).all())

        assert rows("SELECT person_id, partner_id, meetings FROM personpartner") == rows(PAIRS_FROM_SCRATCH)
        assert rows("SELECT person_id, topic_id, meetings FROM persontopic") == rows(TOPICS_FROM_SCRATCH)
        assert rows("SELECT total FROM rowcount WHERE table_name = 'meeting'") == rows("SELECT count(*) FROM meeting")
        assert rows("SELECT total FROM rowcount WHERE table_name = 'article'") == rows("SELECT count(*) FROM article")
        assert rows("SELECT total FROM rowcount WHERE table_name = 'participant'") == rows(
            "SELECT count(DISTINCT person_id) FROM meetingparticipant")
        for link in ("meetingparticipant", "meetingtopic"):
            assert rows(f"SELECT l.meeting_id FROM {link} l JOIN meeting m ON m.id = l.meeting_id "
                        f"WHERE l.sort_date IS NOT m.sort_date") == set()


def person_id(engine: Engine, name: str) -> int:
    with session_scope(engine) as session:
        return session.exec(select(PersonRow.id).where(PersonRow.name == name)).one()


def test_counts_follow_articles_reports_of_one_event_and_deletion(engine):
    first = store(engine, extraction(meeting(topics=("Taiwan", "Tibet")), text="First."))
    assert_exact(engine)
    store(engine, extraction(meeting(WANG_YI, SHOIGU, topics=("Taiwan", "Arctic")), text="Same event again."))
    assert_exact(engine)  # the same participants: one meeting, a topic added to it
    store(engine, extraction(meeting(SHOIGU, WANG_YI, LAVROV, date="2025-11-05", topics=("Arctic",)), text="Three."))
    store(engine, extraction(meeting(SHOIGU, ZHOU, date="2024-01-02"), text="Four."))
    assert_exact(engine)
    with session_scope(engine) as session:
        assert delete_article(session, article_id=first.article_id) == 0  # the second article still reports it
    assert_exact(engine)
    with session_scope(engine) as session:
        delete_article(session, article_id=first.article_id + 1)
    assert_exact(engine)
    with session_scope(engine) as session:
        partners, topics = people_and_topics.person_profile(session, person_id=person_id(engine, "Sergei Shoigu"))
    assert partners == [("Sergei Lavrov", 1), ("Wang Yi", 1), ("Zhou Minghao", 1)]  # ties by name
    assert topics == [("Arctic", 1)]


def test_a_participant_or_topic_added_to_an_existing_meeting_is_counted(engine):
    stored = store(engine, extraction(meeting(topics=("Taiwan",))))
    lavrov = person_id(engine, "Sergei Lavrov")
    with engine.begin() as conn:  # as a bulk Core write would
        conn.execute(MeetingParticipantRow.__table__.insert(),
                     [{"meeting_id": stored.meeting_ids[0], "person_id": lavrov, "role": None, "position": 2}])
        arctic = conn.execute(select(TopicRow.id).where(TopicRow.name == "Arctic")).scalar_one()
        conn.execute(MeetingTopicRow.__table__.insert(),
                     [{"meeting_id": stored.meeting_ids[0], "topic_id": arctic, "quote": "Arctic."}])
    assert_exact(engine)
    with session_scope(engine) as session:
        partners, topics = people_and_topics.person_profile(session, person_id=lavrov)
    assert partners == [("Sergei Shoigu", 1), ("Wang Yi", 1)]
    assert topics == [("Arctic", 1), ("Taiwan", 1)]


def test_cascades_from_deleting_a_meeting_person_or_topic_and_updated_links_are_counted(engine):
    store(engine, extraction(meeting(topics=("Taiwan",)), meeting(SHOIGU, LAVROV, ZHOU, date="2025-10-01",
                                                                  topics=("Arctic", "Taiwan"))))
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE meetingparticipant SET person_id = (SELECT id FROM person WHERE key = 'lavrov') "
                             "WHERE person_id = (SELECT id FROM person WHERE key = 'wang_yi')")
        conn.exec_driver_sql("UPDATE meetingtopic SET meeting_id = (SELECT min(id) FROM meeting) "
                             "WHERE topic_id = (SELECT id FROM topic WHERE name = 'Arctic')")
    assert_exact(engine)
    with session_scope(engine) as session:
        session.delete(session.exec(select(PersonRow).where(PersonRow.name == "Zhou Minghao")).one())
    assert_exact(engine)
    with session_scope(engine) as session:
        session.delete(session.exec(select(TopicRow).where(TopicRow.name == "Taiwan")).one())
    assert_exact(engine)
    with session_scope(engine) as session:
        session.delete(session.exec(select(MeetingRow)).first())
    assert_exact(engine)
    with session_scope(engine) as session:
        session.delete(session.exec(select(ArticleRow)).one())  # its last meeting goes only by delete_article
    assert_exact(engine)


def test_a_more_precise_date_moves_the_meeting_in_every_list(engine):
    stored = store(engine, extraction(meeting(date="2025-12"), text="In December."))
    store(engine, extraction(meeting(date="2025-11-20"), text="Earlier."))
    store(engine, extraction(meeting(date="2025-12-30"), text="On the 30th."))  # same event, more precise
    assert_exact(engine)
    with session_scope(engine) as session:
        page = queries.meetings_with_person(session, person_id=person_id(engine, "Wang Yi"), limit=5)
    assert [m.date for m in page.items] == ["2025-12-30", "2025-11-20"]
    assert page.items[0].id == stored.meeting_ids[0]


def test_reextraction_and_knowledge_sync_keep_counts_exact(engine):
    article_id = store(engine, extraction(meeting(topics=("Taiwan",)), meeting(SHOIGU, ZHOU, date="2025-10-01"),
                                       text="Old.")).article_id
    store(engine, extraction(meeting(topics=("Tibet",)), text="Other."))
    with session_scope(engine) as session:
        fresh = extraction(meeting(SHOIGU, LAVROV, date="2025-09-09", topics=("Arctic",)), meeting(topics=("Tibet",)),
                           text="Old.")
        reextract_article(session, session.get(ArticleRow, article_id), fresh)
    assert_exact(engine)
    with session_scope(engine) as session:
        sync_knowledge(session, default_knowledge())
    assert_exact(engine)


def test_random_writes_and_deletions_keep_counts_exact(engine):
    rng = random.Random(6)
    people = [SHOIGU, WANG_YI, LAVROV, ZHOU, participant("Li Wei", country="China")]
    topics = ("Taiwan", "Tibet", "Arctic", "trade")
    articles: list[int] = []
    for step in range(40):
        if articles and rng.random() < 0.3:
            with session_scope(engine) as session:
                delete_article(session, article_id=articles.pop(rng.randrange(len(articles))))
        else:
            meetings = [meeting(*rng.sample(people, rng.randint(2, 4)), date=f"2025-{rng.randint(1, 3):02}-01",
                                topics=tuple(rng.sample(topics, rng.randint(0, 3))))
                        for _ in range(rng.randint(1, 3))]
            articles.append(store(engine, extraction(*meetings, text=f"Article {step}.")).article_id)
        assert_exact(engine)


def test_pages_are_newest_first_and_counts_all_time(engine):
    dates = [f"20{year:02}-0{month}-1{day}" for year in (19, 24, 25) for month in (1, 5) for day in (1, 2)]
    for i, date in enumerate(dates):
        store(engine, extraction(meeting(SHOIGU, WANG_YI if i % 3 else LAVROV, date=date, topics=("Taiwan",)),
                                 text=f"Meeting {i}."))
    store(engine, extraction(meeting(SHOIGU, WANG_YI, date=None, topics=("Taiwan",)), text="Undated."))
    shoigu = person_id(engine, "Sergei Shoigu")
    with session_scope(engine) as session:
        taiwan = session.exec(select(TopicRow.id).where(TopicRow.name == "Taiwan")).one()
        pages = [queries.meetings_with_person(session, person_id=shoigu, limit=5, offset=o) for o in (0, 5, 10)]
        topic_page = queries.meetings_with_topic(session, topic_id=taiwan, limit=20)
        partners, topics = people_and_topics.person_profile(session, person_id=shoigu)
    listed = [m.date for page in pages for m in page.items]
    assert listed == [*sorted(dates, reverse=True), None]
    assert {page.total for page in pages} == {len(dates) + 1}
    assert [m.date for m in topic_page.items] == listed
    assert partners == [("Wang Yi", 9), ("Sergei Lavrov", 4)]
    assert topics == [("Taiwan", 13)]


def test_upgrading_a_filled_store_backfills_the_counts(engine, db_url):
    store(engine, extraction(meeting(topics=("Taiwan",)), meeting(SHOIGU, LAVROV, ZHOU, date="2025-10-01",
                                                                  topics=("Arctic", "Taiwan"))))
    config = alembic_config(engine)
    command.downgrade(config, "0005")
    with engine.connect() as conn:
        assert "sort_date" not in {c[1] for c in conn.exec_driver_sql("PRAGMA table_info(meetingparticipant)")}
    migrate(engine)
    assert_exact(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM personpartner").scalar() == 4 + 2 * 4  # 4 people, 4 pairs


def test_the_seeds_and_briefing_reextract_keep_counts_exact(seeded_db_url):
    from bot.services.ingest import reextract_all
    from storage.bootstrap import open_store

    engine = open_store(seeded_db_url)
    assert_exact(engine)
    reextract_all(engine)
    assert_exact(engine)
    engine.dispose()
