"""What subscribers and admins are told: refusals on shared buttons, first digests, alerts not repeated, /stats."""

from __future__ import annotations

import pytest

from bot.commands import CommandCore
from bot.replies import Caller
from extraction.knowledge import default_knowledge
from storage import queries
from storage.db import session_scope
from storage.writes import ArticleMeta, store_extraction
from tests.factories import SHOIGU, WANG_YI, extraction, meeting

GROUP = -500
MEMBER = Caller(chat_id=GROUP, user_id=72, can_manage_chat=False)
GROUP_ADMIN = Caller(chat_id=GROUP, user_id=71, can_manage_chat=True)


@pytest.fixture
def core(engine):
    with session_scope(engine) as session:
        store_extraction(session, extraction(meeting(SHOIGU, WANG_YI, topics=("Taiwan",))), ArticleMeta())
    return CommandCore(engine, default_knowledge())


def shoigu_id(core: CommandCore) -> int:
    with session_scope(core.engine) as session:
        return next(p.person_id for m in queries.all_meetings(session) for p in m.participants
                    if p.name == "Sergei Shoigu")


def test_a_members_tap_on_a_follow_choice_is_a_private_refusal(core):
    refused = core.press(f"F:1:p:{shoigu_id(core)}", MEMBER)
    assert refused.private
    assert "Only an admin of this chat" in refused.plain()
    done = core.press(f"F:1:p:{shoigu_id(core)}", GROUP_ADMIN)
    assert not done.private
    assert done.plain().startswith("Following Sergei Shoigu")


def test_a_readers_tap_on_an_admin_button_is_a_private_refusal(core):
    refused = core.press("D:1:y", MEMBER)
    assert refused.private
    assert "Only admins" in refused.plain()
