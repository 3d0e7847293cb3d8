"""Button data: typed values in and out, within Telegram's 64 bytes, and a clear answer to anything else."""

from __future__ import annotations

import pytest

from bot.core.buttons import (
    MAX_BYTES,
    ArticlesPage,
    DeleteArticle,
    Follow,
    LatestPage,
    PersonPage,
    SearchPage,
    TopicPage,
    decode,
    encode,
)
from bot.core.commands import MAX_PAGE
from bot.core.replies import Caller

LARGEST = 2**63 - 1  # SQLite's largest row id, and more meetings than any offset will pass
ADMIN = Caller(chat_id=5, user_id=7, is_admin=True)

EVERY_KIND = [
    LatestPage(0), LatestPage(15, 5), LatestPage(40, MAX_PAGE, full=True),
    PersonPage(3), PersonPage(3, 10, full=True), TopicPage(98, 5), TopicPage(98, 0, full=True),
    SearchPage(12, 10), Follow(True, "person", 4), Follow(False, "topic", 17),
    ArticlesPage(20), DeleteArticle(9, confirmed=True), DeleteArticle(9, confirmed=False),
]
LONGEST = [
    LatestPage(LARGEST, MAX_PAGE, full=True), PersonPage(LARGEST, LARGEST, full=True),
    TopicPage(LARGEST, LARGEST, full=True), SearchPage(LARGEST, LARGEST), Follow(False, "person", LARGEST),
    ArticlesPage(LARGEST), DeleteArticle(LARGEST, confirmed=False),
]


@pytest.mark.parametrize("action", EVERY_KIND + LONGEST, ids=repr)
def test_each_button_reads_back_as_what_it_was_made_from(action):
    assert decode(encode(action)) == action


@pytest.mark.parametrize("action", LONGEST, ids=repr)
def test_the_longest_data_each_kind_can_carry_fits_in_telegrams_64_bytes(action):
    assert len(encode(action).encode("utf-8")) <= MAX_BYTES


def test_data_over_64_bytes_is_refused_where_it_is_made():
    with pytest.raises(ValueError, match="64 bytes"):
        encode(PersonPage(10**40, 10**20))


@pytest.mark.parametrize("data", [
    "", "X:1", "L:", "L:f", "L:0:5:f:f", "W:1", "W:x:0", "T:1:f:f", "F:2:p:3", "F:1:q:3", "F:1:p:2:f",
    "D:1:maybe", "A:1:2", "S:1", "W:١:0", "W:1: 0", "W:99999999999999999999:0", "L:0\n", "W:1:0:f ",
])
def test_mangled_or_forged_data_reads_as_nothing(data):
    assert decode(data) is None


@pytest.fixture
def core(seeded_core):
    return seeded_core


def test_every_button_the_commands_show_answers_and_reads_back(core):
    """The buttons readers really get, each tapped once: a page, a choice or a confirmation, never an error."""
    replies = [core.handle(line, ADMIN) for line in
               ("/latest 2", "/who wang", "/who shoigu", "/topic taiwan", "/articles", "/delete 1", "/follow wang",
                '/search "Russia"')]
    replies += [core.press(replies[0].buttons[-1][0].data, ADMIN)]  # the full details of a page
    tapped = [b for reply in replies for row in reply.buttons for b in row]
    assert {type(decode(b.data)) for b in tapped} == {LatestPage, PersonPage, TopicPage, SearchPage, Follow,
                                                     DeleteArticle}
    for b in tapped:
        assert encode(decode(b.data)) == b.data
        assert "no longer valid" not in core.press(b.data, ADMIN).plain(), b


@pytest.mark.parametrize("data", ["W:99999:0", "T:99999:0", "F:1:p:99999", "D:99999:y", "S:99999:0", "zz"])
def test_stale_or_forged_taps_get_a_clear_answer(core, data):
    text = core.press(data, ADMIN).plain()
    assert any(words in text for words in ("no longer", "already gone", "No more")), text
