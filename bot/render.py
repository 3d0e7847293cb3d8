"""Meetings and summaries as short Telegram-HTML blocks that read well on a phone.

Every string that came from an article or a reader passes through `esc` here, and only here.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable

from storage.queries import MeetingView, SourceView

KIND_LABELS = {"meeting": "met", "call": "phone call", "planned": "planned"}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
QUOTE_LIMIT = 280


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def human_date(iso: str | None) -> str:
    """`2025-12-02` → `2 Dec 2025`, `2025-05` → `May 2025`, None → `date unknown`."""
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


def source_line(source: SourceView) -> str:
    what = source.outlet or source.title or "article"
    when = source.published.isoformat() if isinstance(source.published, dt.date) else "date unknown"
    name = f'<a href="{esc(source.url)}">{esc(what)}</a>' if source.url else esc(what)
    return f"{name}, {when} (article #{source.article_id})"


def meeting_block(meeting: MeetingView, *, quote: str | None = None) -> str:
    """One meeting: when, where, kind; who with their role then; topics; one quote; sources."""
    head = [f"<b>{esc(human_date(meeting.date))}</b>"]
    if meeting.place:
        head.append(esc(meeting.place))
    head.append(KIND_LABELS.get(meeting.kind, meeting.kind))
    lines = [" · ".join(head)]
    people = [
        f"{esc(p.name)} ({esc(p.role)})" if p.role else esc(p.name) for p in meeting.participants
    ]
    if people:
        lines.append(" — ".join(people))
    if meeting.topics:
        lines.append("Topics: " + ", ".join(esc(t.name) for t in meeting.topics))
    evidence = quote or next((s.quote for s in meeting.sources if s.quote), "")
    if evidence:
        lines.append(f"<i>«{esc(clip(evidence))}»</i>")
    if meeting.sources:
        lines.append("Source: " + "; ".join(source_line(s) for s in meeting.sources))
    return "\n".join(lines)


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
