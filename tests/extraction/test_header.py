"""An official readout's stamp (date, hour, place under the title) dates and places what it reports."""

from __future__ import annotations

import datetime as dt

from extraction import extract
from extraction.header import readout_stamp
from knowledge import default_knowledge

KB = default_knowledge()
READOUT = ("Meeting with Foreign Minister of China Wang Yi\n\n"
           "April 1, 2025\n\n17:30\n\nThe Kremlin, Moscow\n\n"
           "Vladimir Putin met with Minister of Foreign Affairs of the People's Republic of China Wang Yi, "
           "who is in Russia on a working visit.\n\n"
           "The President said he looked forward to meeting Xi Jinping in Beijing later this year.\n")
TODAY = dt.date(2026, 11, 23)


def test_a_readout_stamp_dates_and_places_the_meeting_it_reports():
    [talks, *planned] = extract(READOUT, today=TODAY, knowledge=KB).meetings
    assert talks.date is not None
    assert talks.date.iso() == "2025-04-01"
    assert talks.place == "Moscow"
    assert talks.date_quote == "April 1, 2025"
    assert talks.place_quote == "The Kremlin, Moscow"
    assert all(m.date is None or m.date.iso() != "2025-04-01" for m in planned)  # a plan is not dated by it


def test_the_stamp_needs_an_hour_or_a_place_under_the_date():
    assert readout_stamp(["Title", "April 1, 2025", "17:30"], KB).place is None
    assert readout_stamp(["Title", "1 April 2025", "Beijing, China", "The body starts here and runs on."], KB).place \
        == "Beijing"
    assert readout_stamp(["Title", "April 1, 2025", "Russian Foreign Minister Sergei Lavrov met Wang Yi today."],
                         KB) is None  # a byline date: a news lead names its own day
    assert readout_stamp(["Title", "April 1, 2025", "Talks went well"], KB) is None  # not a place


def test_a_lead_without_a_day_takes_the_date_the_article_states_never_an_assumed_one():
    story = ("Lavrov meets Wang\n\nBy Staff\n\nApril 1, 2025\n\n"
             "Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi, the ministry said.\n\n"
             "Lavrov also met Premier Li Qiang, a diplomat said later.\n")
    talks, premier = extract(story, today=TODAY, knowledge=KB).meetings
    assert talks.date is not None
    assert (talks.date.iso(), talks.date_quote) == ("2025-04-01", "April 1, 2025")
    assert premier.date is None  # not in the lead: nothing says when
    undated = story.replace("April 1, 2025\n\n", "")
    assert [m.date for m in extract(undated, today=TODAY, knowledge=KB).meetings] == [None, None]  # 'added today'
