"""The command registry is the one list: Telegram's menu and handlers, /help in Telegram and the console, and
who may use what all come from it, so a command cannot be listed in one place and missing in another."""

from __future__ import annotations

import re

import pytest
from telegram.ext import Application, CommandHandler

from bot.console import Console
from bot.core import registry
from bot.core.access import ADMINS_ONLY, NOT_ALLOWED, TELEGRAM_ONLY, Who
from bot.core.replies import CONSOLE, Caller
from bot.services.config import Settings
from bot.telegram.app import register_handlers

READER = Caller(chat_id=5, user_id=8)
GROUP_MEMBER = Caller(chat_id=-100, user_id=9, can_manage_chat=False)
ADMIN = Caller(chat_id=5, user_id=7, is_admin=True)


@pytest.fixture
def core(seeded_core):
    return seeded_core


def test_every_command_answers_in_the_console_or_says_it_is_for_telegram(core, tmp_path):
    console = Console(core, Settings(_env_file=None), directory=tmp_path)
    for command in registry.COMMANDS:
        text = console.answer(f"/{command.name}").plain()
        assert "Unknown command" not in text, command.name
        assert (text == TELEGRAM_ONLY) == ("console" not in command.access.where), (command.name, text)


def test_telegram_handles_every_registered_command_and_no_other(core):
    application = Application.builder().token("1:registry-test").build()
    register_handlers(application)
    handled = {name for handlers in application.handlers.values() for h in handlers
               if isinstance(h, CommandHandler) for name in h.commands}
    assert handled == set(registry.BY_NAME)


def test_the_menu_holds_every_readers_command_and_no_admins(core):
    listed = dict(registry.menu())
    for command in registry.COMMANDS:
        if command.access.who is Who.BOT_ADMINS:
            assert command.name not in listed
        elif command.help is not None:
            assert command.name in listed, command.name


@pytest.mark.parametrize(("front_end", "admin"), [("telegram", False), ("telegram", True), ("console", True)])
def test_help_names_each_command_once_and_only_commands_there_are(core, front_end, admin):
    caller = CONSOLE if front_end == "console" else ADMIN if admin else READER
    text = core.handle("/help", caller).plain()
    named = re.findall(r"^/(\w+)", text, re.MULTILINE)
    expected = [c.name for c in registry.COMMANDS
                if c.help is not None and (admin or c.access.who is not Who.BOT_ADMINS)]
    assert named == expected


def test_admin_commands_and_buttons_are_refused_to_readers_in_one_voice(core):
    for command in registry.COMMANDS:
        if command.access.who is Who.BOT_ADMINS and command.answer is not None:
            reply = core.handle(f"/{command.name} 1", READER)
            assert (reply.plain(), reply.private) == (ADMINS_ONLY, True), command.name
            assert "Only admins" not in core.handle(f"/{command.name} 1", ADMIN).plain()
    for data in ("A:0", "D:1:y", "D:1:n"):
        assert core.press(data, READER).plain() == ADMINS_ONLY


def test_a_groups_settings_are_changed_by_its_admins_only(core):
    for command in registry.COMMANDS:
        reply = core.handle(f"/{command.name} shoigu", GROUP_MEMBER)
        refused = (reply.plain(), reply.private) == (NOT_ALLOWED, True)
        assert refused == (command.access.who is Who.CHAT_ADMINS), command.name
