"""The daily digest round: one periodic job asks the store which chats are due and sends them their digest.

The subscriber row (time and time zone) is the only schedule and the delivery ledger the only record of
what went out (storage.digests_due), so a restart, a changed time, an unsubscribe or a blocked bot needs
nothing kept in step here: the next round, within a minute, reads it from the store.
"""

from __future__ import annotations

import asyncio
import logging

from sqlmodel import Session
from telegram.ext import Application, CallbackContext

from bot.telegram.app_state import BotData, in_store
from bot.telegram.delivery import Tally, deliver
from storage import ledger
from storage import subscriptions as subs
from storage.digests_due import DIGEST, DueDigest, due_digests

log = logging.getLogger(__name__)

DIGEST_EVERY = 60  # seconds between two looks for chats whose digest time has come


async def digest_job(context: CallbackContext) -> None:
    """The job queue's minute: one digest round."""
    await run_digests(context.application)


async def run_digests(application: Application) -> Tally:
    """Send every due chat its digest for its local day; a day with nothing new is settled as `empty`.

    A lock keeps one round per process, so a `queued` digest seen at a round's start is a passing failure's
    or a crash's leftover, and the ledger's claim decides whether it goes out (see storage.ledger.claim_delivery).
    """
    state: BotData = application.bot_data
    tally = Tally()
    async with state.digest_lock:
        now = state.digests.now()
        due = await in_store(state, lambda session: due_digests(session, now=now))
        gate = asyncio.Semaphore(state.broadcast.in_flight)

        async def serve(chat: DueDigest) -> None:
            async with gate:
                await _send_one(application, chat, tally)

        await asyncio.gather(*(serve(chat) for chat in due))
    if due:
        log.info("digest round: %d due, %d sent, %d with nothing new or already settled, %d blocked, "
                 "%d to retry, %d failed", len(due), tally.sent, tally.skipped, tally.blocked, tally.retrying,
                 tally.failed)
    return tally


async def _send_one(application: Application, chat: DueDigest, tally: Tally) -> None:
    """One chat's digest: composed and claimed in worker threads, sent through the ledger."""
    state: BotData = application.bot_data
    started = state.digests.now()
    try:
        reply = await asyncio.to_thread(state.digests.compose_digest, chat.chat_id, mark_sent=False)
    except Exception:  # one chat's digest that cannot be composed must not hold up the others
        again = await in_store(state, lambda session: _settle(session, chat, "queued"))  # an attempt: ten at most
        log.exception("composing the digest for chat %s (%s) failed; %s", chat.chat_id, chat.day,
                      "tried again next minute" if again else "given up for the day")
        tally.retrying += again
        tally.failed += not again
        return
    if reply is None:
        await in_store(state, lambda session: _settle(session, chat, "empty"))
        tally.skipped += 1
        log.info("digest for chat %s (%s): nothing new", chat.chat_id, chat.day)
        return
    mine = Tally()  # this chat's alone: the others' sends go on meanwhile
    await deliver(application.bot, state.engine, chat_id=chat.chat_id, subscriber_id=chat.subscriber_id,
                  kind=DIGEST, key=chat.day, reply=reply, tally=mine, broadcast=state.broadcast)
    if mine.sent:
        await in_store(state, lambda session: subs.mark_digest_sent(session, chat_id=chat.chat_id, at=started))
    for name, count in vars(mine).items():
        setattr(tally, name, getattr(tally, name) + count)
    log.info("digest for chat %s (%s): %s", chat.chat_id, chat.day, "sent" if mine.sent else "not sent")


def _settle(session: Session, chat: DueDigest, status: str) -> bool:
    """A digest that sent nothing, in the ledger: `empty` (nothing new: not asked again before tomorrow) or
    `queued` (it could not be composed: asked again next minute, and given up after `ledger.MAX_ATTEMPTS`).
    False when the ledger had it settled already, or gave it up now."""
    where = {"subscriber_id": chat.subscriber_id, "kind": DIGEST, "key": chat.day}
    claimed = ledger.claim_delivery(session, **where)
    if claimed:
        ledger.settle_delivery(session, **where, status=status)
    return claimed
