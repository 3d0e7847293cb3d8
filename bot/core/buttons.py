"""Button data: what a tap asks for, as typed values, and the short text Telegram carries for each.

The one place that knows the `L:/W:/T:/S:/F:/A:/D:` formats: commands build buttons from the values
below, and the command core turns a tap's data back into one (or None: stale, forged or mangled data).
The data holds everything the answer needs, rather than a key into a cache as python-telegram-bot's
arbitrary callback data does, so a button keeps working after the bot restarts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Literal

from bot.core.access import Access, Who
from bot.core.replies import Button

MAX_BYTES = 64  # Telegram's limit on a button's callback_data
STALE = "That button is no longer valid. Send the command again."  # the answer to data decode() cannot read
_FULL = ":f"  # ends a page's data when the page shows full titles and quotes


@dataclass(frozen=True)
class LatestPage:
    offset: int
    size: int | None = None  # None: the reader's default page
    full: bool = False
    access: ClassVar[Access] = Access()


@dataclass(frozen=True)
class PersonPage:
    person_id: int
    offset: int = 0
    full: bool = False
    access: ClassVar[Access] = Access()


@dataclass(frozen=True)
class TopicPage:
    topic_id: int
    offset: int = 0
    full: bool = False
    access: ClassVar[Access] = Access()


@dataclass(frozen=True)
class SearchPage:
    search_id: int  # a saved search (storage keeps the words; they may not fit in 64 bytes)
    offset: int
    access: ClassVar[Access] = Access()


@dataclass(frozen=True)
class Follow:
    on: bool  # follow, or unfollow
    kind: Literal["person", "topic"]
    target_id: int
    access: ClassVar[Access] = Access(Who.CHAT_ADMINS, where=frozenset({"telegram"}), subscription=True)


@dataclass(frozen=True)
class ArticlesPage:
    offset: int
    access: ClassVar[Access] = Access(Who.BOT_ADMINS)


@dataclass(frozen=True)
class DeleteArticle:
    article_id: int
    confirmed: bool  # the "Delete" button, or "Keep"
    access: ClassVar[Access] = Access(Who.BOT_ADMINS)


Action = LatestPage | PersonPage | TopicPage | SearchPage | Follow | ArticlesPage | DeleteArticle
Paging = LatestPage | PersonPage | TopicPage  # pages of meetings, with a short and a full view


def button(label: str, action: Action) -> Button:
    return Button(label, encode(action))


def encode(action: Action) -> str:
    """The data Telegram carries for `action`; a ValueError when it would not fit in Telegram's 64 bytes."""
    match action:
        case LatestPage(offset, size, full):
            data = f"L:{offset}" + (f":{size}" if size is not None else "") + (_FULL if full else "")
        case PersonPage(person_id, offset, full):
            data = f"W:{person_id}:{offset}" + (_FULL if full else "")
        case TopicPage(topic_id, offset, full):
            data = f"T:{topic_id}:{offset}" + (_FULL if full else "")
        case SearchPage(search_id, offset):
            data = f"S:{search_id}:{offset}"
        case Follow(on, kind, target_id):
            data = f"F:{int(on)}:{kind[0]}:{target_id}"
        case ArticlesPage(offset):
            data = f"A:{offset}"
        case DeleteArticle(article_id, confirmed):
            data = f"D:{article_id}:{'y' if confirmed else 'n'}"
    if len(data.encode("utf-8")) > MAX_BYTES:
        raise ValueError(f"button data over {MAX_BYTES} bytes: {data!r}")
    return data


_N = r"(-?[0-9]{1,19})"  # a number as this module writes one (a negative offset is clamped by the reader)
_FORMATS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], Action]], ...] = tuple(
    (re.compile(pattern), build) for pattern, build in (
        (rf"L:{_N}(?::{_N})?(:f)?", lambda m: LatestPage(int(m[1]), int(m[2]) if m[2] else None, bool(m[3]))),
        (rf"W:{_N}:{_N}(:f)?", lambda m: PersonPage(int(m[1]), int(m[2]), bool(m[3]))),
        (rf"T:{_N}:{_N}(:f)?", lambda m: TopicPage(int(m[1]), int(m[2]), bool(m[3]))),
        (rf"S:{_N}:{_N}", lambda m: SearchPage(int(m[1]), int(m[2]))),
        (rf"F:([01]):([pt]):{_N}", lambda m: Follow(m[1] == "1", "person" if m[2] == "p" else "topic", int(m[3]))),
        (rf"A:{_N}", lambda m: ArticlesPage(int(m[1]))),
        (rf"D:{_N}:([yn])", lambda m: DeleteArticle(int(m[1]), m[2] == "y")),
    ))


def decode(data: str) -> Action | None:
    """What a tap's data asks for; None when it is not data this bot wrote (stale, forged or mangled)."""
    for pattern, build in _FORMATS:
        if (found := pattern.fullmatch(data)) is not None:
            return build(found)
    return None


def access(data: str) -> Access:
    """Who may tap a button with this data, for a front end that must know before the tap is answered."""
    action = decode(data)
    return action.access if action is not None else Access()
