"""Web debris out, broken lines rejoined, a title picked: the article as a reader would see it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extraction.dates import find_dates
from extraction.decode import normalise_newlines

# Whole lines that page chrome, players and share widgets leave in copied or scraped text.
_DEBRIS = re.compile(
    r"""^(?:
        skip\ to\ (?:main\ )?content | advertisement | advertising | реклама | live\ broadcast
        | main\ slide | beginning\ of\ the\ article | select\ important | on | off | none | null
        | sign\ up\ now\b.* | subscribe\b.{0,80} | follow\ us\b.{0,80} | share(?:\ this)?(?:\ article)?
        | share\ on\ \w+ | (?:facebook|twitter|telegram|whatsapp|vk|email|print|copy\ link|x)
        | photo(?:s)?\s*:.{0,120} | фото\s*:.{0,120} | google\ preferred\ source\ badge
        | see\ more\ on\b.{0,80} | read\ more\b.{0,80} | also\ read\b.{0,80} | related(?:\ articles)?
        | newsroom\ logo | [\w\ ]{0,30}\ logo | loading\W* | (?:we\ use\ )?cookies?\b.{0,200}
        | all\ rights\ reserved.{0,80} | ©.{0,120} | copyright\b.{0,120}
        | переведено\ сервисом.{0,80} | озвучить\ текст | читайте\ также.{0,80}
        | подписывайтесь.{0,120} | поделиться | выбрать\ важное | главный\ слайд
        | начало\ статьи | прямой\ эфир
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_TYPOGRAPHY = {"\u2019": "'", "\u2018": "'", "\u2011": "-", "\u2010": "-", "\u00a0": " ", "\u200b": "", "\ufeff": ""}
_SENTENCE_END = re.compile(r"[.!?…][\"”»')\]]*$")
_BYLINE = re.compile(r"^(?:by|от|автор)\s", re.IGNORECASE)


@dataclass(frozen=True)
class Cleaned:
    """The article's paragraphs (one per line after rejoining) and its headline, if it has one."""

    title: str | None
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def _plain(line: str) -> str:
    """Straight apostrophes and hyphens, plain spaces; `str.translate` would do it far slower on non-ASCII text."""
    for fancy, plain in _TYPOGRAPHY.items():
        if fancy in line:
            line = line.replace(fancy, plain)
    return line


def is_debris(line: str) -> bool:
    """True for a line that carries no article content (menus, toggles, share buttons, credits)."""
    return bool(_DEBRIS.match(line.strip()))


def clean(text: str) -> Cleaned:
    """Drop debris first, then rejoin sentences that a page layout broke over several lines."""
    lines = [" ".join(_plain(raw).split()) for raw in normalise_newlines(text).split("\n")]
    paragraphs: list[str] = []
    for line in lines:
        if not line or is_debris(line):
            continue
        if paragraphs and _continues(paragraphs[-1], line):
            glue = "" if line[0] in ".,;:!?)]»”" else " "
            paragraphs[-1] = paragraphs[-1] + glue + line
        else:
            paragraphs.append(line)
    return Cleaned(title=pick_title(paragraphs), paragraphs=tuple(paragraphs))


def _continues(previous: str, line: str) -> bool:
    """A line that starts in lower case or with bare punctuation finishes the sentence above it."""
    if not any(ch.isalnum() for ch in line):
        return True
    if line[0] in ".,;:)]»”":
        return True
    return line[0].islower() and not _SENTENCE_END.search(previous)


def pick_title(paragraphs: list[str] | tuple[str, ...], *, window: int = 5) -> str | None:
    """The first headline-like line near the top: several words, no final full stop, not a byline nor a date.

    A headline-like line a page prints twice near its top (above the story and in it) is the headline, ahead
    of a site's name or its "today" widget above it ("13 июля 2025, Воскресенье г. ХАБАРОВСК").
    """
    candidates = [(n, line) for n, line in enumerate(paragraphs[: 2 * window]) if _headline_like(line)]
    lines = [line for _, line in candidates]
    repeated = next((line for k, line in enumerate(lines) if line in lines[k + 1 :]), None)
    return repeated or next((line for n, line in candidates if n < window), None)


def _headline_like(line: str) -> bool:
    words = line.split()
    if not 3 <= len(words) <= 30 or _SENTENCE_END.search(line) or line.endswith(":"):
        return False
    if _BYLINE.match(line) or line.lower().startswith(("last update", "updated", "published")):
        return False
    # a date with at most a weekday or a city beside it is a dateline or a widget, not a headline
    return not any(e.month and (e.year or e.day) and len(words) - len(e.text.split()) <= 3 for e in find_dates(line))
