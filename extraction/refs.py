"""Words that point at a side of a meeting without naming anyone ("the Chinese guest", "the two officials")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_BOTH = ("Russia", "China")
_COUNTRY = {"chinese": "China", "china": "China", "prc": "China", "people's republic of china": "China",
            "beijing": "China", "russian": "Russia", "russia": "Russia", "russian federation": "Russia",
            "moscow": "Russia"}
_SIDE = re.compile(
    r"\b(?:the|his|her|their|its)\s+(?P<c>Chinese|Russian|PRC)\s+(?:(?i:guests?|counterparts?|colleagues?|side"
    r"|delegation|visitors?|hosts?|minister|diplomat|official|state\s+council+or|top\s+diplomat|partners?|envoy"
    r"|representative))\b"
    r"|\b(?i:the)\s+(?i:representative|envoy|delegation|guest)\s+(?i:of|from)\s+(?:the\s+)?"
    r"(?P<c2>China|PRC|People's Republic of China|Russia|Russian Federation)\b"
    r"|\b(?P<c3>China|Russia|Beijing|Moscow)\s+(?:is\s+hosting|hosted|hosts|will\s+host|welcomed|received)\b"
    r"|(?<!\w)(?P<c4>(?i:китайск|российск))\w*\s+(?i:коллег|партн[её]р|гост|визави|делегаци)\w*"
)
_PAIR = re.compile(
    r"\b(?i:the\s+two|both)\s+(?i:officials|ministers|leaders|diplomats|heads\s+of\s+state|presidents"
    r"|politicians|secretaries|sides|delegations)\b"
    r"|\b(?i:bilateral|Russian-Chinese|Chinese-Russian|Sino-Russian|Russo-Chinese|China-Russia|Russia-China"
    r"|российско-китайск\w*|китайско-российск\w*|двусторонн\w*)\b"
    # "the regular meeting of Russian and Chinese heads of government": the office holders of both sides
    r"|\b(?:Russian|Chinese),?\s+(?:and|,)\s+(?:Chinese|Russian)\s+(?i:heads|leaders|prime\s+ministers|premiers"
    r"|presidents|foreign\s+ministers|defen[cs]e\s+ministers)\b"
    r"|(?i:глав\w*\s+(?:правительств|государств|МИД|внешнеполитических\s+ведомств)\s+(?:двух\s+стран"
    r"|России\s+и\s+Китая|Китая\s+и\s+России|РФ\s+и\s+КНР|КНР\s+и\s+РФ))"
)
_OTHER_SIDE = re.compile(
    r"\b(?:China|Chinese|Beijing|PRC|Russia|Russian|Moscow|Kremlin|Китай\w*|китайск\w*|Пекин\w*|КНР"
    r"|Росси\w*|российск\w*|Москв\w*|Кремл\w*)\b"
)


# Both sides named by their office ("the two heads of state", "the regular meeting of Russian and Chinese heads of
# government", "глав МИД двух стран"): whoever held that office in each country that day
_BOTH_BEFORE = (r"(?:(?:the\s+)?two|both|Russian,?\s+(?:and|,)\s+Chinese|Chinese,?\s+(?:and|,)\s+Russian"
                r"|российск\w+\s+и\s+китайск\w+|китайск\w+\s+и\s+российск\w+)\s+")
_BOTH_AFTER = (r"\s+(?:of\s+(?:the\s+two\s+(?:countries|nations|states)|Russia\s+and\s+China|China\s+and\s+Russia)"
               r"|двух\s+(?:стран|государств)|(?:России|РФ)\s+и\s+(?:Китая|КНР)|(?:Китая|КНР)\s+и\s+(?:России|РФ))")
_OFFICES = (
    (r"heads\s+of\s+state|presidents|глав\w*\s+государств|президент\w*", ("ru.president", "cn.president")),
    (r"heads\s+of\s+(?:the\s+)?governments?|prime\s+ministers|premiers|глав\w*\s+правительств\w*|премьер\w*",
     ("ru.prime_minister", "cn.premier")),
    (r"foreign\s+ministers|министр\w*\s+иностранных\s+дел|глав\w*\s+(?:МИД|внешнеполитических\s+ведомств)",
     ("ru.foreign_minister", "cn.foreign_minister")),
    (r"defen[cs]e\s+ministers|министр\w*\s+обороны|глав\w*\s+(?:военных|оборонных)\s+ведомств",
     ("ru.defence_minister", "cn.defence_minister")),
)
_OFFICE_PAIRS = [(re.compile(rf"(?i:{_BOTH_BEFORE}(?:{office})\b|(?<!\w)(?:{office}){_BOTH_AFTER})"), roles)
                 for office, roles in _OFFICES]


def office_pair(text: str) -> tuple[str, str] | None:
    """The offices (Russia's, China's) that a phrase naming both sides by their office means, if the text has one."""
    found = [(m.start(), roles) for pattern, roles in _OFFICE_PAIRS if (m := pattern.search(text))]
    return min(found)[1] if found else None


@dataclass(frozen=True)
class SideRef:
    """A reference to one side (or both) of a meeting, to be filled by the article's main participants."""

    start: int
    end: int
    countries: tuple[str, ...]


def find_side_refs(text: str) -> list[SideRef]:
    """"the Chinese guest" → China; "the two officials", "bilateral consultations" → both sides."""
    refs = []
    for m in _SIDE.finditer(text):
        if m.group("c4"):
            refs.append(SideRef(m.start(), m.end(), ("China" if m.group("c4").lower() == "китайск" else "Russia",)))
            continue
        word = (m.group("c") or m.group("c2") or m.group("c3")).lower()
        refs.append(SideRef(m.start(), m.end(), (_COUNTRY[word],)))
    refs += [SideRef(m.start(), m.end(), _BOTH) for m in _PAIR.finditer(text)]
    return sorted(refs, key=lambda r: r.start)


def countries_named(text: str, *, outside: Sequence[tuple[int, int]] = ()) -> set[str]:
    """Russia and/or China, when the sentence names them outside the given spans (a person's own title)."""
    found = set()
    for m in _OTHER_SIDE.finditer(text):
        if any(s <= m.start() < e for s, e in outside):
            continue
        word = m.group(0).lower()
        found.add("China" if word.startswith(("chin", "beij", "prc", "кит", "пек", "кнр")) else "Russia")
    return found
