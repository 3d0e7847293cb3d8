"""What a command answers, independent of Telegram: HTML text and buttons that carry callback data."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Literal

FrontEnd = Literal["telegram", "console"]


@dataclass(frozen=True)
class Button:
    """A button and the data a tap sends back; made by `bot.core.buttons.button`, which encodes and checks it."""

    label: str
    data: str


@dataclass(frozen=True)
class Attachment:
    """A file sent with a reply (an export)."""

    filename: str
    data: bytes


@dataclass(frozen=True)
class Caller:
    """Who sent a command and from where; the command core needs no Telegram types to decide."""

    chat_id: int
    user_id: int | None = None
    is_admin: bool = False
    can_manage_chat: bool = True  # may change this chat's subscription (group admins, private chats)
    # what the command was typed into: an admin adds articles by upload in Telegram, by /add PATH in the console
    front_end: FrontEnd = "telegram"


CONSOLE = Caller(chat_id=0, user_id=0, is_admin=True, front_end="console")


@dataclass(frozen=True)
class Reply:
    """A reply in Telegram HTML (everything from articles and users already escaped) with button rows.

    `private` marks a refusal meant for whoever asked alone: answering a button in a group, it is
    shown to the one who tapped and the shared message stays as it is for everyone else.
    """

    html: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    document: Attachment | None = None
    private: bool = False

    def plain(self) -> str:
        """The same reply as plain text, for the console chat and `briefing ask`."""
        text = re.sub(r"<br\s*/?>", "\n", self.html)
        text = re.sub(r"<a href=\"([^\"]*)\">([^<]*)</a>", r"\2 (\1)", text)
        return html.unescape(re.sub(r"<[^>]+>", "", text))
