"""Every command the bot knows, in one table: its name, what answers it, its menu entry and help line, who
may use it and where it works.

Telegram's command menu and handlers, `/help` in Telegram and the console, and the permission checks of
the command core are all read from `COMMANDS`; a command added here is added everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.core.access import Access, Who
from bot.core.replies import Caller, FrontEnd, Reply

if TYPE_CHECKING:
    from bot.core.commands import CommandCore

Answer = Callable[["CommandCore", str, Caller], Reply]
EVERYONE = Access()
CHAT_SETTING = Access(Who.CHAT_ADMINS, where=frozenset({"telegram"}), subscription=True)
BOT_ADMIN = Access(Who.BOT_ADMINS)


@dataclass(frozen=True)
class Command:
    name: str
    answer: Answer | None  # None: each front end answers it itself (/add fetches a page, or reads a file)
    help: str | None  # its line in /help (HTML); None for another name of a listed command
    menu: str | None = None  # its entry in Telegram's command menu; None keeps it out (admin commands)
    access: Access = EVERYONE
    console_help: str | None = None  # its line in the console's /help, where that differs


COMMANDS: tuple[Command, ...] = (
    Command("latest", lambda core, args, _c: core.reader.latest(args),
            "/latest [N] — the N newest meetings, e.g. <code>/latest 3</code>", "the newest meetings"),
    Command("who", lambda core, args, _c: core.reader.who(args),
            "/who NAME — a person's meetings, counterparts and topics, e.g. <code>/who Shoigu</code>, "
            "<code>/who шойгу</code>, <code>/who Russia's security chief</code>", "a person's meetings: /who Shoigu"),
    Command("topic", lambda core, args, _c: core.reader.topic(args),
            "/topic NAME — meetings where a topic came up, e.g. <code>/topic Taiwan</code>",
            "meetings on a topic: /topic Taiwan"),
    Command("search", lambda core, args, _c: core.reader.search(args),
            "/search TEXT — sentences of the articles, e.g. <code>/search missile defence</code>",
            "search the articles"),
    Command("subscribe", lambda core, args, caller: core.subscriptions.subscribe(args, caller),
            "/subscribe [HH:MM] [Area/City] — a daily digest, e.g. <code>/subscribe 08:30 Europe/Moscow</code>",
            "a daily digest: /subscribe 08:00 Europe/Moscow", CHAT_SETTING),
    Command("unsubscribe", lambda core, args, caller: core.subscriptions.unsubscribe(args, caller),
            "/unsubscribe — stop the digest", "stop the digest", CHAT_SETTING),
    Command("settings", lambda core, args, caller: core.subscriptions.settings(args, caller),
            "/settings — what is set for this chat", "what is set for this chat"),
    Command("follow", lambda core, args, caller: core.subscriptions.follow(args, caller),
            "/follow NAME — only meetings with a person or topic, e.g. <code>/follow Wang Yi</code>",
            "only meetings with a person or topic", CHAT_SETTING),
    Command("unfollow", lambda core, args, caller: core.subscriptions.unfollow(args, caller),
            "/unfollow NAME — stop following one", "stop following", CHAT_SETTING),
    Command("alerts", lambda core, args, caller: core.subscriptions.alerts(args, caller),
            "/alerts on|off — a message as soon as articles are added", "instant alerts on|off", CHAT_SETTING),
    # anyone may read the digest now; only who manages the chat moves its next digest on
    Command("digest", lambda core, args, caller: core.subscriptions.digest(args, caller),
            "/digest — the digest now", "the digest now", Access(subscription=True)),
    Command("export", lambda core, args, caller: core.export(args, caller),
            "/export json|csv|ics — every meeting as a file", "the meetings as json, csv or ics"),
    Command("help", lambda core, args, caller: core.start(args, caller), "/help — this list",
            "every command with an example"),
    Command("start", lambda core, args, caller: core.start(args, caller), None),
    Command("add", None, "/add URL — fetch a page and add it", access=BOT_ADMIN,
            console_help="/add PATH or URL — add a .txt, .md, .html or .pdf file, or fetch a page, e.g. "
                         "<code>/add talks.txt published: 2025-12-02</code>"),
    Command("articles", lambda core, args, caller: core.admin.articles(args, caller),
            "/articles — the articles", access=BOT_ADMIN),
    Command("delete", lambda core, args, caller: core.admin.delete(args, caller),
            "/delete ID — remove one with its meetings", access=BOT_ADMIN),
    Command("stats", lambda core, args, caller: core.admin.stats(args, caller),
            "/stats — counts and subscribers", access=BOT_ADMIN),
)
BY_NAME = {command.name: command for command in COMMANDS}
# how an admin adds an article in Telegram besides /add; the console has no uploads
UPLOAD_HELP = ("Send a .txt, .md, .html or .pdf file to add an article "
               "(caption: <code>published: 2025-12-02</code> and a URL)")
PLAIN_WORDS_HELP = ("In a private chat, words without a slash are looked up as a person, else a topic, else "
                    "searched for, e.g. <code>shoigu</code>")


def command_name(word: str) -> str:
    """The name a command word stands for: any letter case, and `who@BriefingBot` (groups) is `who`."""
    return word.split("@", 1)[0].lower()


def find(word: str) -> Command | None:
    """The command a word after the slash names, or None."""
    return BY_NAME.get(command_name(word))


def menu() -> list[tuple[str, str]]:
    """Telegram's command menu: what every reader may use, in the order of /help."""
    return [(command.name, command.menu) for command in COMMANDS if command.menu is not None]


def answered_by_core() -> list[str]:
    """The commands the command core answers (or refuses); the others each front end answers itself."""
    return [command.name for command in COMMANDS if command.answer is not None]


def help_text(front_end: FrontEnd, *, admin: bool) -> str:
    """/help: every reader's command with an example, and for admins theirs, as they work where it was asked."""
    lines = ["<b>Commands</b>"]
    lines += [c.help for c in COMMANDS if c.help is not None and c.access.who is not Who.BOT_ADMINS]
    lines.append(PLAIN_WORDS_HELP)
    if not admin:
        return "\n".join(lines)
    lines += ["", "<b>Admin</b>"] + ([UPLOAD_HELP] if front_end == "telegram" else [])
    lines += [(c.console_help if front_end == "console" and c.console_help else c.help) for c in COMMANDS
              if c.help is not None and c.access.who is Who.BOT_ADMINS and front_end in c.access.where]
    return "\n".join(lines)
