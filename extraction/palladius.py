"""Chinese names between pinyin and the Russian Palladius system ("Сюй Цинь" ↔ "Xu Qin").

Russian media write Chinese names in Palladius Cyrillic, English media in pinyin. Both spell the same
syllables, so the table is built once from pinyin (initial + final) and read backwards: a Cyrillic
name is cut into Palladius syllables (the fewest that cover it) and each is given its pinyin.
A name whose family name is a common Chinese one and whose every part cuts into syllables is taken
to be Chinese; that, with a title, tells whose side a stranger is on.
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import cache

_INITIALS = {
    "": "", "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л", "g": "г", "k": "к",
    "h": "х", "j": "цз", "q": "ц", "x": "с", "zh": "чж", "ch": "ч", "sh": "ш", "r": "ж", "z": "цз", "c": "ц", "s": "с",
}  # fmt: skip
# Finals after a consonant; the syllables pinyin writes with y- and w- are listed apart below.
_FINALS = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань", "en": "энь",
    "ang": "ан", "eng": "эн", "ong": "ун", "i": "и", "ia": "я", "iao": "яо", "ie": "е", "iu": "ю", "ian": "янь",
    "in": "инь", "iang": "ян", "ing": "ин", "iong": "юн", "u": "у", "ua": "уа", "uo": "о", "uai": "уай",
    "ui": "уй", "uan": "уань", "un": "унь", "uang": "уан", "ü": "юй", "üe": "юэ", "üan": "юань", "ün": "юнь",
}  # fmt: skip
_ZERO_INITIAL = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань", "en": "энь",
    "ang": "ан", "eng": "эн", "er": "эр", "yi": "и", "ya": "я", "yao": "яо", "ye": "е", "you": "ю", "yan": "янь",
    "yin": "инь", "yang": "ян", "ying": "ин", "yong": "юн", "yu": "юй", "yue": "юэ", "yuan": "юань", "yun": "юнь",
    "wu": "у", "wa": "ва", "wo": "во", "wai": "вай", "wei": "вэй", "wan": "вань", "wen": "вэнь", "wang": "ван",
    "weng": "вэн",
}  # fmt: skip
_PALATAL = ("j", "q", "x")  # only before i and ü finals
_RETROFLEX = ("zh", "ch", "sh", "r")
_DENTAL = ("z", "c", "s")
_LABIAL = ("b", "p", "m", "f")
# The families of most Chinese officials; written in pinyin, turned into Palladius by the same table.
def word_set(text: str) -> frozenset[str]:
    """The words of a text written as a list, one word per space."""
    return frozenset(text.split())


_SURNAMES = word_set(
    "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang"
    " han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lü ding ren lu shen yao"
    " cui zhong tan fan liao jin shi jia xia fu fang zou xiong bai meng qin qiu hou yin xue yan duan lei long tao"
    " mao hao gu gong shao wan qian kong xiang niu qi guan ying chu wen chai ji bao kang geng shang yi qu ruan lou"
    " ni mo tong ou zhan miao hong ge mu nie chang yue shu rao hua che zhai ai lai xi le bi zuo dai qiao sheng rong"
    " ning zang jing xin kou lan ran quan lian zhuo an"
)


def _syllables() -> dict[str, str]:
    """Every pinyin syllable a name may use, with its Palladius spelling."""
    out = dict(_ZERO_INITIAL)
    for initial, cyr in _INITIALS.items():
        for final, fcyr in _FINALS.items():
            if not (initial and _pairs(initial, final)):
                continue
            pinyin = initial + final
            spelled = cyr + fcyr
            if final == "i" and initial in _DENTAL:
                spelled = cyr + "ы"  # zi, ci, si
            if initial in _PALATAL and final.startswith("ü"):
                pinyin = initial + "u" + final[1:]  # ju, xue, quan, jun
            if initial == "h" and final == "ui":
                spelled = "хуэй"
            out[pinyin] = spelled
    return out


def _pairs(initial: str, final: str) -> bool:
    """Whether pinyin has this initial with this final (roughly: a few rare gaps are let through)."""
    front = final.startswith(("i", "ü"))
    if final == "o" or final == "uo":
        return (final == "o") == (initial in _LABIAL)
    if initial in _PALATAL:
        return front
    if initial in (*_RETROFLEX, *_DENTAL, "g", "k", "h", "f"):
        return not front or (final == "i" and initial in (*_RETROFLEX, *_DENTAL))
    return not final.startswith("ü") or initial in ("n", "l")


@cache
def _to_pinyin() -> dict[str, str]:
    """Palladius syllable → pinyin, for reading Russian spellings back."""
    out: dict[str, str] = {}
    for pinyin, cyr in _syllables().items():
        out.setdefault(cyr, pinyin.replace("ü", "u"))
    return out


@cache
def _surnames_cyrillic() -> frozenset[str]:
    table = _syllables()
    return frozenset(table[s] for s in _SURNAMES if s in table)


@cache
def _pinyin_syllables() -> frozenset[str]:
    return frozenset(p.replace("ü", "u") for p in _syllables())


_MAX_SYLLABLE = 6  # "чжуань", "цзюань"


def _fewest(word: str, syllables: Container[str]) -> list[str] | None:
    """The fewest syllables of the table that spell the word, in order, or None when none do."""
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - _MAX_SYLLABLE), end):
            before = best[start]
            piece = word[start:end]
            if before is not None and piece in syllables and (best[end] is None or len(before) + 1 < len(best[end])):
                best[end] = [*before, piece]
    return best[len(word)]


def split_palladius(word: str) -> list[str] | None:
    """The fewest Palladius syllables that spell a word ("ханьхуэй" → хань, хуэй), or None."""
    return _fewest(word.lower().replace("ё", "е"), _to_pinyin())


def to_pinyin(name: str) -> str | None:
    """"Сюй Цинь" → "Xu Qin", "Ван Вэньтао" → "Wang Wentao"; None when a part is no Palladius spelling."""
    parts = []
    for word in re.split(r"[\s-]+", name.strip()):
        syllables = split_palladius(word)
        if not syllables or len(syllables) > 3:
            return None
        pinyin = "".join(_to_pinyin()[s] for s in syllables)
        parts.append(pinyin.capitalize())
    return " ".join(parts) if parts else None


def looks_chinese_cyrillic(name: str) -> bool:
    """A Chinese family name first, then given names of one or two Palladius syllables each."""
    return _given_syllables(name) is not None


def _given_syllables(name: str) -> int | None:
    """How many syllables the given name of a Chinese name in Palladius has; None if it is no such name."""
    words = name.split()
    if not 2 <= len(words) <= 3 or words[0].lower().replace("ё", "е") not in _surnames_cyrillic():
        return None
    count = 0
    for word in words[1:]:
        syllables = split_palladius(word)
        if syllables is None or len(syllables) > 2:
            return None
        count += len(syllables)
    return count


def split_pinyin(word: str) -> list[str] | None:
    """The fewest pinyin syllables that spell a word ("Hanhui" → han, hui), or None."""
    return _fewest(word.lower().replace("'", ""), _pinyin_syllables())


def looks_chinese_latin(name: str) -> bool:
    """"Xu Qin", "Zhang Hanhui": a Chinese family name, then a given name of one or two pinyin syllables."""
    words = name.split()
    if len(words) != 2 or words[0].lower() not in _SURNAME_SET:
        return False
    given = split_pinyin(words[1])
    return given is not None and len(given) <= 2


_SURNAME_SET = frozenset(s.replace("ü", "u") for s in _SURNAMES)


def decline_back(word: str) -> list[str]:
    """The nominatives a Chinese given name in a case form may stand for: "Цинем" → Цинь, "Ханьхуэем" → Ханьхуэй."""
    low = word.lower()
    out = [word]
    for ending, replacements in _CASE_ENDINGS:
        if low.endswith(ending) and len(low) > len(ending) + 1:
            stem = word[: len(word) - len(ending)]
            out += [stem + r for r in replacements]
    return out


# A Chinese given name ending in a consonant declines as a masculine noun: Цинь → Циня, Циню, Цинем, Цине.
_CASE_ENDINGS = (
    ("ем", ("ь", "й")), ("ом", ("",)), ("я", ("ь", "й")), ("ю", ("ь", "й")), ("а", ("",)), ("у", ("",)),
    ("е", ("ь", "й", "")),
)  # fmt: skip


def chinese_nominative(name: str) -> str | None:
    """A Chinese name as Russian media write it in any case, back in the nominative, or None if not Chinese.

    Of the readings ("Вэйдуна" as вэй-ду-на or as Вэйдун in the genitive) the one of fewest syllables wins:
    a given name has one or two.
    """
    words = name.split()
    if not 2 <= len(words) <= 3:
        return None
    best: tuple[int, str] | None = None
    for last in decline_back(words[-1]):
        candidate = " ".join([*words[:-1], last])
        count = _given_syllables(candidate)
        if count is not None and (best is None or count < best[0]):
            best = (count, candidate)
    return best[1] if best else None
