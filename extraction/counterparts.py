"""The other side of a meeting when the text names none of its people: "talks with the Chinese side",
"встреча с руководством провинции Хэйлунцзян".

Regional and parliamentary pages often name only their own official and say whom they met as a body
("the leadership of Jilin Province", "с китайскими товарищами"). Such a contact is still a meeting between
Russian and Chinese officials, so the words that name the other side are kept for it, with that side's
country, rather than losing the meeting. Where a visit goes ("will visit Beijing") is not such a body.
Pure: no I/O.
"""

from __future__ import annotations

import re

from extraction.types import Counterpart

_CHINA = r"(?:China|the\s+PRC|PRC|КНР|Китая|Китай|Китаю|Китаем)"
_RUSSIA = r"(?:Russia|the\s+Russian\s+Federation|России|Россия|Россию|РФ)"
_BODY_EN = (r"side|delegation|leadership|leaders|government|officials|counterparts?|partners|authorities"
            r"|hosts?|colleagues")
_BODY_RU = r"сторон|делегаци|руководств|коллег|партн[её]р|товарищ|власт|официальн\w+\s+лиц|представител"
# a body of one side, named by its country's adjective or by what it governs
_PHRASES = (
    re.compile(rf"\b(?:the\s+)?(?P<adj>Chinese|Russian)\s+(?:(?:[A-Z]\w+\s+){{0,2}}(?:Ministry|Embassy)|(?:{_BODY_EN}))\b"),
    re.compile(rf"(?<!\w)(?P<adj>китайск|российск)\w*\s+(?:\w+\s+)?(?:{_BODY_RU})\w*"),
    re.compile(rf"\b(?:the\s+)?(?:leadership|leaders|government|authorities|officials|delegation)\s+(?:of|from)\s+"
               r"(?:the\s+)?"
               rf"(?:(?:[A-Z][\w-]+\s+){{1,3}}(?P<cn>Province|Municipality|Autonomous\s+Region)|(?P<of_cn>{_CHINA})"
               rf"|(?:[A-Z][\w-]+\s+){{1,3}}(?P<ru>Oblast|Krai|Region|Republic)|(?P<of_ru>{_RUSSIA}))\b"),
    re.compile(r"(?<!\w)(?:руководств|правительств|делегаци|власт|администраци)\w*\s+(?:[А-ЯЁа-яё]+\s+){0,4}?"
               r"(?:(?P<cn>провинци\w*|автономного\s+района|КНР|Китая)\s*(?:[А-ЯЁ][\w-]+)?"
               r"|(?P<ru>област\w*|края|республики|РФ|России)\s*(?:[А-ЯЁ][\w-]+)?)"),
)
_ADJ = {"chinese": "China", "китайск": "China", "russian": "Russia", "российск": "Russia"}


def find_counterpart(text: str, country: str) -> Counterpart | None:
    """The first phrase of `text` naming officials of `country` as a body ("the Chinese side",
    "руководством провинции Цзилинь"), or None."""
    found: list[Counterpart] = []
    for pattern in _PHRASES:
        for m in pattern.finditer(text):
            if _country_of(m) == country:
                found.append(Counterpart(m.group(0).strip(), country, m.start()))
                break
    return min(found, key=lambda c: c.start, default=None)


def _country_of(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    if groups.get("adj"):
        return _ADJ[groups["adj"].lower()]
    if groups.get("cn") or groups.get("of_cn"):
        return "China"
    if groups.get("ru") or groups.get("of_ru"):
        return "Russia"
    return None
