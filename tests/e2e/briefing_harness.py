"""Briefing Bot wired to the fake Bot API: settings, start-up and a handle for the tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import func, select
from telegram.ext import Application

from bot.core.commands import CommandCore
from bot.services.config import Settings
from bot.telegram.app import build_application
from fakes.bot_api import FakeBotApi
from fakes.harness import StartApp
from knowledge import default_knowledge
from storage.bootstrap import open_store
from storage.db import session_scope
from storage.models import ArticleRow

ADMIN = 7
ARTICLE = (
    "Lavrov and Wang Yi hold talks in Beijing\n\n"
    "Russian Foreign Minister Sergei Lavrov held talks with Chinese Foreign Minister Wang Yi in Beijing "
    "on March 12, 2025. The ministers discussed the situation around Taiwan and the Korean Peninsula.\n"
)


@dataclass
class Briefing:
    api: FakeBotApi
    app: Application
    engine: Engine
    settings: Settings

    async def say(self, chat_id: int, text: str, **kw: object) -> str:
        """Send a message as a user and return the text of the bot's first reply to that chat."""
        since = len(self.api.calls)
        self.api.inject_message(chat_id, text, **kw)
        return (await self.api.wait_for_sent(chat_id, since=since)).text or ""

    async def alerts_done(self) -> None:
        """Wait for the alert under way (started before this call) to finish with every chat."""
        async with self.app.bot_data.alert_lock:
            pass

    def articles(self) -> int:
        with session_scope(self.engine) as session:
            return session.exec(select(func.count()).select_from(ArticleRow)).one()


def alerts_to(briefing: Briefing, chat_id: int) -> int:
    return sum("New article" in (c.text or "") for c in briefing.api.sent_messages(chat_id))


def settings_for(api: FakeBotApi, db_url: str) -> Settings:
    return Settings(telegram_bot_token=api.token, admin_ids=frozenset({ADMIN}), database_url=db_url,
                    telegram_api_base_url=api.base_url, telegram_file_base_url=api.file_base_url,
                    default_timezone="UTC", digest_time="08:00", allow_private_urls=True, _env_file=None)


async def start_bot(api: FakeBotApi, start_app: StartApp, db_url: str,
                    now: Callable[[], dt.datetime] | None = None, **setting: object) -> Briefing:
    """The bot on `db_url`; `now` is its clock (the real one when None), which the digest round reads; `setting`
    overrides the test settings (`paid_broadcast=True`)."""
    settings = settings_for(api, db_url).model_copy(update=setting)
    engine = open_store(db_url)
    core = CommandCore(engine, default_knowledge(), now=now, digest_time=settings.digest_time,
                       timezone=settings.default_timezone)
    app = await start_app(build_application(settings, engine, core))
    return Briefing(api, app, engine, settings)
