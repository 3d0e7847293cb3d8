"""The console front end: the console chat and `briefing ask`, over the same command core as Telegram.

What Telegram does with a reply (buttons, a file sent along) the console does in a terminal: buttons
are numbered, a file is written to the working directory, and an admin adds an article by naming a
file or a URL instead of uploading one.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import click

from bot.core.admin import add_article, could_not_fetch
from bot.core.commands import CommandCore
from bot.core.render import esc
from bot.core.replies import CONSOLE, Attachment, Reply
from bot.services.config import Settings
from bot.services.fetch import FetchError, fetch_article
from bot.services.ingest import PUBLISHED, ArticleInput, Ingestor, parse_caption, suffix_problem

HISTORY_FILE = ".briefing_history"  # in the user's home, so Up recalls earlier sessions' commands too
HISTORY_LENGTH = 1000
_URL = re.compile(r"https?://", re.IGNORECASE)


class Console:
    """One terminal's conversation: the buttons of the last reply, and what the console adds to the core."""

    def __init__(self, core: CommandCore, settings: Settings, *, directory: Path | None = None,
                 echo: Callable[[str], None] = click.echo) -> None:
        self.core, self.settings, self.echo = core, settings, echo
        self.ingestor = Ingestor(core.engine, alert=True)  # the running bot pushes what /add finds
        self.directory = directory or Path.cwd()
        self.buttons: list[str] = []

    def answer(self, line: str) -> Reply:
        """The reply to one typed line: a button number, /add, or anything the command core answers."""
        line = line.strip()
        if line.isdigit():
            return self.press(int(line))
        name, _, args = line.partition(" ")
        if name.lower() == "/add":
            return self.add(args.strip())
        return self.core.handle(line, CONSOLE)

    def press(self, number: int) -> Reply:
        if 1 <= number <= len(self.buttons):
            return self.core.press(self.buttons[number - 1], CONSOLE)
        if not self.buttons:
            return Reply(f"There is no button {number}: the last reply has no buttons.")
        many = f"[1] to [{len(self.buttons)}]" if len(self.buttons) > 1 else "only [1]"
        return Reply(f"There is no button {number}: the last reply has {many}.")

    def add(self, args: str) -> Reply:
        """`/add PATH-or-URL [published: YYYY-MM-DD]`: a local file, or a page fetched as Telegram's /add does."""
        target, caption = _target_and_caption(args)
        published, _, problem = parse_caption(caption)
        if problem:
            return Reply(esc(problem))
        if not target:
            return Reply("Which file or page? e.g. <code>/add talks.txt published: 2025-12-02</code> or "
                         "<code>/add https://example.org/news/talks.html</code>")
        if _URL.match(target):
            try:
                page = asyncio.run(fetch_article(target, max_bytes=int(self.settings.max_upload_mb * 1048576),
                                                 allow_private=self.settings.allow_private_urls))
            except FetchError as error:
                return could_not_fetch(error)
            article = ArticleInput(page.data, published=published, url=page.url, content_type=page.content_type)
        else:
            path = Path(target).expanduser()
            if not path.is_file():
                return Reply(f"There is no file {esc(str(path))}.")
            if (refused := suffix_problem(path.name)) is not None:
                return Reply(esc(refused) + ".")
            try:
                article = ArticleInput(path.read_bytes(), published=published, filename=path.name)
            except OSError as error:
                return Reply(f"I could not read {esc(str(path))}: {esc(error.strerror or str(error))}.")
        reply, _ = add_article(self.ingestor, article, CONSOLE)
        return reply

    def show(self, reply: Reply) -> None:
        """Print a reply with its buttons numbered, and write the file it carries, if any."""
        self.echo(reply.plain())
        self.buttons = [b.data for row in reply.buttons for b in row]
        labels = [b.label for row in reply.buttons for b in row]
        if labels:
            self.echo("  ".join(f"[{i}] {label}" for i, label in enumerate(labels, 1)))
        if reply.document is not None:
            self.echo(self.save(reply.document))

    def save(self, document: Attachment) -> str:
        """Write a file beside the user's others, never over one: meetings.json, then meetings-2.json, …"""
        stem, suffix = Path(document.filename).stem, Path(document.filename).suffix
        for n in range(1, 1000):
            path = self.directory / (document.filename if n == 1 else f"{stem}-{n}{suffix}")
            try:
                with path.open("xb") as fh:
                    fh.write(document.data)
            except FileExistsError:
                continue
            except OSError as error:
                return f"Could not write {path}: {error.strerror or error}."
            return f"Written to {path}"
        return f"Could not write {document.filename}: {self.directory} already holds 999 files of that name."


def _target_and_caption(args: str) -> tuple[str, str]:
    """What /add names (a URL, or a path that may hold spaces) and what follows it (`published: …`)."""
    words = args.split()
    if words and _URL.match(words[0]):
        return words[0], " ".join(words[1:])
    if Path(args).expanduser().is_file():  # a file called "published 2025.txt" is a file, not a date
        return args, ""
    if found := list(PUBLISHED.finditer(args)):
        return args[:found[-1].start()].strip(), args[found[-1].start():]
    return args, ""


def run_chat(console: Console) -> None:
    """The read-answer loop, with line editing and a history kept between sessions where readline exists."""
    console.show(console.core.start("", CONSOLE))
    with _history() as remember:
        while True:
            try:
                line = input("\nyou> ").strip()
            except (EOFError, KeyboardInterrupt):
                click.echo()
                return
            if line:
                remember(line)
                console.show(console.answer(line))


@contextmanager
def _history() -> Iterator[Callable[[str], None]]:
    """Up and Down recall earlier lines (readline, when this Python has it); ~/.briefing_history keeps them.

    A history that cannot be read or written is no reason to stop the chat: it is simply not kept.
    """
    try:
        import readline
    except ImportError:  # e.g. Windows: plain input() still works
        yield lambda _line: None
        return
    try:
        path: Path | None = Path.home() / HISTORY_FILE
    except (RuntimeError, KeyError):  # no home directory
        path = None
    readline.clear_history()  # a second chat in one process starts from the file, not from the first chat
    readline.set_auto_history(False)  # added here instead, so that a repeated line is kept once
    readline.set_history_length(HISTORY_LENGTH)
    if path is not None:
        with suppress(OSError):
            readline.read_history_file(path)

    def remember(line: str) -> None:
        count = readline.get_current_history_length()
        if count == 0 or readline.get_history_item(count) != line:
            readline.add_history(line)

    try:
        yield remember
    finally:
        if path is not None:
            with suppress(OSError):
                readline.write_history_file(path)
