"""A fake Telegram Bot API on 127.0.0.1, so end-to-end tests drive the real PTB Application offline.

It answers with Bot API JSON that PTB can de-serialise, records every call, and lets a test inject
updates and faults. It behaves like Telegram where bots trip over it: message ids per chat, edits
that are "not modified", texts longer than 4096 characters, keyboards dropped by an edit.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import itertools
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import PurePosixPath
from types import TracebackType
from typing import Any, Self, TypeVar

from fakes.mini_http import HttpServer, Request, Response, Upload

JSON = dict[str, Any]
T = TypeVar("T")

DEFAULT_TOKEN = "123456:TEST"
DEFAULT_USER_ID = 1001  # who speaks in a group chat when a test does not say
MAX_MESSAGE_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024

_DEFAULT_DESCRIPTIONS = {
    400: "Bad Request: chat not found",
    403: "Forbidden: bot was blocked by the user",
    429: "Too Many Requests: retry after {retry_after}",
}
_ADMIN_RIGHTS = (
    "can_manage_chat", "can_delete_messages", "can_manage_video_chats", "can_restrict_members",
    "can_promote_members", "can_change_info", "can_invite_users", "can_post_stories",
    "can_edit_stories", "can_delete_stories",
)
_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)


@dataclass(frozen=True)
class Call:
    """One Bot API request as the server understood it; `error_code` is set when it was refused."""

    method: str
    params: JSON
    result: Any = None
    error_code: int | None = None

    @property
    def ok(self) -> bool:
        return self.error_code is None

    @property
    def chat_id(self) -> int | str | None:
        return self.params.get("chat_id")

    @property
    def text(self) -> str | None:
        """The text of a sendMessage/editMessageText, or the caption of a sendDocument."""
        return self.params.get("text", self.params.get("caption"))


class ApiError(Exception):
    """Raised by a method handler to answer like Telegram does: HTTP status = error_code."""

    def __init__(self, error_code: int, description: str, retry_after: float | None = None) -> None:
        super().__init__(description)
        self.error_code = error_code
        self.payload: JSON = {"ok": False, "error_code": error_code, "description": description}
        if retry_after is not None:
            self.payload["parameters"] = {"retry_after": retry_after}


@dataclass
class _Fault:
    method: str
    error: ApiError
    remaining: int
    chat_id: int | str | None
    delay: float = 0.0

    def matches(self, method: str, params: JSON) -> bool:
        return self.method.lower() == method.lower() and self.chat_id in (None, params.get("chat_id"))


class FakeBotApi:
    """The server and its state; use as `async with FakeBotApi() as api:`."""

    def __init__(self, token: str = DEFAULT_TOKEN, *, max_poll_wait: float = 1.0, port: int = 0) -> None:
        self.token = token
        self.max_poll_wait = max_poll_wait  # long polls end this soon, so shutdown never waits long
        self.bot_user: JSON = {
            "id": int(token.split(":")[0]), "is_bot": True, "first_name": "Briefing Bot",
            "username": "BriefingTestBot", "can_join_groups": True,
            "can_read_all_group_messages": False, "supports_inline_queries": False,
        }
        self.calls: list[Call] = []
        self.commands: list[JSON] = []
        self._updates: list[JSON] = []
        self._update_ids = itertools.count(1)
        self._callback_ids = itertools.count(1)
        self._file_ids = itertools.count(1)
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._chats: dict[int, JSON] = {}
        self._messages: dict[tuple[int, int], JSON] = {}
        self._files: dict[str, tuple[JSON, str]] = {}  # file_id -> (document, file_path)
        self._downloads: dict[str, bytes] = {}  # file_path -> content
        self._statuses: dict[tuple[int, int], str] = {}  # (chat_id, user_id) -> member status
        self._faults: list[_Fault] = []
        self._hangs: list[_Fault] = []
        self._late: list[_Fault] = []  # answers held back `delay` seconds
        self._garbled: list[_Fault] = []  # answers with a field in an unexpected shape
        self.hanging: list[Call] = []  # calls that hang_next left without an answer
        self.chat_interval: float | None = None  # when set: a message to a chat sooner than this is a 429
        self._last_sent: dict[int, float] = {}  # chat id -> when a message last went there (monotonic)
        self.on_record: Callable[[Call], None] | None = None  # told of each call as it is recorded
        self._changed = asyncio.Event()
        self._http = HttpServer(self._handle, port)  # port 0: a free one
        self._methods: dict[str, Callable[[JSON], Any]] = {
            "getme": lambda _: self.bot_user,
            "deletewebhook": lambda _: True,
            "setwebhook": lambda _: True,
            "setmycommands": self._set_my_commands,
            "getmycommands": lambda _: self.commands,
            "deletemycommands": self._delete_my_commands,
            "sendmessage": self._send_message,
            "senddocument": self._send_document,
            "editmessagetext": self._edit_message_text,
            "editmessagereplymarkup": self._edit_message_reply_markup,
            "deletemessage": self._delete_message,
            "answercallbackquery": lambda _: True,
            "sendchataction": lambda _: True,
            "getfile": self._get_file,
            "getchat": self._get_chat,
            "getchatmember": self._get_chat_member,
            "getchatadministrators": self._get_chat_administrators,
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

    # -- what tests inject -----------------------------------------------------------------------

    def inject_message(
        self, chat_id: int, text: str, user_id: int | None = None, chat_type: str | None = None,
        username: str | None = None,
    ) -> JSON:
        """Queue a text message from a user; a leading "/word" gets the entity CommandHandler needs."""
        fields: JSON = {"text": text}
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            fields["entities"] = [{"type": "bot_command", "offset": 0, "length": _utf16_len(command)}]
        sender = self._user(self._sender_id(chat_id, user_id), username)
        message = self._new_message(self._chat(chat_id, chat_type), sender, fields)
        self._push_update(message=message)
        return message

    def inject_channel_post(self, chat_id: int, text: str) -> JSON:
        """Queue a post in a channel: no sender user, the channel itself as `sender_chat`."""
        chat = self._chat(chat_id, "channel")
        fields: JSON = {"text": text, "sender_chat": chat}
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            fields["entities"] = [{"type": "bot_command", "offset": 0, "length": _utf16_len(command)}]
        message_id = next(self._message_ids.setdefault(chat_id, itertools.count(1)))
        post = {"message_id": message_id, "date": int(time.time()), "chat": chat, **fields}
        self._messages[(chat_id, message_id)] = post
        self._push_update(channel_post=post)
        return post

    def inject_callback(self, chat_id: int, message_id: int, data: str, user_id: int | None = None) -> JSON:
        """Queue a button press on a message; an unknown message arrives as inaccessible (date 0)."""
        message = self._messages.get((chat_id, message_id)) or {
            "message_id": message_id, "date": 0, "chat": self._chat(chat_id),
        }
        query = {
            "id": str(next(self._callback_ids)), "from": self._user(self._sender_id(chat_id, user_id)),
            "chat_instance": str(chat_id), "data": data, "message": message,
        }
        self._push_update(callback_query=query)
        return query

    def inject_document(
        self, chat_id: int, user_id: int | None, filename: str, content: bytes,
        mime_type: str = "application/octet-stream", caption: str | None = None,
    ) -> JSON:
        """Queue an uploaded file; its file_id then works with getFile and the download URL."""
        fields: JSON = {"document": self._store_file(filename, content, mime_type)}
        if caption is not None:
            fields["caption"] = caption
        message = self._new_message(self._chat(chat_id), self._user(self._sender_id(chat_id, user_id)), fields)
        self._push_update(message=message)
        return message

    def inject_my_chat_member(self, chat_id: int, user_id: int, new_status: str) -> JSON:
        """Queue a change of the bot's own membership, e.g. "kicked" when a user blocks the bot."""
        old_status = "kicked" if new_status == "member" else "member"
        change = {
            "chat": self._chat(chat_id), "from": self._user(user_id), "date": int(time.time()),
            "old_chat_member": _member(self.bot_user, old_status),
            "new_chat_member": _member(self.bot_user, new_status),
        }
        self._statuses[(chat_id, self.bot_user["id"])] = new_status
        self._push_update(my_chat_member=change)
        return change

    def resend_update(self, update: JSON) -> None:
        """Deliver an update once more, with its id, as Telegram does when a bot never confirmed it."""
        self._updates.append(update)
        self._notify()

    def set_member_status(self, chat_id: int, user_id: int, status: str) -> None:
        """Make getChatMember/getChatAdministrators report e.g. "administrator" or "creator"."""
        self._statuses[(chat_id, user_id)] = status

    def fail_next(
        self, method: str, error_code: int, description: str | None = None, retry_after: float | None = None,
        count: int = 1, chat_id: int | str | None = None,
    ) -> None:
        """Refuse the next `count` calls of `method` (to `chat_id`, if given) as Telegram would."""
        if description is None:
            default = _DEFAULT_DESCRIPTIONS.get(error_code) or HTTPStatus(error_code).phrase
            description = default.format(retry_after=retry_after)
        self._faults.append(_Fault(method, ApiError(error_code, description, retry_after), count, chat_id))

    def hang_next(self, method: str, *, chat_id: int | str | None = None, count: int = 1) -> None:
        """Never answer the next `count` calls of `method` (to `chat_id`): a Telegram that hangs.

        The call is not recorded as sent, as if the connection died before Telegram took it.
        """
        self._hangs.append(_Fault(method, ApiError(504, "hang"), count, chat_id))

    def answer_late_next(self, method: str, delay: float, *, chat_id: int | str | None = None,
                         count: int = 1) -> None:
        """Carry out the next `count` calls of `method` (to `chat_id`) at once, but answer `delay` s later.

        The call is recorded as sent when it arrives: Telegram has the message, only its answer is slow.
        """
        self._late.append(_Fault(method, ApiError(200, "late"), count, chat_id, delay))

    def garble_next(self, method: str, *, chat_id: int | str | None = None, count: int = 1) -> None:
        """Carry out the next `count` calls of `method` (to `chat_id`), answering with a field in a shape
        the client does not expect (`chat` as a string), as a changed or broken Bot API server might."""
        self._garbled.append(_Fault(method, ApiError(200, "garbled"), count, chat_id))

    # -- what tests check ------------------------------------------------------------------------

    def sent_messages(self, chat_id: int | None = None) -> list[Call]:
        """Successful sendMessage and sendDocument calls, optionally to one chat."""
        return [
            call for call in self.calls
            if call.ok and call.method in ("sendMessage", "sendDocument") and chat_id in (None, call.chat_id)
        ]

    async def wait_for(self, predicate: Callable[[Call], bool], timeout: float = 5.0, *, since: int = 0) -> Call:
        """The first recorded call (from index `since`) that matches, waiting for it if need be."""

        def find() -> Call | None:
            return next((call for call in self.calls[since:] if predicate(call)), None)

        call = await self._wait_until(find, timeout)
        if call is None:
            recent = [f"{c.method}{'' if c.ok else f' ({c.error_code})'} {c.params}"
                      for c in self.calls[since:] if c.method != "getUpdates"][-20:]
            raise AssertionError(f"no matching call within {timeout} s; calls since {since}: {recent}")
        return call

    async def wait_for_sent(self, chat_id: int | None = None, *, since: int = 0, timeout: float = 5.0) -> Call:
        """The first successful sendMessage/sendDocument (to `chat_id`, if given) from index `since`."""
        return await self.wait_for(
            lambda c: c.ok and c.method in ("sendMessage", "sendDocument") and chat_id in (None, c.chat_id),
            timeout, since=since,
        )

    # -- HTTP ------------------------------------------------------------------------------------

    async def _handle(self, request: Request) -> Response:
        if request.path.startswith("/file/bot"):
            token, _, file_path = request.path.removeprefix("/file/bot").partition("/")
            content = self._downloads.get(file_path) if token == self.token else None
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
        if late := _take(self._late, method, params):
            await asyncio.sleep(late.delay)
        if _take(self._garbled, method, params) and isinstance(result, dict):
            result = {**result, "chat": str(result.get("chat"))}
        return Response.json(200, {"ok": True, "result": result})

    async def _call(self, method: str, params: JSON) -> Any:
        for hang in self._hangs:
            if hang.matches(method, params):
                hang.remaining -= 1
                if hang.remaining <= 0:
                    self._hangs.remove(hang)
                self.hanging.append(Call(method, params))
                await asyncio.Event().wait()  # until the server shuts down
        for fault in self._faults:
            if fault.matches(method, params):
                fault.remaining -= 1
                if fault.remaining <= 0:
                    self._faults.remove(fault)
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

    def _keep_chat_pace(self, params: JSON) -> None:
        """Telegram's "about one message per second" in a chat, kept strictly when `chat_interval` is set."""
        chat_id, now = params.get("chat_id"), time.monotonic()
        if self.chat_interval is None or not isinstance(chat_id, int):
            return
        if now - self._last_sent.get(chat_id, -self.chat_interval) < self.chat_interval:
            raise ApiError(429, "Too Many Requests: retry after 1", retry_after=1)
        self._last_sent[chat_id] = now

    def _send_message(self, params: JSON) -> JSON:
        text = _visible_text(str(params.get("text", "")), params.get("parse_mode"))
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if len(text) > MAX_MESSAGE_LENGTH:
            raise ApiError(400, "Bad Request: message is too long")
        self._keep_chat_pace(params)
        return self._new_message(self._target_chat(params), self.bot_user, {"text": text, **_markup(params)})

    def _send_document(self, params: JSON) -> JSON:
        self._keep_chat_pace(params)
        document = params.get("document")
        if isinstance(document, Upload):
            stored = self._store_file(document.filename, document.content, document.mime_type)
        elif isinstance(document, str) and document in self._files:
            stored = self._files[document][0]
        else:
            raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")
        fields: JSON = {"document": stored, **_markup(params)}
        if "caption" in params:
            fields["caption"] = _visible_text(str(params["caption"]), params.get("parse_mode"))
            if len(fields["caption"]) > MAX_CAPTION_LENGTH:
                raise ApiError(400, "Bad Request: message caption is too long")
        return self._new_message(self._target_chat(params), self.bot_user, fields)

    def _edit_message_text(self, params: JSON) -> JSON | bool:
        if "inline_message_id" in params:
            return True
        text = _visible_text(str(params.get("text", "")), params.get("parse_mode"))
        if len(text) > MAX_MESSAGE_LENGTH:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        return self._edit(params, {"text": text, **_markup(params)})

    def _edit_message_reply_markup(self, params: JSON) -> JSON | bool:
        if "inline_message_id" in params:
            return True
        message = self._own_message(params)
        return self._edit(params, {key: message[key] for key in ("text", "caption") if key in message}
                          | _markup(params))

    def _edit(self, params: JSON, content: JSON) -> JSON:
        """Replace text/caption and keyboard; Telegram drops a keyboard that an edit leaves out."""
        message = self._own_message(params)
        old = {key: message[key] for key in ("text", "caption", "reply_markup") if key in message}
        if old == content:
            raise ApiError(400, _NOT_MODIFIED)
        kept = {key: value for key, value in message.items() if key not in old}
        edited = kept | content | {"edit_date": int(time.time())}
        self._messages[(message["chat"]["id"], message["message_id"])] = edited
        return edited

    def _delete_message(self, params: JSON) -> bool:
        key = (self._target_chat(params)["id"], int(params.get("message_id", 0)))
        if self._messages.pop(key, None) is None:
            raise ApiError(400, "Bad Request: message to delete not found")
        return True

    def _get_file(self, params: JSON) -> JSON:
        if params.get("file_id") not in self._files:
            raise ApiError(400, "Bad Request: invalid file_id")
        document, file_path = self._files[params["file_id"]]
        return {
            "file_id": document["file_id"], "file_unique_id": document["file_unique_id"],
            "file_size": document["file_size"], "file_path": file_path,
        }

    def _get_chat(self, params: JSON) -> JSON:
        no_gifts = dict.fromkeys(
            ("unlimited_gifts", "limited_gifts", "unique_gifts", "premium_subscription", "gifts_from_channels"), False
        )
        return self._target_chat(params) | {
            "accent_color_id": 0, "max_reaction_count": 11, "accepted_gift_types": no_gifts,
        }

    def _get_chat_member(self, params: JSON) -> JSON:
        chat = self._target_chat(params)
        user_id = int(params.get("user_id", 0))
        user = self.bot_user if user_id == self.bot_user["id"] else self._user(user_id)
        return _member(user, self._statuses.get((chat["id"], user_id), "member"))

    def _get_chat_administrators(self, params: JSON) -> list[JSON]:
        chat = self._target_chat(params)
        if chat["type"] == "private":
            raise ApiError(400, "Bad Request: there are no administrators in the private chat")
        admins = [
            _member(self.bot_user if user_id == self.bot_user["id"] else self._user(user_id), status)
            for (chat_id, user_id), status in self._statuses.items()
            if chat_id == chat["id"] and status in ("creator", "administrator")
        ]
        return admins or [_member(self._user(DEFAULT_USER_ID), "creator")]

    # -- state -----------------------------------------------------------------------------------

    def _record(self, call: Call) -> None:
        self.calls.append(call)
        if self.on_record is not None:
            self.on_record(call)
        self._notify()

    def _push_update(self, **payload: JSON) -> None:
        self._updates.append({"update_id": next(self._update_ids), **payload})
        self._notify()

    def _notify(self) -> None:
        """Wake every waiter; each waits on the event that was current when it last looked."""
        self._changed.set()
        self._changed = asyncio.Event()

    async def _wait_until(self, check: Callable[[], T | None], timeout: float) -> T | None:
        deadline = asyncio.get_running_loop().time() + timeout
        while (result := check()) is None:
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                return None
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), remaining)
        return result

    def _chat(self, chat_id: int, chat_type: str | None = None) -> JSON:
        """The chat with this id, made up on first sight: private if the id is positive."""
        if chat_id not in self._chats or chat_type not in (None, self._chats[chat_id]["type"]):
            chat_type = chat_type or ("private" if chat_id > 0 else "supergroup")
            name = {"first_name": f"User {chat_id}"} if chat_type == "private" else {"title": f"Chat {chat_id}"}
            self._chats[chat_id] = {"id": chat_id, "type": chat_type, **name}
        return self._chats[chat_id]

    def _target_chat(self, params: JSON) -> JSON:
        chat_id = params.get("chat_id")
        if not isinstance(chat_id, int):
            raise ApiError(400, "Bad Request: chat not found")
        return self._chat(chat_id)

    def _own_message(self, params: JSON) -> JSON:
        key = (self._target_chat(params)["id"], int(params.get("message_id", 0)))
        message = self._messages.get(key)
        if message is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        if message["from"]["id"] != self.bot_user["id"]:
            raise ApiError(400, "Bad Request: message can't be edited")
        return message

    def _new_message(self, chat: JSON, sender: JSON, fields: JSON) -> JSON:
        message_id = next(self._message_ids.setdefault(chat["id"], itertools.count(1)))
        message = {"message_id": message_id, "date": int(time.time()), "chat": chat, "from": sender, **fields}
        self._messages[(chat["id"], message_id)] = message
        return message

    def _store_file(self, filename: str, content: bytes, mime_type: str) -> JSON:
        number = next(self._file_ids)
        document = {
            "file_id": f"file-{number}", "file_unique_id": f"unique-{number}", "file_name": filename,
            "mime_type": mime_type, "file_size": len(content),
        }
        file_path = f"documents/file_{number}{PurePosixPath(filename).suffix}"
        self._files[document["file_id"]] = (document, file_path)
        self._downloads[file_path] = content
        return document

    @staticmethod
    def _sender_id(chat_id: int, user_id: int | None) -> int:
        """In a private chat the chat id is the user's id; elsewhere someone has to be the sender."""
        if user_id is not None:
            return user_id
        return chat_id if chat_id > 0 else DEFAULT_USER_ID

    @staticmethod
    def _user(user_id: int, username: str | None = None) -> JSON:
        name = username or f"user{user_id}"
        return {"id": user_id, "is_bot": False, "first_name": f"User {user_id}", "username": name}


def _take(faults: list[_Fault], method: str, params: JSON) -> _Fault | None:
    """The first of `faults` that applies to this call, used up once."""
    for fault in faults:
        if fault.matches(method, params):
            fault.remaining -= 1
            if fault.remaining <= 0:
                faults.remove(fault)
            return fault
    return None


def _member(user: JSON, status: str) -> JSON:
    """A ChatMember PTB can parse; "restricted" needs a dozen flags and is left out."""
    member: JSON = {"status": status, "user": user}
    if status == "kicked":
        member["until_date"] = 0
    elif status == "creator":
        member["is_anonymous"] = False
    elif status == "administrator":
        member |= {"can_be_edited": False, "is_anonymous": False, **dict.fromkeys(_ADMIN_RIGHTS, True)}
    elif status not in ("member", "left"):
        raise ValueError(f"unsupported chat member status {status!r}")
    return member


def _markup(params: JSON) -> JSON:
    """Telegram echoes inline keyboards only; reply keyboards never come back on the message."""
    markup = params.get("reply_markup")
    return {"reply_markup": markup} if isinstance(markup, dict) and "inline_keyboard" in markup else {}


def _visible_text(text: str, parse_mode: str | None) -> str:
    """Telegram returns text without markup (as entities, omitted here); HTML tags are stripped."""
    if parse_mode == "HTML":
        return html.unescape(re.sub(r"<[^>]+>", "", text))
    return text


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
