"""Meetings and summaries as short Telegram-HTML blocks that read well on a phone.

Every string that came from an article or a reader passes through `esc` here, and only here.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from knowledge import KnowledgeBase, default_knowledge
from storage.queries import MeetingView, ParticipantView, SourceView

KIND_LABELS = {"meeting": "met", "call": "phone call", "planned": "planned"}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
QUOTE_LIMIT = 280  # the quote of a full view
SHORT_QUOTE = 140  # the quote of a list: enough for the sentence's point, the rest is a tap away
SHORT_TOPICS = 4  # topics a list names when it cannot name them all
SIDES = ("Russia", "China")  # the sides a meeting is between, listed in this order; everyone else after
# what a page's <title> or a first line holds when it is not a headline
NOT_HEADLINES = frozenset({"article", "untitled", "untitled document", "home", "home page", "news", "latest news",
                           "world", "world news", "politics", "opinion", "document", "page not found"})


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def human_date(iso: str | dt.date | None) -> str:
    """`2025-12-02` → `2 Dec 2025`, `2025-05` → `May 2025`, None → `date unknown`: one style for every date
    in a reply, the meeting's and the article's alike."""
    if isinstance(iso, dt.date):
        iso = iso.isoformat()
    if not iso:
        return "date unknown"
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return f"{parts[2]} {MONTHS[parts[1] - 1]} {parts[0]}"


def clip(text: str, limit: int = QUOTE_LIMIT) -> str:
    """Shorten at a word boundary, so a long sentence does not swamp the reply."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def is_headline(title: str | None) -> bool:
    """A real headline, not a section heading ("World"), a placeholder ("Untitled") or a file name."""
    if not title:
        return False
    words = [w for w in title.split() if sum(c.isalpha() for c in w) >= 2]  # "000_c314c2ad45bf11ca" is one
    return len(words) >= 3 and " ".join(title.casefold().split()) not in NOT_HEADLINES


def _host(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def source_line(source: SourceView) -> str:
    """Outlet (linked), date and article number. Without an outlet: the page's host, else the headline when
    it is a real one, else only the article number. A stored title may be a section heading picked from the
    text, so it never stands beside a known outlet."""
    name = source.outlet or _host(source.url)
    if name is None and is_headline(source.title):
        name = f"“{clip(source.title or '', 120)}”"
    if name is None:
        return f"article #{source.article_id}, {human_date(source.published)} (outlet unknown)"
    linked = f'<a href="{esc(source.url)}">{esc(name)}</a>' if source.url else esc(name)
    return f"{linked}, {human_date(source.published)} (article #{source.article_id})"


def _side(participant: ParticipantView) -> int:
    return SIDES.index(participant.country) if participant.country in SIDES else len(SIDES)


def participant_groups(meeting: MeetingView, *, knowledge: KnowledgeBase | None = None,
                       subject: int | None = None) -> list[list[ParticipantView]]:
    """The participants by side, Russia's first, then China's, then everyone else's; the asked-about
    person leads. Within a side, the higher office first (roles.toml order), then by name: the same
    people always come in the same order."""
    kb = knowledge or default_knowledge()
    groups: dict[tuple[int, int], list[ParticipantView]] = {}
    for p in sorted(meeting.participants, key=lambda p: (kb.seniority(p.role), p.name.casefold(), p.person_id)):
        groups.setdefault((p.person_id != subject, _side(p)), []).append(p)
    return [groups[key] for key in sorted(groups)]


def meeting_block(meeting: MeetingView, *, quote: str | None = None, full: bool = False,
                  knowledge: KnowledgeBase | None = None, subject: int | None = None,
                  subject_title: str | None = None) -> str:
    """One meeting: when, where, kind; who with their role then; topics; one quote; sources.

    A list shows each office by its short form, four topics and a clipped quote; `full` shows whole titles,
    every topic and the quote at length. On a person's own page (`subject`) they are left out
    of the participants (the header names them), unless their office then differs from `subject_title`.
    """
    kb = knowledge or default_knowledge()
    head = [f"<b>{esc(human_date(meeting.date))}</b>"]
    if meeting.place:
        head.append(esc(meeting.place))
    head.append(KIND_LABELS.get(meeting.kind, meeting.kind))
    lines = [" · ".join(head)]

    def named(p: ParticipantView) -> str:
        role = (p.role if full else kb.short_title(p.role)) if p.role else None
        return f"{esc(p.name)} ({esc(role)})" if role else esc(p.name)

    groups = participant_groups(meeting, knowledge=kb, subject=subject)
    if subject is not None and not full and groups and groups[0][0].person_id == subject:
        own = groups.pop(0)[0]
        as_then = f"as {esc(kb.short_title(own.role))}, " if own.role and own.role != subject_title else ""
        others = " — ".join(", ".join(named(p) for p in group) for group in groups)
        if as_then or others:
            lines.append(f"{as_then}with {others}" if others else as_then.rstrip(", "))
    elif groups:
        lines.append(" — ".join(", ".join(named(p) for p in group) for group in groups))
    evidence = quote or next((s.quote for s in meeting.sources if s.quote), "")
    if meeting.topics:
        lines.append(_topics(meeting, evidence, full=full))
    if full and meeting.agenda:
        lines.append(_agenda(meeting))
    if evidence:
        lines.append(f"<i>«{esc(clip(evidence, QUOTE_LIMIT if full else SHORT_QUOTE))}»</i>")
    if meeting.sources:
        lines.append("Source: " + "; ".join(source_line(s) for s in meeting.sources))
    return "\n".join(lines)


def _topics(meeting: MeetingView, evidence: str, *, full: bool) -> str:
    """Every topic in a full view; in a list over five, four (those the quoted sentence names first), the count
    and an ellipsis: "Topics (15): Asia-Pacific, Europe, Hong Kong, strategic security, …"."""
    if full or len(meeting.topics) <= SHORT_TOPICS + 1:  # hiding one would save nothing
        return "Topics: " + ", ".join(esc(t.name) for t in meeting.topics)
    ranked = sorted(meeting.topics, key=lambda t: t.quote != evidence)  # stable: alphabetical within each
    shown = sorted(ranked[:SHORT_TOPICS], key=lambda t: t.name.casefold())
    return f"Topics ({len(meeting.topics)}): " + ", ".join(esc(t.name) for t in shown) + ", …"


def _agenda(meeting: MeetingView) -> str:
    """A full view's "Discussed:" line: every item the articles say was on the table, in their words."""
    return "Discussed: " + "; ".join(esc(item) for item in meeting.agenda)


def highlighted(marked: str) -> str:
    """Escape a search snippet, then turn its \x01…\x02 markers into bold."""
    return esc(" ".join(marked.split())).replace("\x01", "<b>").replace("\x02", "</b>")


def counted(items: list[tuple[str, int]]) -> str:
    return ", ".join(f"{esc(name)} ({count})" for name, count in items)


TELEGRAM_LIMIT = 4096


def split_message(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Cut HTML into messages of at most `limit` characters, between blocks (the blank line that ends
    a meeting), so that no meeting is read half in one message and half in the next.

    Only a block longer than a message is cut inside, between lines. Tags never span lines in our
    replies, so such a cut keeps the HTML valid; a single line longer than a message loses its tags
    and is cut between words.
    """
    return _pack(text.split("\n\n"), "\n\n", limit, lambda block: _split_lines(block, limit))


def _split_lines(block: str, limit: int) -> list[str]:
    return _pack(block.split("\n"), "\n", limit, lambda line: _cut_line(line, limit))


def _pack(parts: list[str], joint: str, limit: int, cut: Callable[[str], list[str]]) -> list[str]:
    """As many whole parts per message as fit; a part too long for any message starts a new one and is cut."""
    chunks: list[str] = []
    current = ""
    for part in parts:
        if len(part) > limit and current.strip():
            chunks.append(current.strip("\n"))
            current = ""
        for piece in [part] if len(part) <= limit else cut(part):
            candidate = f"{current}{joint}{piece}" if current else piece
            if len(candidate) <= limit:
                current = candidate
                continue
            if current.strip():
                chunks.append(current.strip("\n"))
            current = piece
    if current.strip():
        chunks.append(current.strip("\n"))
    return chunks or [""]


def _cut_line(line: str, limit: int) -> list[str]:
    plain = esc(html.unescape(re.sub(r"<[^>]+>", "", line)))
    pieces, current = [], ""
    for word in plain.split(" "):
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            pieces.append(current)
        while len(word) > limit:  # one enormous "word": cut it, but never inside an &entity;
            cut = _safe_cut(word, limit)
            pieces.append(word[:cut])
            word = word[cut:]
        current = word
    return [*pieces, current] if current else pieces


def _safe_cut(word: str, cut: int) -> int:
    amp = word.rfind("&", max(1, cut - 8), cut)
    return amp if amp > 0 and ";" not in word[amp:cut] else cut
