"""`briefing run` against a Bot API that is not there yet, or that refuses the token: wait, or stop at once."""

from __future__ import annotations

import asyncio
import socket
import sys

from fakes.bot_api import FakeBotApi
from tests.e2e.test_crashes import briefing_env

UNREACHABLE = "Telegram is not reachable"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def start_bot(env: dict[str, str]) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", env=env,
                                                stdin=asyncio.subprocess.DEVNULL,
                                                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)


async def read_until(bot: asyncio.subprocess.Process, text: str, count: int, seen: list[str]) -> None:
    """Read the bot's output into `seen` until `text` has appeared `count` times."""
    async with asyncio.timeout(30):
        while sum(text in line for line in seen) < count:
            line = await bot.stdout.readline()
            assert line, "the bot stopped:\n" + "".join(seen)
            seen.append(line.decode())


async def stop(bot: asyncio.subprocess.Process, seen: list[str]) -> None:
    if bot.returncode is None:
        bot.terminate()
    async with asyncio.timeout(30):
        seen += (await bot.communicate())[0].decode().splitlines(keepends=True)


async def test_a_bot_started_before_its_network_waits_with_back_off_and_then_answers(seeded_db_url):
    port = free_port()  # nothing listens there yet: as if the network were down
    env = briefing_env(seeded_db_url, TELEGRAM_BOT_TOKEN=FakeBotApi().token,
                       TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{port}/bot",
                       TELEGRAM_FILE_BASE_URL=f"http://127.0.0.1:{port}/file/bot")
    bot = await start_bot(env)
    seen: list[str] = []
    try:
        await read_until(bot, UNREACHABLE, 2, seen)
        async with FakeBotApi(port=port) as api:  # the network comes up
            api.inject_message(42, "/latest 1")
            reply = await api.wait_for_sent(42, timeout=30)
            await stop(bot, seen)
        assert "Latest meetings" in (reply.text or "")
    finally:
        if bot.returncode is None:
            bot.kill()
            await bot.wait()
    waits = [line for line in seen if UNREACHABLE in line]
    assert "attempt 1:" in waits[0]
    assert "trying again in 1 s" in waits[0]
    assert "trying again in 2 s" in waits[1]  # back-off: each wait twice the last
    assert all(len(line) < 300 for line in waits)  # one line per attempt, no traceback
    assert not any("Traceback" in line for line in seen), "".join(seen)


async def test_a_token_telegram_refuses_stops_at_once_with_one_line(seeded_db_url):
    async with FakeBotApi() as api:
        env = briefing_env(seeded_db_url, TELEGRAM_BOT_TOKEN="999:WRONG", TELEGRAM_API_BASE_URL=api.base_url,
                           TELEGRAM_FILE_BASE_URL=api.file_base_url)
        bot = await start_bot(env)
        async with asyncio.timeout(30):
            output = (await bot.communicate())[0].decode()
    assert bot.returncode == 1
    assert output.strip().splitlines()[-1].startswith("Error: Telegram refused TELEGRAM_BOT_TOKEN")
    assert "Traceback" not in output
    assert UNREACHABLE not in output
    assert [call.method for call in api.calls] == []  # refused before any method was answered
