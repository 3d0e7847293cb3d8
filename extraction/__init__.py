"""Pure extraction: article text in, meetings with evidence out. No I/O, no database, no Telegram."""

from extraction.decode import decode
from extraction.pipeline import extract

__all__ = ["decode", "extract"]
