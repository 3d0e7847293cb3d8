"""Python's search key (ingest) and SQL's (the triggers) are one rule: they must agree on every date."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from storage.search_key import search_key, search_key_sql


@pytest.mark.parametrize("published", [None, dt.date(1, 1, 1), dt.date(1970, 1, 1), dt.date(2000, 2, 29),
                                       dt.date(2025, 12, 2), dt.date(9999, 12, 31)])
@pytest.mark.parametrize("sentence_id", [1, 123_456, 2**32 - 1])
def test_python_and_sql_give_the_same_key(published, sentence_id):
    with sqlite3.connect(":memory:") as conn:
        (in_sql,), = conn.execute(f"SELECT {search_key_sql('?', '?')}",
                                  (published.isoformat() if published else None, sentence_id))
    assert search_key(published, sentence_id) == in_sql


def test_a_later_day_always_ranks_above_an_earlier_one_and_undated_last():
    assert (search_key(dt.date(2025, 1, 2), 10**6) > search_key(dt.date(2025, 1, 1), 1)
            > search_key(None, 1) > search_key(None, 2))
