"""Meetings and summaries as short Telegram-HTML blocks that read well on a phone.

Every string that came from an article or a reader passes through `esc` here, and only here.
"""

from __future__ import annotations

import datetime as dt
import html

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


def counted(items: list[tuple[str, int]]) -> str:
    return ", ".join(f"{esc(name)} ({count})" for name, count in items)
