"""The extraction pipeline: article text in, meetings with evidence out. Pure: no I/O, no database."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import replace

from extraction.agenda import agenda_items, discussion_start, merge_agenda, says_discussed
from extraction.analysts import analyst_flags
from extraction.clean import clean
from extraction.dates import find_dates, resolve
from extraction.delegations import attendees
from extraction.discourse import Facts, GroupView, attribute, sentence_date, tells_circumstances
from extraction.discourse_state import DiscourseState
from extraction.evidence import candidates as evidence_order
from extraction.evidence import date_quote, place_quote
from extraction.header import ReadoutStamp, readout_stamp
from extraction.meeting_venue import trips_of, venue_of, visit_of
from extraction.meetings import Context, Mention, is_spokesperson, retitle
from extraction.merge import Group, merge, without_covered
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
from extraction.same_event import same_day_in_article
from extraction.scope import missing_sides, unnamed_officials
from extraction.sentences import Sentence, split_paragraphs
from extraction.several import detect_all
from extraction.topics import discussed_topics
from extraction.triggers import reports_event, sounds_planned
from extraction.trust import borrowed, day_of_report, flag_inferred, opens_as_earlier, settle, within_visit
from extraction.types import (
    Counterpart,
    Extraction,
    Meeting,
    PartialDate,
    Participant,
    PublishedSource,
    TopicLink,
)
from extraction.venue import Visit, summit_years, visits
from knowledge import KnowledgeBase, default_knowledge

_NEAR_PARAGRAPHS = 2  # a date or place for a meeting is looked for this close to where it is reported


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
    found = _dates_and_places(groups, evidence, sentences, facts, kb, published, stamp, stated)
    # a date learnt from the evidence ("quoted Patrushev as saying on Wednesday") sharpens the attribution
    views = [replace(v, date=date) for v, (date, _) in zip(views, found, strict=True)]
    evidence = attribute(facts, views, published)
    texts = [s.text for s in sentences]
    evidence = by_discussion(evidence, texts, [not f.analyst and says_discussed(f.text) for f in facts])
    evidence = by_rank(evidence, texts, [s.paragraph for s in sentences], [g.participants for g in groups],
                       [v.paragraphs for v in views])
    travels = visits(texts, [f.people for f in facts], lambda text: sentence_date(text, published), kb)
    meetings = _build(groups, evidence, sentences, found, kb, published, dateline, stamp, travels)
    return _with_delegations(meetings, groups, evidence, sentences, kb, named, published)


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


def _dates_and_places(groups: list[Group], evidence: list[int | None], sentences: tuple[Sentence, ...],
                      facts: list[Facts], kb: KnowledgeBase, published: dt.date, stamp: ReadoutStamp | None,
                      stated: dt.date | None) -> list[tuple[PartialDate | None, str | None]]:
    """Each meeting's date and place, from its own mentions or else from nearby sentences naming its people.

    A meeting held without a day of its own takes a readout's stamp; failing that, when the lead reports
    it, the date the article states for itself (never one assumed from the day it was added): an
    announcement or a same-day story leaves its day to the byline.
    """
    found = []
    owned = _owned(evidence)
    lead = min((sentences[m.sentence].paragraph for g in groups for m in g.mentions
                if sentences[m.sentence].paragraph > 0), default=None)  # paragraph 0 is the title
    for g, group in enumerate(groups):
        mine = owned.get(g, [])
        date, place = group.date, group.place
        near = {sentences[m.sentence].paragraph for m in group.mentions}
        told = [i for i in mine if facts[i].group is None and tells_circumstances(sentences[i].text)]
        named = told + [i for i in mine if facts[i].people and facts[i].group is None and i not in told
                        and any(abs(sentences[i].paragraph - p) <= _NEAR_PARAGRAPHS for p in near)]
        held = group.kind(published) != "planned"
        if date is None:
            reports = " ".join(m.quote for m in group.mentions)
            # read in the tense of the sentence it is taken from: "arrived here Wednesday" is past for a plan too
            dates = (borrowed(d, sentences[i].text, reports, planned=not held) for i in named
                     if (d := sentence_date(sentences[i].text, published,
                                            future=not held and sounds_planned(sentences[i].text))))
            # a visit still to come takes no date that is all past: "were in China on 21-23 November 2023"
            date = next((d for d in dates if d is not None and (held or not _over_before(d, published))), None)
        # "Earlier, Xi received him": a meeting recalled takes neither the day the readout nor the article is dated
        recalled = any(opens_as_earlier(m.quote) for m in group.mentions)
        if date is None and stamp is not None and held and not recalled:
            date = PartialDate(stamp.date.year, stamp.date.month, stamp.date.day)
        if date is None and stated is not None and lead in near and held and not recalled:
            date = day_of_report(stated, [m.quote for m in group.mentions])
        if place is None:
            place = next((hits[0].name for i in named if (hits := find_places(sentences[i].text, kb))), None)
        found.append((date, place))
    return _shared_with_siblings(groups, found)


def _shared_with_siblings(groups: list[Group], found: list[tuple[PartialDate | None, str | None]]
                          ) -> list[tuple[PartialDate | None, str | None]]:
    """"He is scheduled to meet Putin, Shuvalov and Dvorkovich": meetings one sentence reports together take the
    place and the month the first of them found, when they found none of their own (its day is its own)."""
    first: dict[int, tuple[PartialDate | None, str | None]] = {}
    for group, (date, place) in zip(groups, found, strict=True):
        for m in group.mentions:
            first.setdefault(m.sentence, (date, place))
    out = []
    for group, (date, place) in zip(groups, found, strict=True):
        near, where = next((first[m.sentence] for m in group.mentions), (None, None))
        month = PartialDate(near.year, near.month) if near is not None else None
        out.append((date or month, place or where))
    return out


def _over_before(date: PartialDate, day: dt.date) -> bool:
    """Whether every day the date can mean is before `day`: a visit still to come cannot take it."""
    return (date.year, date.month or 12, date.day or 31) < (day.year, day.month, day.day)


def _reporting_sentence(group: Group) -> str:
    """The first body sentence that reports the meeting: a headline says less and proves nothing."""
    quotes = [m.quote for m in group.mentions]
    return next((q for q in quotes if q.rstrip().endswith((".", "!", "?", "\"", "”", "»", "'"))), quotes[0])


def _build(groups: list[Group], evidence: list[int | None], sentences: tuple[Sentence, ...],
           found: list[tuple[PartialDate | None, str | None]], kb: KnowledgeBase, published: dt.date,
           dateline: str | None, stamp: ReadoutStamp | None, travels: list[Visit]) -> list[Meeting]:
    owned = _owned(evidence)
    dateline = dateline or (stamp.place if stamp else None)
    drafts = [(group, owned.get(g, []), *found[g]) for g, group in enumerate(groups)]
    meetings: list[Meeting] = []
    trips = trips_of(drafts, published)
    texts = [s.text for s in sentences]
    for group, mine, date, place in drafts:
        reported_kind = group.kind(published)  # as its mentions say; a date after publication makes a plan below
        why = ""
        if place is None:
            place, why = venue_of(group, mine, date, texts, kb, published, dateline, trips, travels,
                                planned=reported_kind == "planned")
        if reported_kind == "call":
            place = None  # the sides of a call are in two places; a city nearby is some other event's
        visit = None
        # talks planned for a visit, or held during one, that the text leaves undated: the month of the visit
        if date is None and (reported_kind == "planned" or (reported_kind != "call"
                             and within_visit([m.quote for m in group.mentions]))):
            visit = visit_of(group, travels)
            date = PartialDate(visit.date.year, visit.date.month) if visit and visit.date else None
        on = date.first_day() if date else published
        people = retitle(group.mentions[0], kb, on).participants
        kind = "planned" if date and date.first_day() > published and not group.held else reported_kind
        topics: dict[str, TopicLink] = {}
        about = [i for i in mine if _of_its_time(sentences[i].text, date, published, future=kind == "planned")]
        for i in about:
            for name in discussed_topics(sentences[i].text, kb):
                topics.setdefault(name, TopicLink(name, sentences[i].text))
        agenda = merge_agenda(*(agenda_items(sentences[i].text) for i in about))
        label = group.label or _label(kind, [p.name for p in people], group.counterpart)
        order = evidence_order([m.sentence for m in group.mentions], mine, sentences)
        meeting = Meeting(kind=kind, participants=people, date=date, place=place, label=label,
                          counterpart=group.counterpart,
                          topics=tuple(topics.values()), agenda=agenda, quote=_reporting_sentence(group),
                          date_quote=date_quote(date, order, sentences, published, future=kind == "planned")
                          or _stamped(stamp, date=date) or (visit.quote if visit is not None and date else ""),
                          place_quote=place_quote(place, order, sentences, kb) or _stamped(stamp, place=place)
                          or (why if place else ""))
        meetings.append(meeting)
    return meetings


def _with_delegations(meetings: list[Meeting], groups: list[Group], evidence: list[int | None],
                      sentences: tuple[Sentence, ...], kb: KnowledgeBase, named: frozenset[str],
                      published: dt.date) -> list[Meeting]:
    """Add the people a readout's delegation list names ("Also attending were ...") to the meeting it is about:
    the one the sentence reports, else the last one reported before it that is dated to the day (a
    readout's own event, not one recalled in passing)."""
    owner = {m.sentence: g for g, group in enumerate(groups) for m in group.mentions}
    extra: dict[int, list[Participant]] = {}
    reported: list[int] = []  # meetings in the order the article reports them
    for s in sentences:
        if s.index in owner and owner[s.index] not in reported:
            reported.append(owner[s.index])
        dated = [g for g in reported if (d := meetings[g].date) is not None and d.day is not None]
        g = owner.get(s.index)
        if g is None:  # "Xiao Jie was present at the meeting": the dated event a readout is about
            g = dated[-1] if dated else (reported[-1] if reported else evidence[s.index])
        if g is None:
            continue
        meeting = meetings[g]
        on = meeting.date.first_day() if meeting.date else published
        if found := attendees(s.text, kb, on, named):
            extra.setdefault(g, []).extend(found)
    out = []
    for g, meeting in enumerate(meetings):
        people = {p.key: p for p in meeting.participants}
        for person in extra.get(g, []):
            people.setdefault(person.key, person)
        out.append(replace(meeting, participants=tuple(people.values())))
    return out


def _of_its_time(text: str, date: PartialDate | None, published: dt.date, *, future: bool) -> bool:
    """False for a sentence dated to another time than the meeting ("On 25 October 2023 in Bishkek they met
    again, and ..."): what it says was discussed belongs to that other meeting, not to this one. A date inside
    what was discussed ("talked about high-level exchanges next year") is the subject's time, not the talk's."""
    if date is None:
        return True
    subject = discussion_start(text)
    values = [v for e in find_dates(text) if (subject is None or e.start < subject)
              and (v := resolve(e, published=published, future=future, previous=date))]
    return not values or any(same_day_in_article(v, date) for v in values)


def _owned(evidence: list[int | None]) -> dict[int, list[int]]:
    """Meeting index → the sentences that are evidence for it."""
    out: dict[int, list[int]] = {}
    for i, owner in enumerate(evidence):
        if owner is not None:
            out.setdefault(owner, []).append(i)
    return out


def _opens_turn(text: str, named: list[PersonHit]) -> bool:
    """"President of Russia Vladimir Putin: Mr Wang Yi, friends," - a transcript's speaker label: a short
    run of words ending in a name (and maybe "(retranslated)") before a colon."""
    colon = text.find(":")
    if colon < 0 or len(text[:colon].split()) > 20:
        return False
    return any(_LABEL_TAIL.fullmatch(text[h.end : colon]) for h in named if h.end <= colon)


_LABEL_TAIL = re.compile(r"\s*(?:\([^()]{1,30}\))?\s*")


def _stamped(stamp: ReadoutStamp | None, *, date: PartialDate | None = None, place: str | None = None) -> str:
    """The readout stamp's line as the evidence for a date or place that came from it."""
    if stamp is None:
        return ""
    if date is not None and date.day is not None and date.first_day() == stamp.date:
        return stamp.date_line
    return stamp.place_line or "" if place is not None and place == stamp.place else ""


def _label(kind: str, names: list[str], counterpart: Counterpart | None = None) -> str:
    unnamed = [unnamed_officials(counterpart.country)] if counterpart else []
    head, rest = names[0], " and ".join([*names[1:], *unnamed])
    verb = {"call": "speaks by phone with", "planned": "to meet"}.get(kind, "meets")
    return f"{head} {verb} {rest}"
