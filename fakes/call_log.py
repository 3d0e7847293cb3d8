"""The calls the fake Bot API received, as tests and benchmarks read them back.

Every request is recorded as a `Call`, refused or not; tests look for the ones they expect, waiting
for them if the bot has yet to make them. The same wake-up serves the server's long polls. Kept apart
from the server because it knows nothing of HTTP or of Telegram's rules: only what was asked and answered.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

JSON = dict[str, Any]
T = TypeVar("T")


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


class CallLog:
    """The recorded calls, and waiting until one comes (or anything else changes)."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.on_record: Callable[[Call], None] | None = None  # told of each call as it is recorded
        self._changed = asyncio.Event()

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

    def _record(self, call: Call) -> None:
        self.calls.append(call)
        if self.on_record is not None:
            self.on_record(call)
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
