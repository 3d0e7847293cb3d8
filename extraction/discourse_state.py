"""What reading an article's sentences in order carries from one to the next, as one value.

A sentence often leans on those before it: "He is also expected to meet Xi" (who is he?), "They last met in
Samarkand" (who are they?), "a day later" (after when?), and a paragraph that opens "On December 2 in
Moscow, ..." sets the scene for the meeting its next sentence reports. `DiscourseState.after` is the one
place that learns from a sentence; `cues` is what the next sentence is given.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from extraction.discourse import sentence_date
from extraction.meetings import Cues, Mention, is_spokesperson
from extraction.people import PeopleScan, PersonHit
from extraction.places import PlaceHit
from extraction.sentences import Sentence
from extraction.triggers import sounds_planned, tells_of_journey
from extraction.trust import borrowed
from extraction.types import PartialDate, Participant


@dataclass(frozen=True)
class DiscourseState:
    """What the sentences read so far lend the next one. The scene belongs to one paragraph: the next
    paragraph starts without one."""

    previous: PartialDate | None = None  # the date of the last meeting reported, for "a day later"
    subject: Participant | None = None  # the first person the previous sentence named, for "He ..."
    pair: tuple[Participant, ...] = ()  # the people of the last meeting reported, for "They ..."
    paragraph: int = -1  # the paragraph the place and scene below were read in
    place: str | None = None  # the last place that paragraph named
    scene: PartialDate | None = None  # the date a sentence of it set without reporting a meeting
    scene_text: str = ""  # that sentence
    traveller: Participant | None = None  # who the last sentence of a visit or trip named first, for "the visit
    # takes place at the invitation of Lavrov"

    def cues(self, sentence: Sentence, scan: PeopleScan, places: list[PlaceHit]) -> Cues:
        """What detection is given for the sentence: its own names and places, and what came before."""
        here = sentence.paragraph == self.paragraph
        return Cues(scan=scan, places=places, previous=self.previous, subject=self.subject, pair=self.pair,
                    traveller=self.traveller,
                    fallback_place=self.place if here else None,
                    fallback_date=borrowed(self.scene, self.scene_text, sentence.text) if here else None)

    def new_story(self) -> DiscourseState:
        """On a page of several wire stories, the next one: "a day later", "he", "they" look no further back."""
        return replace(self, previous=None, subject=None, pair=(), traveller=None)

    def after(self, sentence: Sentence, found: list[Mention], places: list[PlaceHit], named: list[PersonHit],
              published: dt.date) -> DiscourseState:
        """The state once the sentence is read: `found` are the meetings it reports, `named` the people it names
        (none for an analyst's sentence, which nobody after it points back at)."""
        previous, pair = self.previous, self.pair
        for mention in found:
            previous = mention.date or previous
            if mention.counterpart is None:  # "they" are two people named, not one and a body
                pair = mention.participants
        here = sentence.paragraph == self.paragraph
        place = places[-1].name if places else (self.place if here else None)
        scene, scene_text = (self.scene, self.scene_text) if here else (None, "")
        ahead = sounds_planned(sentence.text)  # "will visit Russia on 1-5 July" sets a scene still to come
        if not found and (day := sentence_date(sentence.text, published, future=ahead)) is not None:
            scene, scene_text = day, sentence.text
        travelling = [h.participant for h in named if not is_spokesperson(h.participant)] \
            if named and tells_of_journey(sentence.text) else []
        return DiscourseState(previous=previous, subject=named[0].participant if named else self.subject,
                              pair=pair, paragraph=sentence.paragraph, place=place, scene=scene,
                              scene_text=scene_text, traveller=travelling[0] if travelling else self.traveller)
