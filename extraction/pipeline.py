"""The extraction pipeline: article text in, meetings with evidence out. Pure: no I/O, no database."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import replace

from extraction.agenda import says_discussed
from extraction.analysts import analyst_flags
from extraction.clean import clean
from extraction.discourse import Facts, GroupView, attribute, sentence_date
from extraction.discourse_state import DiscourseState
from extraction.header import ReadoutStamp, readout_stamp
from extraction.meeting_build import build, with_delegations
from extraction.meeting_dates import dates_and_places
from extraction.meetings import Context, Mention, is_spokesperson
from extraction.merge import merge, without_covered
from extraction.people import (
    PeopleScan,
    PersonHit,
    find_people,
    full_names,
    scan_people,
    stranger_family_names,
    with_strangers,
)
from extraction.places import dateline_place, find_places
from extraction.published import publication, story_days
from extraction.referents import by_discussion, by_rank
from extraction.scope import missing_sides
from extraction.sentences import Sentence, split_paragraphs
from extraction.several import detect_all
from extraction.triggers import reports_event, sounds_planned
from extraction.trust import flag_inferred, settle
from extraction.types import Extraction, Meeting, Participant, PublishedSource
from extraction.venue import summit_years, visits
from knowledge import KnowledgeBase, default_knowledge


def extract(text: str, *, published: dt.date | None = None, url: str | None = None,
            today: dt.date | None = None, knowledge: KnowledgeBase | None = None) -> Extraction:
    """Read one article: every meeting it reports, each with date, place, kind, people, topics, quotes."""
    kb = knowledge or default_knowledge()
    cleaned = clean(text)
    pub = publication(cleaned.paragraphs, title=cleaned.title, given=published, url=url,
                      summits=lambda: _summits_named(cleaned.paragraphs, kb),
                      today=today or dt.date.today())
    warnings: list[str] = list(pub.notes)
    span = pub.span()
    # the day dates are read against: the story's own day, else the last day it can have run, else (for
    # offices and tenses only: `trust.settle` drops any date that rests on it) the day it is added
    reference = pub.reference or (span[1] if span else today or dt.date.today())
    # the article is listed with the day it ran when the page gives it, never with the day it was added
    day_known = pub.date is not None and pub.date.day is not None
    published = pub.date.first_day() if pub.date is not None and day_known else None
    source: PublishedSource = pub.source if day_known else "assumed"
    if not day_known:
        warnings.append("no publication date found; no meeting is dated from the day the article was added")
    sentences = split_paragraphs(cleaned.paragraphs)
    stamp = readout_stamp(cleaned.paragraphs, kb)
    found = _read_meetings(sentences, kb, reference, dateline_place(cleaned.paragraphs, kb), stamp,
                           stated=pub.reference, stories=story_days(cleaned.paragraphs, pub, reference))
    if pub.reference is None:
        found = settle(found, reference, span, stamped=stamp.date if stamp else None)
    elif pub.inferred is not None:
        found = flag_inferred(found, reference, dateline=pub.dateline)
    meetings = [m for m in found if not missing_sides(m.participants, m.counterpart)]
    warnings += [_out_of_scope(m) for m in found if missing_sides(m.participants, m.counterpart)]
    for meeting in meetings:
        if not meeting.date_certain:
            said = f" (the article says “{meeting.date_text}”)" if meeting.date_text else ""
            kept = f"kept as {meeting.date.iso()}" if meeting.date else "left undated"
            warnings.append(f"date uncertain for meeting {meeting.label}: it rests on a publication day the "
                            f"article does not give, so it is {kept}{said}")
        elif meeting.date is None:
            warnings.append(f"no date found for meeting {meeting.label}")
    unknown = sorted({p.name for m in meetings for p in m.participants if not p.known})
    warnings += [f"person not in the knowledge base: {name}" for name in unknown]
    return Extraction(text=cleaned.text, title=cleaned.title, published=published, published_source=source,
                      meetings=tuple(meetings), sentences=tuple(s.text for s in sentences),
                      warnings=tuple(warnings))


def _summits_named(paragraphs: tuple[str, ...] | list[str], kb: KnowledgeBase) -> set[tuple[int, str]]:
    """Every (year, summit in its host city) the page names in one sentence: a year for a yearless dateline."""
    return {found for s in split_paragraphs(paragraphs) for found in summit_years(s.text, kb)}


def _out_of_scope(meeting: Meeting) -> str:
    """Why a meeting the article reports is left out: no participant known to be of one side."""
    sides = " or ".join(missing_sides(meeting.participants))
    return f"not a Russian-Chinese meeting, left out (no participant known to be from {sides}): {meeting.label}"


def _read_meetings(sentences: tuple[Sentence, ...], kb: KnowledgeBase, published: dt.date,
                   dateline: str | None, stamp: ReadoutStamp | None, *, stated: dt.date | None = None,
                   stories: dict[int, dt.date] | None = None) -> list[Meeting]:
    undated = stated is None  # no day of its own: offices are read as of a guessed day
    scans, first, named, people = _people(sentences, kb, published, undated=undated)
    known_tokens = {t for pid in named if (p := kb.person(pid)) for n in p.names for t in n.split()}
    analyst = analyst_flags(sentences, [any(h.participant.known for h in hits) for hits in first], known_tokens)
    # the article's main figure on each side: the one it names most, whether the knowledge base lists them
    # or a title beside the name made them an official ("командующим ВМС НОАК вице-адмиралом Шэнь Цзинлуном")
    counts = Counter(h.participant.key for hits, a in zip(people, analyst, strict=True) if not a for h in hits
                     if h.participant.country and not is_spokesperson(h.participant))
    seen = {h.participant.key: h.participant for hits in people for h in hits}
    main: dict[str, tuple[Participant, ...]] = {}
    for key, _ in counts.most_common():
        main[seen[key].country] = (*main.get(seen[key].country, ()), seen[key])
    ctx = Context(kb=kb, published=published, main=main, named=named, undated=undated)
    mentions = _mentions(sentences, analyst, ctx, scans, people, stories or {})
    spelt_out = full_names([h.participant for hits in first for h in hits])
    mentions = [replace(m, participants=tuple(spelt_out.get(p.name, p) if not p.known else p for p in m.participants))
                for m in mentions]
    groups = without_covered(merge(mentions))
    owner = {m.sentence: g for g, group in enumerate(groups) for m in group.mentions}
    facts = [
        Facts(text=s.text, paragraph=s.paragraph, analyst=analyst[s.index], group=owner.get(s.index),
              people=frozenset(h.participant.key for h in people[s.index]),
              breaks=reports_event(s.text), speaker=_opens_turn(s.text, first[s.index]))
        for s in sentences
    ]
    views = [GroupView(g.keys, g.date, len(g.mentions), frozenset(sentences[m.sentence].paragraph
                                                                  for m in g.mentions)) for g in groups]
    evidence = attribute(facts, views, published)
    found = dates_and_places(groups, evidence, sentences, facts, kb, published, stamp, stated)
    # a date learnt from the evidence ("quoted Patrushev as saying on Wednesday") sharpens the attribution
    views = [replace(v, date=date) for v, (date, _) in zip(views, found, strict=True)]
    evidence = attribute(facts, views, published)
    texts = [s.text for s in sentences]
    evidence = by_discussion(evidence, texts, [not f.analyst and says_discussed(f.text) for f in facts])
    evidence = by_rank(evidence, texts, [s.paragraph for s in sentences], [g.participants for g in groups],
                       [v.paragraphs for v in views])
    # a visit ahead ("will visit Russia from July 1 to 5") is dated forward, one reported back
    travels = visits(texts, [f.people for f in facts],
                     lambda text: sentence_date(text, published, future=sounds_planned(text)), kb)
    meetings = build(groups, evidence, sentences, found, kb, published, dateline, stamp, travels)
    return with_delegations(meetings, groups, evidence, sentences, kb, named, published)


def _people(sentences: tuple[Sentence, ...], kb: KnowledgeBase, published: dt.date, *, undated: bool = False
            ) -> tuple[list[PeopleScan], list[list[PersonHit]], frozenset[str], list[list[PersonHit]]]:
    """Each sentence's scan for names and the people it names, read once: (scans, the people each names by
    itself, the known ids the article names, the people each names in the light of the whole article).

    In that light a bare family name is the one person of that name named elsewhere ("Zhang is expected
    to ..." after "Chinese Vice Premier Zhang Gaoli"), and "Mr Wang" the one Wang the article names.
    """
    scans = [scan_people(s.text, kb) for s in sentences]
    first = [find_people(s.text, kb, published, scan=scan) for s, scan in zip(sentences, scans, strict=True)]
    if family := stranger_family_names([h.participant for hits in first for h in hits], kb):
        scans = [with_strangers(scan, s.text, family) for s, scan in zip(sentences, scans, strict=True)]
        first = [find_people(s.text, kb, published, scan=scan) if scan.strangers else hits
                 for s, scan, hits in zip(sentences, scans, first, strict=True)]
    named = frozenset(h.participant.person_id for hits in first for h in hits if h.participant.person_id)
    people = [find_people(s.text, kb, published, context=named, scan=scan, undated=undated)
              if scan.honorifics or scan.surnames or (undated and scan.roles) else hits
              for s, scan, hits in zip(sentences, scans, first, strict=True)]
    return scans, first, named, people


def _mentions(sentences: tuple[Sentence, ...], analyst: list[bool], ctx: Context, scans: list[PeopleScan],
              people: list[list[PersonHit]], stories: dict[int, dt.date]) -> list[Mention]:
    """Each sentence's meeting report, if any; `people` are those each names, as of publication."""
    mentions: list[Mention] = []
    state = DiscourseState()
    story = ctx  # on a page of several wire stories, the one being read, counting from its own dateline
    for s in sentences:
        if s.paragraph in stories and (s.index == 0 or sentences[s.index - 1].paragraph != s.paragraph):
            story = replace(ctx, published=stories[s.paragraph])
            state = state.new_story()
        places = find_places(s.text, ctx.kb)
        found = [] if analyst[s.index] else detect_all(s.text, s.index, story, state.cues(s, scans[s.index], places))
        mentions += found
        state = state.after(s, found, places, [] if analyst[s.index] else people[s.index], story.published)
    return mentions


def _opens_turn(text: str, named: list[PersonHit]) -> bool:
    """"President of Russia Vladimir Putin: Mr Wang Yi, friends," - a transcript's speaker label: a short
    run of words ending in a name (and maybe "(retranslated)") before a colon."""
    colon = text.find(":")
    if colon < 0 or len(text[:colon].split()) > 20:
        return False
    return any(_LABEL_TAIL.fullmatch(text[h.end : colon]) for h in named if h.end <= colon)


_LABEL_TAIL = re.compile(r"\s*(?:\([^()]{1,30}\))?\s*")
