"""Which meetings an article reports, who was at each and of what kind: shapes seen on real pages.

Every sentence here is written for the test, in the shape of one a real article used.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import extract
from extraction.types import Extraction, Meeting

PUBLISHED = dt.date(2024, 6, 12)  # a Wednesday


def read(text: str, published: dt.date = PUBLISHED) -> Extraction:
    return extract(text, published=published)


def people(meeting: Meeting) -> set[str]:
    return {p.name for p in meeting.participants}


def only(extraction: Extraction) -> Meeting:
    assert len(extraction.meetings) == 1, [(m.label, m.date) for m in extraction.meetings]
    return extraction.meetings[0]


def summary(extraction: Extraction) -> set[tuple[str | None, str | None, str, frozenset[str]]]:
    return {(m.date.iso() if m.date else None, m.place, m.kind, frozenset(people(m))) for m in extraction.meetings}


# ---------------------------------------------------------------- kind (item 6)


@pytest.mark.parametrize(
    "text",
    [
        "Sergei Lavrov and Wang Yi held a virtual meeting on Tuesday.",
        "Vladimir Putin and Xi Jinping are holding talks via an encrypted video channel on Tuesday.",
        "Владимир Путин и Си Цзиньпин провели переговоры в режиме видеосвязи во вторник.",
        "Андрей Белоусов и Дун Цзюнь провели встречу в формате видеоконференции во вторник.",
        "Сергей Лавров и Ван И провели телефонный разговор во вторник.",
    ],
)
def test_a_meeting_held_over_video_or_phone_is_a_call(text: str) -> None:
    assert only(read(text)).kind == "call"


@pytest.mark.parametrize(
    "text",
    [
        "Премьер-министр Михаил Мишустин в четверг встретится с председателем КНР Си Цзиньпином.",
        "Президент России Владимир Путин в четверг проведёт переговоры с председателем КНР Си Цзиньпином.",
        "Владимиру Путину предстоит встреча с председателем КНР Си Цзиньпином в Пекине.",
        "Сергей Лавров посетит Пекин, где проведет переговоры с Ван И.",
        "Сергей Лавров планирует обсудить с Ван И ситуацию на Корейском полуострове в ходе встречи в Пекине.",
        "Vladimir Putin is getting ready for a meeting with Xi Jinping at the summit.",
    ],
)
def test_russian_future_and_plans_make_a_planned_meeting(text: str) -> None:
    assert only(read(text)).kind == "planned"


def test_an_arrival_for_talks_is_planned_until_the_talks_are_reported() -> None:
    arrived = "Russian Foreign Minister Sergei Lavrov arrived in Beijing on Wednesday for talks with Wang Yi."
    assert only(read(arrived)).kind == "planned"
    assert only(read("Сергей Лавров прибыл в Пекин с визитом в среду для переговоров с Ван И.")).kind == "planned"
    held = arrived + " Lavrov and Wang held talks in the Diaoyutai guest house later that day."
    assert only(read(held)).kind == "meeting"


def test_an_arrival_long_ago_is_a_visit_that_happened() -> None:
    text = "In March, at the invitation of Sergei Lavrov, Wang Yi arrived in Moscow. They discussed Ukraine."
    meeting = only(read(text))
    assert (meeting.kind, meeting.date.iso() if meeting.date else None) == ("meeting", "2024-03")
