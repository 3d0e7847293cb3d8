"""The Telegram front end's shared state is one typed value, and its handlers leave the event loop free."""

from __future__ import annotations

import threading

from bot.telegram.app_state import BotData
from storage import inbox
from storage import subscriptions as subs


async def test_handlers_use_the_store_in_worker_threads_not_the_event_loop(briefing, monkeypatch):
    """A slow SQLite write must not hold up every other chat's updates: each goes to a worker thread."""
    on_loop: list[str] = []

    def watched(name, real):
        def call(*args, **kwargs):
            if threading.current_thread() is threading.main_thread():
                on_loop.append(name)
            return real(*args, **kwargs)
        return call

    for module, name in ((inbox, "take_in"), (inbox, "mark_done"), (subs, "get_subscriber")):
        monkeypatch.setattr(module, name, watched(name, getattr(module, name)))
    assert "Subscribed" in await briefing.say(31, "/subscribe 09:00")
    assert "Latest meetings" in await briefing.say(31, "/latest 1")
    assert on_loop == []


def test_the_state_is_typed_and_each_service_is_reached_directly(briefing):
    state = briefing.app.bot_data
    assert isinstance(state, BotData)
    assert state.digests is state.core.subscriptions
