"""Who the parties of a meeting mention are, once a sentence is known to report one.

A sentence names more people than sat at the table: "Lavrov briefed Wang on his contacts with Trump" (Trump
is talked about), "Li met Putin, a day after he held talks with Mishustin" (another meeting), "Lavrov and Qin
praised the talks between Putin and Xi" (they only speak of them), "Putin told Wang Yi he awaits Xi's visit"
(the visitor's compatriots stay home). Here those people are left out, a side the sentence only points at
("his Chinese counterpart") is filled in from the knowledge base or the article's main figure, and a side
named only as a body ("the Chinese side") is kept as such. Kept apart from `meetings`, which decides
whether and when a sentence reports a meeting: these rules take a sentence known to report one and say
only who was at it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from extraction.counterparts import find_counterpart
from extraction.lexicon import Folded
from extraction.people import PersonHit, participant_for
from extraction.refs import countries_named, find_side_refs, office_pair
from extraction.scope import SIDES
from extraction.triggers import Trigger
from extraction.types import Counterpart, Participant
from knowledge import KnowledgeBase, Person

if TYPE_CHECKING:
    from extraction.meetings import Context

_ASIDE = Folded(  # what was discussed: people named after this are talked about, not at the meeting
    r"\b(?:briefed\s+\w+\s+on|informed\s+\w+\s+(?:on|about)|about|regarding|concerning"
    r"|on\s+(?:the\s+)?(?:situation|contacts|results|outcome|prospects|issues?|questions?)s?)\b"
)
_OTHER_EVENT = Folded(  # "met Putin on Wednesday, a day after he held talks with Mishustin": another meeting
    r"\b(?:after|before|ahead\s+of|following)\s+(?:(?:he|she|they|the\s+two)\s+(?:had\s+)?|(?:his|her|their)\s+)?"
    r"(?:held|holding|met|meeting|spoke|speaking|hosted|hosting|received|receiving|talks|talked|talking)\b",
    needs=("after", "before", "ahead", "following"))


def before_aside(text: str, trigger: Trigger, hits: list[PersonHit]) -> list[PersonHit]:
    """"Lavrov briefed Wang on his contacts with Trump": Trump is a subject of the talks, not a party."""
    aside = next((m for m in _ASIDE.finditer(text) if m.start() > trigger.end), None)
    if aside is None:
        return hits
    kept = [h for h in hits if h.start < aside.start()]
    return kept if len(kept) < len(hits) and two_sides([h.participant for h in kept]) else hits


def before_other_event(text: str, trigger: Trigger, hits: list[PersonHit]) -> list[PersonHit]:
    """"Li met Putin, a day after he held talks with Mishustin": Mishustin was at another meeting.

    That meeting is found where the article reports it; here it would only add a third party.
    """
    other = next((m for m in _OTHER_EVENT.finditer(text) if m.start() > trigger.end), None)
    if other is None:
        return hits
    kept = [h for h in hits if h.start < other.start()]
    return kept if len(kept) < len(hits) and two_sides([h.participant for h in kept]) else hits


# "talks between", "video-conference talks held between", "переговоров между": after a trigger, or the noun
# that a trigger used as a modifier ("video-conference") goes on to
_BETWEEN = re.compile(r"\s+(?:(?:talks|meeting|conversation|call|переговор\w*|встреч\w*|разговор\w*)\s+)?"
                      r"(?:held\s+)?(?:between|между)\s+", re.IGNORECASE)
_PHRASE_END = re.compile(r"[,.;:()]|\s(?:which|that|who|где|которы)")


def between(text: str, trigger: Trigger, hits: list[PersonHit]) -> list[PersonHit]:
    """"Lavrov and Qin praised the video-conference talks between Putin and Xi": the talks' people are those
    the phrase after the trigger names, when it names both sides; the others only speak of the talks."""
    opened = _BETWEEN.match(text, trigger.end)
    if opened is None:
        return hits
    closed = _PHRASE_END.search(text, opened.end())
    end = closed.start() if closed else len(text)
    inside = [h for h in hits if opened.end() <= h.start < end]
    return inside if len(inside) < len(hits) and two_sides([h.participant for h in inside]) else hits


def with_sides(text: str, hits: list[PersonHit], ctx: Context, on: dt.date, *, visit: bool = False,
               barred: frozenset[str] = frozenset()) -> list[Participant]:
    """Add the article's main figure for a side the sentence points at but does not name; "his Chinese
    counterpart" is whoever held the same office in China that day."""
    participants = [h.participant for h in hits]
    refs = find_side_refs(text)
    wanted = {c for ref in refs for c in ref.countries}
    countries = {p.country for p in participants}
    if len(participants) == 1 and not visit:  # "arrived in China" is a trip, not yet a meeting
        wanted |= countries_named(text, outside=[(h.start, h.end) for h in hits]) - countries
    counterparts = {c: who for ref in refs if _COUNTERPART.search(text, ref.start, ref.end)
                    for c in ref.countries if (who := _counterpart(participants, c, ctx.kb, on))}
    for country in sorted(wanted - countries):
        found = counterparts.get(country)
        figure = participant_for(ctx.kb, found, on) if found else _main_figure(ctx, country, on, barred)
        if figure is not None and figure.key not in barred and all(p.key != figure.key for p in participants):
            participants.append(figure)
    return participants


def office_holders(text: str, kb: KnowledgeBase, on: dt.date) -> dict[str, Participant]:
    """Country → who held the office that the sentence names for both sides ("the two heads of state", "глав
    правительств РФ и Китая") on that day; empty when it names none or an office had not one holder then."""
    roles = office_pair(text)
    if roles is None:
        return {}
    holders = [kb.holders(role, on) for role in roles]
    if any(len(held) != 1 for held in holders):
        return {}
    return {person.country: participant_for(kb, person, on) for [person] in holders}


def _main_figure(ctx: Context, country: str, on: dt.date, barred: frozenset[str]) -> Participant | None:
    """The article's main figure on one side, titled as of `on` when the knowledge base knows them; when the
    sentence names them only as the occasion of the meeting ("as part of the visit by Xi"), the next one."""
    figure = next((p for p in ctx.main.get(country, ()) if p.key not in barred), None)
    person = ctx.kb.person(figure.person_id) if figure and figure.person_id else None
    return participant_for(ctx.kb, person, on) if person else figure


_COUNTERPART = re.compile(r"counterpart|colleague|коллег", re.IGNORECASE)
_OFFICE_TWINS = {"prime_minister": "premier", "deputy_prime_minister": "vice_premier",
                 "deputy_foreign_minister": "vice_foreign_minister", "ambassador_to_china": "ambassador_to_russia"}
_OFFICE_TWINS |= {b: a for a, b in _OFFICE_TWINS.items()}
_PREFIX = {"Russia": "ru", "China": "cn"}


def _counterpart(participants: list[Participant], country: str, kb: KnowledgeBase, on: dt.date) -> Person | None:
    """The holder, in `country`, of the office a named participant from the other side held that day."""
    for participant in participants:
        person = kb.person(participant.person_id) if participant.person_id else None
        if person is None or person.country == country or country not in _PREFIX:
            continue
        for role in kb.roles_of(person, on):
            office = role.id.split(".", 1)[1]
            holders = kb.holders(f"{_PREFIX[country]}.{_OFFICE_TWINS.get(office, office)}", on)
            if len(holders) == 1:
                return holders[0]
    return None


def visit_parties(text: str, trigger: Trigger, hits: list[PersonHit], participants: list[Participant]
                  ) -> list[Participant]:
    """"Putin told Wang Yi he awaits Xi's visit": the visitor and the hosts, not the visitor's compatriots."""
    before = [h for h in hits if h.end <= trigger.start and trigger.start - h.end <= 25]
    if not before:
        return participants
    visitor = before[-1].participant
    return [p for p in participants if p == visitor or p.country != visitor.country]


def unnamed_side(text: str, participants: list[Participant]) -> Counterpart | None:
    """The other side, when the sentence names people of one side only and the other as a body ("talks with
    the Chinese side", "с руководством провинции Цзилинь"). Where a visit goes is not enough: "the first
    premier to visit Russia since 2019" reports no meeting."""
    sides = {p.country for p in participants}
    if not participants or len(sides) != 1 or not sides <= set(SIDES):
        return None
    other = next(side for side in SIDES if side not in sides)
    return find_counterpart(text, other)


def two_sides(participants: list[Participant]) -> bool:
    countries = [p.country for p in participants]
    if len(participants) < 2 or not {"Russia", "China"} & set(countries):
        return False
    return len(set(countries)) > 1 or None in countries
