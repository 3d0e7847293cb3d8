"""The Telegram front end: python-telegram-bot wiring around the command core, kept thin.

Handlers turn an update into a `Caller` and a command line, let the command core answer (in a
worker thread: it touches SQLite), and send the reply. All handlers are registered in
`register_handlers`; `post_init` starts the two periodic jobs, alerts and digests, which read the store.
Starting and running the application is `startup.py`; writing every update down first is `replay.py`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

from sqlalchemy import Engine
from telegram import BotCommand, CallbackQuery, Update
from telegram.constants import ChatMemberStatus, ChatType, ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.core import buttons, registry
from bot.core.admin import add_article, could_not_fetch, page_to_add, upload_to_add
from bot.core.commands import CommandCore
from bot.core.render import clip, split_message
from bot.core.replies import Caller, Reply
from bot.services.config import Settings
from bot.services.fetch import FetchError, fetch_article
from bot.services.ingest import ArticleInput, Ingestor
from bot.telegram import digests, sends
from bot.telegram.app_state import CONTEXT_TYPES, BotData, Context, in_store
from bot.telegram.broadcast import Broadcast
from bot.telegram.delivery import chat_is_gone, markup, send_alerts, send_reply
from bot.telegram.replay import mark_done, replay_inbox, take_in
from storage import inbox
from storage import subscriptions as subs

log = logging.getLogger(__name__)

ALERTS_EVERY = 60  # seconds between looks for queued alerts
KEEP_HANDLED = dt.timedelta(days=2)  # how long a handled update is remembered, to ignore Telegram resending it
ANONYMOUS_ADMIN = 1087968824  # Telegram's GroupAnonymousBot: a group admin posting as the group
CALLBACK_ANSWER_LIMIT = 200  # characters Telegram shows in a button's answer
EXPIRED_QUERY = ("query is too old", "query id is invalid")  # Telegram's words for a tap it forgot


def build_application(settings: Settings, engine: Engine, core: CommandCore) -> Application:
    """The Application, pointed at Telegram's cloud or at TELEGRAM_API_BASE_URL."""
    builder = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get_secret_value())
        .rate_limiter(Broadcast(settings.paid_broadcast).rate_limiter())
        # time-outs chosen, not inherited: see bot.telegram.sends (a 5 s read time-out resent answered messages)
        .request(sends.http_request(sends.SEND_TIMEOUTS, pool_size=256, tracked=True))
        .get_updates_request(sends.http_request(sends.POLL_TIMEOUTS, pool_size=1, tracked=False))
        .post_init(_post_init)
        .context_types(CONTEXT_TYPES)
        # a slow upload or a long alert round must not keep fifty readers waiting; SQLite's WAL and busy
        # timeout let their reads and the upload's write overlap
        .concurrent_updates(16)
    )
    if settings.telegram_api_base_url:
        builder = builder.base_url(settings.telegram_api_base_url)
    if settings.telegram_file_base_url:
        builder = builder.base_file_url(settings.telegram_file_base_url)
    application = builder.build()
    state: BotData = application.bot_data
    state.engine, state.core, state.digests, state.settings = engine, core, core.subscriptions, settings
    state.ingestor = Ingestor(engine, alert=True)
    state.broadcast = Broadcast(settings.paid_broadcast)
    register_handlers(application)
    return application


def register_handlers(application: Application) -> None:
    # every update is written down before the handlers below see it and marked done after them, errors
    # included: a crash in between replays it at the next start (see _post_init)
    application.add_handler(TypeHandler(Update, take_in), group=-1)
    application.add_handler(TypeHandler(Update, mark_done), group=1)
    in_chats = filters.UpdateType.MESSAGE | filters.UpdateType.CHANNEL_POST
    application.add_handler(CommandHandler("add", on_add, filters=in_chats))
    application.add_handler(CommandHandler(registry.answered_by_core(), on_command, filters=in_chats))
    # any other command in a private chat: "unknown command" (in groups it may be another bot's)
    application.add_handler(MessageHandler(filters.ChatType.PRIVATE & filters.COMMAND, on_command))
    application.add_handler(CallbackQueryHandler(on_button))
    application.add_handler(MessageHandler(filters.Document.ALL, on_document))
    application.add_handler(ChatMemberHandler(on_my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER))
    application.add_handler(MessageHandler(filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND, on_text))
    application.add_error_handler(on_error)


async def _post_init(application: Application) -> None:
    await application.bot.set_my_commands([BotCommand(name, text) for name, text in registry.menu()])
    await replay_inbox(application)
    # alerts queued by `briefing ingest`, or cut short by a crash, go out within a minute
    application.job_queue.run_repeating(_alerts_job, interval=ALERTS_EVERY, first=1, name="alerts")
    # digests whose time came while the bot was down go out at once; the others within a minute of their time
    application.job_queue.run_repeating(digests.digest_job, interval=digests.DIGEST_EVERY, first=1, name="digests")


async def _alerts_job(context: Context) -> None:
    await send_alerts(context.application)
    before = dt.datetime.now(dt.UTC) - KEEP_HANDLED
    await in_store(context.bot_data, lambda session: inbox.prune(session, before=before))


# handlers ------------------------------------------------------------------------------------


async def on_command(update: Update, context: Context) -> None:
    message = update.effective_message
    name = registry.command_name(message.text.split(maxsplit=1)[0][1:])
    command = registry.find(name)
    subscription = command is not None and command.access.subscription
    caller = await _caller(update, context, managing=subscription)
    reply = await asyncio.to_thread(context.bot_data.core.handle, message.text, caller)
    log.info("chat %s: /%s", caller.chat_id, name)
    await send_reply(context.bot, caller.chat_id, reply)


async def on_button(update: Update, context: Context) -> None:
    query = update.callback_query
    data = query.data or ""
    subscription = buttons.access(data).subscription
    caller = await _caller(update, context, managing=subscription)
    reply = await asyncio.to_thread(context.bot_data.core.press, data, caller)
    log.info("chat %s: button %s", caller.chat_id, data[:20])
    if reply.private:  # for the one who tapped alone: the shared message stays as it is
        await _answer(query, clip(reply.plain(), CALLBACK_ANSWER_LIMIT - 1), alert=True)
        return
    await _answer(query)
    first, *rest = split_message(reply.html)
    try:
        await query.edit_message_text(first, parse_mode=ParseMode.HTML,
                                      reply_markup=markup(reply) if not rest else None,
                                      disable_web_page_preview=True)
    except BadRequest as error:
        if "not modified" not in error.message.lower():
            raise
    if rest:
        await send_reply(context.bot, caller.chat_id, Reply("\n".join(rest), reply.buttons))


async def _answer(query: CallbackQuery, text: str | None = None, *, alert: bool = False) -> None:
    """Stop the button's spinner (and show `text` to the one who tapped).

    A tap made while the bot was down reaches it after Telegram stopped accepting an answer
    ("query is too old"): that costs the reader nothing but the spinner, so the page is shown anyway.
    """
    try:
        await query.answer(text, show_alert=alert)
    except BadRequest as error:
        if not any(words in error.message.lower() for words in EXPIRED_QUERY):
            raise
        log.info("chat %s: a button tap came too late to answer; handled anyway",
                 query.message.chat.id if query.message else "?")


async def on_document(update: Update, context: Context) -> None:
    """An admin's upload becomes an article; subscribers hear about its new meetings."""
    message = update.effective_message
    settings = context.bot_data.settings
    caller = await _caller(update, context, managing=False)
    document, name, caption = message.document, message.document.file_name or "upload", message.caption or ""
    request = upload_to_add(caller, filename=name, size=document.file_size, max_mb=settings.max_upload_mb,
                            caption=caption)
    if isinstance(request, Reply):
        await send_reply(context.bot, caller.chat_id, request)
        return
    data = bytes(await (await document.get_file()).download_as_bytearray())
    await _add_article(context, caller, ArticleInput(data, published=request.published, url=request.url,
                                                     filename=name, content_type=document.mime_type))


async def on_add(update: Update, context: Context) -> None:
    """/add URL: fetch the page, strip its boilerplate, and add it like an upload."""
    settings = context.bot_data.settings
    caller = await _caller(update, context, managing=False)
    request = page_to_add(" ".join(context.args or []), caller)
    if isinstance(request, Reply):
        await send_reply(context.bot, caller.chat_id, request)
        return
    try:
        page = await fetch_article(request.url or "", max_bytes=int(settings.max_upload_mb * 1048576),
                                   allow_private=settings.allow_private_urls)
    except FetchError as error:
        await send_reply(context.bot, caller.chat_id, could_not_fetch(error))
        return
    await _add_article(context, caller, ArticleInput(page.data, published=request.published, url=page.url,
                                                     content_type=page.content_type))


async def _add_article(context: Context, caller: Caller, article: ArticleInput) -> None:
    """Store an upload or a fetched page, report it to the admin, and send the alert of its new meetings."""
    reply, result = await asyncio.to_thread(add_article, context.bot_data.ingestor, article, caller)
    await send_reply(context.bot, caller.chat_id, reply)
    if result is None:
        return
    log.info("chat %s: article #%s added with %d meetings", caller.chat_id, result.stored.article_id,
             len(result.meetings))
    # in the background: an alert to thousands of chats must not hold up everyone's commands
    context.application.create_task(send_alerts(context.application), name="alerts")


async def on_my_chat_member(update: Update, context: Context) -> None:
    """Blocked in a private chat, or removed from a group or channel: stop sending there."""
    change = update.my_chat_member
    if change.new_chat_member.status in {ChatMemberStatus.BANNED, ChatMemberStatus.LEFT}:
        await _stop_sending(context.application, change.chat.id)
        log.info("chat %s removed the bot: subscription inactive", change.chat.id)


async def on_text(update: Update, context: Context) -> None:
    """Words without a slash in a private chat: looked up by the command core, as in the console chat."""
    caller = await _caller(update, context, managing=False)
    reply = await asyncio.to_thread(context.bot_data.core.handle, update.effective_message.text, caller)
    log.info("chat %s: plain text", caller.chat_id)
    await send_reply(context.bot, caller.chat_id, reply)


async def on_error(update: object, context: Context) -> None:
    chat = update.effective_chat if isinstance(update, Update) else None
    if chat is not None and isinstance(context.error, TelegramError) and chat_is_gone(context.error):
        # the reader blocked the bot (or removed it) before its answer went out: not a fault of ours,
        # and nothing more can reach that chat, so no apology is sent after it
        await _stop_sending(context.application, chat.id)
        log.info("chat %s is gone (%s): subscription inactive", chat.id, context.error.message)
        return
    log.error("error while handling an update", exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await context.bot.send_message(update.effective_chat.id,
                                           "Sorry, something went wrong on my side. Please try again.")
        except TelegramError:
            log.warning("could not tell chat %s about the error", update.effective_chat.id)


# helpers -------------------------------------------------------------------------------------


async def _caller(update: Update, context: Context, *, managing: bool) -> Caller:
    """Who is asking; in groups, only chat admins may change the chat's subscription."""
    settings = context.bot_data.settings
    chat, user = update.effective_chat, update.effective_user
    is_admin = user is not None and user.id in settings.admin_ids
    can_manage = chat.type in {ChatType.PRIVATE, ChatType.CHANNEL} or is_admin
    if managing and not can_manage:
        message = update.effective_message
        if message is not None and message.sender_chat is not None and message.sender_chat.id == chat.id:
            can_manage = True  # an anonymous group admin
        elif user is not None and user.id != ANONYMOUS_ADMIN:
            member = await context.bot.get_chat_member(chat.id, user.id)
            can_manage = member.status in {ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER}
    return Caller(chat_id=chat.id, user_id=user.id if user else None, is_admin=is_admin, can_manage_chat=can_manage)


async def _stop_sending(application: Application, chat_id: int) -> None:
    """The chat blocked or removed the bot: its subscription stops until it subscribes again."""
    await in_store(application.bot_data, lambda session: subs.mark_inactive(session, chat_id=chat_id))

