"""Sending to subscribers: replies split to fit, alerts to many chats, and one delivery through the ledger.

Every digest and alert goes through the delivery ledger, which hears when its request leaves and
when Telegram accepts it (bot/telegram/sends.py), so a chat gets it exactly once, across restarts too, unless
Telegram's answer is lost (no answer within the long time-out, or a crash during the round trip):
then it is not sent again, so at most once. Whatever a send raises, its delivery is settled and a
round always finishes. A chat that blocked the bot is marked inactive and never stops the others.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Engine
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputFile
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError
from telegram.ext import Application

from bot.core.render import split_message
from bot.core.replies import Reply
from bot.core.subscribing import MAX_DIGEST, MAX_TITLES, alert_message
from bot.telegram.app_state import BotData
from bot.telegram.broadcast import FREE, Broadcast
from bot.telegram.sends import CURRENT as CURRENT_FLIGHT
from bot.telegram.sends import Fate, Flight, fate
from storage import articles, ledger, queries
from storage import subscriptions as subs
from storage.db import session_scope
from storage.queries import MeetingView

log = logging.getLogger(__name__)
T = TypeVar("T")
RETRY_DELAYS = (0.5, 2.0, 5.0)
PACE_SECONDS = 1.0  # between two messages to one chat: Telegram's limit, which the rate limiter does not keep
GONE = ("chat not found", "bot was kicked", "user is deactivated", "have no rights to send", "not enough rights",
        "need administrator rights", "chat_write_forbidden", "group chat was upgraded")


def markup(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(b.label, callback_data=b.data) for b in row]
                                 for row in reply.buttons])


REPLY_RESENDS = 1  # a reply with no answer within the long time-out is sent once more, never more
DELIVERY_RESENDS = 0  # an alert or digest with no answer is not sent again


@dataclass
class Outcome:
    """What became of the parts of one message; the ledger listens through the hooks.

    `resends_left`: how often a part whose request got no answer within the long time-out (it may
    have been delivered) is sent again. A reply: once (`REPLY_RESENDS`), since the reader is waiting
    for it and would rather see it twice than never. An alert or digest: never (`DELIVERY_RESENDS`), since
    its meetings are also in /latest and the next digest, and a second copy is the noise readers
    complained of. Either way the bound keeps a Telegram that takes messages without answering
    from flooding anyone.
    """

    resends_left: int = REPLY_RESENDS
    on_leaving: Callable[[], None] | None = None
    on_delivered: Callable[[], None] | None = None
    on_refused: Callable[[], None] | None = None  # it left, and is known not to have been delivered
    parts: int = 1
    accepted: int = 0
    last_fate: Fate | None = None

    @property
    def delivered(self) -> bool:
        return self.accepted >= self.parts

    def part_accepted(self) -> None:
        self.accepted += 1
        if self.delivered and self.on_delivered is not None:
            self.on_delivered()

    def spend_resend(self) -> bool:
        if self.resends_left <= 0:
            return False
        self.resends_left -= 1
        return True


async def send_reply(bot: Bot, chat_id: int, reply: Reply, *, pace: float = PACE_SECONDS,
                     outcome: Outcome | None = None, paid: bool = False) -> None:
    """Send a reply as one or more messages (buttons on the last) and its file, if any, each in its turn;
    `paid` sends them as paid broadcasts."""
    outcome = outcome or Outcome()
    chunks = split_message(reply.html)
    outcome.parts = len(chunks) + (reply.document is not None)
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        await CHAT_TURNS.wait(chat_id, pace)
        await with_retries(lambda chunk=chunk, last=last: bot.send_message(
            chat_id, chunk, parse_mode=ParseMode.HTML, reply_markup=markup(reply) if last else None,
            disable_web_page_preview=True, allow_paid_broadcast=paid or None), outcome)
    if reply.document is not None:
        document = reply.document
        await CHAT_TURNS.wait(chat_id, pace)
        await with_retries(lambda: bot.send_document(chat_id, InputFile(document.data, filename=document.filename),
                                                      allow_paid_broadcast=paid or None), outcome)


class ChatTurns:
    """Telegram takes about one message a second in a chat and answers a faster one with 429 (an export's
    file right after its text, the parts of a long reply, an alert right after a reply). The rate limiter
    paces groups and the whole bot, not a private chat; here every message to a chat waits its turn."""

    FORGET_AFTER = 10_000  # chats remembered before those whose turn has passed are dropped

    def __init__(self) -> None:
        self._next: dict[int, float] = {}  # chat id → the monotonic time its next message may go

    async def wait(self, chat_id: int, pace: float) -> None:
        now = time.monotonic()
        turn = max(now, self._next.get(chat_id, now))
        self._next[chat_id] = turn + pace  # taken before sleeping, so two senders to one chat queue up
        if len(self._next) > self.FORGET_AFTER:
            self._next = {chat: at for chat, at in self._next.items() if at > now}
        if turn > now:
            await asyncio.sleep(turn - now)


CHAT_TURNS = ChatTurns()


async def with_retries(call: Callable[[], Awaitable[T]], outcome: Outcome | None = None) -> T | None:
    """Send one message, retrying what is known not to have been delivered, and never what was.

    Network errors before the request left and 5xx answers are retried after 0.5, 2 and 5 s. A
    request that got no answer within the long time-out (bot.telegram.sends) may have been delivered: it is
    sent again only while `outcome` has resends left. One that Telegram accepted is never sent
    again, even when its answer cannot be read (None is returned then). Errors a retry cannot fix
    (blocked, bad request, anything not Telegram's) are raised at once; 429s are the rate limiter's
    business (it waits the `retry_after` Telegram asks for).
    """
    outcome = outcome or Outcome()
    for delay in (*RETRY_DELAYS, None):
        flight = Flight(on_leaving=outcome.on_leaving, on_accepted=outcome.part_accepted)
        token = CURRENT_FLIGHT.set(flight)
        try:
            return await call()
        except Exception as error:
            outcome.last_fate = fate(error, flight)
            if outcome.last_fate is Fate.DELIVERED:
                log.warning("Telegram took a message but its answer could not be read (%r): not sent again", error)
                return None
            if outcome.last_fate is Fate.NOT_SENT and flight.left and outcome.on_refused is not None:
                outcome.on_refused()  # a crash from here on must not take it for a lost answer
            retriable = isinstance(error, NetworkError) and not isinstance(error, BadRequest)
            if delay is None or not retriable:
                raise
            if outcome.last_fate is Fate.UNKNOWN and not outcome.spend_resend():
                raise
            log.warning("Bot API call failed (%s, %s); retrying in %.1f s", error, outcome.last_fate.value, delay)
            await asyncio.sleep(delay)
        finally:
            CURRENT_FLIGHT.reset(token)
    raise AssertionError("unreachable: the last attempt returns or raises")


def chat_is_gone(error: TelegramError) -> bool:
    """Errors after which sending to the chat is pointless until it subscribes again."""
    if isinstance(error, Forbidden):
        return True
    return isinstance(error, BadRequest) and any(text in error.message.lower() for text in GONE)


@dataclass
class Tally:
    sent: int = 0
    skipped: int = 0  # already settled, or nothing that the chat follows
    blocked: int = 0
    retrying: int = 0  # known not delivered, tried again next round (within ledger.MAX_ATTEMPTS)
    failed: int = 0  # given up on: not delivered after every attempt, or not known to be


async def deliver(bot: Bot, engine: Engine, *, chat_id: int, subscriber_id: int, kind: str, key: str,
                  reply: Reply, tally: Tally, broadcast: Broadcast = FREE) -> None:
    """Claim, send and settle one delivery; one chat's failure, whatever it is, is counted, never raised.

    The ledger hears each step as it happens: queued at the claim, `sending` when the request leaves
    (after the rate limiter's wait), `sent` the moment Telegram accepts it. A crash therefore leaves
    a delivery unknown only while its request is on the wire.
    """
    where = {"subscriber_id": subscriber_id, "kind": kind, "key": key}
    with session_scope(engine) as session:
        claimed = ledger.claim_delivery(session, **where)
    if not claimed:
        tally.skipped += 1
        return

    def record(change: Callable[..., None], **values: str) -> Callable[[], None]:
        def write() -> None:
            with session_scope(engine) as session:
                change(session, **where, **values)
        return write

    outcome = Outcome(resends_left=DELIVERY_RESENDS, on_leaving=record(ledger.mark_sending),
                      on_delivered=record(ledger.settle_delivery, status="sent"),
                      on_refused=record(ledger.settle_delivery, status="queued"))
    try:
        await send_reply(bot, chat_id, reply, outcome=outcome, paid=broadcast.paid)
    except Exception as error:  # whatever a send raises, the delivery is settled
        settle(engine, error, outcome, chat_id=chat_id, where=where, tally=tally)
    else:
        tally.sent += 1


def settle(engine: Engine, error: Exception, outcome: Outcome, *, chat_id: int, where: dict[str, Any],
           tally: Tally) -> None:
    """The ledger's verdict on a send that raised: never left unsettled, so no round waits on it forever."""
    name = f"{where['kind']} {where['key']} to chat {chat_id}"
    if outcome.delivered:  # recorded as sent already; what failed came after Telegram took it
        tally.sent += 1
        return
    status, count = "failed", "failed"
    if outcome.accepted:
        log.warning("%s was cut short after %d of %d parts (%r): not sent again", name, outcome.accepted,
                    outcome.parts, error)
    elif isinstance(error, TelegramError) and chat_is_gone(error):
        status, count = "gone", "blocked"
        log.info("chat %s is gone (%s): marked inactive", chat_id, error.message)
    elif outcome.last_fate is Fate.UNKNOWN:
        log.warning("%s got no answer (%r): Telegram may have it, so it is not sent again", name, error)
    else:
        status, count = "queued", "retrying"  # known not delivered: the next round tries again
        log.log(logging.WARNING if isinstance(error, TelegramError) else logging.ERROR,
                "sending %s failed: %r", name, error, exc_info=not isinstance(error, TelegramError))
    with session_scope(engine) as session:
        ledger.settle_delivery(session, **where, status=status)
        if status == "gone":
            subs.mark_inactive(session, chat_id=chat_id)
    setattr(tally, count, getattr(tally, count) + 1)


async def send_alerts(application: Application) -> None:
    """Alert every queued article's audience; what fails for a passing reason is tried next round.

    Runs after an upload, every minute, and at start-up (which finishes an alert round a crash cut short).
    Articles queued since the last run form one round, one message per chat. A round finishes once
    every delivery in it is settled; each is taken up at most `ledger.MAX_ATTEMPTS` times, so every
    round finishes. A lock keeps one sender per process, so an unsettled delivery seen at a round's
    start is a crash's leftover or a passing failure's.
    """
    state: BotData = application.bot_data
    engine = state.engine
    async with state.alert_lock:
        with session_scope(engine) as session:
            subs.gather_round(session)
            rounds = subs.unfinished_rounds(session)
        for alert_round in rounds:
            tally = await send_alert_round(application.bot, engine, alert_round, state.broadcast)
            if not tally.retrying:
                with session_scope(engine) as session:
                    subs.finish_round(session, number=alert_round.number)


async def send_alert_round(bot: Bot, engine: Engine, alert_round: subs.AlertRound,
                           broadcast: Broadcast = FREE) -> Tally:
    """Tell every subscriber with alerts on about a round's new meetings (those they follow), in one message."""
    tally = Tally()
    with session_scope(engine) as session:
        titles = articles.article_titles(session, article_ids=list(alert_round.article_ids[:MAX_TITLES]))
        audience = [(s.chat_id, s.id or 0) for s in subs.active_subscribers(session, alerts_only=True)]
        following = subs.following_anything(session)
        ordered = queries.newest_first(session, meeting_ids=list(alert_round.meeting_ids))
    views: dict[int, MeetingView] = {}

    def message(wanted: list[int]) -> Reply:
        shown = wanted[:MAX_DIGEST]  # the rest are a /latest away, and are not read from the store
        if unread := [i for i in shown if i not in views]:
            with session_scope(engine) as session:
                views.update((v.id, v) for v in queries.meeting_views(session, meeting_ids=unread))
        return alert_message(titles, len(alert_round.article_ids), [views[i] for i in shown if i in views],
                             total=len(wanted))

    everything = message(ordered)  # what most subscribers, who follow nothing, receive
    gate = asyncio.Semaphore(broadcast.in_flight)

    async def serve(chat_id: int, subscriber_id: int) -> None:
        async with gate:
            try:
                wanted = ordered  # those who follow nothing (most) want everything: no look at the store
                if subscriber_id in following:
                    with session_scope(engine) as session:
                        wanted = subs.matching_follows(session, subscriber_id=subscriber_id, meeting_ids=ordered)
                reply = everything if len(wanted) == len(ordered) else message(wanted)
            except Exception:  # one chat's message that cannot be composed must not hold up the others
                log.exception("composing alert round %s for chat %s failed", alert_round.number, chat_id)
                tally.failed += 1
                return
            if not wanted:
                tally.skipped += 1
                return
            await deliver(bot, engine, chat_id=chat_id, subscriber_id=subscriber_id, kind=subs.ALERT,
                          key=alert_round.key, reply=reply, tally=tally, broadcast=broadcast)

    await asyncio.gather(*(serve(chat_id, subscriber_id) for chat_id, subscriber_id in audience))
    log.info("alert round %s (%d articles): %d sent, %d skipped, %d blocked, %d to retry, %d failed",
             alert_round.number, len(alert_round.article_ids), tally.sent, tally.skipped, tally.blocked,
             tally.retrying, tally.failed)
    return tally
