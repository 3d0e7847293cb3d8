"""Parts of a sentence that speak of some other event than the meeting it reports.

"Lavrov and Wang discussed preparations for the upcoming visit of President Putin to China", "the
agreements reached by the heads of state", "handed Xi a message from President Putin", "the joint
statement signed in June by Putin and Xi", "as both countries prepare for a possible visit by Putin
next month": the people, dates and places named there belong to that other event (a visit being
prepared, a past summit, a letter). They add nobody to this meeting, and the event they name is no
meeting of its own unless the text reports it in a statement of its own.

`other_events` gives those parts as spans; `lexicon.masked` blanks them out (same length, same positions) so
that a trigger, a date or a place is looked for only in what the sentence reports.
"""

from __future__ import annotations

import re

from extraction.lexicon import Folded

_CLAUSE_END = re.compile(r"[,;:()«»\"“”]|\s[-—–]\s|\.\s*$")
# an event being prepared or awaited: from the cue to the end of its clause
_PREPARED = Folded(
    r"\b(?:preparations?\s+for|(?:lay|lays|laid|laying)\s+the\s+groundwork\s+for|pave[sd]?\s+the\s+way\s+for"
    r"|paving\s+the\s+way\s+for|in\s+the\s+run-up\s+to|ahead\s+of\s+(?:the\s+|a\s+|an\s+)?(?:[\w'-]+\s+){0,3}?"
    r"(?:visit|trip|summit|forum)|as\s+(?:[\w'-]+\s+){1,4}?prepar\w*\s+for"
    r"|discuss\w*\s+(?:the\s+)?(?:upcoming|forthcoming|planned|possible|expected)"
    r"|подготовк\w*\s+к|в\s+преддверии|обсудил\w*\s+(?:предстоящ|планируем)\w*)",
    needs=("prepar", "groundwork", "way", "run-up", "ahead", "discuss", "подготовк", "преддвери", "обсудил"))
# what someone sent or agreed elsewhere: a message, a letter, greetings; agreements reached by others
_SENT_OR_AGREED = Folded(
    r"\b(?:(?:message|letter|greetings|congratulations|regards)\s+(?:from|of)"
    r"|(?:agreements?|consensus|understandings?|accords?)\s+(?:(?:that\s+)?(?:were\s+|was\s+)?(?:reached|achieved"
    r"|struck)\s+)?(?:by|between)\s+(?:the\s+)?(?:two\s+)?(?:[\w'-]+\s+){0,3}?(?:leaders|heads|presidents)"
    r"|(?:agreements?|consensus|understandings?|accords?)\s+(?:that\s+)?(?:were\s+|was\s+)?(?:reached|achieved"
    r"|struck)\s+by"
    r"|(?:signed|adopted|approved)\s+(?:[\w-]+\s+){0,3}?by"
    r"|(?:послани|письм|приветстви|поздравлени)\w*(?=\s+(?:от\s+)?(?:президент|председател|лидер|глав|премьер"
    r"|министр|[А-ЯЁ]))"
    r"|договор[её]нност\w*\s+(?:\w+\s+)?(?:глав|лидер|президент|председател)\w*"
    r"|(?:подписанн|принят)\w*\s+(?:\w+\s+){0,3}?(?:глав|лидер|президент|председател)\w*)",
    needs=("message", "letter", "greetings", "congratulations", "regards", "agree", "consensus", "understanding",
           "accord", "signed", "adopted", "approved", "послани", "письм", "приветстви", "поздравлени",
           "договор", "подписанн", "принят"))


# the visit a meeting was held as part of: its visitor is the occasion, not a party ("Sechin met CNPC's
# managers as part of the state visit to Russia by Chinese President Xi Jinping")
_OCCASION = Folded(
    r"\b(?:as\s+part\s+of|(?:with)?in\s+the\s+framework\s+of|on\s+the\s+sidelines\s+of)"
    r"\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:visit|trip)\s+(?:to\s+[\w-]+\s+)?(?:by|of)\b"
    r"|(?:в\s+рамках|на\s+полях)\s+(?:\w+\s+){0,2}?визит\w*\b",
    needs=("part of", "framework", "sidelines", "в рамках", "на полях"))


def other_events(text: str) -> list[tuple[int, int]]:
    """Spans of the sentence that speak of another event (a visit prepared, a message sent, agreements
    reached by others), each from its cue to the end of its clause."""
    spans = []
    for cue in (*_PREPARED.finditer(text), *_SENT_OR_AGREED.finditer(text), *_OCCASION.finditer(text)):
        end = _CLAUSE_END.search(text, cue.end())
        spans.append((cue.start(), end.start() if end else len(text)))
    return sorted(spans)


def quoted(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks: what someone said, not what the sentence reports."""
    spans = []
    for m in re.finditer(r"[\"“«]([^\"“”«»]{12,})[\"”»]", text):
        spans.append((m.start(), m.end()))
    return spans


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


