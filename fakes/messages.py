"""The messages in the fake Bot API's chats, and the Bot API methods that send, edit and delete them.

Message ids count up per chat, as Telegram's do; the bot may edit and delete only what it sent, and
an edit replaces text, caption and keyboard together. Kept apart from the server so that what a message
is and how it changes reads in one place; the rules it must satisfy are `fakes.telegram_rules`.
"""

from __future__ import annotations

import itertools
import time
from typing import Any

from fakes.api_faults import ApiError
from fakes.chats import Chats
from fakes.files import Files
from fakes.mini_http import Upload
from fakes.telegram_rules import ChatPace, caption, echoed_markup, edited_text, message_text, refuse_unchanged

JSON = dict[str, Any]


class Messages:
    """Messages by (chat id, message id); those the bot sends come `from` `bot_user`."""

    def __init__(self, bot_user: JSON, chats: Chats, files: Files, pace: ChatPace) -> None:
        self.bot_user = bot_user
        self._chats = chats
        self._files = files
        self._pace = pace
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._messages: dict[tuple[int, int], JSON] = {}

    def new_message(self, chat: JSON, fields: JSON) -> JSON:
        """A message in `chat` with the next id there; `fields` has its sender ("from") and content."""
        message_id = next(self._message_ids.setdefault(chat["id"], itertools.count(1)))
        message = {"message_id": message_id, "date": int(time.time()), "chat": chat, **fields}
        self._messages[(chat["id"], message_id)] = message
        return message

    def find(self, chat_id: int, message_id: int) -> JSON | None:
        return self._messages.get((chat_id, message_id))

    # -- Bot API methods -------------------------------------------------------------------------

    def send_message(self, params: JSON) -> JSON:
        text = message_text(params)
        self._pace.keep(params)
        fields = {"from": self.bot_user, "text": text, **echoed_markup(params)}
        return self.new_message(self._chats.target(params), fields)

    def send_document(self, params: JSON) -> JSON:
        self._pace.keep(params)
        document = params.get("document")
        if isinstance(document, Upload):
            stored = self._files.store(document.filename, document.content, document.mime_type)
        elif isinstance(document, str) and document in self._files:
            stored = self._files.document(document)
        else:
            raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")
        fields: JSON = {"document": stored, **echoed_markup(params)}
        if "caption" in params:
            fields["caption"] = caption(params)
        return self.new_message(self._chats.target(params), {"from": self.bot_user, **fields})

    def edit_message_text(self, params: JSON) -> JSON | bool:
        if "inline_message_id" in params:
            return True
        text = edited_text(params)
        return self._edit(params, {"text": text, **echoed_markup(params)})

    def edit_message_reply_markup(self, params: JSON) -> JSON | bool:
        if "inline_message_id" in params:
            return True
        message = self._own_message(params)
        return self._edit(params, {key: message[key] for key in ("text", "caption") if key in message}
                          | echoed_markup(params))

    def delete_message(self, params: JSON) -> bool:
        key = (self._chats.target(params)["id"], int(params.get("message_id", 0)))
        if self._messages.pop(key, None) is None:
            raise ApiError(400, "Bad Request: message to delete not found")
        return True

    def _edit(self, params: JSON, content: JSON) -> JSON:
        """Replace text/caption and keyboard; Telegram drops a keyboard that an edit leaves out."""
        message = self._own_message(params)
        old = {key: message[key] for key in ("text", "caption", "reply_markup") if key in message}
        refuse_unchanged(old, content)
        kept = {key: value for key, value in message.items() if key not in old}
        edited = kept | content | {"edit_date": int(time.time())}
        self._messages[(message["chat"]["id"], message["message_id"])] = edited
        return edited

    def _own_message(self, params: JSON) -> JSON:
        key = (self._chats.target(params)["id"], int(params.get("message_id", 0)))
        message = self._messages.get(key)
        if message is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        if message["from"]["id"] != self.bot_user["id"]:
            raise ApiError(400, "Bad Request: message can't be edited")
        return message
