"""Starting the bot: reaching Telegram (a server that boots before its network waits for it instead of
crashing), the rate limiter, and long polling or a webhook server."""

from __future__ import annotations

import asyncio
import itertools
import logging
import secrets
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlsplit

from telegram import Update
from telegram.error import InvalidToken, NetworkError, RetryAfter
from telegram.ext import Application

from bot.services.config import Settings

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


def run_application(application: Application, settings: Settings) -> None:
    """Long polling, or a webhook server when WEBHOOK_URL is set; returns when the bot is stopped.

    It first waits for Telegram to answer (`reach_telegram` above), in the event loop the bot then runs in; PTB's own
    first calls (deleteWebhook, setWebhook) are told to keep trying too (bootstrap_retries=-1).
    """
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(reach_telegram(application))
    except KeyboardInterrupt:
        log.info("stopped before Telegram answered")
        loop.close()
        return
    if settings.webhook_url:
        application.run_webhook(**webhook_options(settings), bootstrap_retries=-1)
    else:
        application.run_polling(allowed_updates=Update.ALL_TYPES, bootstrap_retries=-1)


def webhook_options(settings: Settings) -> dict[str, Any]:
    """How the webhook server listens: on WEBHOOK_URL's own path (a proxy passes it on unchanged), and only
    for requests that carry the secret Telegram was told to send."""
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else secrets.token_urlsafe(32)
    return {"listen": settings.webhook_listen, "port": settings.webhook_port,
            "url_path": urlsplit(settings.webhook_url or "").path.strip("/"), "webhook_url": settings.webhook_url,
            "secret_token": secret, "allowed_updates": Update.ALL_TYPES}
