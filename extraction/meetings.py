"""Meeting mentions: a trigger word (met, talks, phone call, will visit), two sides, a date and a place.

Whether a sentence reports a meeting, when and where, is read here, and who in it only tells of the meeting
(a spokesperson, "Zhang noted that ..."); the rules that leave out people it names for some other reason,
and fill in a side it only points at, are in `meeting_parties`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from extraction.bystanders import inside, other_events, quoted
from extraction.dates import find_dates, resolve
from extraction.lexicon import Folded, fold, masked
from extraction.meeting_parties import (
    before_aside,
    before_other_event,
    between,
    office_holders,
    two_sides,
    unnamed_side,
    visit_parties,
    with_sides,
)
from extraction.people import PeopleScan, find_people
from extraction.places import PlaceHit, find_places, nearest
from extraction.triggers import Trigger, find_trigger, invited, remark_before, reports_event
from extraction.types import Counterpart, MeetingKind, PartialDate, Participant
from knowledge import KnowledgeBase

_LABEL = re.compile(
    r"\b((?:\d+(?:st|nd|rd|th)|latest|first|next|new)\s+round\s+of\s+[^,.;:()]{3,80}?"
    r"|(?:Russian-Chinese|China-Russia|Russia-China|Chinese-Russian|Sino-Russian)\s+[\w\s-]{0,40}?"
    r"(?:consultations?|talks|dialogue|summit))(?=[,.;:()]|\s+(?:in|at|with|between|as|came|was|were)\s|$)"
)
_CLAUSE_BREAK = re.compile(r"[,;:()]")
# "BEIJING, May 14 (Reuters) -": the day a story was filed, which a date of the event itself outranks
_WIRE_DATELINE = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ .'-]{2,30},\s+[^.()\n]{3,25}?\s*\([^()]{2,30}\)\s*[-—–]{1,2}\s")
# "did not meet", "no meeting", "не встретился": the sentence says the event did not happen
_NEGATED = re.compile(r"(?:\b(?:not|never|no|nor|without|не|ни)|n't)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_SPOKESPERSON = re.compile(r"spokes|press secretary", re.IGNORECASE)
_SPEAKS = re.compile(r"[^.;:]{0,30}?\b(?:said|says|told|noted|added|announced|stressed|заявил\w*|сообщил\w*"
                     r"|отметил\w*|сказал\w*|подчеркнул\w*)\b", re.IGNORECASE)
# "..., Lavrov recalled." / "..., according to Lavrov.": who tells of the meeting, at the sentence's end
_TOLD_BY = re.compile(r",\s*(?:according\s+to\s+[^,]{2,60}|(?:[\w.'-]+\s+){1,8}(?:said|says|recalled|recalls"
                      r"|noted|added|stressed|wrote|told\s+\w+)\b[^,]{0,60})[.!]?\s*$")
# "Zhang noted that ...", "Чжан Юся отметил, что ...": a speaker, then what they report
_SAYS_THAT = Folded(r"^[^\"“«:]{0,400}?\b(?:said|says|noted|notes|added|stressed|recalled|reminded(?:\s+\w+)?"
                    r"|told\s+\w+|announced|believes|hopes|заявил\w*|отметил\w*|сказал\w*|сообщил\w*"
                    r"|напомнил\w*|подчеркнул\w*|добавил\w*)\s*,?\s+(?:that|что)\b",
                    needs=("that", "что"))
# a time or place set before the subject: "On Tuesday, they", "Earlier this year the two men", "В марте министры"
_LEAD = (r"(?:[^,.;:]{1,40},\s+|(?:earlier|later|previously|last|this|in|on|during|since|then|there|ранее|позже|затем"
         r"|там|в|во|на)"
         r"\s+(?:[\w-]+\s+){0,3}?)?")
# "They last met in Samarkand", "The two leaders met again": the people of the meeting reported before
_PLURAL_START = re.compile(rf"^{_LEAD}(?:they|both\s+(?:leaders|men|sides)|the\s+two\s+(?:leaders"
                           r"|presidents|premiers|ministers|sides|officials|men))\b"
                           rf"|^{_LEAD}(?:они|оба|обе\s+стороны|стороны|министры|лидеры|президенты|премьеры)\b",
                           re.IGNORECASE)
# a word `_PLURAL_START` needs, folded: a sentence with none of them cannot point back at the last meeting's people
_PLURAL_WORDS = ("they", "both", "two", "они", "оба", "обе", "стороны", "министры", "лидеры", "президенты", "премьеры")
_PRONOUN_START = re.compile(rf"^{_LEAD}(?:he|she|он|она)\b", re.IGNORECASE)  # "On Tuesday(,) he", "Then he"


@dataclass(frozen=True)
class Mention:
    """One sentence's report of one meeting, before mentions of the same event are merged."""

    sentence: int
    kind: MeetingKind
    participants: tuple[Participant, ...]
    date: PartialDate | None = None
    place: str | None = None
    label: str | None = None
    quote: str = ""
    own_place: bool = False  # the place is named in the clause of the trigger, after it
    held: bool = False  # the sentence says it took place ("met", "провел"), whatever date it resolves to
    reported: str = ""  # the sentence without its parts about other events (quotations, visits prepared), if any
    call: bool = False  # reported by a call word ("phone call", "video link"), whatever its kind
    counterpart: Counterpart | None = None  # the other side, named only as a body (`unnamed_side`)


@dataclass(frozen=True)
class Context:
    """What detection needs to know about the whole article."""

    kb: KnowledgeBase
    published: dt.date
    # country → the people of that side the article names, the most named first
    main: dict[str, tuple[Participant, ...]] = field(default_factory=dict)
    named: frozenset[str] = frozenset()  # person ids named anywhere in the article
    undated: bool = False  # the article gives no day of its own: `published` is a guess (see `find_people`)


@dataclass(frozen=True)
class Cues:
    """What `detect` is given besides a sentence and its article: what the pipeline already found in the
    sentence (read once for all its clauses) and what the sentences before it lend (`DiscourseState`)."""

    scan: PeopleScan | None = None  # the names the sentence holds
    places: list[PlaceHit] | None = None  # the places it names; None: looked for here
    previous: PartialDate | None = None  # the date of the last meeting reported, for "a day later"
    subject: Participant | None = None  # the first person the previous sentence named, for "He ..."
    pair: tuple[Participant, ...] = ()  # the people of the last meeting reported, for "They ..."
    fallback_place: str | None = None  # where the scene is set, for a meeting that names no place
    fallback_date: PartialDate | None = None  # when the scene is set ("December 2 in Moscow ..."), likewise
    traveller: Participant | None = None  # who the last sentence of a visit named first, for "at the invitation of"


def is_spokesperson(participant: Participant) -> bool:
    """Someone who tells of meetings for an office rather than takes part in them."""
    return bool(participant.role and _SPOKESPERSON.search(participant.role))


def nobody_meets(text: str, scan: PeopleScan, pair: tuple[Participant, ...]) -> bool:
    """True when `detect` cannot find a meeting in the sentence or any part of it, whatever its trigger: it
    names nobody and cannot mean the people of the meeting before ("They met again"). A cheap first look."""
    if not scan.names_nobody:
        return False
    if not pair:
        return True
    folded = fold(text)
    return not any(word in folded for word in _PLURAL_WORDS)


def pick_date(text: str, position: int, *, published: dt.date, future: bool,
              previous: PartialDate | None) -> PartialDate | None:
    """The date expression nearest the trigger, preferring exact days over months and years."""
    best: tuple[float, PartialDate] | None = None
    dateline = _WIRE_DATELINE.match(text)
    for expr in find_dates(text):
        value = resolve(expr, published=published, future=future, previous=previous)
        if value is None:
            continue
        distance = min(abs(expr.start - position), abs(expr.end - position))
        if expr.start >= position and not _CLAUSE_BREAK.search(text, position, expr.start):
            distance -= 100  # "will meet Putin on Thursday": a date in the verb's own clause
        score = distance - 20 * value.precision_rank  # a day may stand 20 characters farther than a month
        if dateline and expr.start < dateline.end():
            score += 1000  # only when the sentence gives no other date
        if best is None or score < best[0]:
            best = (score, value)
    return best[1] if best else None


def detect(text: str, index: int, ctx: Context, cues: Cues = Cues()) -> Mention | None:
    """A meeting mention when the sentence has a trigger and people from two sides, else None.

    Parts of the sentence about some other event (a visit being prepared, a message sent, what someone
    says in quotation marks when the sentence reports the occasion they said it at) are read past: their
    people, dates and places are not this meeting's. A quotation is read after all when what stands
    outside it reports no meeting of its own ('"We held talks with Xi," Putin told a meeting of officials').
    """
    found = _detect(text, index, ctx, cues, quoted(text))
    if found is None and _QUOTE_MARK.search(text):
        found = _detect(text, index, ctx, cues, [])
    return found


_QUOTE_MARK = re.compile(r"[\"“«]")
_OFFICES_AFTER = 80  # how far after its trigger "between the two heads of state" says whose meeting it is


def _detect(text: str, index: int, ctx: Context, cues: Cues, quotes: list[tuple[int, int]]) -> Mention | None:
    aside = other_events(text)
    reported = masked(text, aside)
    trigger, denied = _affirmed_trigger(reported)
    if trigger is not None and quotes and not inside(trigger.start, quotes):
        aside += quotes  # "'...,' Putin said at a meeting with Han Zheng": the quotation is not the meeting
    elif quotes and (outside := _affirmed_trigger(masked(reported, quotes)))[0] is not None:
        (trigger, denied), aside = outside, aside + quotes
    if trigger is None:
        return None
    if quotes and aside and aside[-1] == quotes[-1]:  # "'Trade will grow,' he said after talks with Ding": not a plan
        trigger, denied = _affirmed_trigger(masked(text, aside))
        if trigger is None:
            return None
    reported = masked(text, aside)
    date = pick_date(_without_remark(reported, trigger), trigger.start, published=ctx.published,
                     future=trigger.kind == "planned", previous=cues.previous) or cues.fallback_date
    if trigger.arrival and trigger.kind == "meeting" and (date is None or _lately(date, ctx.published)):
        trigger = replace(trigger, kind="planned")  # just arrived: the talks it is for are still to come
    on = date.first_day() if date else ctx.published
    named = find_people(text, ctx.kb, on, context=ctx.named, scan=cues.scan, undated=ctx.undated)
    barred = frozenset(h.participant.key for h in named if inside(h.start, aside))
    hits = before_aside(reported, trigger, [h for h in named if not inside(h.start, aside)])
    hits = [h for h in before_other_event(reported, trigger, hits) if not denied[0] <= h.start < denied[1]]
    hits = between(reported, trigger, hits)
    if (told := _TOLD_BY.search(text)) and told.start() > trigger.end:
        kept = [h for h in hits if h.start < told.start()]
        # "..., Peskov told reporters": a spokesperson telling of the meeting is never at it
        hits = kept if two_sides([h.participant for h in kept]) else [
            h for h in hits if h in kept or not is_spokesperson(h.participant)]
    spokes = [h for h in hits if is_spokesperson(h.participant)]
    if (says := _SAYS_THAT.search(reported)) and says.end() <= trigger.start:
        told = [h for h in hits if h.start >= says.end()]  # "Zhang noted that Belousov and Dong met"
        if two_sides([h.participant for h in told]):
            hits = told
        elif not told:
            hits = [h for h in hits if h not in spokes]  # "Guo said that ...": a spokesperson tells, not meets
    if spokes and two_sides([h.participant for h in hits if h not in spokes]):
        hits = [h for h in hits if h not in spokes]  # "..., spokesperson Guo Jiakun announced"
    # "Asked about Shoigu's talks with the Chinese side, spokesperson Lin Jian said ...": whoever speaks for an
    # office about a meeting is not at it, even when nobody else names the other side
    hits = [h for h in hits if h not in spokes or not _SPEAKS.match(text, h.end)] or hits
    subject, pair = cues.subject, cues.pair
    # "the 22nd regular meeting of the heads of government of Russia and China", "he will prepare the meeting
    # between the two heads of state": whoever held the office in each country that day, unless the sentence
    # names both sides itself (not when the day is a guess: premiers change)
    offices = office_holders(reported[trigger.start : trigger.end + _OFFICES_AFTER], ctx.kb, on) \
        if date is not None or not ctx.undated else {}
    if not hits and not offices and not (pair and _PLURAL_START.match(text)):
        return None  # "The talks were candid, both sides said": whose talks, the sentence does not say
    participants = list(offices.values()) if offices and not two_sides([h.participant for h in hits]) \
        else with_sides(reported, hits, ctx, on, visit=trigger.visit, barred=barred)
    if subject is not None and participants and _PRONOUN_START.match(text) \
            and {p.country for p in participants} == {participants[0].country} != {subject.country}:
        # "He is also expected to meet President Xi", "... to meet Putin, Shuvalov and Dvorkovich": he of the
        # sentence before, when everyone this one names is of the other side
        participants.insert(0, subject)
    hosts = [p for p in participants if not is_spokesperson(p)]
    if cues.traveller is not None and hosts and invited(reported, trigger) \
            and {p.country for p in hosts} == {hosts[0].country} != {cues.traveller.country}:
        # "Wang Yi will visit Russia. The trip takes place at the invitation of Sergei Lavrov": the visitor of
        # the sentences before meets whoever invited (not who announced it)
        participants = [cues.traveller, *hosts]
    if pair and not two_sides(participants) and _PLURAL_START.match(text):
        participants = [*pair, *(p for p in participants if p not in pair)]  # "They last met in Samarkand"
    if trigger.visit:
        participants = visit_parties(text, trigger, hits, participants)
    counterpart = None
    if not two_sides(participants):
        counterpart = unnamed_side(reported, participants)
        if counterpart is None:
            return None
    label = _LABEL.search(reported)
    places = [p for p in (find_places(text, ctx.kb) if cues.places is None else cues.places)
              if not inside(p.start, aside)]
    place = nearest(places, trigger.start)
    own_place = place is not None and any(
        p.name == place and p.start > trigger.end and not _CLAUSE_BREAK.search(reported, trigger.end, p.start)
        for p in places)  # "the regular meeting ... in St. Petersburg": the place of this very meeting
    held = trigger.kind != "planned" and reports_event(reported)
    return Mention(index, trigger.kind, tuple(participants), date, place or cues.fallback_place,
                   label.group(1) if label else None, text, own_place=own_place, held=held, call=trigger.call,
                   reported=reported if aside else "", counterpart=counterpart)


def _without_remark(text: str, trigger: Trigger) -> str:
    """"Trade will grow this year, Novak told reporters after talks with Ding": the remark's dates are not
    the talks'; the sentence from the remark's last comma on is what dates them."""
    occasion = remark_before(text, trigger.start)
    comma = text.rfind(",", 0, occasion.start()) if occasion else -1
    return masked(text, [(0, comma)]) if comma > 0 else text


def _lately(date: PartialDate, published: dt.date) -> bool:
    """A day no more than one before publication: an arrival then leaves its talks still to come."""
    return date.day is not None and date.first_day() >= published - dt.timedelta(days=1)


def _affirmed_trigger(text: str) -> tuple[Trigger | None, tuple[int, int]]:
    """The trigger of the event the sentence reports, and the span of a negated clause to leave out.

    "Putin did not meet Xi during the summit" reports no meeting. "Putin, who has not met Xi since May,
    held talks with Li Qiang" reports the talks: a trigger after the negated clause counts, and the
    people inside that clause are not at it.
    """
    denied = (0, 0)
    trigger = find_trigger(text)
    while trigger is not None and _NEGATED.search(text, max(0, trigger.start - 30), trigger.start):
        end = _CLAUSE_BREAK.search(text, trigger.end)
        if end is None:
            return None, denied
        denied = (trigger.start if denied == (0, 0) else denied[0], end.end())  # from the first denial on
        trigger = find_trigger(" " * end.end() + text[end.end() :])
    return trigger, denied
