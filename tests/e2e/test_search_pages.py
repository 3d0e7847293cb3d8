"""/search through Telegram: the Older button of a long search edits the message to the next page."""

from __future__ import annotations


async def test_the_older_button_of_a_search_shows_the_next_sentences(briefing):
    since = len(briefing.api.calls)
    briefing.api.inject_message(13, "/search security")
    sent = await briefing.api.wait_for_sent(13, since=since)
    assert sent.params["text"].startswith("Sentences with “security”, newest first:")
    [[older]] = sent.params["reply_markup"]["inline_keyboard"]
    assert older["text"].startswith("Older")
    briefing.api.inject_callback(13, sent.result["message_id"], older["callback_data"])
    edited = await briefing.api.wait_for(lambda c: c.method == "editMessageText", since=since)
    assert edited.params["message_id"] == sent.result["message_id"]
    assert edited.params["text"].startswith("Sentences with “security”, newest first (continued):")
    first, second = (set(t.splitlines()[1:]) for t in (sent.params["text"], edited.params["text"]))
    assert second
    assert not first & second
