"""Bytes of an uploaded article → text, whatever encoding the outlet used."""

from __future__ import annotations

import codecs

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1251, so Russian sites read."""
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    elif data.startswith(_UTF16_BOMS):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1251", errors="replace")
    return normalise_newlines(text.replace("\x00", ""))


def normalise_newlines(text: str) -> str:
    """Windows and old-Mac line ends become `\\n`, so later stages see one kind of line."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
