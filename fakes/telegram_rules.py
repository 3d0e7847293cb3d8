"""The rules Telegram holds a bot's messages to, as the fake Bot API enforces them.

How long a text or caption may be (after HTML markup is stripped), which keyboards come back on a
message, how a command entity is measured (in UTF-16 code units), that an edit must change something,
and the pace of about one message a second in a chat. Kept apart from the state they judge, so the
places where bots trip over Telegram can be read, and changed, as one list.
"""

from __future__ import annotations

import html
import re
import time
from typing import Any

from fakes.api_faults import ApiError

JSON = dict[str, Any]

MAX_MESSAGE_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024

_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)


def message_text(params: JSON) -> str:
    """The text of a sendMessage as Telegram keeps it; refused when empty or too long."""
    text = _visible_text(str(params.get("text", "")), params.get("parse_mode"))
    if not text.strip():
        raise ApiError(400, "Bad Request: message text is empty")
    if len(text) > MAX_MESSAGE_LENGTH:
        raise ApiError(400, "Bad Request: message is too long")
    return text


def edited_text(params: JSON) -> str:
    """The new text of an editMessageText as Telegram keeps it; refused when too long."""
    text = _visible_text(str(params.get("text", "")), params.get("parse_mode"))
    if len(text) > MAX_MESSAGE_LENGTH:
        raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
    return text


def caption(params: JSON) -> str:
    """The caption of a sendDocument as Telegram keeps it; refused when too long."""
    text = _visible_text(str(params["caption"]), params.get("parse_mode"))
    if len(text) > MAX_CAPTION_LENGTH:
        raise ApiError(400, "Bad Request: message caption is too long")
    return text


def refuse_unchanged(old: JSON, content: JSON) -> None:
    """Telegram refuses an edit that leaves text, caption and keyboard as they were."""
    if old == content:
        raise ApiError(400, _NOT_MODIFIED)


def echoed_markup(params: JSON) -> JSON:
    """Telegram echoes inline keyboards only; reply keyboards never come back on the message."""
    markup = params.get("reply_markup")
    return {"reply_markup": markup} if isinstance(markup, dict) and "inline_keyboard" in markup else {}


def command_entities(text: str) -> JSON:
    """The entity a leading "/word" gets, which CommandHandler needs; nothing for other texts."""
    if not text.startswith("/"):
        return {}
    command = text.split(maxsplit=1)[0]
    return {"entities": [{"type": "bot_command", "offset": 0, "length": _utf16_len(command)}]}


def _visible_text(text: str, parse_mode: str | None) -> str:
    """Telegram returns text without markup (as entities, omitted here); HTML tags are stripped."""
    if parse_mode == "HTML":
        return html.unescape(re.sub(r"<[^>]+>", "", text))
    return text


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class ChatPace:
    """Telegram's "about one message per second" in a chat, kept strictly when `interval` is set."""

    def __init__(self) -> None:
        self.interval: float | None = None  # when set: a message to a chat sooner than this is a 429
        self._last_sent: dict[int, float] = {}  # chat id -> when a message last went there (monotonic)

    def keep(self, params: JSON) -> None:
        chat_id, now = params.get("chat_id"), time.monotonic()
        if self.interval is None or not isinstance(chat_id, int):
            return
        if now - self._last_sent.get(chat_id, -self.interval) < self.interval:
            raise ApiError(429, "Too Many Requests: retry after 1", retry_after=1)
        self._last_sent[chat_id] = now
