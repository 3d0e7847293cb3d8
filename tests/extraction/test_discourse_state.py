"""What one sentence lends the next: the scene a paragraph sets, "he", "they" and "a day later"; and where
that stops (the paragraph's end for the scene, the next wire story for the rest)."""

from __future__ import annotations

import datetime as dt

from extraction import extract
from extraction.discourse_state import DiscourseState
from extraction.meetings import Mention
from extraction.people import find_people, scan_people
from extraction.places import find_places
from extraction.sentences import Sentence
from extraction.types import PartialDate, Participant
from knowledge import default_knowledge

TODAY = dt.date(2026, 1, 10)
SCENE = "On December 2, 2025 the delegations gathered in Moscow."
TALKS = "Russian Foreign Minister Sergei Lavrov held talks with Chinese Foreign Minister Wang Yi."
LAVROV, WANG = Participant("Sergei Lavrov", "Russia"), Participant("Wang Yi", "China")


def read(state: DiscourseState, sentence: Sentence, found: tuple[Mention, ...] = ()) -> DiscourseState:
    kb = default_knowledge()
    named = find_people(sentence.text, kb, TODAY)
    return state.after(sentence, list(found), find_places(sentence.text, kb), named, TODAY)


def test_the_scene_a_paragraph_sets_dates_and_places_the_meeting_it_goes_on_to_report() -> None:
    [meeting] = extract(f"Talks in the capital\n\n{SCENE} {TALKS}", today=TODAY).meetings
    assert (meeting.date, meeting.place) == (PartialDate(2025, 12, 2), "Moscow")
    assert meeting.date_quote == SCENE


def test_the_scene_ends_with_its_paragraph() -> None:
    [meeting] = extract(f"Talks in the capital\n\n{SCENE}\n\n{TALKS}", today=TODAY).meetings
    assert (meeting.date, meeting.place) == (None, None)


def test_a_meeting_reported_lends_its_people_and_date_and_a_new_story_forgets_them() -> None:
    kb = default_knowledge()
    scene, talks = Sentence(SCENE, paragraph=1, index=1), Sentence(TALKS, paragraph=1, index=2)
    state = read(DiscourseState(), scene)
    cues = state.cues(talks, scan_people(TALKS, kb), find_places(TALKS, kb))
    assert (cues.fallback_date, cues.fallback_place) == (PartialDate(2025, 12, 2), "Moscow")
    met = Mention(sentence=2, kind="meeting", participants=(LAVROV, WANG), date=PartialDate(2025, 12, 2))
    state = read(state, talks, (met,))
    after = Sentence("He then flew home.", paragraph=1, index=3)
    cues = state.cues(after, scan_people(after.text, kb), [])
    assert (cues.previous, cues.pair, cues.subject.name) == (PartialDate(2025, 12, 2), (LAVROV, WANG),
                                                             "Sergei Lavrov")
    # a sentence that reports a meeting sets no scene, and one naming no place keeps the paragraph's
    assert (cues.fallback_date, cues.fallback_place) == (PartialDate(2025, 12, 2), "Moscow")
    cues = state.new_story().cues(after, scan_people(after.text, kb), [])
    assert (cues.previous, cues.pair, cues.subject) == (None, (), None)
