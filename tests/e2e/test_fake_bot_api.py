"""The fake Bot API against a tiny real PTB Application, so later end-to-end tests can trust it."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, Forbidden
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from fakes.bot_api import FakeBotApi
from fakes.harness import StartApp, app_builder

KEYBOARD = InlineKeyboardMarkup([[InlineKeyboardButton("More", callback_data="more")]])


async def ping(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text("pong", reply_markup=KEYBOARD)


async def more(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer()
    await query.edit_message_text(f"you pressed {query.data}")


async def measure(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    assert message is not None
    assert message.document is not None
    content = await (await message.document.get_file()).download_as_bytearray()
    await message.reply_text(f"{message.document.file_name}: {len(content)} bytes")


def echo_app(api: FakeBotApi, **options: object) -> Application:
    """/ping, its button and document uploads; `options` go to the ApplicationBuilder."""
    builder = app_builder(api)
    for name, value in options.items():
        builder = getattr(builder, name)(value)
    app = builder.build()
    app.add_handler(CommandHandler("ping", ping))
    app.add_handler(CallbackQueryHandler(more))
    app.add_handler(MessageHandler(filters.Document.ALL, measure))
    return app


async def test_command_gets_a_reply_with_its_keyboard(bot_api: FakeBotApi, start_app: StartApp) -> None:
    await start_app(echo_app(bot_api))
    bot_api.inject_message(42, "/ping")

    call = await bot_api.wait_for_sent(42)

    assert call.text == "pong"
    assert "reply_parameters" not in call.params  # reply_text quotes only in groups
    assert call.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "more"
    assert [c.method for c in bot_api.calls[:2]] == ["getMe", "deleteWebhook"]


async def test_command_in_a_group_addressed_to_the_bot(bot_api: FakeBotApi, start_app: StartApp) -> None:
    await start_app(echo_app(bot_api))
    sent = bot_api.inject_message(-100, "/ping@BriefingTestBot", user_id=7)

    call = await bot_api.wait_for_sent(-100)

    assert call.text == "pong"
    assert call.params["reply_parameters"]["message_id"] == sent["message_id"]


async def test_button_press_edits_the_message(bot_api: FakeBotApi, start_app: StartApp) -> None:
    await start_app(echo_app(bot_api))
    bot_api.inject_message(42, "/ping")
    reply = await bot_api.wait_for_sent(42)

    bot_api.inject_callback(42, reply.result["message_id"], "more")
    edit = await bot_api.wait_for(lambda c: c.method == "editMessageText")

    assert edit.params == {"chat_id": 42, "message_id": reply.result["message_id"], "text": "you pressed more"}
    assert "reply_markup" not in edit.result  # an edit without a keyboard removes it
    await bot_api.wait_for(lambda c: c.method == "answerCallbackQuery")


async def test_uploaded_document_is_downloaded(bot_api: FakeBotApi, start_app: StartApp) -> None:
    await start_app(echo_app(bot_api))
    bot_api.inject_document(42, 42, "brief.txt", "Шойгу встретился с Ван И.".encode(), "text/plain")

    call = await bot_api.wait_for_sent(42)

    assert call.text == "brief.txt: 45 bytes"
    assert any(c.method == "getFile" and c.params == {"file_id": "file-1"} for c in bot_api.calls)


async def test_sent_document_is_recorded_with_its_bytes(bot_api: FakeBotApi, start_app: StartApp) -> None:
    app = await start_app(echo_app(bot_api))

    message = await app.bot.send_document(42, b"a,b\n1,2\n", filename="встречи.csv", caption="<b>CSV</b>",
                                          parse_mode="HTML")

    upload = bot_api.sent_messages(42)[0].params["document"]
    assert (upload.filename, upload.content, upload.mime_type) == ("встречи.csv", b"a,b\n1,2\n", "text/csv")
    assert message.caption == "CSV"
    assert message.document is not None
    assert message.document.file_size == 8


async def test_blocked_user_surfaces_as_forbidden(bot_api: FakeBotApi, start_app: StartApp) -> None:
    errors: list[object] = []
    handled = asyncio.Event()

    async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        errors.append(context.error)
        handled.set()

    app = echo_app(bot_api)
    app.add_error_handler(on_error)
    await start_app(app)
    bot_api.fail_next("sendMessage", 403, chat_id=42)
    bot_api.inject_message(42, "/ping")

    refused = await bot_api.wait_for(lambda c: c.method == "sendMessage")

    assert refused.error_code == 403
    assert bot_api.sent_messages(42) == []
    await asyncio.wait_for(handled.wait(), 5)
    assert isinstance(errors[0], Forbidden)
    assert str(errors[0]) == "Forbidden: bot was blocked by the user"


# PTB warns about its own int-to-timedelta change whenever it builds a RetryAfter; nothing to fix here
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_flood_control_is_retried_by_the_rate_limiter(bot_api: FakeBotApi, start_app: StartApp) -> None:
    await start_app(echo_app(bot_api, rate_limiter=AIORateLimiter(max_retries=2)))
    bot_api.fail_next("sendMessage", 429, retry_after=0.2)
    bot_api.inject_message(42, "/ping")

    delivered = await bot_api.wait_for_sent(42)

    attempts = [c for c in bot_api.calls if c.method == "sendMessage"]
    assert [c.error_code for c in attempts] == [429, None]
    assert delivered is attempts[1]


async def test_block_arrives_as_my_chat_member(bot_api: FakeBotApi, start_app: StartApp) -> None:
    seen: list[str] = []

    async def on_member(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.my_chat_member is not None
        seen.append(update.my_chat_member.new_chat_member.status)
        await context.bot.send_message(1, "noted")  # chat 1 stands for an admin's private chat

    app = echo_app(bot_api)
    app.add_handler(ChatMemberHandler(on_member, ChatMemberHandler.MY_CHAT_MEMBER))
    await start_app(app)
    bot_api.inject_my_chat_member(42, 42, "kicked")

    await bot_api.wait_for_sent(1)
    assert seen == ["kicked"]


async def test_telegram_refusals_are_faithful(bot_api: FakeBotApi, start_app: StartApp) -> None:
    app = await start_app(echo_app(bot_api))
    message = await app.bot.send_message(42, "same", reply_markup=KEYBOARD)

    # PTB drops the "Bad Request: " prefix and capitalises what is left
    with pytest.raises(BadRequest, match=r"^Message is not modified"):
        await message.edit_text("same", reply_markup=KEYBOARD)
    with pytest.raises(BadRequest, match=r"^Message is too long"):
        await app.bot.send_message(42, "x" * 4097)
    bot_api.fail_next("getChat", 400)
    with pytest.raises(BadRequest, match=r"^Chat not found"):
        await app.bot.get_chat(42)
    assert (await app.bot.get_chat(-100)).type == "supergroup"
    assert (await app.bot.get_chat_member(-100, 7)).status == "member"
    assert await app.bot.set_my_commands([("ping", "Check the bot is alive")])
    assert [c.command for c in await app.bot.get_my_commands()] == ["ping"]


async def test_unknown_method_and_wrong_token(bot_api: FakeBotApi) -> None:
    async with httpx.AsyncClient() as client:
        unknown = await client.post(f"{bot_api.base_url}{bot_api.token}/sendPigeon", json={"chat_id": 1})
        stranger = await client.get(f"{bot_api.base_url}654321:OTHER/getMe")

    assert unknown.status_code == 404
    assert unknown.json() == {"ok": False, "error_code": 404, "description": "Not Found: method not found"}
    assert stranger.status_code == 401
    assert bot_api.calls[0].params == {"chat_id": 1}
