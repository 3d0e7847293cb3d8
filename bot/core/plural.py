"""Counts with their nouns: "1 meeting", "2 meetings". Every reply and console line that counts uses it."""

from __future__ import annotations


def noun(number: int, singular: str, plural: str | None = None) -> str:
    """The noun that agrees with `number`: `singular` for one, else `plural` (`singular` + "s" unless given)."""
    return singular if number == 1 else plural or singular + "s"


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """`number` (thousands grouped) and the noun that agrees with it."""
    return f"{number:,} {noun(number, singular, plural)}"
