"""Bad uploads, bad commands and forged buttons: a clear reply each time, and the store unchanged."""

from __future__ import annotations

import io
import random
import zipfile

import pytest
from pypdf import PdfWriter

from tests.e2e.briefing_harness import ADMIN, ARTICLE, Briefing


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", ARTICLE * 20)
    return buffer.getvalue()


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(random.Random(1).randrange(256) for _ in range(4000))

BAD_UPLOADS = [
    ("empty.txt", b"", "the file is empty"),
    ("blank.txt", b"  \n\t \r\n ", "the file is empty"),
    ("photo.txt", PNG, "binary"),
    ("archive.txt", zip_bytes(), "binary"),
    ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", "the PDF is damaged"),
    ("locked.pdf", encrypted_pdf(), "the PDF is encrypted"),
    ("menu.html", b"<html><head><script>var a=1;</script></head><body><nav>Home | World</nav></body></html>",
     "no article text"),
    ("picture.jpg", b"\xff\xd8\xff\xe0" + PNG, "not .jpg"),
    ("garbled.txt", bytes(random.Random(0).randrange(128, 256) for _ in range(3000)), "an encoding I cannot read"),
]


@pytest.mark.parametrize(("name", "content", "reason"), BAD_UPLOADS, ids=[u[0] for u in BAD_UPLOADS])
async def test_a_bad_upload_gets_its_reason_and_stores_nothing(briefing: Briefing, name, content, reason):
    since = len(briefing.api.calls)
    briefing.api.inject_document(ADMIN, ADMIN, name, content, "application/octet-stream")
    reply = await briefing.api.wait_for_sent(ADMIN, since=since)
    assert reason in reply.text
    assert briefing.articles() == 5
    assert "Sergei Shoigu" in await briefing.say(ADMIN, "/who shoigu")  # and the bot keeps serving


async def test_an_article_without_meetings_is_stored_searchable_and_the_admin_is_told(briefing: Briefing):
    text = "Moscow weather\n\nA cold front brought the first snow of the season to the capital on Tuesday.\n"
    since = len(briefing.api.calls)
    briefing.api.inject_document(ADMIN, ADMIN, "weather.txt", text.encode(), "text/plain")
    reply = await briefing.api.wait_for_sent(ADMIN, since=since)
    assert "Added article #6" in reply.text
    assert "no meeting found" in reply.text
    assert briefing.articles() == 6
    assert "<b>snow</b>" in await briefing.say(ADMIN, "/search snow")


async def test_a_caption_with_a_bad_date_is_refused_before_download(briefing: Briefing):
    since = len(briefing.api.calls)
    briefing.api.inject_document(ADMIN, ADMIN, "a.txt", ARTICLE.encode(), "text/plain", caption="published: 13/03/2025")
    assert "is not a date" in (await briefing.api.wait_for_sent(ADMIN, since=since)).text
    assert briefing.articles() == 5


@pytest.mark.parametrize(("command", "reason"), [
    ("/delete 999", "There is no article #999"),
    ("/delete abc", "Which article?"),
    ("/latest abc", "is not a number"),
    ("/latest 100000", "<b>Latest meetings</b> (1–"),  # the seeds' dozen meetings: none held back
    ("/who " + "x" * 5000, "too long"),
    ("/who 🙂🙂🙂", "No person matches"),
    ("/who ?!.,", "No person matches"),
    ("/search (((unbalanced", "No article sentence contains"),
    ("/search <b>bold</b> & co", "No article sentence contains “&lt;b&gt;bold&lt;/b&gt; &amp; co”"),
    ("/alerts maybe", "/alerts on"),
    ("/export pdf", "/export json"),
    ("/nonsense", "Unknown command /nonsense"),
])
async def test_a_bad_command_gets_a_clear_reply(briefing: Briefing, command, reason):
    since = len(briefing.api.calls)
    briefing.api.inject_message(ADMIN, command)
    assert reason in (await briefing.api.wait_for_sent(ADMIN, since=since)).params["text"]


async def tap(briefing: Briefing, chat_id: int, data: str, user_id: int | None = None) -> str:
    since = len(briefing.api.calls)
    sent = await briefing.api.wait_for_sent(chat_id) if briefing.api.sent_messages(chat_id) else None
    message_id = sent.result["message_id"] if sent else 1
    briefing.api.inject_callback(chat_id, message_id, data, user_id=user_id)
    edited = await briefing.api.wait_for(lambda c: (c.method in {"editMessageText", "sendMessage"}
                                         and c.chat_id == chat_id)  # or a refusal shown to the tapper alone
                                         or (c.method == "answerCallbackQuery" and "text" in c.params), since=since)
    return edited.params["text"]


@pytest.mark.parametrize("data", ["W:99999:0", "T:99999:0", "L:x", "F:1:p:99999", "D:99999:y", "zz", "A:-1"])
async def test_forged_or_stale_buttons_get_a_clear_answer(briefing: Briefing, data):
    await briefing.say(ADMIN, "/start")
    text = await tap(briefing, ADMIN, data, user_id=ADMIN)
    assert any(s in text for s in ("no longer", "already gone", "Articles", "Latest")), text


async def test_only_an_admin_can_confirm_a_deletion_even_with_the_button(briefing: Briefing):
    await briefing.say(ADMIN, "/delete 1")
    stranger = 4242
    await briefing.say(stranger, "/start")
    assert "Only admins" in await tap(briefing, stranger, "D:1:y", user_id=stranger)
    assert briefing.articles() == 5
    assert "Deleted article #1" in await tap(briefing, ADMIN, "D:1:y", user_id=ADMIN)
    assert briefing.articles() == 4
    assert "already gone" in await tap(briefing, ADMIN, "D:1:y", user_id=ADMIN)
