"""Russian personal names: back to the nominative from any case, and into Latin as English media spell them.

"Олегом Кожемяко" → "Олег Кожемяко" → "Oleg Kozhemyako". The nominative comes from `pymorphy3`'s
dictionary of first names, patronymics and surnames, with the case of the first name steering the rest;
surnames it does not know decline by the usual endings (-ов/-ев/-ин, -ский). The Latin spelling follows
the BGN/PCGN-like style of English-language wires (Sergei, Yevgeny, Nikolai, Dmitry, Kozhemyako).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
_VOWELS = "аеёиоуыэюя"
# The wires' spellings of a few first-name stems that letter-by-letter would miss (Alexander, not Aleksandr)
_STEMS = (("александр", "alexander"), ("алекс", "alex"), ("макс", "max"))


def transliterate(name: str) -> str:
    """"Сергей Кожемяко" → "Sergei Kozhemyako"; words keep their capital letters."""
    return " ".join("-".join(_word(part) for part in word.split("-")) for word in name.split())


def _word(word: str) -> str:
    if _INITIALS.fullmatch(word):  # "М.Ф." → "M.F."
        return "".join(_LETTERS[letter.lower()].capitalize() + "." for letter in word[::2])
    low = word.lower()
    out = []
    i = 0
    for stem, latin in _STEMS:
        if low.startswith(stem):
            out.append(latin)
            i = len(stem)
            break
    while i < len(low):
        ch = low[i]
        prev = low[i - 1] if i else ""
        nxt = low[i + 1] if i + 1 < len(low) else ""
        if ch == "е" and (not prev or prev in _VOWELS or prev in "ьъ"):
            out.append("ye")
        elif ch == "ё" and prev and prev not in _VOWELS and prev not in "ьъ" and prev not in "жчшщ":
            out.append("yo")
        elif ch == "ё":
            out.append("o" if prev in "жчшщ" else "yo")
        elif ch == "и" and nxt == "й" and i + 2 == len(low):
            out.append("y")  # Dmitry, Vasily
            i += 1
        elif ch == "ы" and nxt == "й" and i + 2 == len(low):
            out.append("y")
            i += 1
        elif ch == "й" and (prev in "еау" or (prev == "о" and nxt)):
            out.append("i")  # Sergei, Nikolai, Shoigu
        elif ch == "ь" and nxt == "и":
            out.append("y")  # Ilyich, Ilyin; before е, ё the vowel brings its own y (Yuryev)
        else:
            out.append(_LETTERS.get(ch, ch))
        i += 1
    text = "".join(out)
    return text[:1].upper() + text[1:] if word[:1].isupper() else text


_CASES = ("gent", "datv", "accs", "ablt", "loct", "nomn")
_NAME_TAGS = ("Name", "Surn", "Patr")
# Endings of surnames pymorphy3 does not know, by case: (ending in the text, nominative ending)
_SURNAME_ENDINGS = {
    "masc": (("ским", "ский"), ("ского", "ский"), ("скому", "ский"), ("ском", "ский"), ("ым", ""), ("ом", ""),
             ("ем", ""), ("а", ""), ("у", ""), ("е", "")),
    "femn": (("ской", "ская"), ("скую", "ская"), ("ой", "а"), ("у", "а")),
}
_SURNAME_STEM = re.compile(r"(?:ов|ев|ёв|ин|ын)$")
_INITIALS = re.compile(r"(?:[А-ЯЁ]\.){1,2}")


@cache
def _analyzer() -> Any:
    """pymorphy3's analyser, loaded once per process and only when a Russian name needs it."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def nominative(name: str, *, case_of: str = "") -> str:
    """A Russian name in any case, in the nominative: "Юрием Трутневым" → "Юрий Трутнев".

    The first name tells the case; a first name pymorphy3 does not know ("Имраном Ханом") takes it from
    `case_of`, the title word before the name ("премьер-министром"), which stands in the same case.
    """
    words = name.split()
    if not words:
        return name
    if len(words) > 1 and _INITIALS.fullmatch(words[0]):  # "М.Ф. Мирхайдаровым": the surname tells the case
        return f"{words[0]} {_surname_nominative(' '.join(words[1:]), case_of)}"
    morph = _analyzer()
    case, gender = None, None
    for parse in morph.parse(words[0]):
        if "Name" in parse.tag and parse.tag.case in _CASES:
            case, gender = parse.tag.case, parse.tag.gender
            break
    else:
        if case_of and words[0][-2:] in ("ом", "ем", "ым", "им"):
            case = next((p.tag.case for p in morph.parse(case_of) if p.tag.POS == "NOUN"), None)
            gender = "masc"
    if case is None or case == "nomn":
        return name
    return " ".join(_word_nominative(word, case, gender) for word in words)


def _surname_nominative(surname: str, case_of: str) -> str:
    """A surname after initials: its case from the dictionary's surnames, else from the title before it."""
    morph = _analyzer()
    parse = next((p for p in morph.parse(surname) if "Surn" in p.tag and p.tag.case in _CASES), None)
    if parse is not None:
        return _word_nominative(surname, parse.tag.case, parse.tag.gender)
    case = next((p.tag.case for p in morph.parse(case_of) if p.tag.POS == "NOUN"), None) if case_of else None
    return surname if case in (None, "nomn") else _word_nominative(surname, case, "masc")


def _word_nominative(word: str, case: str, gender: str | None) -> str:
    for parse in _analyzer().parse(word):
        tag = parse.tag
        if any(t in tag for t in _NAME_TAGS) and tag.case == case and (gender is None or tag.gender in (gender, None)):
            form = parse.inflect({"nomn"})
            if form is not None:
                return _like(word, form.word)
    low = word.lower()
    for ending, nominative_ending in _SURNAME_ENDINGS.get(gender or "masc", ()):
        stem = low[: len(low) - len(ending)]
        if low.endswith(ending) and (nominative_ending or _SURNAME_STEM.search(stem)
                                     or (case == "ablt" and ending == "ом")):  # Ханом → Хан
            return _like(word, stem + nominative_ending)
    return word


def _like(original: str, word: str) -> str:
    """`word` with the capitals of the original: "трутнев" → "Трутнев", "ли-петров" → "Ли-Петров"."""
    return "-".join(p[:1].upper() + p[1:] if o[:1].isupper() else p
                    for o, p in zip(original.split("-"), word.split("-"), strict=False))


def is_first_name(word: str) -> bool:
    """Whether pymorphy3 knows the word, in any case, as a first name ("Дмитрия", "Николаем")."""
    return any("Name" in p.tag for p in _analyzer().parse(word))


def looks_russian(name: str) -> bool:
    """A first name pymorphy3 knows as one, followed by a family name: a Russian (or Slavic) person."""
    words = name.split()
    if not 2 <= len(words) <= 3:
        return False
    return is_first_name(words[0])


def title_nominative(title: str) -> str:
    """A Russian title back in the nominative, as a role reads: "заместителем председателя правительства" →
    "заместитель председателя правительства", "генеральным прокурором России" → "генеральный прокурор России".

    The words up to the first noun agree with it and change; the genitives after it stay as written.
    """
    words = title.split()
    morph = _analyzer()
    out = list(words)
    for i, word in enumerate(words):
        parse = next((p for p in morph.parse(word) if p.tag.POS in ("NOUN", "ADJF", "PRTF") and p.tag.case), None)
        if parse is None:
            break
        form = parse.inflect({"nomn", "sing"} if parse.tag.number == "sing" else {"nomn"})
        if form is not None:
            out[i] = _like(word, form.word)
        if parse.tag.POS == "NOUN" or word.lower().startswith(_NOUN_LIKE):
            break
    if len(out) > 1 and out[-1].lower().startswith(_RANKS):  # "командующим флотом адмиралом": the rank too
        rank = next((p for p in morph.parse(out[-1]) if p.tag.POS == "NOUN" and p.tag.case == "ablt"), None)
        if rank is not None and (form := rank.inflect({"nomn", "sing"})) is not None:
            out[-1] = _like(out[-1], form.word)
    return " ".join(out)


# participles and adjectives that stand as the head of a title ("командующим Северным флотом": the commander of
# the Northern Fleet); what follows them is their complement and keeps its case
_NOUN_LIKE = ("командующ", "управляющ", "исполняющ", "уполномоченн", "ответственн", "заведующ")
_RANKS = ("адмирал", "вице-адмирал", "контр-адмирал", "генерал", "маршал", "полковник")
