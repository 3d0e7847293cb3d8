"""Which chats are due their daily digest: the subscriber row and the delivery ledger are the only schedule.

A chat is due when, on the wall clock of its own time zone, today's digest time has passed, it subscribed
(or last changed its time) before that time today, and the ledger holds no settled digest for its local day.
A digest the ledger holds as `queued` or `sending` (a passing failure, a crash) is due again, and
`storage.ledger.claim_delivery` decides whether it may be sent. Nothing is remembered anywhere else, so a restart, a
changed time or an unsubscribe needs no bookkeeping: the next look at the store sees it.
"""

from __future__ import annotations

import datetime as dt
import json
import zoneinfo
from dataclasses import dataclass

from sqlmodel import Session, col, select

from storage.db import direct_rows
from storage.ledger import SETTLED
from storage.models import SubscriberRow

DIGEST = "digest"  # the ledger's kind for a daily digest; its key is the chat's local date

# each zone (from one JSON object, zone → [local date, HH:MM]) joined to its active subscribers whose digest
# time has passed, through the index on (timezone, digest_time); the ledger through its unique index. The
# last column spares the wall-clock check of storage.digests_due._subscribed_before for all but the chats
# that subscribed in the last two days (a local day began less than two days ago in every zone).
_DUE = (
    "SELECT s.id, s.chat_id, s.timezone, s.digest_time, s.subscribed_at, z.day, "
    "s.subscribed_at IS NULL OR s.subscribed_at < ? "
    "FROM (SELECT key AS zone, json_extract(value, '$[0]') AS day, json_extract(value, '$[1]') AS clock "
    "FROM json_each(?)) AS z JOIN subscriber AS s ON s.timezone = z.zone AND s.digest_time <= z.clock "
    "WHERE s.active AND NOT EXISTS (SELECT 1 FROM delivery AS d WHERE d.subscriber_id = s.id AND d.kind = ? "
    "AND d.key = z.day AND d.status IN (SELECT value FROM json_each(?)))"
)
LONG_AGO = dt.timedelta(days=2)


@dataclass(frozen=True)
class DueDigest:
    subscriber_id: int
    chat_id: int
    day: str  # the chat's local date, ISO: the digest's key in the delivery ledger


def due_digests(session: Session, *, now: dt.datetime) -> list[DueDigest]:
    """The chats whose digest for their local day is due at `now` (aware), by subscriber id."""
    zones = session.exec(select(SubscriberRow.timezone).where(col(SubscriberRow.active)).distinct()).all()
    clocks = {zone: _local_clock(zone, now) for zone in zones}
    known = {zone: clock for zone, clock in clocks.items() if clock is not None}
    if not known:
        return []
    long_ago = (now - LONG_AGO).astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")  # as the store spells times
    rows = direct_rows(session, _DUE, long_ago, json.dumps(known), DIGEST, json.dumps(SETTLED))
    return [DueDigest(subscriber_id, chat_id, day)
            for subscriber_id, chat_id, zone, digest_time, subscribed_at, day, before in sorted(rows)
            if before or _subscribed_before(subscribed_at, zone, day, digest_time)]


def _local_clock(zone: str, now: dt.datetime) -> tuple[str, str] | None:
    """The zone's date and HH:MM at `now`; None for a zone this machine's time zone data does not know."""
    try:
        local = now.astimezone(zoneinfo.ZoneInfo(zone))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None
    return local.date().isoformat(), local.strftime("%H:%M")


def _subscribed_before(subscribed_at: str | None, zone: str, day: str, digest_time: str) -> bool:
    """Whether the chat (re)subscribed before its digest time on `day`, both read on its zone's wall clock.

    /subscribe at 10:00 with a digest time of 08:00 starts tomorrow, not now. A row from before
    subscriptions were dated counts as subscribed long ago.
    """
    if subscribed_at is None:
        return True
    when = dt.datetime.fromisoformat(subscribed_at)
    when = when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when
    local = when.astimezone(zoneinfo.ZoneInfo(zone)).replace(tzinfo=None)
    return local <= dt.datetime.fromisoformat(f"{day}T{digest_time}")
