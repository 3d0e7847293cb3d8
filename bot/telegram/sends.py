"""What became of a message sent to Telegram, known precisely enough never to send a delivered one again.

Telegram has no idempotency key: once a request has left, only its answer says whether the message
was delivered. `TrackedRequest` (the Application's request object) reports to the send under way (a
`Flight`, carried in a context variable) the two moments that matter: the request leaves (after the
rate limiter has granted its slot, so a message still waiting for its turn is known unsent) and
Telegram accepts it (a 2xx answer, reported before the answer is parsed, so an answer in an
unexpected shape cannot make a delivered message look unsent). `fate` sorts every error by what it
says about delivery.

Time-outs are long on purpose (`SEND_TIMEOUTS`): python-telegram-bot's 5 s read time-out gave up on
answers Telegram was still about to give, and every such answer lost was a message sent twice. A
slow answer is now read; only a send with no answer at all within 30 s has an unknown outcome.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass

import httpx
from telegram.error import TelegramError
from telegram.request import HTTPXRequest, RequestData


@dataclass(frozen=True)
class Timeouts:
    connect: float
    read: float
    write: float
    pool: float
    media_write: float


# Normal sends. read: Telegram answers in well under a second, but under load or a bad network a few
# seconds; 30 s reads nearly every late answer, and a reader waits no longer than that for a reply.
# connect and pool: waits before the request leaves, so giving up on them never loses an answer.
# write: a message is a few kB; a file (an export) may take longer to upload.
SEND_TIMEOUTS = Timeouts(connect=10, read=30, write=30, pool=30, media_write=120)
# getUpdates: python-telegram-bot adds the long poll's own time-out (10 s) to the read time-out, so
# 5 s is the margin for a slow answer. A lost answer here costs nothing but a round trip: the same
# updates come again and the inbox ignores those already handled. It is kept short because shutdown
# makes one last poll, and a longer wait there would outlast `docker stop`'s 10 s grace. One poll
# runs at a time: its pool of one connection is busy only when that last poll meets one under way.
POLL_TIMEOUTS = Timeouts(connect=10, read=5, write=10, pool=1, media_write=10)


def http_request(timeouts: Timeouts, *, pool_size: int, tracked: bool) -> HTTPXRequest:
    """A request object with the time-outs set deliberately, tracked for sends."""
    kind = TrackedRequest if tracked else HTTPXRequest
    return kind(connection_pool_size=pool_size, connect_timeout=timeouts.connect, read_timeout=timeouts.read,
                write_timeout=timeouts.write, pool_timeout=timeouts.pool, media_write_timeout=timeouts.media_write)


class Fate(enum.Enum):
    DELIVERED = "delivered"  # Telegram accepted it: never send it again
    NOT_SENT = "not sent"  # it never left, or Telegram answered with an error: sending again is safe
    UNKNOWN = "unknown"  # it left and no answer came: Telegram may or may not have it


@dataclass
class Flight:
    """One message on its way. The request layer calls `leaving` and `accepted`; the ledger listens."""

    on_leaving: Callable[[], None] | None = None
    on_accepted: Callable[[], None] | None = None
    left: bool = False
    accepted: bool = False

    def leaving(self) -> None:
        self.left = True
        if self.on_leaving is not None:
            self.on_leaving()

    def accept(self) -> None:
        self.accepted = True
        if self.on_accepted is not None:
            self.on_accepted()


CURRENT: ContextVar[Flight | None] = ContextVar("current_flight", default=None)
_NOT_SENT_CAUSES = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def fate(error: BaseException, flight: Flight) -> Fate:
    """What an error raised by a send says about delivery."""
    if flight.accepted:
        return Fate.DELIVERED  # the answer came and said yes; what failed was reading it
    if not flight.left:
        return Fate.NOT_SENT
    cause = error.__cause__
    if isinstance(error, TelegramError) and not isinstance(cause, Exception):
        return Fate.NOT_SENT  # Telegram answered with an error status: it did not take the message
    if isinstance(cause, _NOT_SENT_CAUSES):
        return Fate.NOT_SENT  # no connection, or none free: the request never reached Telegram
    return Fate.UNKNOWN


class TrackedRequest(HTTPXRequest):
    """HTTPXRequest telling the send under way when its request leaves and when Telegram accepts it.

    `do_request` runs inside the rate limiter's slot, so "leaving" is said only once the request is
    really about to go; "accepted" is said on a 2xx answer, before python-telegram-bot parses it.
    """

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         **timeouts: object) -> tuple[int, bytes]:
        flight = CURRENT.get()
        if flight is not None:
            flight.leaving()
        code, payload = await super().do_request(url, method, request_data, **timeouts)  # type: ignore[arg-type]
        if flight is not None and 200 <= code <= 299:
            flight.accept()
        return code, payload
