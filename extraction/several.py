"""Sentences that report more than one meeting.

- a list of occasions: "the ministers have met three times this year: in April in Astana, in July in
  New York and in September in Beijing" is three meetings, each with its month and city;
- one visitor and several hosts: "Putin is scheduled to meet Wu Bangguo, Premier Wen Jiabao and Vice
  President Xi Jinping" is a meeting with each (a delegation that sat together says so: "accompanied
  by", "also attending", "в составе делегации");
- two clauses, two events: "Volodin was received by Xi Jinping, and the day before he met Zhao Leji".

`detect_all` gives every mention a sentence holds; `meetings.detect` reads one event at a time.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extraction.bystanders import other_events
from extraction.dates import find_dates, resolve
from extraction.lexicon import Folded, masked
from extraction.meetings import Context, Cues, Mention, detect, nobody_meets
from extraction.people import PeopleScan, find_people
from extraction.places import find_places
from extraction.scope import SIDES
from extraction.triggers import find_trigger
from extraction.types import Official

# "three times this year:", "дважды в этом году:": a count of meetings, then the list after a colon
_COUNT = Folded(r"\b(?:twice|(?:two|three|four|five|several|\d+)\s+times|дважды|трижды|(?:два|три|четыре|пять"
                r"|несколько|\d+)\s+раза?)\b[^:]{0,60}:", needs=("twice", "times", "дважды", "трижды", "раз"))
_ITEM_BREAK = re.compile(r",\s*(?:and\s+|и\s+|а\s+)?(?:then\s+|затем\s+)?|;\s*|\s+and\s+(?:then\s+)?"
                         r"|\s+и\s+(?:затем\s+)?")
# people who sat together: a delegation, not separate meetings with each
_TOGETHER = Folded(r"\b(?:delegations?|accompanied|also\s+(?:attended|present|took\s+part)|together\s+with|jointly"
                   r"|делегаци\w*|сопровожд\w*|в\s+составе|также\s+(?:приняли|принял)|вместе\s+с)\b",
                   needs=("delegation", "accompan", "also", "together", "joint", "делегаци", "сопровожд",
                          "составе", "также", "вместе"))
_CLAUSE = re.compile(r"[,;]\s+")


def detect_all(text: str, index: int, ctx: Context, cues: Cues) -> list[Mention]:
    """Every meeting the sentence reports, one mention each (usually none or one)."""
    if cues.scan is not None and nobody_meets(text, cues.scan, cues.pair):
        return []  # nobody to meet: no clause of it, nor the whole, reports a meeting
    if find_trigger(text) is None:
        return []  # no meeting word anywhere: no clause of it, nor the whole, reports a meeting
    parts = _clauses(text, index, ctx, cues)
    if parts:
        return parts
    mention = detect(text, index, ctx, cues)
    if mention is None:
        return []
    return _occasions(mention, text, ctx) or _with_each(mention, text, ctx, cues.scan) or [mention]


def _occasions(mention: Mention, text: str, ctx: Context) -> list[Mention]:
    """"have met three times this year: in April in Astana, in July in New York and in September in
    Beijing": one mention per occasion listed after the colon, each with its own date and place."""
    count = _COUNT.search(text)
    if count is None:
        return []
    out = []
    start = count.end()
    for piece in _pieces(text, start):
        item_start, item_end = piece
        item = " " * item_start + text[item_start:item_end]
        dates = [v for e in find_dates(item) if (v := resolve(e, published=ctx.published,
                                                                future=mention.kind == "planned"))]
        places = find_places(item, ctx.kb)
        if dates or places:
            out.append(replace(mention, date=dates[-1] if dates else None, place=places[-1].name if places else None,
                               own_place=bool(places)))
    return out if len(out) >= 2 else []


def _pieces(text: str, start: int) -> list[tuple[int, int]]:
    spans = []
    for m in _ITEM_BREAK.finditer(text, start):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _with_each(mention: Mention, text: str, ctx: Context, scan: PeopleScan | None) -> list[Mention]:
    """One visitor, several hosts named one by one: a meeting with each of them."""
    if _TOGETHER.search(text):
        return []
    by_side = {side: [p for p in mention.participants if p.country == side] for side in SIDES}
    one = next((side for side in SIDES if len(by_side[side]) == 1), None)
    other = next((side for side in SIDES if side != one and len(by_side[side]) >= 2), None)
    if one is None or other is None:
        return []
    trigger = find_trigger(masked(text, other_events(text)))
    hits = {h.participant.key: h for h in find_people(text, ctx.kb, ctx.published, context=ctx.named, scan=scan,
                                                               undated=ctx.undated)}
    many = by_side[other]
    if trigger is None or any(p.key not in hits for p in many):
        return []  # someone the sentence only points at ("his counterpart"): one meeting as reported
    if sum(hits[p.key].end <= trigger.start for p in many) >= 2:
        return []  # "Xi Jinping and Li Qiang received Putin": the hosts sat together
    visitor = by_side[one][0]
    rest = [p for p in mention.participants if p.country not in SIDES]
    return [replace(mention, participants=tuple(sorted((visitor, host, *rest), key=mention.participants.index)))
            for host in many]


def _within(scan: PeopleScan, start: int, end: int) -> PeopleScan:
    """The sentence's scan for people, cut down to one clause (positions are those of the sentence)."""
    def keep(found: tuple) -> tuple:
        return tuple(f for f in found if start <= (f.start if isinstance(f, Official) else f[0]) < end)
    return PeopleScan(aliases=keep(scan.aliases), honorifics=keep(scan.honorifics), roles=keep(scan.roles),
                      titled=keep(scan.titled), surnames=keep(scan.surnames), strangers=keep(scan.strangers))


def _clauses(text: str, index: int, ctx: Context, cues: Cues) -> list[Mention]:
    """"Volodin was received by Xi, and the day before he met Zhao Leji": each clause with a trigger of its
    own and people of its own is read as a sentence of its own."""
    breaks = list(_CLAUSE.finditer(text))
    if not breaks:
        return []
    bounds = [0, *(m.end() for m in breaks), len(text)]
    segments = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]
    starts = [i for i, (s, e) in enumerate(segments) if find_trigger(text[s:e]) is not None]
    if len(starts) < 2:
        return []
    starts[0] = 0
    groups = [(segments[a][0], segments[b - 1][1] if b < len(segments) else len(text))
              for a, b in zip(starts, [*starts[1:], len(segments)], strict=True)]
    named_places = cues.places if cues.places is not None else find_places(text, ctx.kb)
    whole = replace(cues, scan=None, places=None)  # a clause's people and places are its own
    parts = []
    for start, end in groups:
        part = " " * start + text[start:end] + " " * (len(text) - end)
        own = _within(cues.scan, start, end) if cues.scan is not None else None  # the clause's own people
        if own is None or not nobody_meets(part, own, cues.pair):
            parts.append((start, part, own))
    if len(parts) < 2:
        return []  # fewer than two clauses name anyone: not two events
    found: list[Mention] = []
    for start, part, own in parts:
        # "Earlier in Beijing Xi received him, and the day before he met Zhao": a clause naming no place is
        # where an earlier clause of the sentence put the scene, not where the paragraph was before
        before = [p.name for p in named_places if p.start < start]
        clause = replace(whole, scan=own, fallback_place=before[-1]) if before else replace(whole, scan=own)
        mention = detect(part, index, ctx, clause)
        if mention is not None and mention.counterpart is None:  # a clause naming one side only is no event apart
            found.append(replace(mention, quote=text))
    keys = {frozenset(p.key for p in m.participants) for m in found}
    return found if len(found) >= 2 and len(keys) == len(found) else []
