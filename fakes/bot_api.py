"""A fake Telegram Bot API on 127.0.0.1, so end-to-end tests drive the real PTB Application offline.

It answers with Bot API JSON that PTB can de-serialise, records every call, and lets a test inject
updates and faults. It behaves like Telegram where bots trip over it: message ids per chat, edits
that are "not modified", texts longer than 4096 characters, keyboards dropped by an edit.

This module is the server: it routes each request to a Bot API method, applies the faults a test
queued, and queues the updates a test injects. Its state and rules live with collaborators it composes:
`fakes.chats`, `fakes.messages`, `fakes.files`, `fakes.telegram_rules`, `fakes.api_faults`; the
record of calls that tests read back is `fakes.call_log`.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from types import TracebackType
from typing import Any, Self

from fakes.api_faults import ApiError, Fault, FaultQueue, refusal
from fakes.call_log import Call, CallLog
from fakes.chats import Chats, sender
from fakes.files import Files
from fakes.messages import Messages
from fakes.mini_http import HttpServer, Request, Response
from fakes.telegram_rules import ChatPace, command_entities

JSON = dict[str, Any]

DEFAULT_TOKEN = "123456:TEST"


class FakeBotApi(CallLog):
    """The server and its state; use as `async with FakeBotApi() as api:`.

    It is a `CallLog`: `calls`, `on_record`, `sent_messages` and `wait_for` are what tests read back.
    """

    def __init__(self, token: str = DEFAULT_TOKEN, *, max_poll_wait: float = 1.0, port: int = 0) -> None:
        super().__init__()
        self.token = token
        self.max_poll_wait = max_poll_wait  # long polls end this soon, so shutdown never waits long
        self.bot_user: JSON = {
            "id": int(token.split(":")[0]), "is_bot": True, "first_name": "Briefing Bot",
            "username": "BriefingTestBot", "can_join_groups": True,
            "can_read_all_group_messages": False, "supports_inline_queries": False,
        }
        self.commands: list[JSON] = []
        self._updates: list[JSON] = []
        self._update_ids = itertools.count(1)
        self._callback_ids = itertools.count(1)
        self._chats = Chats(self.bot_user)
        self._files = Files()
        self._pace = ChatPace()
        self._messages = Messages(self.bot_user, self._chats, self._files, self._pace)
        self._refusals = FaultQueue()
        self._hangs = FaultQueue()
        self._late = FaultQueue()  # answers held back `delay` seconds
        self._garbled = FaultQueue()  # answers with a field in an unexpected shape
        self.hanging: list[Call] = []  # calls that hang_next left without an answer
        self._http = HttpServer(self._handle, port)  # port 0: a free one
        self._methods: dict[str, Callable[[JSON], Any]] = {
            "getme": lambda _: self.bot_user,
            "deletewebhook": lambda _: True,
            "setwebhook": lambda _: True,
            "setmycommands": self._set_my_commands,
            "getmycommands": lambda _: self.commands,
            "deletemycommands": self._delete_my_commands,
            "sendmessage": self._messages.send_message,
            "senddocument": self._messages.send_document,
            "editmessagetext": self._messages.edit_message_text,
            "editmessagereplymarkup": self._messages.edit_message_reply_markup,
            "deletemessage": self._messages.delete_message,
            "answercallbackquery": lambda _: True,
            "sendchataction": lambda _: True,
            "getfile": self._files.get_file,
            "getchat": self._chats.get_chat,
            "getchatmember": self._chats.get_chat_member,
            "getchatadministrators": self._chats.get_chat_administrators,
        }

    # -- lifecycle -------------------------------------------------------------------------------

    async def __aenter__(self) -> Self:
        await self._http.__aenter__()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self._http.__aexit__(exc_type, exc, tb)

    @property
    def port(self) -> int:
        return self._http.port

    @property
    def base_url(self) -> str:
        """For `ApplicationBuilder().base_url(...)`, which appends the token."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def file_base_url(self) -> str:
        """For `ApplicationBuilder().base_file_url(...)`, which appends the token."""
        return f"http://127.0.0.1:{self.port}/file/bot"

    @property
    def chat_interval(self) -> float | None:
        """When set: a message to a chat sooner than this after the last one there is a 429."""
        return self._pace.interval

    @chat_interval.setter
    def chat_interval(self, interval: float | None) -> None:
        self._pace.interval = interval

    # -- what tests inject -----------------------------------------------------------------------

    def inject_message(
        self, chat_id: int, text: str, user_id: int | None = None, chat_type: str | None = None,
        username: str | None = None,
    ) -> JSON:
        """Queue a text message from a user; a leading "/word" gets the entity CommandHandler needs."""
        fields: JSON = {"text": text, **command_entities(text)}
        user = sender(chat_id, user_id, username)
        message = self._messages.new_message(self._chats.chat(chat_id, chat_type), {"from": user, **fields})
        self._push_update(message=message)
        return message

    def inject_channel_post(self, chat_id: int, text: str) -> JSON:
        """Queue a post in a channel: no sender user, the channel itself as `sender_chat`."""
        chat = self._chats.chat(chat_id, "channel")
        fields: JSON = {"text": text, "sender_chat": chat, **command_entities(text)}
        post = self._messages.new_message(chat, fields)
        self._push_update(channel_post=post)
        return post

    def inject_callback(self, chat_id: int, message_id: int, data: str, user_id: int | None = None) -> JSON:
        """Queue a button press on a message; an unknown message arrives as inaccessible (date 0)."""
        message = self._messages.find(chat_id, message_id) or {
            "message_id": message_id, "date": 0, "chat": self._chats.chat(chat_id),
        }
        query = {
            "id": str(next(self._callback_ids)), "from": sender(chat_id, user_id),
            "chat_instance": str(chat_id), "data": data, "message": message,
        }
        self._push_update(callback_query=query)
        return query

    def inject_document(
        self, chat_id: int, user_id: int | None, filename: str, content: bytes,
        mime_type: str = "application/octet-stream", caption: str | None = None,
    ) -> JSON:
        """Queue an uploaded file; its file_id then works with getFile and the download URL."""
        fields: JSON = {"document": self._files.store(filename, content, mime_type)}
        if caption is not None:
            fields["caption"] = caption
        chat = self._chats.chat(chat_id)
        message = self._messages.new_message(chat, {"from": sender(chat_id, user_id), **fields})
        self._push_update(message=message)
        return message

    def inject_my_chat_member(self, chat_id: int, user_id: int, new_status: str) -> JSON:
        """Queue a change of the bot's own membership, e.g. "kicked" when a user blocks the bot."""
        change = self._chats.change_bot_status(chat_id, user_id, new_status)
        self._push_update(my_chat_member=change)
        return change

    def resend_update(self, update: JSON) -> None:
        """Deliver an update once more, with its id, as Telegram does when a bot never confirmed it."""
        self._updates.append(update)
        self._notify()

    def set_member_status(self, chat_id: int, user_id: int, status: str) -> None:
        """Make getChatMember/getChatAdministrators report e.g. "administrator" or "creator"."""
        self._chats.set_status(chat_id, user_id, status)

    def fail_next(
        self, method: str, error_code: int, description: str | None = None, retry_after: float | None = None,
        count: int = 1, chat_id: int | str | None = None,
    ) -> None:
        """Refuse the next `count` calls of `method` (to `chat_id`, if given) as Telegram would."""
        self._refusals.add(Fault(method, refusal(error_code, description, retry_after), count, chat_id))

    def hang_next(self, method: str, *, chat_id: int | str | None = None, count: int = 1) -> None:
        """Never answer the next `count` calls of `method` (to `chat_id`): a Telegram that hangs.

        The call is not recorded as sent, as if the connection died before Telegram took it.
        """
        self._hangs.add(Fault(method, ApiError(504, "hang"), count, chat_id))

    def answer_late_next(self, method: str, delay: float, *, chat_id: int | str | None = None,
                         count: int = 1) -> None:
        """Carry out the next `count` calls of `method` (to `chat_id`) at once, but answer `delay` s later.

        The call is recorded as sent when it arrives: Telegram has the message, only its answer is slow.
        """
        self._late.add(Fault(method, ApiError(200, "late"), count, chat_id, delay))

    def garble_next(self, method: str, *, chat_id: int | str | None = None, count: int = 1) -> None:
        """Carry out the next `count` calls of `method` (to `chat_id`), answering with a field in a shape
        the client does not expect (`chat` as a string), as a changed or broken Bot API server might."""
        self._garbled.add(Fault(method, ApiError(200, "garbled"), count, chat_id))

    # -- HTTP ------------------------------------------------------------------------------------

    async def _handle(self, request: Request) -> Response:
        if request.path.startswith("/file/bot"):
            token, _, file_path = request.path.removeprefix("/file/bot").partition("/")
            content = self._files.download(file_path) if token == self.token else None
            if content is None:
                return Response(404, b"Not Found", "text/plain")
            return Response(200, content, "application/octet-stream")

        token, _, method = request.path.removeprefix("/bot").partition("/")
        if not request.path.startswith("/bot") or token != self.token:
            return Response.json(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        params = request.params()
        try:
            result = await self._call(method, params)
        except ApiError as error:
            self._record(Call(method, params, error_code=error.error_code))
            return Response.json(error.error_code, error.payload)
        self._record(Call(method, params, result=result))
        if late := self._late.take(method, params):
            await asyncio.sleep(late.delay)
        if self._garbled.take(method, params) and isinstance(result, dict):
            result = {**result, "chat": str(result.get("chat"))}
        return Response.json(200, {"ok": True, "result": result})

    async def _call(self, method: str, params: JSON) -> Any:
        if self._hangs.take(method, params):
            self.hanging.append(Call(method, params))
            await asyncio.Event().wait()  # until the server shuts down
        if fault := self._refusals.take(method, params):
            raise fault.error
        if method.lower() == "getupdates":
            return await self._get_updates(params)
        handler = self._methods.get(method.lower())
        if handler is None:
            raise ApiError(404, "Not Found: method not found")
        return handler(params)

    # -- Bot API methods -------------------------------------------------------------------------

    async def _get_updates(self, params: JSON) -> list[JSON]:
        offset = int(params.get("offset", 0))
        if offset > 0:  # confirms every update before it, as Telegram does
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        timeout = min(float(params.get("timeout", 0)), self.max_poll_wait)
        await self._wait_until(lambda: self._updates or None, timeout)
        return self._updates[: int(params.get("limit", 100))]

    def _set_my_commands(self, params: JSON) -> bool:
        self.commands = list(params.get("commands", []))
        return True

    def _delete_my_commands(self, _params: JSON) -> bool:
        self.commands = []
        return True

    def _push_update(self, **payload: JSON) -> None:
        self._updates.append({"update_id": next(self._update_ids), **payload})
        self._notify()
