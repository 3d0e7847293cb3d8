"""The token never reaches the logs, whatever logs it."""

from __future__ import annotations

import logging

from bot.services.logs import RedactToken, configure_logging

TOKEN = "123456:ABC-secret"


def test_the_token_is_redacted_from_messages_arguments_and_tracebacks(caplog):
    logger = logging.getLogger("test.redaction")
    caplog.handler.addFilter(RedactToken(TOKEN))
    logger.error("GET https://api.telegram.org/bot%s/getUpdates failed", TOKEN)
    try:
        raise RuntimeError(f"connect to https://api.telegram.org/bot{TOKEN}/sendMessage")
    except RuntimeError:
        logger.exception("sending failed")
    text = caplog.text
    assert TOKEN not in text
    assert "bot[TOKEN]/getUpdates" in text
    assert "bot[TOKEN]/sendMessage" in text


def test_httpx_request_lines_are_not_logged_at_info():
    root = logging.getLogger()
    saved, level = root.handlers[:], root.level
    try:
        configure_logging("DEBUG", TOKEN)
        assert logging.getLogger("httpx").getEffectiveLevel() == logging.WARNING
        assert any(isinstance(f, RedactToken) for h in root.handlers for f in h.filters)
    finally:
        root.handlers[:] = saved
        root.setLevel(level)
