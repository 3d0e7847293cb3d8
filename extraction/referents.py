"""Which meeting "the presidents", "the ministers", "министры" refer to, when a paragraph reports two.

"Putin held talks with Xi on Tuesday. On Monday Lavrov met Wang Yi. The presidents discussed the Arctic."
Attribution (`extraction.discourse`) gives a sentence that names no one to the meeting last spoken of,
so the Arctic went to the ministers. A sentence whose subject is a rank belongs to the nearby meeting of
people holding that rank, when exactly one fits and the one it was given does not: that is where what
it says was discussed belongs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extraction.lexicon import Folded
from extraction.types import Participant

_NOT_FIRST = r"(?<!vice\s)(?<!vice-)(?<!deputy\s)(?<!вице-)(?<!заместитель\s)"
# (the words a sentence uses for a rank, the office its holders' titles name)
_RANKS = (
    (Folded(r"\b(?:the\s+(?:two\s+)?(?:presidents|leaders|heads\s+of\s+state|state\s+leaders)|both\s+leaders"
            r"|президенты|лидеры|главы\s+государств|руководители\s+двух\s+стран)\b"),
     re.compile(_NOT_FIRST + r"\b(?:president|chairman|general\s+secretary|президент|председател\w*\s+(?:кнр|китая)"
                r"|генеральн\w*\s+секретар)", re.IGNORECASE)),
    (Folded(r"\b(?:the\s+(?:two\s+)?(?:premiers|prime\s+ministers|heads\s+of\s+government)"
            r"|премьеры|премьер-министры|главы\s+правительств)\b"),
     re.compile(_NOT_FIRST + r"\b(?:premier|prime\s+minister|премьер|председател\w*\s+правительства)", re.IGNORECASE)),
    (Folded(r"\b(?:the\s+(?:two\s+)?(?:foreign\s+|defen[cs]e\s+)?ministers|the\s+(?:two\s+)?top\s+diplomats"
            r"|министры(?:\s+(?:иностранных\s+дел|обороны))?|главы\s+(?:внешнеполитических|оборонных)\s+ведомств)\b"),
     re.compile(_NOT_FIRST + r"(?<!prime\s)(?<!премьер-)\b(?:minister|министр)", re.IGNORECASE)),
)


# "They are discussing …", "The two sides discussed …", "Стороны обсудили …": a sentence that says what was
# discussed with no name of its own, right after the report of a meeting
_THEY = Folded(r"^[^\w]*(?:they|the\s+two(?:\s+\w+)?|both(?:\s+sides)?|the\s+(?:sides|parties)"
               r"|они|стороны|собеседники)\b")


def by_discussion(evidence: list[int | None], texts: Sequence[str], talks: Sequence[bool]) -> list[int | None]:
    """`evidence` with each unattributed "They discussed …" given to the meeting the sentence before speaks of.

    Attribution carries "they" only within a paragraph; a wire's next paragraph is often that sentence alone.
    `talks` says which sentences say something was discussed (`extraction.agenda.says_discussed`).
    """
    out = list(evidence)
    for i in range(1, len(texts)):
        if out[i] is None and out[i - 1] is not None and talks[i] and _THEY.search(texts[i]):
            out[i] = out[i - 1]
    return out


def _rank(text: str) -> re.Pattern[str] | None:
    """The office a sentence's rank word names, if it names one."""
    return next((office for words, office in _RANKS if words.search(text)), None)


def _fits(participants: Sequence[Participant], office: re.Pattern[str]) -> bool:
    roles = [p.role for p in participants if p.role]
    return bool(roles) and all(office.search(role) for role in roles)


def by_rank(evidence: list[int | None], texts: Sequence[str], paragraphs: Sequence[int],
            groups: Sequence[Sequence[Participant]], reported: Sequence[frozenset[int]]) -> list[int | None]:
    """`evidence` with each rank-led sentence moved to the one nearby meeting of that rank.

    `groups` are the meetings' participants and `reported` the paragraphs where each is reported; a
    meeting is nearby when reported in the sentence's paragraph or the one before.
    """
    out = list(evidence)
    for i, owner in enumerate(evidence):
        if owner is None or (office := _rank(texts[i])) is None or _fits(groups[owner], office):
            continue
        near = [g for g, paras in enumerate(reported) if paras & {paragraphs[i], paragraphs[i] - 1}]
        fitting = [g for g in near if _fits(groups[g], office)]
        if len(fitting) == 1:
            out[i] = fitting[0]
    return out
