"""Reaching Telegram at start-up: a server that boots before its network waits for it instead of crashing."""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Iterable, Iterator

from telegram.error import InvalidToken, NetworkError, RetryAfter
from telegram.ext import Application

log = logging.getLogger(__name__)

FIRST_WAIT, LONGEST_WAIT = 1.0, 60.0  # seconds between attempts: 1, 2, 4 ... then every minute


class TelegramRefused(Exception):
    """Telegram (or the Bot API server configured) answered that the token is not valid: trying again won't help."""


def backoff(first: float = FIRST_WAIT, longest: float = LONGEST_WAIT) -> Iterator[float]:
    """1, 2, 4, 8 ... seconds, then `longest` for ever."""
    return (min(first * 2**n, longest) for n in itertools.count())


async def reach_telegram(application: Application, waits: Iterable[float] | None = None) -> None:
    """Initialise the application (its first call is getMe), trying again while the network or Telegram is
    down, with one log line per failed attempt; a refused token raises TelegramRefused at once."""
    for attempt, wait in enumerate(backoff() if waits is None else waits, 1):
        try:
            await application.initialize()
        except InvalidToken:
            raise TelegramRefused("Telegram refused TELEGRAM_BOT_TOKEN (401 Unauthorized): copy the token "
                                  "@BotFather gave again, or ask it for a new one with /token") from None
        except (NetworkError, RetryAfter) as error:  # no network or DNS, a refused connection, a time-out, 5xx, 429
            log.warning("Telegram is not reachable (attempt %d: %s); trying again in %g s", attempt, error, wait)
        else:
            if attempt > 1:
                log.info("Telegram answered after %d attempts", attempt)
            return
        await asyncio.sleep(wait)
