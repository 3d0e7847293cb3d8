"""The console chat (`briefing chat`) and `briefing ask`: what works in a terminal, as a terminal user meets it."""

from __future__ import annotations

import json
import os
import re
import select
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.services.config import get_settings

ARTICLE = ("Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Beijing on March 12, 2025. "
           "They discussed Taiwan.")


@pytest.fixture
def chat(monkeypatch, tmp_path, seeded_db_url):
    """`briefing chat` on a copy of the seeded store, in an empty working directory and home."""
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir()
    home.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("DATABASE_URL", seeded_db_url)
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    get_settings.cache_clear()
    yield lambda *lines: CliRunner().invoke(cli, ["chat"], input="".join(f"{line}\n" for line in lines),
                                            catch_exceptions=False)
    get_settings.cache_clear()


def test_every_command_the_console_help_lists_works_there(chat):
    help_text = chat("/help").output
    assert "/add PATH or URL" in help_text
    assert "Send a .txt" not in help_text  # an upload is Telegram's way to add an article
    listed = sorted(set(re.findall(r"^/(\w+)|[;,] /(\w+)", help_text, re.MULTILINE)) - {("", "")})
    names = {a or b for a, b in listed}
    assert {"latest", "who", "add", "articles", "export"} <= names
    output = chat(*(f"/{name}" for name in sorted(names))).output
    assert "Unknown command" not in output


def test_add_in_the_console_stores_a_local_file_with_the_reasons_telegram_gives(chat):
    Path("talks.txt").write_text(ARTICLE, encoding="utf-8")
    Path("notes.docx").write_bytes(b"PK\x03\x04")
    Path("published in march.txt").write_text(ARTICLE.replace("Taiwan", "trade"), encoding="utf-8")
    output = chat("/add talks.txt published: 2025-03-13", "/add talks.txt", "/add notes.docx",
                  "/add nowhere.txt", "/add published in march.txt", "/articles").output
    assert "Added article #6" in output
    assert "Published 2025-03-13 (as given)" in output
    assert "Already stored as article #6" in output
    assert "I can read .txt, .md, .html and .pdf files, not .docx." in output
    assert "There is no file nowhere.txt." in output
    assert "Added article #7" in output  # a path that holds spaces and the word "published"
    assert output.split("you>")[-2].count("#6 ·") == 1  # the last prompt met the end of input


@pytest.fixture
def web_page() -> Iterator[str]:
    """An article page on 127.0.0.1."""
    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = f"<html><head><title>Talks</title></head><body><article><p>{ARTICLE}</p></article></body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body.encode())))
            self.end_headers()
            self.wfile.write(body.encode())

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/news/talks.html"
    server.shutdown()


def test_add_in_the_console_fetches_a_url_as_telegrams_add_does(chat, web_page, monkeypatch):
    assert "private, loopback or link-local" in chat(f"/add {web_page}").output
    monkeypatch.setenv("ALLOW_PRIVATE_URLS", "true")
    get_settings.cache_clear()
    output = chat(f"/add {web_page} published: 2025-03-13").output
    assert "Added article #6" in output
    assert "Sergei Lavrov" in output


def test_export_in_the_console_writes_a_file_here_and_never_over_another(chat):
    Path("meetings.json").write_text("my own notes", encoding="utf-8")
    output = chat("/export json", "/export csv", "/export json").output
    assert Path("meetings.json").read_text(encoding="utf-8") == "my own notes"
    written = Path("meetings-2.json").resolve()
    assert f"Written to {written}" in output
    assert f"Written to {Path('meetings.csv').resolve()}" in output
    count = int(re.search(r"(\d+) meetings as JSON", output)[1])
    assert len(json.loads(written.read_text(encoding="utf-8"))["meetings"]) == count
    assert Path("meetings-3.json").exists()


def test_plain_words_are_looked_up_and_the_reply_names_the_command(chat):
    output = chat("shoigu", "taiwan", "zqxjv").output
    assert "Answered as /who shoigu" in output
    assert "Sergei Shoigu (Russia)" in output
    assert "Answered as /topic taiwan" in output
    assert "No person, topic or article sentence matches “zqxjv”" in output
    assert "Commands start with a slash" not in output


def test_a_button_number_that_does_not_exist_says_how_many_there_are(chat):
    output = chat("/latest 1", "5", "/help", "1").output
    assert "There is no button 5: the last reply has [1] to [2]." in output  # Older, Full details
    assert "There is no button 1: the last reply has no buttons." in output
    assert chat("/who wang", "9").output.count("There is no button 9: the last reply has [1] to [") == 1


def test_the_history_is_kept_in_the_home_directory(chat, tmp_path):
    chat("/latest 1", "/latest 1", "shoigu")
    history = (tmp_path / "home" / ".briefing_history").read_text(encoding="utf-8").splitlines()
    assert [line for line in history if not line.startswith("_HiStOrY")] == ["/latest 1", "shoigu"]


def test_a_home_that_cannot_hold_the_history_does_not_stop_the_chat(chat, monkeypatch, tmp_path):
    (tmp_path / "a-file").write_text("")
    monkeypatch.setenv("HOME", str(tmp_path / "a-file" / "home"))
    result = chat("/latest 1")
    assert result.exit_code == 0
    assert "Latest meetings" in result.output


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX")
def test_up_recalls_the_previous_line_in_a_terminal(tmp_path, seeded_db_url):
    """On a real terminal, Up then Enter repeats the last command instead of sending `^[[A`."""
    import pty

    leader, follower = pty.openpty()
    env = {**os.environ, "DATABASE_URL": seeded_db_url, "HOME": str(tmp_path), "TERM": "xterm"}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "chat"], stdin=follower, stdout=follower,
                            stderr=follower, env=env, cwd=tmp_path, close_fds=True)
    os.close(follower)
    seen = b""

    def until(text: bytes, count: int) -> None:
        nonlocal seen
        deadline = time.monotonic() + 30
        while seen.count(text) < count and time.monotonic() < deadline:
            if select.select([leader], [], [], 0.5)[0]:
                try:
                    seen += os.read(leader, 65536)
                except OSError:
                    break

    try:
        until(b"you> ", 1)
        os.write(leader, b"/latest 1\r")
        until(b"you> ", 2)
        os.write(leader, b"\x1b[A\r")
        until(b"you> ", 3)
    finally:
        os.write(leader, b"\x04")
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        os.close(leader)
    answers = seen.decode("utf-8", "replace")
    assert answers.count("Latest meetings (1–1 of") == 2
    assert "Commands start with a slash" not in answers
    assert "No person, topic" not in answers
