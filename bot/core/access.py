"""Who may use a command or a button, and where: the one home of every permission check and its refusal.

The command registry (`bot.core.registry`) and the button data (`bot.core.buttons`) each say who may use them; the
command core checks it before anything runs, so Telegram, the console and `briefing ask` refuse alike.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import Enum

from bot.core.replies import Caller, FrontEnd, Reply

log = logging.getLogger(__name__)

ADMINS_ONLY = "Only admins can do that."
NOT_ALLOWED = "Only an admin of this chat can change its subscription."
TELEGRAM_ONLY = ("Subscriptions belong to Telegram chats: run the bot with TELEGRAM_BOT_TOKEN and send this "
                 "command there. Here, /digest shows the meetings added in the last week.")
EVERYWHERE: frozenset[FrontEnd] = frozenset({"telegram", "console"})


class Who(Enum):
    EVERYONE = "everyone"
    CHAT_ADMINS = "chat admins"  # in a group; a private chat or a channel is its own reader's to change
    BOT_ADMINS = "bot admins"  # the user ids in ADMIN_IDS, and the console


@dataclass(frozen=True)
class Access:
    """Who may use something, where it works, and whether it touches the chat's subscription.

    `subscription`: the answer reads or changes the chat's subscription, so Telegram first asks whether the
    caller manages the chat (a call to Telegram, made only then). The digest schedule is the subscriber row
    itself (storage.digests_due): nothing is re-synced after.
    """

    who: Who = Who.EVERYONE
    where: frozenset[FrontEnd] = EVERYWHERE
    subscription: bool = False


def refusal(access: Access, caller: Caller, action: str) -> Reply | None:
    """Why `caller` may not do `action`, or None when they may; refusals of admin actions are logged."""
    if caller.front_end not in access.where:
        return Reply(TELEGRAM_ONLY)
    if access.who is Who.BOT_ADMINS and not caller.is_admin:
        log.warning("refused %s from user %s in chat %s", action, caller.user_id, caller.chat_id)
        return Reply(ADMINS_ONLY, private=True)
    if access.who is Who.CHAT_ADMINS and not caller.can_manage_chat:
        return Reply(NOT_ALLOWED, private=True)
    return None
