"""What the Telegram front end's handlers and jobs share, as one typed value instead of string keys.

python-telegram-bot makes it, with no arguments, when the Application is built with `CONTEXT_TYPES`
(as its contexttypesbot example does for chat data); `build_application` then fills it in.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from sqlmodel import Session
from telegram.ext import CallbackContext, ContextTypes, ExtBot

from bot.telegram.broadcast import FREE, Broadcast
from storage.db import session_scope

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from bot.core.commands import CommandCore
    from bot.core.subscribing import SubscriptionCommands
    from bot.services.config import Settings
    from bot.services.ingest import Ingestor


@dataclass
class BotData:
    engine: Engine = field(init=False)
    core: CommandCore = field(init=False)  # answers commands and taps
    digests: SubscriptionCommands = field(init=False)  # composes the daily digest for the digest round
    settings: Settings = field(init=False)
    ingestor: Ingestor = field(init=False)  # adds uploads and fetched pages, queueing alerts of their new meetings
    broadcast: Broadcast = FREE  # how alerts and digests go out: free (30 a second) or paid (1,000)
    alert_lock: asyncio.Lock = field(default_factory=asyncio.Lock)  # one alert sender per process
    digest_lock: asyncio.Lock = field(default_factory=asyncio.Lock)  # one digest round per process
    replaying: set[int] = field(default_factory=set)  # ids of inbox updates queued again at start-up


Context = CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]
CONTEXT_TYPES = ContextTypes(bot_data=BotData)
T = TypeVar("T")


async def in_store(state: BotData, work: Callable[[Session], T]) -> T:
    """Run `work` in one transaction in a worker thread: SQLite must not hold up the event loop."""
    def run() -> T:
        with session_scope(state.engine) as session:
            return work(session)
    return await asyncio.to_thread(run)
