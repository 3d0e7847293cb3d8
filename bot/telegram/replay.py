"""Every update is written down before it is handled and marked done after, so that a crash in between
replays it at the next start, and an update Telegram sends again is not handled twice."""

from __future__ import annotations

import json
import logging

from telegram import Update
from telegram.ext import Application, ApplicationHandlerStop

from bot.telegram.app_state import Context, in_store
from storage import inbox

log = logging.getLogger(__name__)


async def replay_inbox(application: Application) -> None:
    """Queue again the updates a crash cut short, ahead of anything new."""
    unfinished = await in_store(application.bot_data, inbox.unfinished)
    for update_id, payload in unfinished:
        application.bot_data.replaying.add(update_id)
        await application.update_queue.put(Update.de_json(json.loads(payload), application.bot))
    if unfinished:
        log.info("handling again %d updates a crash cut short", len(unfinished))


async def take_in(update: Update, context: Context) -> None:
    if update.update_id in context.bot_data.replaying:
        context.bot_data.replaying.discard(update.update_id)
        return
    payload = json.dumps(update.to_dict())
    fresh = await in_store(context.bot_data,
                            lambda session: inbox.take_in(session, update_id=update.update_id, payload=payload))
    if not fresh:
        log.info("update %s was handled before: ignored", update.update_id)
        raise ApplicationHandlerStop


async def mark_done(update: Update, context: Context) -> None:
    await in_store(context.bot_data, lambda session: inbox.mark_done(session, update_id=update.update_id))
