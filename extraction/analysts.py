"""Who is speaking: analysts, experts and spokespeople quoted in an article are not at the meeting."""

from __future__ import annotations

import re
from collections.abc import Sequence

from extraction.lexicon import Folded
from extraction.sentences import Sentence
from extraction.triggers import find_trigger

_CUE = Folded(
    r"\b(?:analysts?|experts?|researchers?|professors?|sinologists?|orientalists?|political\s+scientists?"
    r"|observers?|scholars?|commentators?|economists?|interlocutors?"
    r"|the\s+source|permanent\s+representative|(?:told|tells)\s+Izvestia"
    r"|according\s+to\s+(?:the\s+)?(?:experts?|analysts?|sources?)|think\s+tank|эксперт\w*|аналитик\w*"
    r"|политолог\w*|профессор\w*|востоковед\w*|китаист\w*|собеседник\w*"
    r"|постпред\w*|Institute|University|Academy\s+of\s+Sciences|RAS|IMEMO|Center\s+for|Centre\s+for"
    r"|институт\w*|университет\w*|РАН)\b",
    needs=("analyst", "expert", "researcher", "professor", "sinologist", "orientalist", "scientist", "observer",
           "scholar", "commentator", "economist", "interlocutor", "source", "representative", "izvestia", "tank",
           "эксперт", "аналитик", "политолог", "профессор", "востоковед", "китаист", "собеседник", "постпред",
           "institute", "university", "academy", "ras", "imemo", "center", "centre", "институт", "университет",
           "ран"))
# spokespeople speak for a side: their words are outside the meeting, but what they announce is a report
_SPOKES = Folded(r"\b(?:spokes(?:man|woman|person|people)|official\s+representative|press\s+secretary"
                 r"|официальный\s+представитель\w*|пресс-секретар\w*)\b",
                 needs=("spokes", "representative", "press", "представитель", "пресс"))
_NAME = re.compile(r"\b[A-ZА-ЯЁ][a-zа-яё]+(?:\s+[A-ZА-ЯЁ][a-zа-яё]+){1,2}\b")
_INSTITUTION = re.compile(
    r"\b(?:Center|Centre|Institute|University|Department|Faculty|Academy|Studies|State|Modern|History|Economic"
    r"|Foreign|Ministry|Council|Security|Party|Russian|Chinese|China|Russia|Moscow|Beijing|Asian|African"
    r"|European|International|Relations|Sector|School|Higher|Countries|The|In|On|At|According|Director|Head)\b"
)
_SPEECH = Folded(
    r"\b(?:said|says|say|tells|told|notes|noted|believes|argues|suggested|continued|concluded|emphasizes"
    r"|stressed|points\s+out|according\s+to|считает|отмечает|говорит|заявил\w*|сказал\w*)\b")
_OPENS_QUOTE = ("\"", "“", "«", "—", "–", "- ")


def _voiced_without_cue(text: str, analyst_names: set[str]) -> bool:
    """Voiced by an analyst named earlier, or by a spokesperson in a sentence that reports no meeting."""
    if any(re.search(rf"\b{re.escape(name)}\b", text) for name in analyst_names):
        return True
    return bool(_SPOKES.search(text)) and find_trigger(text) is None


def _names_near_cue(text: str, known_names: set[str]) -> set[str]:
    """Names introduced next to an analyst cue ("political analyst Viktor Pirozhenko"), full and surname."""
    names: set[str] = set()
    for m in _NAME.finditer(text):
        before, after = text[max(0, m.start() - 40) : m.start()], text[m.end() : m.end() + 40]
        if _INSTITUTION.search(m.group(0)) or before.endswith(("the ", "The ")):
            continue
        if not (_CUE.search(before + " " + after) or _SPEECH.search(before + " " + after)):
            continue
        tokens = m.group(0).split()
        if any(t in known_names for t in tokens):
            continue
        names.update({m.group(0), tokens[-1]})
    return names


def analyst_flags(sentences: Sequence[Sentence], named_participant: Sequence[bool], known_names: set[str]
                  ) -> list[bool]:
    """Per sentence: is it an outsider's voice? A quoted paragraph takes the voice of its attribution."""
    names: set[str] = set()
    flags: list[bool] = []
    for s in sentences:
        cue = bool(_CUE.search(s.text))  # looked for once: the names near it and the sentence's flag both need it
        if cue:
            names |= _names_near_cue(s.text, known_names)
        flags.append(cue or _voiced_without_cue(s.text, names))
    by_paragraph: dict[int, list[int]] = {}
    for i, s in enumerate(sentences):
        by_paragraph.setdefault(s.paragraph, []).append(i)
    for members in by_paragraph.values():
        first = sentences[members[0]].text
        voiced = flags[members[-1]] or (first.startswith(_OPENS_QUOTE) and any(flags[i] for i in members))
        if voiced:
            for i in members:
                flags[i] = flags[i] or not named_participant[i]
    return flags
