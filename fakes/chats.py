"""The chats and users the fake Bot API knows, and who is a member or an administrator of which chat.

Telegram knows every chat and user already; the fake makes them up on first sight (a positive id is a
private chat with that user) and remembers the member statuses a test sets or an update changes, with
the rights an administrator has. Kept apart from messages and files: getChat, getChatMember and
getChatAdministrators answer from this state alone.
"""

from __future__ import annotations

import time
from typing import Any

from fakes.api_faults import ApiError

JSON = dict[str, Any]

DEFAULT_USER_ID = 1001  # who speaks in a group chat when a test does not say

_ADMIN_RIGHTS = (
    "can_manage_chat", "can_delete_messages", "can_manage_video_chats", "can_restrict_members",
    "can_promote_members", "can_change_info", "can_invite_users", "can_post_stories",
    "can_edit_stories", "can_delete_stories",
)


class Chats:
    """Chats by id and member statuses by (chat id, user id); `bot_user` is the bot itself."""

    def __init__(self, bot_user: JSON) -> None:
        self.bot_user = bot_user
        self._chats: dict[int, JSON] = {}
        self._statuses: dict[tuple[int, int], str] = {}  # (chat_id, user_id) -> member status

    def chat(self, chat_id: int, chat_type: str | None = None) -> JSON:
        """The chat with this id, made up on first sight: private if the id is positive."""
        if chat_id not in self._chats or chat_type not in (None, self._chats[chat_id]["type"]):
            chat_type = chat_type or ("private" if chat_id > 0 else "supergroup")
            name = {"first_name": f"User {chat_id}"} if chat_type == "private" else {"title": f"Chat {chat_id}"}
            self._chats[chat_id] = {"id": chat_id, "type": chat_type, **name}
        return self._chats[chat_id]

    def target(self, params: JSON) -> JSON:
        """The chat a method is called on."""
        chat_id = params.get("chat_id")
        if not isinstance(chat_id, int):
            raise ApiError(400, "Bad Request: chat not found")
        return self.chat(chat_id)

    def set_status(self, chat_id: int, user_id: int, status: str) -> None:
        self._statuses[(chat_id, user_id)] = status

    def change_bot_status(self, chat_id: int, user_id: int, new_status: str) -> JSON:
        """The bot's own membership changed by `user_id`, as a my_chat_member update carries it."""
        old_status = "kicked" if new_status == "member" else "member"
        change = {
            "chat": self.chat(chat_id), "from": _user(user_id), "date": int(time.time()),
            "old_chat_member": _member(self.bot_user, old_status),
            "new_chat_member": _member(self.bot_user, new_status),
        }
        self._statuses[(chat_id, self.bot_user["id"])] = new_status
        return change

    # -- Bot API methods -------------------------------------------------------------------------

    def get_chat(self, params: JSON) -> JSON:
        no_gifts = dict.fromkeys(
            ("unlimited_gifts", "limited_gifts", "unique_gifts", "premium_subscription", "gifts_from_channels"), False
        )
        return self.target(params) | {
            "accent_color_id": 0, "max_reaction_count": 11, "accepted_gift_types": no_gifts,
        }

    def get_chat_member(self, params: JSON) -> JSON:
        chat = self.target(params)
        user_id = int(params.get("user_id", 0))
        user = self.bot_user if user_id == self.bot_user["id"] else _user(user_id)
        return _member(user, self._statuses.get((chat["id"], user_id), "member"))

    def get_chat_administrators(self, params: JSON) -> list[JSON]:
        chat = self.target(params)
        if chat["type"] == "private":
            raise ApiError(400, "Bad Request: there are no administrators in the private chat")
        admins = [
            _member(self.bot_user if user_id == self.bot_user["id"] else _user(user_id), status)
            for (chat_id, user_id), status in self._statuses.items()
            if chat_id == chat["id"] and status in ("creator", "administrator")
        ]
        return admins or [_member(_user(DEFAULT_USER_ID), "creator")]


def sender(chat_id: int, user_id: int | None, username: str | None = None) -> JSON:
    """Who sends a message to this chat: `user_id` if given, else whoever a test most likely means."""
    return _user(_sender_id(chat_id, user_id), username)


def _sender_id(chat_id: int, user_id: int | None) -> int:
    """In a private chat the chat id is the user's id; elsewhere someone has to be the sender."""
    if user_id is not None:
        return user_id
    return chat_id if chat_id > 0 else DEFAULT_USER_ID


def _user(user_id: int, username: str | None = None) -> JSON:
    name = username or f"user{user_id}"
    return {"id": user_id, "is_bot": False, "first_name": f"User {user_id}", "username": name}


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
