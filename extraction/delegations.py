"""Who else sat at a meeting: the delegation lists of official readouts.

"Also attending were Vice Foreign Minister Ma Zhaoxu and Ambassador Zhang Hanhui", "Xiao Jie was
present at the meeting", "The Chinese delegation was led by Huang Yongzhang", "В переговорах также
приняли участие ...", "В делегацию входили первый вице-спикер Иван Мельников ...": each names people
of the meeting the readout is about, often people no list knows and with no title beside their name.
"""

from __future__ import annotations

import datetime as dt
import re

from extraction.bystanders import inside, other_events
from extraction.lexicon import COUNTRY_WORDS, Folded, has_cyrillic
from extraction.officials_russian import spelt_in_latin
from extraction.people import find_people
from extraction.types import Participant
from knowledge import KnowledgeBase

# the list follows the cue
_AFTER = Folded(
    r"\b(?:also\s+(?:attending|present)\s+(?:were|was)|(?:attended|accompanied)\s+(?:also\s+)?by"
    r"|(?:was|were)\s+(?:led|headed)\s+by|(?:delegation|side)\s+(?:led|headed)\s+by|(?:included|including)"
    r"|также\s+(?:приняли|принял\w*)\s+участие|в\s+(?:состав\s+)?делегаци\w+\s+(?:входили|вошли|входит)"
    r"|(?:делегаци\w+|сторон\w+)\s+(?:возглавлял\w*|возглавил\w*)|во\s+главе\s+с)\b",
    needs=("also", "attended", "accompanied", "led", "headed", "includ", "также", "делегаци", "возглав",
           "главе"))
# the list comes before the cue
_BEFORE = Folded(
    r"\b(?:(?:was|were)\s+(?:also\s+)?present\s+at|also\s+(?:attended|took\s+part\s+in)"
    r"|(?:присутствовал\w*|также\s+участвовал\w*)\s+(?:на|в))\b",
    needs=("present", "also", "присутств", "участвовал"))
_DELEGATION_WORD = Folded(r"delegation|делегаци", needs=("delegation", "делегаци"))
_ITEMS = re.compile(r",\s*(?:and\s+|и\s+)?|;\s*|\s+and\s+|\s+и\s+")
_NAME = re.compile(r"(?:[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ]?[a-zа-яё]+)?\s+){1,2}[A-ZА-ЯЁ][a-zа-яё]+(?:-[a-zа-яё]+)?$")
_NOT_NAMES = frozenset({"The", "Chinese", "Russian", "China", "Russia", "State", "Council", "Ministry", "Foreign",
                        "Affairs", "Party", "Committee", "Central", "National", "People's", "Security", "Director",
                        "Executive", "President", "Vice", "Deputy", "Minister", "Chairman", "Secretary", "General",
                        "Governor", "Ambassador", "Commander", "Head", "Chief", "Mayor", "Premier", "Officer"})
_HEAD = re.compile(r"(?:led\s+by|headed\s+by|во\s+главе\s+с|возглавлял\w*|возглавил\w*)\s*$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;:](?:\s|$)|,\s+(?:who|which|where|когда|который|которая)\b")


def attendees(text: str, kb: KnowledgeBase, on: dt.date, context: frozenset[str] = frozenset()
              ) -> list[Participant]:
    """The people a delegation statement adds to its meeting; [] for any other sentence."""
    span = _listing(text)
    if span is None:
        return []
    start, end = span
    if inside(start, other_events(text)):
        return []  # "as part of the visit of a delegation led by Mishustin": the occasion's people, not this meeting's
    if _HEAD.search(text[:start]) and (comma := text.find(",", start, end)) >= 0:
        end = comma  # "led by Huang Yongzhang, Vice President of CNPC": the head alone, then his titles
    hits = [h for h in find_people(text, kb, on, context=context) if start <= h.start < end]
    side = _side(text)
    out = [h.participant for h in hits]
    offset = start
    for item in _ITEMS.split(text[start:end]):
        item_start = text.find(item, offset)
        offset = item_start + len(item)
        if any(item_start <= h.start < offset for h in hits):
            continue
        bare = re.sub(r"\([^()]*\)|\s+$", "", item).rstrip(" .")
        name = _NAME.search(bare)
        if name and not set(name.group(0).split()) & _NOT_NAMES:
            out.append(_listed(name.group(0), side))
    return out


def _listed(written: str, side: str | None) -> Participant:
    """A name a list gives bare, spelt as the rest of the store spells names: in Latin, in the nominative."""
    if not has_cyrillic(written):
        return Participant(name=written, country=side)
    name, _, chinese = spelt_in_latin(written)
    return Participant(name=name, country=side or ("China" if chinese else None))


def _listing(text: str) -> tuple[int, int] | None:
    """Where the list of names stands: after a cue ("also attending were ..."), or before one ("... was present at")."""
    if (after := _AFTER.search(text)) is not None:
        if after.group(0).lower().startswith(("includ",)) and not _DELEGATION_WORD.search(text):
            return None  # "including" lists a delegation only where the sentence speaks of one
        end = _CLAUSE_END.search(text, after.end())
        return after.end(), end.start() if end else len(text)
    if (before := _BEFORE.search(text)) is not None:
        return 0, before.start()
    return None


def _side(text: str) -> str | None:
    """The country of a delegation the sentence names ("the Chinese delegation", "российской делегации")."""
    for word, country in COUNTRY_WORDS.items():
        if re.search(rf"\b{word}\w*\s+(?:delegation|side|делегаци)", text, re.IGNORECASE):
            return country
    return None
