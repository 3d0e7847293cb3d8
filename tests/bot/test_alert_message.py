"""What an alert says: one article by its title, several by their first titles and a count, never a wall."""

from __future__ import annotations

from bot.core.subscribing import MAX_TITLES, alert_message
from storage import queries
from storage.bootstrap import open_store
from storage.db import session_scope


def views(seeded_db_url: str, count: int) -> list[queries.MeetingView]:
    with session_scope(open_store(seeded_db_url)) as session:
        ids = queries.newest_first(session, meeting_ids=list(range(1, 100)))
        return queries.meeting_views(session, meeting_ids=ids[:count])


def test_one_article_is_named_by_its_title(seeded_db_url):
    text = alert_message(["Lavrov <visits> Beijing"], 1, views(seeded_db_url, 2), total=2).html
    assert text.startswith("<b>New article</b>: Lavrov &lt;visits&gt; Beijing\n2 new meetings")
    assert "more" not in text


def test_many_articles_name_the_first_few_and_point_to_latest_for_the_rest(seeded_db_url):
    titles = [f"Report {n}" for n in range(MAX_TITLES)]
    text = alert_message(titles, 300, views(seeded_db_url, 3), total=900).html
    assert text.startswith(f"<b>New articles</b> (300): Report 0; Report 1; Report 2; Report 3; Report 4; "
                           f"and {300 - MAX_TITLES} more\n900 new meetings")
    assert text.endswith("…and 897 more: /latest")
