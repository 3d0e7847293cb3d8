"""The parts of a sentence that set the scene rather than say what a meeting discussed.

News copy wraps a readout in context: "The meeting came as the US said it was close to a deal on
Ukraine", "Shoigu, who previously served as defence minister during the Ukraine invasion, ...",
"... amid Western protests", "This exhibition highlights military cooperation ...". Topics named there
are the backdrop of the talks, not their subject; `discussed` blanks those parts out, keeping every
other character where it was, so that topic matching reads only what the text says was discussed.
"""

from __future__ import annotations

import re

from extraction.lexicon import Folded, masked

# "came as / comes amid / came days after ...": the rest of the sentence is what was happening around it
_CAME_AS = Folded(r"\b(?:came|comes|come|coming)\s+(?:(?:just|shortly|only|days|weeks|a\s+day|a\s+week)\s+)?"
                  r"(?:as|amid|after|before|against|while|when)\b", needs=("came", "come"))
# "amid ...", "against the backdrop of ...", "in the wake of ...": up to the end of the clause
_CONTEXT = Folded(r"\b(?:amid(?:st)?|against\s+the\s+(?:backdrop|background)\s+of|in\s+the\s+wake\s+of"
                  r"|на\s+фоне)\b", needs=("amid", "against", "wake", "на фоне"))
# ", who previously served as ... ,": a person described, not the talks
_WHO = Folded(r",\s*(?:who|whose|который|которая|которые)\b", needs=("who", "котор"))
# "This exhibition highlights ...": a sentence whose subject is some other event
_OTHER_EVENT = Folded(
    r"^[^\w]*(?:this|that|these|those|the)\s+(?:\w+\s+){0,2}?(?:exhibition|airshow|air\s+show|show|expo|fair"
    r"|exercises?|drills|manoeuvres|maneuvers|parade|election|elections|games|festival|ceremony)\b"
    r"(?!\s+(?:of|on|about)\b)",
    needs=("exhibition", "show", "expo", "fair", "exercise", "drills", "manoeuvres", "maneuvers", "parade",
           "election", "games", "festival", "ceremony"))
_CLAUSE_END = re.compile(r"[,;:—–()]|\s-\s")


def discussed(text: str) -> str:
    """The sentence with its scene-setting parts blanked out (same length, same positions)."""
    if _OTHER_EVENT.search(text):
        return " " * len(text)
    spans = []
    if (came := _CAME_AS.search(text)) is not None:
        spans.append((came.start(), len(text)))
    for found in (*_CONTEXT.finditer(text), *_WHO.finditer(text)):
        end = _CLAUSE_END.search(text, found.end())
        spans.append((found.start(), end.start() if end else len(text)))
    return masked(text, spans)
