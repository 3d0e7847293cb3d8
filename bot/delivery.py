"""Sending to subscribers: replies split to fit, pushes to many chats, daily digests.

Every digest and push is claimed in the delivery ledger before it is sent, so a chat never gets
the same one twice, even across a restart; a chat that blocked the bot is marked inactive and
never stops the others.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
import zoneinfo
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Engine
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputFile
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError, TimedOut
from telegram.ext import Application, ContextTypes, Job

from bot.render import split_message
from bot.replies import Reply
from bot.subscribing import MAX_DIGEST, MAX_TITLES, SubscriptionCommands, push_message
from storage import queries
from storage import subscriptions as subs
from storage.db import session_scope
from storage.queries import MeetingView

log = logging.getLogger(__name__)
T = TypeVar("T")
RETRY_DELAYS = (0.5, 2.0, 5.0)
PARALLEL_SENDS = 8  # sends in flight during a push: the rate limiter, not each round trip, sets the pace
PACE_SECONDS = 1.0  # between two messages to one chat: Telegram's limit, which the rate limiter does not keep
GONE = ("chat not found", "bot was kicked", "user is deactivated", "have no rights to send", "not enough rights",
        "need administrator rights", "chat_write_forbidden", "group chat was upgraded")


def markup(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(b.label, callback_data=b.data) for b in row]
                                 for row in reply.buttons])


async def send_reply(bot: Bot, chat_id: int, reply: Reply, *, pace: float = PACE_SECONDS) -> None:
    """Send a reply as one or more messages (buttons on the last) and its file, if any, each in its turn."""
    chunks = split_message(reply.html)
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        await CHAT_TURNS.wait(chat_id, pace)
        await with_retries(lambda chunk=chunk, last=last: bot.send_message(
            chat_id, chunk, parse_mode=ParseMode.HTML, reply_markup=markup(reply) if last else None,
            disable_web_page_preview=True))
    if reply.document is not None:
        document = reply.document
        await CHAT_TURNS.wait(chat_id, pace)
        await with_retries(lambda: bot.send_document(chat_id, InputFile(document.data, filename=document.filename)))


class ChatTurns:
    """Telegram takes about one message a second in a chat and answers a faster one with 429 (an export's
    file right after its text, the parts of a long reply, a push right after a reply). The rate limiter
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


async def with_retries(call: Callable[[], Awaitable[T]]) -> T:
    """Retry a Bot API call after network errors, time-outs and 5xx answers, waiting longer each time.

    Errors that a retry cannot fix (blocked, bad request) are raised at once; 429s are the rate
    limiter's business (it waits the `retry_after` Telegram asks for).
    """
    for delay in RETRY_DELAYS:
        try:
            return await call()
        except (NetworkError, TimedOut) as error:
            if isinstance(error, BadRequest | Forbidden):
                raise
            log.warning("Bot API call failed (%s); retrying in %.1f s", error, delay)
            await asyncio.sleep(delay)
    return await call()


def chat_is_gone(error: TelegramError) -> bool:
    """Errors after which sending to the chat is pointless until it subscribes again."""
    if isinstance(error, Forbidden):
        return True
    return isinstance(error, BadRequest) and any(text in error.message.lower() for text in GONE)


@dataclass
class Tally:
    sent: int = 0
    skipped: int = 0  # already delivered, or nothing that the chat follows
    blocked: int = 0
    failed: int = 0


async def deliver(bot: Bot, engine: Engine, *, chat_id: int, subscriber_id: int, kind: str, key: str,
                  reply: Reply, tally: Tally) -> None:
    """Claim, send, and settle one delivery; one chat's failure is counted, never raised."""
    with session_scope(engine) as session:
        if not subs.claim_delivery(session, subscriber_id=subscriber_id, kind=kind, key=key):
            tally.skipped += 1
            return
    try:
        await send_reply(bot, chat_id, reply)
    except TelegramError as error:
        with session_scope(engine) as session:
            if chat_is_gone(error):
                subs.mark_inactive(session, chat_id=chat_id)
                tally.blocked += 1
                log.info("chat %s is gone (%s): marked inactive", chat_id, error.message)
            else:
                subs.release_delivery(session, subscriber_id=subscriber_id, kind=kind, key=key)
                tally.failed += 1
                log.warning("sending %s %s to chat %s failed: %s", kind, key, chat_id, error)
    else:
        with session_scope(engine) as session:
            subs.finish_delivery(session, subscriber_id=subscriber_id, kind=kind, key=key)
        tally.sent += 1


async def run_broadcasts(application: Application) -> None:
    """Push every queued article to its audience; what fails for a passing reason is tried next round.

    Runs after an upload, every minute, and at start-up (which finishes a push a crash cut short).
    Articles queued since the last run form one round, one message per chat. A lock keeps one sender
    per process, so a pending delivery seen here is a crash's leftover.
    """
    engine: Engine = application.bot_data["engine"]
    async with application.bot_data["broadcast_lock"]:
        with session_scope(engine) as session:
            subs.gather_round(session)
            rounds = subs.unfinished_rounds(session)
        for push in rounds:
            tally = await push_round(application.bot, engine, push)
            if not tally.failed:
                with session_scope(engine) as session:
                    subs.finish_round(session, number=push.number)


async def push_round(bot: Bot, engine: Engine, push: subs.PushRound) -> Tally:
    """Tell every subscriber with alerts on about a round's new meetings (those they follow), in one message."""
    tally = Tally()
    with session_scope(engine) as session:
        titles = queries.article_titles(session, article_ids=list(push.article_ids[:MAX_TITLES]))
        audience = [(s.chat_id, s.id or 0) for s in subs.active_subscribers(session, alerts_only=True)]
        ordered = queries.newest_first(session, meeting_ids=list(push.meeting_ids))
    views: dict[int, MeetingView] = {}

    def message(wanted: list[int]) -> Reply:
        shown = wanted[:MAX_DIGEST]  # the rest are a /latest away, and are not read from the store
        if unread := [i for i in shown if i not in views]:
            with session_scope(engine) as session:
                views.update((v.id, v) for v in queries.meeting_views(session, meeting_ids=unread))
        return push_message(titles, len(push.article_ids), [views[i] for i in shown if i in views],
                            total=len(wanted))

    everything = message(ordered)  # what most subscribers, who follow nothing, receive
    gate = asyncio.Semaphore(PARALLEL_SENDS)

    async def serve(chat_id: int, subscriber_id: int) -> None:
        async with gate:
            with session_scope(engine) as session:
                wanted = subs.matching_follows(session, subscriber_id=subscriber_id, meeting_ids=ordered)
            if not wanted:
                tally.skipped += 1
                return
            reply = everything if len(wanted) == len(ordered) else message(wanted)
            await deliver(bot, engine, chat_id=chat_id, subscriber_id=subscriber_id, kind="push",
                          key=push.key, reply=reply, tally=tally)

    await asyncio.gather(*(serve(chat_id, subscriber_id) for chat_id, subscriber_id in audience))
    log.info("push round %s (%d articles): %d sent, %d skipped, %d blocked, %d failed", push.number,
             len(push.article_ids), tally.sent, tally.skipped, tally.blocked, tally.failed)
    return tally


def digest_job_name(chat_id: int) -> str:
    return f"digest:{chat_id}"


def schedule_digest(application: Application, *, chat_id: int, digest_time: str, timezone: str) -> Job:
    """One daily job per chat at its local time; a new schedule replaces the old, never stacks."""
    unschedule_digest(application, chat_id=chat_id)
    hour, minute = (int(x) for x in digest_time.split(":"))
    when = dt.time(hour, minute, tzinfo=zoneinfo.ZoneInfo(timezone))
    return application.job_queue.run_daily(send_digest, when, chat_id=chat_id, name=digest_job_name(chat_id))


def unschedule_digest(application: Application, *, chat_id: int) -> None:
    for job in application.job_queue.get_jobs_by_name(digest_job_name(chat_id)):
        job.schedule_removal()


def reschedule_from_store(application: Application, engine: Engine) -> int:
    """At start-up: a job for every active subscriber, so a restart loses no subscription."""
    with session_scope(engine) as session:
        subscribers = subs.active_subscribers(session)
    for s in subscribers:
        schedule_digest(application, chat_id=s.chat_id, digest_time=s.digest_time, timezone=s.timezone)
    return len(subscribers)


async def send_digest(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The daily job: the meetings added since the last digest, once per local day; nothing new → silence."""
    engine: Engine = context.bot_data["engine"]
    subscriptions: SubscriptionCommands = context.bot_data["core"].subscriptions
    chat_id = context.job.chat_id
    with session_scope(engine) as session:
        subscriber = subs.get_subscriber(session, chat_id=chat_id)
    if subscriber is None or not subscriber.active:
        context.job.schedule_removal()
        return
    local_day = dt.datetime.now(zoneinfo.ZoneInfo(subscriber.timezone)).date().isoformat()
    started = subscriptions.now()
    reply = subscriptions.compose_digest(chat_id, mark_sent=False)
    tally = Tally()
    if reply is not None:
        await deliver(context.bot, engine, chat_id=chat_id, subscriber_id=subscriber.id or 0, kind="digest",
                      key=local_day, reply=reply, tally=tally)
    if tally.sent:
        with session_scope(engine) as session:
            subs.mark_digest_sent(session, chat_id=chat_id, at=started)
    log.info("digest for chat %s (%s): %s", chat_id, local_day,
             "sent" if tally.sent else "nothing new" if reply is None else "not sent")
