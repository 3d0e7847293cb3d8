"""Briefing Bot end to end: the real python-telegram-bot stack against the fake Bot API on 127.0.0.1."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bot.core import registry
from storage import subscriptions as subs
from storage.db import session_scope
from tests.e2e.briefing_harness import ADMIN, ARTICLE, alerts_to

README = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")


def readme_refusal() -> str:
    """The answer the README promises a reader who tries an admin action."""
    row = next(line for line in README.splitlines() if "from a non-admin" in line)
    return re.search(r'"([^"]+)"', row)[1]


async def test_start_registers_the_menu_and_answers_with_what_it_knows(briefing):
    commands = await briefing.api.wait_for(lambda c: c.method == "setMyCommands")
    sent = [(c["command"], c["description"]) for c in commands.params["commands"]]
    assert sent == registry.menu()
    assert {"latest", "who", "topic", "subscribe"} <= {name for name, _ in sent}
    assert not {"add", "articles", "delete", "stats"} & {name for name, _ in sent}  # admins' stay out of it
    text = await briefing.say(1, "/start")
    assert "Briefing Bot" in text
    assert "meetings of" in text


@pytest.mark.parametrize(("command", "expected"), [
    ("/who shoygu", "<b>Sergei Shoigu</b> (Russia)"),
    ("/who Шойгу", "<b>Sergei Shoigu</b> (Russia)"),
    ("/topic taiwn", "<b>Taiwan</b>: meetings where it came up"),
    ("/latest 1", "<b>Latest meetings</b>"),
    ("/search Northern Streams", "<b>Northern</b> <b>Streams</b>"),
    ("/search \"NEAR( AND *", "<b>near</b> the Chinese border"),  # FTS syntax read as words
    ("/search zzyzx", "No article sentence contains"),
    ("/who", "Whose meetings?"),
    ("/subscribe 25:99", "is not a time of day"),
    ("/subscribe 08:00 Mars/Olympus", "neither a time (HH:MM) nor a time zone"),
    ("/delete 1", "Only admins can do that."),
])
async def test_each_command_answers_in_html(briefing, command, expected):
    since = len(briefing.api.calls)
    briefing.api.inject_message(11, command)
    call = await briefing.api.wait_for_sent(11, since=since)
    assert expected in call.params["text"]
    assert call.params["parse_mode"] == "HTML"


async def test_a_button_tap_edits_the_message_in_place(briefing):
    since = len(briefing.api.calls)
    briefing.api.inject_message(12, "/latest 2")
    sent = await briefing.api.wait_for_sent(12, since=since)
    [older], [_details] = sent.params["reply_markup"]["inline_keyboard"]
    assert older["text"].startswith("Older")
    briefing.api.inject_callback(12, sent.result["message_id"], older["callback_data"])
    answered = await briefing.api.wait_for(lambda c: c.method == "answerCallbackQuery", since=since)
    edited = await briefing.api.wait_for(lambda c: c.method == "editMessageText", since=since)
    assert answered.ok
    assert edited.params["message_id"] == sent.result["message_id"]
    assert "(3–4 of" in edited.params["text"]


async def test_an_admin_upload_adds_the_article_and_alerts_subscribers_only(briefing):
    for chat in (101, 102, 103):
        assert "Subscribed" in await briefing.say(chat, "/subscribe")
    assert "Unsubscribed" in await briefing.say(103, "/unsubscribe")
    since = len(briefing.api.calls)
    briefing.api.inject_document(ADMIN, ADMIN, "lavrov.txt", ARTICLE.encode(), "text/plain",
                                 caption="published: 2025-03-13 https://example.org/lavrov")
    report = await briefing.api.wait_for_sent(ADMIN, since=since)
    assert "Added article #6" in report.text
    assert "Sergei Lavrov" in report.text
    for chat in (101, 102):
        alert = await briefing.api.wait_for_sent(chat, since=since)
        assert "New article" in alert.params["text"]
        assert "Sergei Lavrov" in alert.params["text"]
    assert alerts_to(briefing, 103) == 0

    again = len(briefing.api.calls)
    briefing.api.inject_document(ADMIN, ADMIN, "copy.txt", ("  " + ARTICLE + "\n\n").encode("utf-16"), "text/plain")
    duplicate = await briefing.api.wait_for_sent(ADMIN, since=again)
    assert "Already stored as article #6" in duplicate.text
    assert briefing.articles() == 6
    assert alerts_to(briefing, 101) == 1  # the duplicate sent no alert


async def test_an_upload_from_a_non_admin_is_refused_and_stores_nothing(briefing):
    since = len(briefing.api.calls)
    briefing.api.inject_document(55, 55, "lavrov.txt", ARTICLE.encode(), "text/plain")
    reply = await briefing.api.wait_for_sent(55, since=since)
    assert reply.text == readme_refusal()
    assert briefing.articles() == 5
    assert not [c for c in briefing.api.calls[since:] if c.method == "getFile"]


async def test_an_oversized_upload_is_refused_before_download(briefing):
    since = len(briefing.api.calls)
    briefing.api.inject_document(ADMIN, ADMIN, "big.txt", b"x" * (11 * 1024 * 1024), "text/plain")
    reply = await briefing.api.wait_for_sent(ADMIN, since=since)
    assert "the limit is 10 MB" in reply.text
    assert not [c for c in briefing.api.calls[since:] if c.method == "getFile"]


async def test_a_subscriber_who_blocked_the_bot_is_marked_inactive_and_others_still_get_the_alert(briefing):
    for chat in (401, 402):
        await briefing.say(chat, "/subscribe")
    briefing.api.fail_next("sendMessage", 403, chat_id=401)
    since = len(briefing.api.calls)
    briefing.api.inject_document(ADMIN, ADMIN, "lavrov.txt", ARTICLE.encode(), "text/plain")
    alert = await briefing.api.wait_for_sent(402, since=since)
    assert "New article" in alert.text
    await briefing.alerts_done()
    with session_scope(briefing.engine) as session:
        assert not subs.get_subscriber(session, chat_id=401).active
        assert subs.get_subscriber(session, chat_id=402).active


async def test_removing_the_bot_from_a_chat_stops_its_subscription(briefing):
    await briefing.say(501, "/subscribe")
    briefing.api.inject_my_chat_member(501, 501, "kicked")
    await briefing.api.wait_for(lambda c: c.method == "getUpdates" and c.params.get("offset"), since=0)
    for _ in range(50):
        with session_scope(briefing.engine) as session:
            if not subs.get_subscriber(session, chat_id=501).active:
                break
        await briefing.api.wait_for(lambda c: c.method == "getUpdates", since=len(briefing.api.calls))
    else:
        pytest.fail("the subscription stayed active")


async def test_in_a_group_only_chat_admins_change_the_subscription(briefing):
    briefing.api.set_member_status(-900, 61, "member")
    briefing.api.set_member_status(-900, 62, "administrator")
    assert "Only an admin of this chat" in await briefing.say(-900, "/subscribe", user_id=61)
    assert "Subscribed" in await briefing.say(-900, "/subscribe 09:00", user_id=62)


async def test_follow_narrows_alerts_to_what_the_reader_follows(briefing):
    await briefing.say(601, "/subscribe")
    await briefing.say(602, "/subscribe")
    assert "Following Nikolai Patrushev" in await briefing.say(601, "/follow patrushev")
    since = len(briefing.api.calls)
    briefing.api.inject_document(ADMIN, ADMIN, "lavrov.txt", ARTICLE.encode(), "text/plain")
    await briefing.api.wait_for_sent(602, since=since)
    await briefing.api.wait_for(lambda c: c.method == "sendMessage" and c.chat_id == ADMIN, since=since)
    assert alerts_to(briefing, 601) == 0


async def test_export_sends_a_file(briefing):
    since = len(briefing.api.calls)
    briefing.api.inject_message(701, "/export ics")
    document = await briefing.api.wait_for(lambda c: c.method == "sendDocument", since=since)
    assert document.params["document"].filename == "meetings.ics"
    assert document.params["document"].content.startswith(b"BEGIN:VCALENDAR")


class _NewsSite(BaseHTTPRequestHandler):
    """A news site on 127.0.0.1: an article page wrapped in navigation, and a 404."""

    def do_GET(self) -> None:
        if self.path != "/talks.html":
            self.send_error(404)
            return
        body = ("<html><head><title>Lavrov and Wang Yi hold talks</title></head><body>"
                "<nav>Home | World | Sign up now</nav><article>"
                + "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n") if p.strip())
                + "</article><footer>Advertisement</footer></body></html>").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def news_site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NewsSite)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


async def test_add_url_fetches_the_page_and_adds_it_like_an_upload(briefing, news_site):
    await briefing.say(801, "/subscribe")
    since = len(briefing.api.calls)
    briefing.api.inject_message(ADMIN, f"/add {news_site}/talks.html")
    report = await briefing.api.wait_for_sent(ADMIN, since=since)
    assert "Added article #6" in report.text
    assert "Sergei Lavrov" in report.text
    assert "New article" in (await briefing.api.wait_for_sent(801, since=since)).text


@pytest.mark.parametrize(("args", "reason"), [
    ("/talks-missing.html", "answered 404"),
    ("", "Which page?"),
])
async def test_add_url_explains_what_went_wrong(briefing, news_site, args, reason):
    url = f"{news_site}{args}" if args else ""
    assert reason in await briefing.say(ADMIN, f"/add {url}".strip())
    assert briefing.articles() == 5


async def test_add_url_from_a_reader_is_refused(briefing, news_site):
    assert await briefing.say(66, f"/add {news_site}/talks.html") == readme_refusal()
    assert briefing.articles() == 5


async def test_a_channel_where_the_bot_is_admin_can_subscribe(briefing):
    since = len(briefing.api.calls)
    briefing.api.inject_channel_post(-100500, "/subscribe 07:00 Europe/Moscow")
    reply = await briefing.api.wait_for_sent(-100500, since=since)
    assert "Subscribed" in reply.text
    with session_scope(briefing.engine) as session:
        channel = subs.get_subscriber(session, chat_id=-100500)
        assert (channel.active, channel.digest_time, channel.timezone) == (True, "07:00", "Europe/Moscow")


async def test_words_without_a_slash_in_a_private_chat_are_looked_up(briefing):
    text = await briefing.say(13, "shoigu")
    assert "Answered as /who shoigu" in text
    assert "<b>Sergei Shoigu</b> (Russia)" in text
