"""Logging set-up: one format, httpx quiet, and the bot token replaced wherever it would appear."""

from __future__ import annotations

import logging

REDACTED = "[TOKEN]"


class RedactToken(logging.Filter):
    """Replace the token in every record: URLs in errors from httpx or the Bot API may carry it."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.token in message:
            record.msg, record.args = message.replace(self.token, REDACTED), None
        if record.exc_info and record.exc_info[1] is not None and self.token in str(record.exc_info[1]):
            record.exc_text = logging.Formatter().formatException(record.exc_info).replace(self.token, REDACTED)
            record.exc_info = None
        return True


def configure_logging(level: str, token: str | None = None) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True)
    # httpx logs every request URL at INFO, and Telegram's URLs contain the token
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    if token:
        for handler in logging.getLogger().handlers:
            handler.addFilter(RedactToken(token))
