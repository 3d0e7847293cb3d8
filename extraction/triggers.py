"""Trigger words: the call, meeting or visit word that reports a meeting, and whether it lies ahead.

Kept apart from detection (extraction.meetings) because replies use them too: an excerpt of a long quote
centres on its trigger, and answering a command should not load the people, places and dates it never uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extraction.lexicon import Folded
from extraction.types import MeetingKind

_CALL = Folded(
    r"\b(?:(?:tele)?phone\s+(?:call|conversation|talks?)|video[\s-]*(?:call|link|conference|chat)|videoconference"
    r"|(?:via|by|over)\s+(?:an?\s+)?(?:(?:encrypted|secure|closed)\s+)?video(?:\s+(?:channel|line))?"
    r"|virtual\s+(?:meeting|summit|talks|conversation|call)|(?:met|meet|meets)\s+virtually|online\s+(?:meeting|talks|summit)"
    r"|(?:spoke|talked|speak|talk)\s+(?:by|over\s+the|on\s+the)\s+(?:tele)?phone|held\s+a\s+call"
    r"|телефонн\w+\s+разговор\w*|по\s+телефону|видеосвяз\w*|видеоконференц\w*|видеоформат\w*"
    r"|онлайн-?(?:переговор|встреч|саммит)\w*)",
    needs=("phone", "video", "call", "virtual", "online", "телефон", "видео", "онлайн"))
_MEET = Folded(
    r"\b(?:met|meets?(?!\s+(?:the\s+|all\s+|our\s+|their\s+|its\s+)?(?:\w+\s+)?(?:interests|needs|requirements"
    r"|standards|expectations|demands|criteria))|meeting|meetings|(?:held\s+)?talks|negotiations"
    r"|consultations?|received(?!\s+(?:a|an|the|his|her|its)?\s*(?:letter|message|greetings|support|reports?"
    r"|award|invitation|congratulations|\w+\s+very))|receives|hosted|hosts|hosting|shook\s+hands|shakes\s+hands"
    r"|shaking\s+hands|sat\s+down\s+with|summit|conferred|встрет\w*|встреч\w*|переговор\w*|консультаци\w*"
    r"|принял\w*|(?:был|была|были)\s+принят\w*|credentials|верительн\w+\s+грамот\w*"
    r"|discuss(?:ed|es)?|обсуд\w*|обсужда\w*|(?:по)?бесед\w*|разговор\w*)\b",
    needs=("met", "meet", "talks", "negotiations", "consultation", "receive", "host", "hands", "sat", "summit",
           "conferred", "встре", "переговор", "консультаци", "принял", "принят", "credentials", "верительн",
           "discuss", "обсу", "бесед", "разговор"))
_VISIT = Folded(r"\b(?:visit\w*|arriv\w+\s+(?:in|at|on)|визит\w*|посет\w*|прибы\w*)\b",
                needs=("visit", "arriv", "визит", "посет", "прибы"))
# "made at the invitation of Chinese President Hu Jintao", "поездка состоится по приглашению Лаврова": a visit to
# whoever invited, who meets the visitor
_INVITED = Folded(r"\b(?:at|on|upon)\s+the\s+invitation\s+of\b|\bпо\s+приглашению\b",
                  needs=("invitation", "приглашени"))
# a sentence about someone's journey, whose traveller a later "the visit takes place at the invitation of" means
_JOURNEY = Folded(r"\b(?:visit\w*|trip|tour|travel\w*|arriv\w+|визит\w*|посет\w*|поездк\w*|турне|прибы\w*)\b",
                  needs=("visit", "trip", "tour", "travel", "arriv", "визит", "посет", "поездк", "турне", "прибы"))
_PLANNED = Folded(
    r"\b(?:scheduled|will|shall|(?:is|are)\s+(?:also\s+|still\s+|now\s+|reportedly\s+)?(?:expected|set|due|slated"
    r"|poised|going|to\s+be\s+held)|upcoming"
    r"|forthcoming|plans?\s+to|planned|planning|intends?\s+to|looking\s+forward|waiting\s+for|awaiting"
    r"|expects?\s+to|would\s+(?:meet|visit|travel|hold)|is\s+being\s+prepared|next\s+(?:week|month)"
    r"|agreed\s+to\s+(?:meet|hold|visit)|(?:getting\s+ready|preparing)\s+for|запланирован\w*"
    r"|планиру\w*|состоится|состоятся|пройдут|пройд[её]т|проведут|провед[её]т|посетит|посетят|встретится|встретятся"
    r"|примет|прибудет|отправится|обсудит|обсудят|ожидается|ожидаются|предстоит|предстоящ\w*|намерен\w*|договорил\w*|условил\w*)\b")
_EVENT_VERB = Folded(
    r"\b(?:met|held\s+talks|visited|received|hosted|spoke\s+by\s+phone|встретил\w*|провел\w*|провёл)\b",
    needs=("met", "talks", "visited", "received", "hosted", "phone", "встретил", "провел", "провёл"))
# "..., he told reporters after talks with Ding": the talks are the occasion of a remark, so they took place
_OCCASION = re.compile(r"\b(?:said|told\s+\w+|stated|noted|added|заявил\w*|сообщил\w*|сказал\w*|отметил\w*)"
                       r"\b[^.;\"“”«»]{0,50}?\b(?:after|following|at|during|после|по\s+итогам|на|в\s+ходе)\s+"
                       r"(?:the\s+|his\s+|her\s+|their\s+|a\s+)?$", re.IGNORECASE)
_ARRIVALS = ("arriv", "прибы")  # a visit word that reports only the arrival
_PLANNED_WINDOW = (70, 40)  # characters before and after the trigger where "will", "scheduled" count


@dataclass(frozen=True)
class Trigger:
    """The word that reports a meeting, and the kind of event it reports."""

    start: int
    end: int
    kind: MeetingKind
    visit: bool = False
    arrival: bool = False  # "arrived in Beijing for talks": planned until the talks are reported
    call: bool = False


def find_trigger(text: str) -> Trigger | None:
    """The first call, meeting or visit word; "will", "scheduled" near it make the event planned."""
    call = _CALL.search(text)
    meet = _MEET.search(text)
    # an invitation only where no other word reports the meeting: "At the invitation of Li Qiang, Mishustin will
    # travel to China from Nov. 3 to 4 for the regular meeting" is dated and placed by its meeting
    visit = _VISIT.search(text) or (_INVITED.search(text) if call is None and meet is None else None)
    m = call or min((x for x in (meet, visit) if x), key=lambda x: x.start(), default=None)
    if m is None:
        return None
    before, after = _PLANNED_WINDOW
    # "Xi is expected to travel to Moscow in May ... and to hold talks": one clause, however long, if nothing
    # in it already happened
    start = 0 if not _EVENT_VERB.search(text[: m.start()]) else max(0, m.start() - before)
    window = text[start : m.end() + after]
    kind: MeetingKind = "call" if m is call else "meeting"
    if _PLANNED.search(window) and not _EVENT_VERB.search(text[m.start() : m.end()]) \
            and not remark_before(text, m.start()):
        kind = "planned"
    arrival = m is visit and text[m.start() : m.start() + 5].lower().startswith(_ARRIVALS) \
        and not _EVENT_VERB.search(text)
    return Trigger(m.start(), m.end(), kind, visit=m is visit, arrival=arrival, call=m is call)


def tells_of_journey(text: str) -> bool:
    """A word of a visit, a trip or an arrival: the people it names are travelling."""
    return bool(_JOURNEY.search(text))


def invited(text: str, trigger: Trigger) -> bool:
    """Whether the trigger is an invitation ("at the invitation of Y"): Y hosts whoever travels."""
    found = _INVITED.search(text[trigger.start :])
    return trigger.visit and found is not None and found.start() == 0


def sounds_planned(text: str) -> bool:
    """A word of the future or of a plan ("will", "scheduled", "состоится"): what the sentence dates lies ahead."""
    return bool(_PLANNED.search(text))


def reports_event(text: str) -> bool:
    """A verb that reports an event of its own (met, held talks), used to end a discourse thread."""
    return bool(_EVENT_VERB.search(text))


def remark_before(text: str, start: int) -> re.Match[str] | None:
    """"..., Novak told reporters after" just before the trigger at `start`: its talks are a remark's occasion."""
    return _OCCASION.search(text, max(0, start - 80), start)
