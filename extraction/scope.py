"""Which meetings the bot reports: contacts between Russian and Chinese officials.

A meeting needs at least one Russian and at least one Chinese participant (shared/PRODUCT.md).
Talks of either side with a third country are context: the article keeps them as searchable
sentences, but they are no meeting the bot shows, counts, pushes or exports. A participant whose
country neither the knowledge base nor the article's own words ("Chinese envoy Li Hui") give
stands for neither side: they may as well be a third country's envoy, so they cannot make a
meeting Russian-Chinese; they still appear beside known people of both sides. Officials of one side whom
the article names only as a body ("talks with the Chinese side") are that side, unnamed.
"""

from __future__ import annotations

from collections.abc import Iterable

from extraction.types import Counterpart, Participant

SIDES = ("Russia", "China")


def missing_sides(participants: Iterable[Participant], counterpart: Counterpart | None = None) -> tuple[str, ...]:
    """The sides (Russia, China) none of the participants is known to belong to; a side the article names only
    as a body ("the Chinese side", "руководство провинции Цзилинь") is there, unnamed."""
    countries = {p.country for p in participants} | ({counterpart.country} if counterpart else set())
    return tuple(side for side in SIDES if side not in countries)


_OFFICIALS = {"Russia": "Russian officials", "China": "Chinese officials"}


def unnamed_officials(side: str) -> str:
    """How labels and replies name a side the article names only as a body: "Chinese officials"."""
    return _OFFICIALS[side]
