"""Articles queued together reach each chat as one message: loading an archive must not flood readers."""

from __future__ import annotations

import datetime as dt

from bot.services.ingest import ArticleInput, Ingestor
from bot.telegram.delivery import send_alerts
from tests.e2e.briefing_harness import ARTICLE, Briefing, start_bot

SHOIGU_TALKS = (
    "Shoigu and Wang Yi meet in Moscow\n\n"
    "Russian Security Council Secretary Sergei Shoigu met Chinese Foreign Minister Wang Yi in Moscow "
    "on April 2, 2025. They discussed Ukraine.\n"
)
PREMIERS = (
    "Mishustin hosts Li Qiang\n\n"
    "Russian Prime Minister Mikhail Mishustin held talks with Chinese Premier Li Qiang in Moscow "
    "on May 20, 2025. They discussed energy.\n"
)


async def test_articles_queued_together_reach_each_chat_as_one_message(briefing: Briefing):
    await briefing.say(901, "/subscribe")
    await briefing.say(902, "/subscribe")
    assert "Following Mikhail Mishustin" in await briefing.say(902, "/follow mishustin")
    async with briefing.app.bot_data.alert_lock:  # the minute job may not send half of them
        for text in (ARTICLE, SHOIGU_TALKS, PREMIERS):
            Ingestor(briefing.engine, alert=True).add(ArticleInput(text, published=dt.date(2025, 6, 1)))
    await send_alerts(briefing.app)

    [everything] = alerts_to(briefing, 901)
    assert "<b>New articles</b> (3)" in everything
    for title in ("Lavrov and Wang Yi hold talks in Beijing", "Shoigu and Wang Yi meet in Moscow",
                  "Mishustin hosts Li Qiang"):
        assert title in everything
    assert everything.index("Li Qiang") < everything.index("Sergei Shoigu") < everything.index("Sergei Lavrov")
    [followed] = alerts_to(briefing, 902)
    assert "1 new meeting" in followed
    assert "Li Qiang" in followed
    assert "Sergei Lavrov" not in followed

    await send_alerts(briefing.app)  # the round is finished: nothing more goes out
    assert len(alerts_to(briefing, 901)) == len(alerts_to(briefing, 902)) == 1


def alerts_to(briefing: Briefing, chat_id: int) -> list[str]:
    return [c.text or "" for c in briefing.api.sent_messages(chat_id) if "New article" in (c.text or "")]


def _paid(call) -> bool:
    return call.params.get("allow_paid_broadcast") in (True, "true", "True")


async def test_with_paid_broadcasts_alerts_go_out_as_paid_and_replies_do_not(bot_api, start_app, seeded_db_url):
    briefing = await start_bot(bot_api, start_app, seeded_db_url, paid_broadcast=True)
    assert "Subscribed" in await briefing.say(901, "/subscribe")
    async with briefing.app.bot_data.alert_lock:
        Ingestor(briefing.engine, alert=True).add(ArticleInput(SHOIGU_TALKS, published=dt.date(2025, 6, 1)))
    await send_alerts(briefing.app)
    sent = briefing.api.sent_messages(901)
    assert [_paid(c) for c in sent if "New article" in (c.text or "")] == [True]
    assert not any(_paid(c) for c in sent if "Subscribed" in (c.text or ""))


async def test_without_paid_broadcasts_no_message_is_paid(briefing: Briefing):
    await briefing.say(901, "/subscribe")
    async with briefing.app.bot_data.alert_lock:
        Ingestor(briefing.engine, alert=True).add(ArticleInput(SHOIGU_TALKS, published=dt.date(2025, 6, 1)))
    await send_alerts(briefing.app)
    assert alerts_to(briefing, 901)
    assert not any(_paid(c) for c in briefing.api.sent_messages(901))

