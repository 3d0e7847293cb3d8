"""A plain-text account of what the pipeline found in an article and why, for `briefing extract FILE`.

An admin checking an upload, or a developer checking a rule, reads the sentence behind every
meeting, date, place and topic rather than trusting a bare result.
"""

from __future__ import annotations

import textwrap

from extraction.types import Extraction, Meeting, Participant

_SOURCES = {
    "given": "given with the article",
    "byline": "read from the article's byline or stamp",
    "url": "read from the page's address",
    "dateline": "read from the story's dateline",
    "assumed": "not stated: no meeting is dated from the day the article was added",
}
_KINDS = {"meeting": "meeting", "call": "call (phone or video)", "planned": "planned meeting"}
_WIDTH = 100


def explain(extraction: Extraction) -> str:
    """The publication date and its source, then each meeting with the evidence for each of its parts."""
    published = extraction.published.isoformat() if extraction.published else "unknown"
    lines = [f"Title: {extraction.title or '(none found)'}",
             f"Published: {published} ({_SOURCES[extraction.published_source]})",
             f"Sentences read: {len(extraction.sentences)}",
             f"Meetings found: {len(extraction.meetings)}"]
    lines += [f"Warning: {w}" for w in extraction.warnings]
    for number, meeting in enumerate(extraction.meetings, start=1):
        lines += ["", *_meeting(number, meeting)]
    return "\n".join(lines) + "\n"


def _meeting(number: int, meeting: Meeting) -> list[str]:
    date = meeting.date.iso() if meeting.date else "no date"
    if not meeting.date_certain:
        said = f"; the article says “{meeting.date_text}”" if meeting.date_text else ""
        date += f" (date uncertain: it rests on a publication day the article does not give{said})"
    lines = [f"{number}. {meeting.label or 'Meeting'}",
             f"   Kind: {_KINDS[meeting.kind]}",
             f"   Date: {date}", *_because(meeting.date_quote, "no sentence states it" if meeting.date else ""),
             f"   Place: {meeting.place or 'not stated'}", *_because(meeting.place_quote, ""),
             "   Participants:"]
    lines += [f"   - {_participant(p)}" for p in meeting.participants]
    if (side := meeting.counterpart) is not None:
        lines.append(f"   - {side.country}: not named, only as “{side.words}”")
    lines += ["   Reported in:", *_quote(meeting.quote)]
    if not meeting.topics:
        lines.append("   Topics: none tied to this meeting")
    else:
        lines.append("   Topics:")
        for topic in meeting.topics:
            lines += [f"   - {topic.name}", *_quote(topic.quote, indent=7)]
    if meeting.agenda:
        lines += ["   Agenda (as the text puts it):", *(f"   - {item}" for item in meeting.agenda)]
    return lines


def _participant(p: Participant) -> str:
    role = p.role or "role unknown"
    country = f", {p.country}" if p.country else ""
    status = "known" if p.known else "new: not in the knowledge base"
    return f"{p.name} ({role}{country}; {status})"


def _because(quote: str, missing: str) -> list[str]:
    if quote:
        return ["     because:", *_quote(quote, indent=7)]
    return [f"     ({missing})"] if missing else []


def _quote(text: str, *, indent: int = 5) -> list[str]:
    pad = " " * indent
    return textwrap.wrap(f"“{text}”", _WIDTH, initial_indent=pad, subsequent_indent=pad) or [f"{pad}“”"]
