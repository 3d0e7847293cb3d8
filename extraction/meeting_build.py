"""A merged group of mentions becomes a `Meeting`: its kind, its people, topics, agenda, label and evidence.

Given each group's date and place (`meeting_dates`) and the sentences attributed to it, a meeting takes
a place from `meeting_venue` when it has none, a visit's month when it is undated, its known people
titled as of its date, the topics and agenda of the sentences of its time, a label, and the sentences
that prove its date and place; the people a readout's delegation list names join it last. Kept apart
from the pipeline that finds and groups the mentions: this is what one meeting is made of once found.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from extraction.agenda import agenda_items, discussion_start, merge_agenda
from extraction.dates import find_dates, resolve
from extraction.delegations import attendees
from extraction.evidence import candidates as evidence_order
from extraction.evidence import date_quote, place_quote
from extraction.header import ReadoutStamp
from extraction.meeting_dates import sentences_by_meeting
from extraction.meeting_venue import trips_of, venue_of, visit_of
from extraction.meetings import Mention
from extraction.merge import Group
from extraction.people import participant_for
from extraction.same_event import same_day_in_article
from extraction.scope import unnamed_officials
from extraction.sentences import Sentence
from extraction.topics import discussed_topics
from extraction.trust import within_visit
from extraction.types import Counterpart, Meeting, PartialDate, Participant, TopicLink
from extraction.venue import Visit
from knowledge import KnowledgeBase


def _reporting_sentence(group: Group) -> str:
    """The first body sentence that reports the meeting: a headline says less and proves nothing."""
    quotes = [m.quote for m in group.mentions]
    return next((q for q in quotes if q.rstrip().endswith((".", "!", "?", "\"", "”", "»", "'"))), quotes[0])


def build(groups: list[Group], evidence: list[int | None], sentences: tuple[Sentence, ...],
          found: list[tuple[PartialDate | None, str | None]], kb: KnowledgeBase, published: dt.date,
          dateline: str | None, stamp: ReadoutStamp | None, travels: list[Visit]) -> list[Meeting]:
    """Each group as a `Meeting`, from the date and place `found` for it and the sentences `evidence` gives it."""
    owned = sentences_by_meeting(evidence)
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
        people = _retitle(group.mentions[0], kb, on).participants
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


def with_delegations(meetings: list[Meeting], groups: list[Group], evidence: list[int | None],
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


def _retitle(mention: Mention, kb: KnowledgeBase, on: dt.date) -> Mention:
    """Known participants titled as of the merged meeting's date."""
    people = tuple(
        participant_for(kb, person, on) if p.person_id and (person := kb.person(p.person_id)) else p
        for p in mention.participants
    )
    return replace(mention, participants=people)
