"""Bytes of an uploaded article → text, whatever encoding the outlet used."""

from __future__ import annotations

import codecs
import re

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SHORT = 400  # bytes: below this, statistics cannot tell Windows-1251 from KOI8-R or Mac Cyrillic
_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
_MAX_CHAOS = 0.2  # charset-normalizer's mess ratio above which a guess is not worth showing


class UnreadableArticle(ValueError):
    """The bytes hold no article text; the message says why."""


def decode(data: bytes) -> str:
    """UTF-8 and BOM-marked UTF-16 first, then UTF-16 without BOM, Windows-1251, or charset-normalizer's guess."""
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    elif data.startswith(_UTF16_BOMS):
        text = data.decode("utf-16", errors="replace")
    else:
        text = _guess(data)
    return normalise_newlines(text.replace("\x00", ""))


def _guess(data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:  # UTF-16 of non-Latin text can be valid UTF-8 made of control characters
        if len(_CONTROL.findall(text.replace("\x00", ""))) <= len(text) / 50:
            return text
    if (utf16 := _utf16_without_bom(data)) is not None:
        return utf16
    if len(data) < _SHORT and (cyrillic := _short_cyrillic(data)) is not None:
        return cyrillic
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    text = str(best) if best is not None and best.chaos <= _MAX_CHAOS else None
    if text is None or len(_CONTROL.findall(text)) > len(text) / 50 or not _latin_or_cyrillic(text):
        raise UnreadableArticle("the text is in an encoding I cannot read (I read English and Russian)")
    return text


def _latin_or_cyrillic(text: str) -> bool:
    """A guess that yields mostly other scripts (random bytes read as Korean, say) is a wrong guess."""
    letters = _LETTER.findall(text[:20000])
    readable = sum(1 for c in letters if c < "\u0250" or "\u0400" <= c < "\u0530")
    varied = len(set(letters)) >= 10 or len(letters) < 100  # prose uses many letters; a misread, a handful
    return bool(letters) and varied and readable >= 0.5 * len(letters)


def _utf16_without_bom(data: bytes) -> str | None:
    """In UTF-16 one byte of each pair is nearly constant (0 for Latin, 4 for Cyrillic); its side gives the order."""
    if len(data) < 8 or len(data) % 2:
        return None
    even, odd = _concentration(data[0::2]), _concentration(data[1::2])
    order = "utf-16-le" if odd > 0.9 and even < 0.6 else "utf-16-be" if even > 0.9 and odd < 0.6 else None
    if order is None:
        return None
    try:
        text = data.decode(order)
    except UnicodeDecodeError:
        return None
    return None if _CONTROL.search(text.replace("\x00", "")) else text


def _concentration(column: bytes) -> float:
    """The share of bytes taken by the three commonest values."""
    counts = sorted((column.count(value) for value in set(column)), reverse=True)
    return sum(counts[:3]) / len(column)


def _short_cyrillic(data: bytes) -> str | None:
    """A short text whose letters read as Cyrillic in Windows-1251, the commonest Russian legacy encoding."""
    text = data.decode("cp1251", errors="replace")
    letters = _LETTER.findall(text)
    cyrillic = _CYRILLIC.findall(text)
    if not cyrillic or len(cyrillic) < 0.5 * len(letters) or _CONTROL.search(text):
        return None
    return text


def normalise_newlines(text: str) -> str:
    """Windows and old-Mac line ends become `\\n`, so later stages see one kind of line."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
