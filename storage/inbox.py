"""The inbox of updates from Telegram: taken in before handling, marked done after, replayed after a crash."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, delete, func, select

from storage.models import InboxUpdateRow

MAX_ATTEMPTS = 3  # an update still unfinished after this many starts is given up on


def take_in(session: Session, *, update_id: int, payload: str) -> bool:
    """Record an update about to be handled; False when it was seen before (Telegram sent it again)."""
    try:
        with session.begin_nested():
            session.add(InboxUpdateRow(update_id=update_id, payload=payload))
    except IntegrityError:
        return False
    return True


def mark_done(session: Session, *, update_id: int) -> None:
    row = session.get(InboxUpdateRow, update_id)
    if row is not None:
        row.status = "done"
        session.add(row)


def unfinished(session: Session) -> list[tuple[int, str]]:
    """(update id, payload) of updates a crash cut short, oldest first, each counted as one more attempt;
    those tried `MAX_ATTEMPTS` times are marked done instead and left alone."""
    rows = session.exec(select(InboxUpdateRow).where(InboxUpdateRow.status == "handling")
                        .order_by(col(InboxUpdateRow.update_id))).all()
    out = []
    for row in rows:
        if row.attempts >= MAX_ATTEMPTS:
            row.status = "done"
        else:
            row.attempts += 1
            out.append((row.update_id, row.payload))
        session.add(row)
    return out


def prune(session: Session, *, before: dt.datetime) -> int:
    """Forget finished updates received before `before`; how many."""
    result = session.exec(delete(InboxUpdateRow).where(InboxUpdateRow.status == "done",
                                                       col(InboxUpdateRow.received_at) < before))
    return result.rowcount or 0


def received_since(session: Session, *, since: dt.datetime) -> int:
    """How many updates (commands, taps, uploads) came from Telegram since `since`; handled ones are kept
    for two days, so the last day is always complete."""
    return session.exec(select(func.count()).select_from(InboxUpdateRow)
                        .where(col(InboxUpdateRow.received_at) >= since)).one()
