"""The one rule for when two spellings of a name are the same spelling.

A reader's typed words (`/who`, `/topic`, `/follow`), the spellings the lookup indexes, the knowledge
base's check that no spelling names two entries, and the key under which the store finds a person again
all fold with `spelling_key`, so a name stored one way is found however it is typed.
"""

from __future__ import annotations

import re
import unicodedata

_PUNCTUATION = re.compile(r"[^\w\s]|_")
_POSSESSIVE = re.compile(r"['’]s\b")
_BREVE = "\u0306"  # й is a letter of its own, not и with an accent: "Сергей" is not "Сергеи"


def spelling_key(text: str) -> str:
    """Lower case, no accents (й kept), ё as е, no possessive 's, punctuation as spaces, single spaces."""
    text = _POSSESSIVE.sub("", text.casefold())
    if not text.isascii():  # ASCII has no accents to drop: most spellings, at start-up
        text = unicodedata.normalize("NFKD", text.replace("ё", "е"))
        text = "".join(c for c in text if not unicodedata.combining(c) or c == _BREVE)
        text = unicodedata.normalize("NFC", text)
    return " ".join(_PUNCTUATION.sub(" ", text).split())
