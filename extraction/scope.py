"""Which meetings the bot reports: contacts between Russian and Chinese officials.

A meeting needs at least one Russian and at least one Chinese participant (shared/PRODUCT.md).
Talks of either side with a third country are context: the article keeps them as searchable
sentences, but they are no meeting the bot shows, counts, pushes or exports. A participant whose
country neither the knowledge base nor the article's own words ("Chinese envoy Li Hui") give
stands for neither side: they may as well be a third country's envoy, so they cannot make a
meeting Russian-Chinese; they still appear beside known people of both sides.
"""

from __future__ import annotations

from collections.abc import Iterable

from extraction.types import Participant

SIDES = ("Russia", "China")


def missing_sides(participants: Iterable[Participant]) -> tuple[str, ...]:
    """The sides (Russia, China) none of the participants is known to belong to."""
    countries = {p.country for p in participants}
    return tuple(side for side in SIDES if side not in countries)


def in_scope(participants: Iterable[Participant]) -> bool:
    """True when at least one participant is Russian and one Chinese: a meeting the bot reports."""
    return not missing_sides(participants)
