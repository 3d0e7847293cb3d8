"""The Russian reader of titled officials: a name natasha finds, with a title right before or after it.

"губернатор Приморского края Олег Кожемяко", "с секретарем парткома провинции Хэйлунцзян Сюй Цинем",
"Игорь Краснов, генеральный прокурор России,": names are found by natasha's named-entity recogniser
(loaded once, only for Cyrillic text), put back in the nominative and transliterated; Chinese names written
in Palladius Cyrillic go back to pinyin. The country comes from the title, else from a Chinese name, else
Russia for a bare title Russian media leave unqualified. Kept apart from the English reader: it rests on a
language model and a morphological dictionary the English one never loads, and `spelt_in_latin` serves the
delegation lists of readouts as well.
"""

from __future__ import annotations

import os
import re
import sys
from functools import cache
from typing import Any

from extraction import palladius, russian_names
from extraction.titles import RU_TITLE_HEAD, country_in_russian
from extraction.types import Official

_RU_STOP = re.compile(r"(?<![\w-])(?:с|со|и|а|но|между|которы\w+|где|что)(?![\w-])|[;:()«»\"]", re.IGNORECASE)
_RU_VERB_POS = frozenset(["VERB", "INFN", "GRND", "PRTF", "PRTS"])
_RU_MAX_TITLE_WORDS = 9


@cache
def _natasha() -> tuple[Any, Any]:
    """natasha's segmenter and news NER model, loaded once per process and only for Cyrillic text.

    The model multiplies small matrices, one sentence at a time: BLAS threads gain nothing there and,
    on cores shared with other work, made it ten times slower (measured). They are held to one unless
    the process has said otherwise or numpy is already loaded.
    """
    if "numpy" not in sys.modules:
        for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(variable, "1")
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


def _person_spans(text: str) -> tuple[tuple[int, int], ...]:
    segmenter, tagger = _natasha()  # first: it decides how numpy starts
    from natasha import Doc

    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    return tuple((s.start, s.stop) for s in doc.spans if s.type == "PER")


def spelt_in_latin(written: str, *, case_of: str = "") -> tuple[str, str, bool]:
    """(Latin spelling, nominative as written, whether Chinese) of a name written in Cyrillic in any case:
    "Чэнь Вэньцином" → ("Chen Wenqing", "Чэнь Вэньцин", True), "Алексей Нечаев" → ("Alexei Nechaev", ..., False)."""
    chinese = palladius.chinese_nominative(written)
    if chinese is not None:
        return palladius.to_pinyin(chinese) or russian_names.transliterate(chinese), chinese, True
    native = russian_names.nominative(written, case_of=case_of)
    return russian_names.transliterate(native), native, False


def russian_officials(text: str) -> tuple[Official, ...]:
    out = []
    spans = _person_spans(text)
    for n, (start, end) in enumerate(spans):
        written = text[start:end]
        if not 2 <= len(written.split()) <= 3:
            continue
        floor = spans[n - 1][1] if n else 0
        title = _title_before(text, floor, start)
        title_first = title is not None
        title = title or _title_after(text, end)
        if title is None:
            continue
        name, native, chinese = spelt_in_latin(written, case_of=title.split()[0] if title_first else "")
        country = country_in_russian(title) or ("China" if chinese else None)
        if country is None and _bare(title) and russian_names.looks_russian(native):
            country = "Russia"  # "заместитель председателя правительства": Russian media leave Russia unsaid
        role = russian_names.title_nominative(title) if title_first else title
        out.append(Official(start, end, name, country, role, native, name_start=start))
    return tuple(out)


def _title_before(text: str, floor: int, start: int) -> str | None:
    """"губернатор Приморского края Олег ...": the title right before the name, within its clause."""
    window = text[max(floor, start - 120) : start]
    heads = list(RU_TITLE_HEAD.finditer(window))
    for head in heads:
        phrase = window[head.start() :].strip(" ,—–-")
        if _plausible_title(phrase):
            return phrase
    return None


def _title_after(text: str, end: int) -> str | None:
    """"Игорь Краснов, генеральный прокурор России, ...": the title set off by a comma after the name."""
    m = re.match(r",\s+([^,;:()]{3,100})", text[end:])
    if m is None:
        return None
    phrase = m.group(1).strip()
    head = RU_TITLE_HEAD.search(phrase)
    if head is None or len(phrase[: head.start()].split()) > 2:
        return None
    return phrase if _plausible_title(phrase) else None


def _bare(title: str) -> bool:
    """A title that names no other country's place or body ("генеральный прокурор", "глава Минэнерго"), unlike
    "премьер-министр Пакистана" or "генсек ООН", whose holder may be of any country."""
    if _RU_FOREIGN_BODY.search(title):
        return False
    morph = russian_names._analyzer()
    return not any("Geox" in parse.tag for word in title.split()[1:] if word[:1].isupper()
                   for parse in morph.parse(word.strip(".,"))[:1])


_RU_FOREIGN_BODY = re.compile(r"(?<![\w-])(?:США|ЕС|ООН|НАТО|ШОС|БРИКС|АСЕАН|ОПЕК|МАГАТЭ|ВТО|Евросоюз\w*)(?![\w-])")


def _plausible_title(phrase: str) -> bool:
    """A title reads as one noun phrase: no clause break, no verb, no "и"/"с", not too long."""
    words = phrase.split()
    if not words or len(words) > _RU_MAX_TITLE_WORDS or _RU_STOP.search(phrase):
        return False
    morph = russian_names._analyzer()
    return not any(morph.parse(w.strip(".,"))[0].tag.POS in _RU_VERB_POS for w in words if w[:1].islower())
