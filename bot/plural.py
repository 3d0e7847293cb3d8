"""Counts with their nouns: "1 meeting", "2 meetings". Every reply and console line that counts uses it."""

from __future__ import annotations


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """`number` and `noun`, singular for one and plural (`noun` + "s" unless given) otherwise; thousands grouped."""
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"
