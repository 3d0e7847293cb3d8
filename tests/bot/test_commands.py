"""The command core on a store filled through factories: what a reader sees for each command."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.commands import MAX_PAGE, CommandCore
from bot.core.replies import CONSOLE, Caller
from knowledge import default_knowledge
from tests.factories import SHOIGU, WANG_YI, extraction, meeting, participant, store

PATRUSHEV = participant("Nikolai Patrushev", "patrushev", "Secretary of the Security Council of Russia", "Russia")
YANG = participant("Yang Jiechi", "yang_jiechi", None, "China")


@pytest.fixture
def core(engine):
    def add(*meetings, text):
        store(engine, extraction(*meetings, text=text), outlet="Test Wire")

    add(meeting(SHOIGU, WANG_YI, date="2026-02-01", place="Beijing", topics=("Taiwan",)), text="A.")
    add(meeting(SHOIGU, WANG_YI, date="2024-09-10", place="Saint Petersburg"), text="B.")
    add(meeting(PATRUSHEV, YANG, date="2019-12-04", place="Shanghai", topics=("Taiwan",),
                quote="Patrushev & Yang <met> in Shanghai."), text="C met in Shanghai. They played ice hockey.")
    return CommandCore(engine, default_knowledge(), today=lambda: dt.date(2026, 11, 23))


def test_start_says_what_the_bot_knows(core):
    text = core.handle("/start").plain()
    assert "3 meetings" in text
    assert "4 Dec 2019 to 1 Feb 2026" in text
    assert "/who" in text
    assert "/topic" in text


def test_latest_lists_newest_meetings_first_with_everything_a_reader_needs(core):
    text = core.handle("/latest").plain()
    assert text.index("1 Feb 2026") < text.index("10 Sep 2024") < text.index("4 Dec 2019")
    assert "Beijing · met" in text
    assert "Sergei Shoigu (Security Council Secretary)" in text  # the office's short form in a list
    assert "\nRe: Taiwan\n" in text
    assert "» — Test Wire, 2 Dec 2025" in text  # the source on the quote's row


def test_latest_pages_with_a_button_for_older_meetings(core):
    first = core.handle("/latest 2")
    assert "4 Dec 2019" not in first.plain()
    [older], [details] = first.buttons
    assert older.label.startswith("Older")
    assert details.label == "Full details"
    second = core.press(older.data)
    assert "4 Dec 2019" in second.plain()
    assert "1 Feb 2026" not in second.plain()


@pytest.mark.parametrize(("args", "expected"), [
    ("abc", "is not a number"), ("0", "at least one"), ("-3", "at least one"), ("100000", "(1–3 of 3)"),
])
def test_latest_explains_a_bad_count(core, args, expected):
    assert expected in core.handle(f"/latest {args}").plain()


def test_latest_says_it_held_meetings_back_only_when_it_did(core, engine):
    assert "Showing" not in core.handle("/latest 100").plain()  # all 3 stored meetings are in the reply
    store(engine, extraction(*(meeting(SHOIGU, WANG_YI, date=f"2023-01-{day:02d}") for day in range(1, 29)),
                             text="Many."))
    text = core.handle("/latest 100").plain()
    assert text.startswith(f"(Showing {MAX_PAGE}, the most one message holds")
    assert f"(1–{MAX_PAGE} of 31)" in text


@pytest.mark.parametrize("query", ["Shoigu", "shoygu", "Шойгу", "Sergey Shoigu", "security chief"])
def test_who_finds_a_person_however_spelled(core, query):
    text = core.handle(f"/who {query}").plain()
    assert text.splitlines()[0].startswith("Sergei Shoigu") or "Sergei Shoigu (Russia)" in text
    assert "1 Feb 2026" in text
    assert "10 Sep 2024" in text
    assert "Most frequent counterparts: Wang Yi (2)" in text


def test_who_shows_the_role_held_at_each_meeting(core):
    text = core.handle("/who Patrushev").plain()
    assert "as Security Council Secretary, with Yang Jiechi" in text
    assert "Now: Aide to the President of Russia" in text  # his office since 2024


def test_who_with_a_role_phrase_names_todays_holder(core):
    text = core.handle("/who Russia's security chief").plain()
    assert "today: Secretary of the Security Council of Russia, Sergei Shoigu" in text


def test_who_with_no_close_name_suggests_the_nearest(core):
    reply = core.handle("/who Lavrenko")
    assert "Did you mean" in reply.plain()
    assert "Sergei Lavrov" in reply.plain()
    assert reply.buttons  # a tap chooses a suggestion
    assert "Sergei Lavrov" in core.press(reply.buttons[0][0].data).plain()


def test_who_with_a_known_person_without_meetings_says_so(core):
    assert "No meetings stored for this person yet" in core.handle("/who Lavrov").plain()


@pytest.mark.parametrize(("args", "expected"), [
    ("", "Whose meetings?"), ("x" * 5000, "too long"), ("🙂🙂🙂", "No person matches"), ("?!", "No person matches"),
])
def test_who_explains_bad_input(core, args, expected):
    assert expected in core.handle(f"/who {args}").plain()


@pytest.mark.parametrize("query", ["Taiwan", "taiwn", "Taiwan Strait", "Тайвань"])
def test_topic_lists_meetings_where_it_came_up_with_the_sentence(core, query):
    text = core.handle(f"/topic {query}").plain()
    assert text.startswith("Taiwan: meetings where it came up")
    assert "1 Feb 2026" in text
    assert "4 Dec 2019" in text
    assert "10 Sep 2024" not in text
    assert "They discussed Taiwan." in text


def test_topic_outside_the_taxonomy_falls_back_to_article_sentences(core):
    text = core.handle("/topic ice HOCKEY").plain()
    assert "not one of my topics" in text
    assert "They played ice hockey." in text
    assert "No topic matches “zzqqx”" in core.handle("/topic zzqqx").plain()


def test_text_from_articles_is_escaped_in_html_and_literal_in_plain_text(core):
    reply = core.handle("/who Patrushev")
    assert "Patrushev &amp; Yang &lt;met&gt;" in reply.html
    assert "Patrushev & Yang <met>" in reply.plain()


@pytest.mark.parametrize("data", ["W:999999:0", "T:999999:0", "L:abc", "X:1", "", "W:1", "L:-5:2"])
def test_forged_or_stale_buttons_get_a_clear_answer(core, data):
    text = core.press(data).plain()
    assert "no longer" in text or "No meetings" in text or "Latest meetings" in text


def test_unknown_commands_and_plain_text_point_to_help(core):
    assert "Unknown command /frobnicate" in core.handle("/frobnicate").plain()
    assert "/help" in core.handle("hello").plain()
    assert "Sergei Shoigu" in core.handle("/who@BriefingBot shoigu").plain()


def test_subscriptions_are_for_telegram_chats_not_the_console(core):
    assert "Subscriptions belong to Telegram chats" in core.handle("/subscribe 08:00").plain()
    assert "Subscriptions belong to Telegram chats" in core.handle("/follow Shoigu").plain()


def test_a_shared_surname_offers_the_people_who_bear_it(core):
    reply = core.handle("/who wang")
    assert reply.plain().startswith("Several people match “wang”")
    labels = [row[0].label for row in reply.buttons]
    assert "Wang Yi" in labels
    assert "Wang Huning" in labels


def test_the_admin_help_says_how_to_add_an_article_where_it_is_asked(core):
    telegram = core.handle("/help", Caller(chat_id=5, user_id=7, is_admin=True)).plain()
    console = core.handle("/help", CONSOLE).plain()
    assert "Send a .txt, .md, .html or .pdf file to add an article" in telegram
    assert "/add URL" in telegram
    assert "/add PATH" not in telegram
    assert "/add PATH or URL" in console
    assert "Send a .txt" not in console
    assert "Admin" not in core.handle("/help", Caller(chat_id=5, user_id=8)).plain()


def test_plain_words_are_a_person_else_a_topic_else_a_search(core):
    assert core.handle("shoigu").plain().startswith("Answered as /who shoigu\nSergei Shoigu")
    assert core.handle("taiwan").plain().startswith("Answered as /topic taiwan\nTaiwan: meetings")
    assert core.handle("ice hockey").plain().startswith("Answered as /search ice hockey\n")
    assert "No person, topic or article sentence matches “curling”" in core.handle("curling").plain()


def test_plain_words_mean_a_discussed_topic_before_an_office(core, engine):
    assert "/topic ukraine" not in core.handle("ukraine").plain()  # no meeting discussed Ukraine yet
    store(engine, extraction(meeting(SHOIGU, WANG_YI, date="2025-05-05", topics=("Ukraine",)), text="D."))
    assert core.handle("ukraine").plain().startswith("Answered as /topic ukraine\nUkraine: meetings")


def test_full_details_keep_their_mode_while_paging_and_go_back_to_the_short_view(core):
    first = core.handle("/latest 2")
    full = core.press(first.buttons[-1][0].data)
    assert "Sergei Shoigu (Secretary of the Security Council of Russia)" in full.plain()
    [older], [short] = full.buttons
    assert "Nikolai Patrushev (Secretary of the Security Council of Russia)" in core.press(older.data).plain()
    assert short.label == "Short view"
    assert core.press(short.data) == first


@pytest.mark.parametrize("data", ["L:f", "L:0:5:f:f", "W:f", "T:1:f:f", "W:x:0:f", "F:1:p:2:f"])
def test_a_forged_full_details_button_gets_a_clear_answer(core, data):
    assert "no longer valid" in core.press(data).plain()
