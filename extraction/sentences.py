"""Sentence splitting that survives abbreviations (Mr., St., U.S., Sept.) and quoted speech."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_ABBREVIATIONS = frozenset(
    [
        "mr", "mrs", "ms", "dr", "st", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov",
        "sen", "rep", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "no", "nos", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g",
        "i.e", "a.m", "p.m", "approx", "dept", "est", "г", "гг", "им", "т.е", "т.д", "ул", "др", "пр"
    ]
)
_BOUNDARY = re.compile(r"[.!?…]+[\"”»')\]]*(?=\s+[\"“«'(\[—–\-]?[A-ZА-ЯЁ0-9])")
_QUOTES = re.compile(r"[\"“”«»]")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")
_MAX_QUOTE = 1500  # a quotation longer than this is more likely an unpaired mark than one utterance


@dataclass(frozen=True)
class Sentence:
    """A sentence with where it stands: its paragraph and its position in the article."""

    text: str
    paragraph: int
    index: int


def split_sentences(text: str) -> list[str]:
    """Split one paragraph into sentences; a quotation is kept whole when its marks pair up."""
    spans = _quote_spans(text)
    out: list[str] = []
    start = 0
    span = 0  # spans and boundaries both run left to right, so one pointer walks the spans
    for m in _BOUNDARY.finditer(text):
        cut = m.end()
        while span < len(spans) and spans[span][1] <= m.start():
            span += 1
        quoted = span < len(spans) and spans[span][0] < m.start() < spans[span][1] and cut <= spans[span][1]
        if _is_abbreviation(text, m.start()) or quoted:
            continue
        piece = text[start:cut].strip()
        if piece:
            out.append(piece)
        start = cut
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def split_paragraphs(paragraphs: Sequence[str]) -> tuple[Sentence, ...]:
    """Every sentence of the article, numbered, each remembering its paragraph."""
    sentences: list[Sentence] = []
    for p, paragraph in enumerate(paragraphs):
        for text in split_sentences(paragraph):
            sentences.append(Sentence(text=text, paragraph=p, index=len(sentences)))
    return tuple(sentences)


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    before = text[max(0, dot - 12) : dot].split()
    if not before:
        return False
    word = before[-1].lstrip("\"“«(").lower()
    return word in _ABBREVIATIONS or _INITIALS.fullmatch(word) is not None  # "V.", "М.Ф." before a surname


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Pairs of opening and closing quotation marks, in order, as (open, close) positions."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for m in _QUOTES.finditer(text):
        ch, pos = m.group(0), m.start()
        if opened is None:
            if ch in "\"“«":
                opened = pos
        elif ch in "\"”»" and pos - opened <= _MAX_QUOTE:
            spans.append((opened, pos))
            opened = None
        elif ch in "\"”»":
            opened = None
        else:
            opened = pos
    return spans
