"""The delivery ledger: every digest and alert to a chat, claimed, marked as it leaves, and settled, once.

The ledger is exactly-once for every outcome but one: a request that left for Telegram and whose answer never
came (see bot/telegram/sends.py). That one is not sent again: at most once, never twice. Each message of a round
costs three of these writes, so they are statements prepared once and run as plain Core on the session's
connection: through the ORM they took about four times as long, most of what a paid broadcast's message cost.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam, insert, select, update
from sqlmodel import Session

from storage.models import DeliveryRow

MAX_ATTEMPTS = 10  # rounds a delivery is taken up in before it is given up on (an alert round runs every minute)
SETTLED = ("sent", "gone", "failed", "empty")  # "empty": a digest day with nothing new to send

_TABLE = DeliveryRow.__table__
# the ledger's unique key names one delivery (bind names may not be column names in an UPDATE)
_ONE = (_TABLE.c.subscriber_id == bindparam("b_subscriber"), _TABLE.c.kind == bindparam("b_kind"),
        _TABLE.c.key == bindparam("b_key"))
_FIND = select(_TABLE.c.status, _TABLE.c.attempts).where(*_ONE)
_ADD = insert(_TABLE).prefix_with("OR IGNORE", dialect="sqlite").values(
    subscriber_id=bindparam("b_subscriber"), kind=bindparam("b_kind"), key=bindparam("b_key"), status="queued",
    attempts=1, sent_at=bindparam("b_at"))
_GIVE_UP = update(_TABLE).where(*_ONE).values(status="failed")
_TAKE_UP = update(_TABLE).where(*_ONE).values(status="queued", attempts=_TABLE.c.attempts + 1)
_LEAVING = update(_TABLE).where(*_ONE, _TABLE.c.status == "queued").values(status="sending")
_SETTLE = update(_TABLE).where(*_ONE).values(status=bindparam("b_status"))
_SETTLE_SENT = update(_TABLE).where(*_ONE).values(status="sent", sent_at=bindparam("b_at"))


def _key(subscriber_id: int, kind: str, key: str) -> dict[str, object]:
    return {"b_subscriber": subscriber_id, "b_kind": kind, "b_key": key}


def claim_delivery(session: Session, *, subscriber_id: int, kind: str, key: str) -> bool:
    """Record a delivery as queued and count the attempt; False when it must not be sent now or again.

    A `queued` row is known unsent (a passing failure, or a crash before its request left) and is
    simply sent. A `sending` row is a crash's leftover from the HTTP round trip itself: Telegram may
    have delivered it, and a second copy is what readers complain of, so it is settled as `failed` and
    not sent again (its meetings still reach the reader through /latest and the daily digest). Every
    attempt is counted, so a delivery that keeps failing is given up on after `MAX_ATTEMPTS` and its
    round can finish. Two claims of one new delivery at once: one inserts it, the other finds it taken.
    """
    connection, where = session.connection(), _key(subscriber_id, kind, key)
    row = connection.execute(_FIND, where).first()
    if row is None:
        return connection.execute(_ADD, {**where, "b_at": dt.datetime.now(dt.UTC)}).rowcount == 1
    status, attempts = row
    if status in SETTLED:
        return False
    if status == "sending" or attempts >= MAX_ATTEMPTS:
        connection.execute(_GIVE_UP, where)
        return False
    connection.execute(_TAKE_UP, where)
    return True


def mark_sending(session: Session, *, subscriber_id: int, kind: str, key: str) -> None:
    """Its request is leaving now: from here until its answer, whether Telegram has it is unknown."""
    session.connection().execute(_LEAVING, _key(subscriber_id, kind, key))


def settle_delivery(session: Session, *, subscriber_id: int, kind: str, key: str, status: str) -> None:
    """The end of a delivery: `sent` (never send it again), `gone` (the chat left), `failed` (given up) or
    `empty` (a digest day with nothing new: nothing was sent, and nothing more is that day).

    `queued` instead puts it back for the next round: it is known not to have been delivered.
    """
    where = _key(subscriber_id, kind, key)
    if status == "sent":
        session.connection().execute(_SETTLE_SENT, {**where, "b_at": dt.datetime.now(dt.UTC)})
    else:
        session.connection().execute(_SETTLE, {**where, "b_status": status})
