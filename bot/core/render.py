"""Meetings and summaries as short Telegram-HTML blocks that read well on a phone.

Every string that came from an article or a reader passes through `esc` here, and only here.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from bot.core.excerpt import excerpt, meeting_keys
from extraction.scope import SIDES, unnamed_officials
from knowledge import KnowledgeBase, default_knowledge
from storage.queries import MeetingView, ParticipantView, SourceView

KIND_LABELS = {"meeting": "met", "call": "phone call", "planned": "planned"}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
QUOTE_LIMIT = 280  # the quote of a full view
SHORT_QUOTE = 116  # the quote of a list: the clause that tells of the meeting, the rest is a tap away
SHORT_TOPICS = 3  # topics a list names, the most telling; "+N" counts the rest
TOPICS_MARK = "Re: "  # what a list's line of topics starts with; a full view says "Topics: "
ROW = 45  # characters of a row on a phone: a line of participants longer than this breaks between the sides
HEADLINE_IN_LIST = 48  # characters of a headline standing for an unknown outlet in a list
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


def meeting_date(meeting: MeetingView) -> str:
    """A meeting's date as every reply shows it: "2 Dec 2025"; "May 2019 (uncertain)" or "date uncertain" when
    it rests on a publication day its article does not give, so that no reader takes a guess for a fact."""
    if meeting.date_certain:
        return human_date(meeting.date)
    return f"{human_date(meeting.date)} (uncertain)" if meeting.date else "date uncertain"


def date_doubt(meeting: MeetingView) -> str | None:
    """Full details' word on an uncertain date: what the article says, and what it leaves out."""
    if meeting.date_certain:
        return None
    # a day came from the page's own dates placing its yearless dateline: the year is the guess; a month or a
    # year came from what the page gives of its publication (its address): the day is missing
    unsaid = ("the year it was published" if meeting.date and meeting.date.count("-") == 2
              else "the day it was published" if meeting.date else "when it was published")
    if meeting.date_text:
        return f"Date uncertain: the article says “{esc(meeting.date_text)}” but not {unsaid}"
    return f"Date uncertain: the article does not say {unsaid}"


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


def source_line(source: SourceView, *, full: bool = True) -> str:
    """Outlet (linked) and date, and in a full view the article number. Without an outlet: the page's host,
    else the headline when it is a real one (clipped in a list), else only the article number. A stored title
    may be a section heading picked from the text, so it never stands beside a known outlet."""
    name = source.outlet or _host(source.url)
    if name is None and is_headline(source.title):
        name = f"“{clip(source.title or '', 120 if full else HEADLINE_IN_LIST)}”"
    when = human_date(source.published)
    if name is None:
        return f"article #{source.article_id}, {when} (outlet unknown)" if full else f"outlet unknown, {when}"
    linked = f'<a href="{esc(source.url)}">{esc(name)}</a>' if source.url else esc(name)
    return f"{linked}, {when} (article #{source.article_id})" if full else f"{linked}, {when}"


def _side(participant: ParticipantView) -> int:
    """Where a participant's side comes in a list: Russia's, then China's (scope's order), everyone else after."""
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


def meeting_blocks(meetings: Iterable[MeetingView], *, quotes: dict[int, str | None] | None = None,
                   full: bool = False, knowledge: KnowledgeBase | None = None, subject: int | None = None,
                   subject_title: str | None = None, topic: int | None = None) -> list[str]:
    """A page of meetings. In a list each person's office is named at their first mention on the page only:
    "Sergei Shoigu (Security Council Secretary)" once, then "Sergei Shoigu" while the office is the same."""
    introduced: set[tuple[int, str]] | None = None if full else set()
    return [meeting_block(m, quote=(quotes or {}).get(m.id), full=full, knowledge=knowledge, subject=subject,
                          subject_title=subject_title, topic=topic, introduced=introduced) for m in meetings]


def meeting_block(meeting: MeetingView, *, quote: str | None = None, full: bool = False,
                  knowledge: KnowledgeBase | None = None, subject: int | None = None,
                  subject_title: str | None = None, topic: int | None = None,
                  introduced: set[tuple[int, str]] | None = None) -> str:
    """One meeting: when (and whether that is sure), where, kind; who with their office then; topics; one quote
    and its sources.

    A list shows each office by the short form of the highest one, the three most telling topics (`topic`, the
    one a page is about, first) and the clause of the quote that tells of the meeting, its sources on the same
    line; `full` shows what the article says of an uncertain date, whole titles, every topic, the quote at length
    and the article numbers. On a person's
    own page (`subject`) they are left out of the participants (the header names them), unless their office
    then reads otherwise than `subject_title`, their office now. `introduced` holds the people and offices a
    page already named; a person found there is named without their office, and everyone named here is added.
    """
    kb = knowledge or default_knowledge()
    head = [f"<b>{esc(meeting_date(meeting))}</b>"]
    if meeting.place:
        head.append(esc(meeting.place))
    head.append(KIND_LABELS.get(meeting.kind, meeting.kind))
    lines = [" · ".join(head)]
    if full and (doubt := date_doubt(meeting)):
        lines.append(doubt)
    people = _people_line(meeting, kb, full=full, subject=subject, subject_title=subject_title,
                          introduced=introduced)
    if people:
        lines.append(people)
    evidence = quote or next((s.quote for s in meeting.sources if s.quote), "")
    focus = next((t.name for t in meeting.topics if t.topic_id == topic), None)
    if meeting.topics:
        lines.append(_topics(meeting, evidence, kb, full=full, focus=focus))
    if full and meeting.agenda:
        lines.append(_agenda(meeting))
    sources = sorted(meeting.sources, key=lambda s: s.quote != evidence)  # the quote's own source first
    if full:
        if evidence:
            lines.append(f"<i>«{esc(clip(evidence, QUOTE_LIMIT))}»</i>")
        if sources:
            lines.append("Source: " + "; ".join(source_line(s) for s in sources))
        return "\n".join(lines)
    keys = meeting_keys(evidence, people=[p.name for p in meeting.participants], places=[meeting.place or ""],
                        topics=[t.name for t in meeting.topics], focus=focus)
    quoted = f"<i>«{esc(excerpt(evidence, keys, limit=SHORT_QUOTE))}»</i>" if evidence else ""
    cited = "; ".join(source_line(s, full=False) for s in sources)
    if quoted or cited:
        lines.append(" — ".join(part for part in (quoted, cited) if part))
    return "\n".join(lines)


def _people_line(meeting: MeetingView, kb: KnowledgeBase, *, full: bool, subject: int | None,
                 subject_title: str | None, introduced: set[tuple[int, str]] | None) -> str:
    """The participants by side; a side on a row of its own when one row cannot hold them all."""

    def named(p: ParticipantView) -> str:
        role = (p.role if full else kb.short_title(p.role)) if p.role else None
        if not role:
            return esc(p.name)
        if introduced is not None:
            if (p.person_id, role) in introduced:
                return esc(p.name)
            introduced.add((p.person_id, role))
        return f"{esc(p.name)} ({esc(role)})"

    groups = participant_groups(meeting, knowledge=kb, subject=subject)
    lead = ""
    if subject is not None and not full and groups and groups[0][0].person_id == subject:
        own = groups.pop(0)[0]
        office = kb.short_title(own.role) if own.role else None
        lead = f"as {esc(office)}" if office and office != kb.short_title(subject_title or "") else ""
        lead += ", with " if lead and groups else "with " if groups else ""
    sides = [", ".join(named(p) for p in group) for group in groups]
    if (unnamed := unnamed_side(meeting, full=full)) is not None:
        sides.append(unnamed)
    line = lead + " — ".join(sides)
    if len(html.unescape(re.sub(r"<[^>]+>", "", line))) > ROW:
        line = lead + " —\n".join(sides)
    return line


def unnamed_side(meeting: MeetingView, *, full: bool = False) -> str | None:
    """The side the articles name only as a body: "Chinese officials, not named"; in full, with their words
    ("руководством провинции Цзилинь"), so that a reader sees who the article says they were."""
    if not meeting.counterpart:
        return None
    named = {p.country for p in meeting.participants}
    side = next((s for s in SIDES if s not in named), None)
    if side is None:
        return None
    words = f": “{esc(meeting.counterpart)}”" if full else ""
    return f"{unnamed_officials(side)}, not named{words}"


def _topics(meeting: MeetingView, evidence: str, kb: KnowledgeBase, *, full: bool, focus: str | None) -> str:
    """Every topic in a full view; in a list the three most telling and how many more: the page's own topic,
    those the quoted sentence names, then by topics.toml order ("Re: Taiwan, one-China principle,
    strategic cooperation +2")."""
    if full:
        return "Topics: " + ", ".join(esc(t.name) for t in meeting.topics)
    ranked = sorted(meeting.topics, key=lambda t: (t.name != focus, t.quote != evidence, kb.topic_rank(t.name),
                                                   t.name.casefold()))
    hidden = len(ranked) - SHORT_TOPICS
    more = f" +{hidden}" if hidden > 0 else ""
    return TOPICS_MARK + ", ".join(esc(t.name) for t in ranked[:SHORT_TOPICS]) + more


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
